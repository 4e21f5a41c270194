"""MRZ reading: our reader against PassportEye 2.2.2, on the same images in the same run.

    ./dev bench mrz_reading                      # ~20 synthetic images per condition + all real specimens
    ./dev bench mrz_reading -- --per-condition 100 --seed 3
    ./dev bench mrz_reading -- --no-passporteye  # ours only (PassportEye takes ~1.5 s per image)

Per condition it prints document exact-match %, character accuracy, and median / p95 seconds per image for
both readers. Real specimens come from ../shared/data/mrz-real/ (truth.json; the `real` and `real_badcheck`
levels are reported separately). Images are handed to both readers as encoded file bytes, so decoding is
part of the measured time, as it is at the desk. Each reader's model-loading time is measured once, apart.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "mrz-real"
TODAY = date(2026, 1, 15)  # fixed, so that date findings do not drift between runs


@dataclass
class Case:
    name: str
    condition: str
    lines: tuple[str, ...]
    image: bytes


@dataclass
class Tally:
    exact: int = 0
    chars_right: int = 0
    chars_total: int = 0
    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, truth: tuple[str, ...], read: list[str] | None, seconds: float, name: str) -> None:
        self.seconds.append(seconds)
        right, total = char_score(truth, read)
        self.chars_right += right
        self.chars_total += total
        if read is not None and tuple(read) == tuple(truth):
            self.exact += 1
        else:
            self.failures.append(name)

    def row(self) -> tuple[str, str, str, str]:
        n = len(self.seconds)
        if not n:
            return ("-", "-", "-", "-")
        secs = sorted(self.seconds)
        p95 = secs[min(n - 1, max(0, round(0.95 * n + 0.5) - 1))]
        return (
            f"{100 * self.exact / n:5.1f}",
            f"{100 * self.chars_right / max(1, self.chars_total):5.1f}",
            f"{statistics.median(secs):5.2f}",
            f"{p95:5.2f}",
        )


def char_score(truth: tuple[str, ...], read: list[str] | None) -> tuple[int, int]:
    """Characters right at their position, over the true MRZ's characters (a missing line counts wrong)."""
    total = sum(len(x) for x in truth)
    if not read:
        return 0, total
    right = 0
    for i, line in enumerate(truth):
        got = read[i] if i < len(read) else ""
        right += sum(1 for a, b in zip(line, got, strict=False) if a == b)
    return right, total


def real_cases(folder: Path) -> list[Case]:
    truth_file = folder / "truth.json"
    if not truth_file.is_file():
        return []
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    cases = []
    for name, item in sorted(truth.items()):
        path = folder / name
        if path.is_file():
            cases.append(Case(name, item.get("level", "real"), tuple(item["lines"]), path.read_bytes()))
    return cases


def synthetic_cases(per_condition: int, seed: int, conditions: list[str]) -> list[Case]:
    from benchmarks.synthetic import generate

    cases = []
    for condition in conditions:
        for s in generate(condition, per_condition, seed=seed):
            cases.append(Case(s.name, condition, s.lines, s.image))
    return cases


def ours() -> tuple[Callable[[bytes], list[str] | None], float]:
    t = time.perf_counter()
    from hotel_desk.recognition import read_mrz
    from hotel_desk.recognition.ocr import ensure_available

    ensure_available()
    startup = time.perf_counter() - t

    def read(data: bytes) -> list[str] | None:
        result = read_mrz(data, today=TODAY)
        return list(result.mrz_lines) if result.mrz_lines else None

    return read, startup


def passporteye() -> tuple[Callable[[bytes], list[str] | None], float] | None:
    import warnings

    # PassportEye 2.2.2 calls scikit-image APIs deprecated since 0.25: one warning per image otherwise.
    warnings.filterwarnings("ignore", category=FutureWarning, module="passporteye")
    warnings.filterwarnings("ignore", category=FutureWarning, module="skimage")
    t = time.perf_counter()
    try:
        from passporteye import read_mrz as pe_read
    except ImportError:
        print("PassportEye is not installed (pip install -e '.[dev]'); comparing skipped", file=sys.stderr)
        return None
    startup = time.perf_counter() - t

    def read(data: bytes) -> list[str] | None:
        try:
            mrz = pe_read(io.BytesIO(data))
        except Exception:
            return None
        if mrz is None:
            return None
        text = (mrz.aux or {}).get("text", "")
        return [line for line in text.split("\n") if line.strip()] or None

    return read, startup


def _load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "n/a"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="mrz_reading", description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-condition", type=int, default=20, help="synthetic images per condition (20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--conditions", default="scan_clean,scan_noisy,rotated,camera,small")
    parser.add_argument("--real-dir", type=Path, default=REAL_DIR)
    parser.add_argument("--no-passporteye", action="store_true", help="only our reader")
    parser.add_argument("--no-real", action="store_true")
    parser.add_argument("--show-failures", action="store_true", help="print the names of images read wrong")
    args = parser.parse_args(argv)

    conditions = [c for c in args.conditions.split(",") if c] if args.per_condition > 0 else []
    t = time.perf_counter()
    cases = synthetic_cases(args.per_condition, args.seed, conditions)
    print(f"generated {len(cases)} synthetic images in {time.perf_counter() - t:.1f} s (seed {args.seed})")
    if not args.no_real:
        real = real_cases(args.real_dir)
        if not real:
            print(f"real specimens not found in {args.real_dir}; skipped")
        cases += real

    readers: dict[str, Callable[[bytes], list[str] | None]] = {}
    read, startup = ours()
    readers["ours"] = read
    print(f"ours: engine start-up {startup:.2f} s")
    if not args.no_passporteye:
        pe = passporteye()
        if pe is not None:
            readers["passporteye"] = pe[0]
            print(f"passporteye: import {pe[1]:.2f} s")

    order = list(dict.fromkeys(c.condition for c in cases))
    tallies = {(r, c): Tally() for r in readers for c in order}
    load_before = _load_average()
    peak_after: dict[str, float] = {}
    # One reader at a time over all images: the peak memory after our pass is our reader's (plus the
    # images held by the benchmark), before PassportEye's scikit-image arrays come in.
    for rname, reader in readers.items():
        for case in cases:
            t = time.perf_counter()
            got = reader(case.image)
            tallies[(rname, case.condition)].add(case.lines, got, time.perf_counter() - t, case.name)
        peak_after[rname] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    header = f"{'condition':<15}{'n':>4}  " + "  ".join(
        f"{r + ' exact%':>18}{'char%':>7}{'med s':>7}{'p95 s':>7}" for r in readers
    )
    print()
    print(header)
    print("-" * len(header))
    for cond in order:
        n = len(tallies[(next(iter(readers)), cond)].seconds)
        cells = []
        for r in readers:
            exact, chars, med, p95 = tallies[(r, cond)].row()
            cells.append(f"{exact:>18}{chars:>7}{med:>7}{p95:>7}")
        print(f"{cond:<15}{n:>4}  " + "  ".join(cells))
    print()
    for rname, peak in peak_after.items():
        print(f"peak memory of the benchmark process after {rname}: {peak:.0f} MB")
    print(
        f"load average (1 min) before / after the readers: {load_before} / {_load_average()} on {os.cpu_count()} CPUs"
    )
    if args.show_failures:
        for (r, cond), tally in tallies.items():
            if tally.failures:
                print(f"{r} {cond}: {', '.join(tally.failures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
