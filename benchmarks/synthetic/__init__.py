"""Synthetic travel documents with known MRZs, for benchmarking the reader (see documents.py)."""

from benchmarks.synthetic.documents import CONDITIONS, Sample, generate, render_document

__all__ = ["CONDITIONS", "Sample", "generate", "render_document"]
