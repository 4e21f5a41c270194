"""Benchmarks: speed and accuracy figures printed beside the baselines they must beat. Run with `./dev bench`."""
