"""MRZ reading: our reader against PassportEye 2.2.2 and fastmrz 2.1.2, on the same images in the same run.

    ./dev bench mrz_reading                          # 20 images per condition, hold-out pages, real specimens
    ./dev bench mrz_reading -- --per-condition 100 --seed 3
    ./dev bench mrz_reading -- --readers ours        # ours only (the baselines take 1-2 s per image)
    ./dev bench mrz_reading -- --show-failures

Conditions: the benchmark generator's (benchmarks/synthetic: scans, rotations, camera photos, small web
images, plain pages, passport-reader white/IR/UV captures, inverted scans, visa stickers, watermarked
photos, cards held in a hand), the training generator's HOLD-OUT configuration (training/mrz/pages.py: a
font, grounds and degradations the recognizer was never trained on) and the real specimens in
../shared/data/mrz-real/ (truth.json; `real` and `real_badcheck` reported apart).

Per condition and reader: exact-match %, character %, silent errors, the share of right readings that
still flag a field for review (`rev%`: the receptionist's extra look), median / p95 seconds and median CPU
seconds per image (this process and its children: the baselines run Tesseract as a subprocess). A silent
error is a wrong reading that passes every check digit and whose wrong fields are not all in
`needs_review` (the baselines have no review, so any wrong reading that passes the checks is silent).
Images are handed to every reader as encoded file bytes, so decoding is part of the measured time.
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
GENERATOR_CONDITIONS = (
    "scan_clean,scan_noisy,rotated,camera,small,plain,reader,inverted,sticker,watermark,hand"
)
HOLDOUT_CONDITIONS = "holdout_scan,holdout_rotated,holdout_camera"


@dataclass
class Case:
    name: str
    condition: str
    lines: tuple[str, ...]
    image: bytes


@dataclass
class Reading:
    lines: list[str] | None
    review_fields: frozenset[str] = frozenset()


@dataclass
class Tally:
    exact: int = 0
    chars_right: int = 0
    chars_total: int = 0
    silent: int = 0
    flagged_right: int = 0  # right readings that still asked a person to compare some field
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, truth: tuple[str, ...], read: Reading, seconds: float, cpu: float, name: str) -> None:
        self.seconds.append(seconds)
        self.cpu.append(cpu)
        right, total = char_score(truth, read.lines)
        self.chars_right += right
        self.chars_total += total
        if read.lines is not None and tuple(read.lines) == tuple(truth):
            self.exact += 1
            self.flagged_right += bool(read.review_fields)
            return
        self.failures.append(name)
        if is_silent(truth, read):
            self.silent += 1

    def row(self) -> tuple[str, ...]:
        n = len(self.seconds)
        if not n:
            return ("-",) * 7
        secs = sorted(self.seconds)
        p95 = secs[min(n - 1, max(0, round(0.95 * n + 0.5) - 1))]
        return (
            f"{100 * self.exact / n:5.1f}",
            f"{100 * self.chars_right / max(1, self.chars_total):5.1f}",
            f"{self.silent}",
            f"{100 * self.flagged_right / max(1, self.exact):5.1f}",
            f"{statistics.median(secs):5.2f}",
            f"{p95:5.2f}",
            f"{statistics.median(self.cpu):5.2f}",
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


def is_silent(truth: tuple[str, ...], read: Reading) -> bool:
    """A wrong reading that passes its check digits, with some wrong field not flagged for review."""
    from hotel_desk.documents import check_mrz, detect_format, parse_mrz

    if not read.lines:
        return False
    check = check_mrz(list(read.lines), today=TODAY, candidates=False)
    if check.document is None or not check.document.check_digits_ok:
        return False
    if detect_format(list(truth)) is None or [len(x) for x in truth] != [len(x) for x in read.lines]:
        return not read.review_fields
    spans = parse_mrz(list(truth), today=TODAY).spans
    wrong = set()
    for name, s in spans.items():
        if truth[s.line][s.start : s.end] != read.lines[s.line][s.start : s.end]:
            wrong.add(name)
    # Characters outside the named fields (check digits, fillers) count against the whole line.
    if not wrong:
        return not read.review_fields
    return not wrong <= set(read.review_fields)


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
        if condition.startswith("holdout_"):
            from training.mrz.pages import generate as holdout_pages

            for p in holdout_pages(condition, per_condition, seed=seed):
                cases.append(Case(p.name, condition, p.lines, p.image))
            continue
        for s in generate(condition, per_condition, seed=seed):
            cases.append(Case(s.name, condition, s.lines, s.image))
    return cases


Reader = Callable[[bytes], Reading]


def ours() -> tuple[Reader, float]:
    t = time.perf_counter()
    from hotel_desk.recognition import read_mrz
    from hotel_desk.recognition.ocr import ensure_available
    from hotel_desk.recognition.recognizer import ensure_loaded

    ensure_loaded()
    ensure_available()
    startup = time.perf_counter() - t

    def read(data: bytes) -> Reading:
        result = read_mrz(data, today=TODAY)
        fields = frozenset(str(r.get("field", "")) for r in result.needs_review)
        return Reading(list(result.mrz_lines) if result.mrz_lines else None, fields)

    return read, startup


def passporteye() -> tuple[Reader, float] | None:
    import warnings

    # PassportEye 2.2.2 calls scikit-image APIs deprecated since 0.25: one warning per image otherwise.
    warnings.filterwarnings("ignore", category=FutureWarning, module="passporteye")
    warnings.filterwarnings("ignore", category=FutureWarning, module="skimage")
    t = time.perf_counter()
    try:
        from passporteye import read_mrz as pe_read
    except ImportError:
        print("PassportEye is not installed (pip install -e '.[dev]'); skipped", file=sys.stderr)
        return None
    startup = time.perf_counter() - t

    def read(data: bytes) -> Reading:
        try:
            mrz = pe_read(io.BytesIO(data))
        except Exception:
            return Reading(None)
        if mrz is None:
            return Reading(None)
        text = (mrz.aux or {}).get("text", "")
        return Reading([line for line in text.split("\n") if line.strip()] or None)

    return read, startup


def fastmrz() -> tuple[Reader, float] | None:
    t = time.perf_counter()
    try:
        from fastmrz import FastMRZ
    except ImportError as exc:
        print(f"fastmrz is not installed (pip install -e '.[dev]'): {exc}; skipped", file=sys.stderr)
        return None
    import cv2
    import numpy as np

    from hotel_desk.recognition.ocr import model_dir

    # fastmrz reads with Tesseract's 'mrz' language: the same trained data file our second opinion uses.
    reader = FastMRZ(tessdata_path=str(model_dir()))
    startup = time.perf_counter() - t

    def read(data: bytes) -> Reading:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            return Reading(None)
        try:
            text = reader.get_details(image, input_type="numpy", ignore_parse=True)
        except Exception:
            return Reading(None)
        lines = [line.strip() for line in str(text or "").split("\n") if line.strip()]
        return Reading(lines or None)

    return read, startup


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "n/a"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="mrz_reading", description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-condition", type=int, default=20, help="synthetic images per condition (20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--conditions", default=GENERATOR_CONDITIONS + "," + HOLDOUT_CONDITIONS)
    parser.add_argument("--real-dir", type=Path, default=REAL_DIR)
    parser.add_argument("--readers", default="ours,passporteye,fastmrz")
    parser.add_argument("--no-passporteye", action="store_true", help="same as leaving it out of --readers")
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

    wanted = [r for r in args.readers.split(",") if r and not (args.no_passporteye and r == "passporteye")]
    readers: dict[str, Reader] = {}
    for name in wanted:
        made = {"ours": ours, "passporteye": passporteye, "fastmrz": fastmrz}[name]()
        if made is not None:
            readers[name] = made[0]
            print(f"{name}: start-up {made[1]:.2f} s")

    order = list(dict.fromkeys(c.condition for c in cases))
    tallies = {(r, c): Tally() for r in readers for c in order}
    load_before = _load_average()
    peak_after: dict[str, float] = {}
    # One reader at a time over all images: the peak memory after our pass is our reader's (plus the
    # images held by the benchmark), before the baselines' arrays come in.
    for rname, reader in readers.items():
        for case in cases:
            t, c = time.perf_counter(), _cpu()
            got = reader(case.image)
            tallies[(rname, case.condition)].add(
                case.lines, got, time.perf_counter() - t, _cpu() - c, case.name
            )
        peak_after[rname] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    cols = ("exact%", "char%", "silent", "rev%", "med s", "p95 s", "cpu s")
    print()
    print("| condition | n | " + " | ".join(f"{r} {c}" for r in readers for c in cols) + " |")
    print("|---|---|" + "---|" * (len(cols) * len(readers)))
    for cond in order:
        n = len(tallies[(next(iter(readers)), cond)].seconds)
        cells = [v for r in readers for v in tallies[(r, cond)].row()]
        print(f"| {cond} | {n} | " + " | ".join(cells) + " |")
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
