"""Generate the training and hold-out strips, train the line recognizer, export it to ONNX, report.

    python -m training.mrz.train                  # what ./dev train-mrz runs (seeded, ~30-40 min on 2 cores)
    python -m training.mrz.train --quick          # a few minutes, for trying the pipeline

Everything random is seeded per sample (the sample's own seed string), so the data do not depend on how
the work was split between processes; torch is seeded and held to 2 threads.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import random
import sys
import time
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from training.mrz.render import HOLDOUT, TRAIN, Family, LineSample, sample
from training.mrz.text import ALPHABET

MODEL_PATH = Path(__file__).resolve().parents[2] / "hotel_desk" / "recognition" / "models" / "mrz_crnn.onnx"
# Generated strips are kept here between runs (git-ignored): the same seed and count give the same data.
CACHE = Path(__file__).resolve().parent / "cache"
INDEX = {ch: i + 1 for i, ch in enumerate(ALPHABET)}


def _one(job: tuple[str, int, int]) -> LineSample:
    family_name, seed, i = job
    family = TRAIN if family_name == "train" else HOLDOUT
    return sample(family, random.Random(f"{family_name}:{seed}:{i}"))


def generate(family: Family, count: int, seed: int, processes: int) -> list[LineSample]:
    cached = CACHE / f"{family.name}-{seed}-{count}.npz"
    if cached.is_file():
        data = np.load(cached)
        strips, widths, texts = data["strips"], data["widths"], data["texts"]
        edges = np.concatenate(([0], np.cumsum(widths)))
        return [LineSample(str(t), strips[:, edges[k] : edges[k + 1]]) for k, t in enumerate(texts)]
    jobs = [(family.name, seed, i) for i in range(count)]
    if processes <= 1:
        out = [_one(j) for j in jobs]
    else:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            out = list(pool.imap(_one, jobs, chunksize=64))
    CACHE.mkdir(exist_ok=True)
    np.savez(
        cached,
        strips=np.concatenate([s.strip for s in out], axis=1),
        widths=np.array([s.strip.shape[1] for s in out]),
        texts=np.array([s.text for s in out]),
    )
    return out


def _batches(samples: Sequence[LineSample], batch: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar width (less padding), in random order."""
    order = sorted(range(len(samples)), key=lambda i: samples[i].strip.shape[1] + rng.random() * 40)
    chunks = [order[k : k + batch] for k in range(0, len(order), batch)]
    rng.shuffle(chunks)
    return chunks


def _tensor(samples: Sequence[LineSample], ids: Sequence[int]):  # -> torch.Tensor
    import torch

    width = max(samples[i].strip.shape[1] for i in ids)
    width = (width + 3) // 4 * 4
    x = np.ones((len(ids), 1, samples[ids[0]].strip.shape[0], width), np.float32)
    for k, i in enumerate(ids):
        s = samples[i].strip
        x[k, 0, :, : s.shape[1]] = s.astype(np.float32) / 255.0
    return torch.from_numpy(x)


def greedy(logp: np.ndarray) -> str:
    best = logp.argmax(axis=-1)
    out, last = [], 0
    for k in best:
        if k != last and k != 0:
            out.append(ALPHABET[k - 1])
        last = k
    return "".join(out)


def evaluate(model, samples: Sequence[LineSample]) -> tuple[float, float]:
    """Exact-line % and character % (greedy decoding, characters compared by position)."""
    import torch

    model.eval()
    exact = right = total = 0
    with torch.no_grad():
        ids = sorted(range(len(samples)), key=lambda i: samples[i].strip.shape[1])
        for k in range(0, len(ids), 64):
            chunk = ids[k : k + 64]
            logp = model(_tensor(samples, chunk)).numpy()
            for j, i in enumerate(chunk):
                text = greedy(logp[j])
                truth = samples[i].text
                exact += text == truth
                right += sum(a == b for a, b in zip(truth, text, strict=False))
                total += len(truth)
    model.train()
    return 100.0 * exact / max(1, len(samples)), 100.0 * right / max(1, total)


def evaluate_onnx(path: Path, samples: Sequence[LineSample]) -> dict[str, float]:
    """Scores of an exported model as the app uses it: the line decoded to its known length (the app knows
    the layout), plus how often a wrong character came with a confidence under the review threshold."""
    from hotel_desk.recognition import recognizer
    from hotel_desk.recognition.ctc import constrained
    from hotel_desk.recognition.review import REVIEW_CONFIDENCE

    recognizer._session = None
    original = recognizer.model_path
    recognizer.model_path = lambda: path  # type: ignore[assignment]
    try:
        exact = right = total = wrong = wrong_unsure = 0
        ids = sorted(range(len(samples)), key=lambda i: samples[i].strip.shape[1])
        for k in range(0, len(ids), 32):
            chunk = ids[k : k + 32]
            outs = recognizer.recognize([samples[i].strip.astype(np.float32) / 255.0 for i in chunk])
            for i, logp in zip(chunk, outs, strict=True):
                truth = samples[i].text
                cells = constrained(logp, len(truth)) or []
                text = "".join(c.char for c in cells)
                exact += text == truth
                for c, t in zip(cells, truth, strict=False):
                    right += c.char == t
                    if c.char != t:
                        wrong += 1
                        wrong_unsure += c.confidence < REVIEW_CONFIDENCE
                total += len(truth)
    finally:
        recognizer.model_path = original  # type: ignore[assignment]
        recognizer._session = None
    return {
        "lines": 100.0 * exact / max(1, len(samples)),
        "chars": 100.0 * right / max(1, total),
        "wrong_flagged": 100.0 * wrong_unsure / max(1, wrong),
    }


def report(path: Path, sets: Mapping[str, Sequence[LineSample]]) -> None:
    print("decoded to the known line length, as the app does (exported model, onnxruntime):")
    print("  set                          lines exact %  characters %  wrong chars under the review threshold %")
    for name, samples in sets.items():
        r = evaluate_onnx(path, samples)
        print(f"  {name:<28} {r['lines']:13.2f} {r['chars']:13.2f} {r['wrong_flagged']:14.1f}")


def export(model, path: Path) -> None:
    import torch

    model.eval()
    path.parent.mkdir(parents=True, exist_ok=True)
    dummy = torch.rand(1, 1, 32, 400)
    # The TorchScript exporter is the one that gives a plain opset-17 graph with a dynamic width; torch
    # announces its replacement on every call.
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="torch.onnx")
    torch.onnx.export(
        model,
        (dummy,),
        str(path),
        input_names=["strip"],
        output_names=["logp"],
        dynamic_axes={"strip": {0: "n", 3: "width"}, "logp": {0: "n", 1: "steps"}},
        opset_version=17,
        dynamo=False,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="training.mrz.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--train-samples", type=int, default=80_000)
    parser.add_argument("--holdout-samples", type=int, default=3000)
    parser.add_argument("--val-samples", type=int, default=3000)
    parser.add_argument("--steps", type=int, default=6000)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help=f"the model file (default {MODEL_PATH})")
    parser.add_argument("--quick", action="store_true", help="small data and few steps, to try the pipeline")
    parser.add_argument(
        "--evaluate", action="store_true", help="only score the model at --out on the (cached) strips, no training"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.train_samples, args.holdout_samples, args.val_samples, args.steps = 6000, 500, 500, 300
    if args.out is None:
        # A quick run must not replace the app's model.
        args.out = CACHE / "quick.onnx" if args.quick else MODEL_PATH

    import torch

    from training.mrz.model import LineRecognizer

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    train = generate(TRAIN, args.train_samples, args.seed, args.threads)
    # Validation with the training knobs but other seeds; the hold-out with knobs training never draws.
    val = generate(TRAIN, args.val_samples, args.seed + 1000, args.threads)
    holdout = generate(HOLDOUT, args.holdout_samples, args.seed + 2000, args.threads)
    print(f"generated {len(train)} + {len(val)} + {len(holdout)} strips in {time.perf_counter() - t0:.0f} s", flush=True)
    sets = {"training strips (seen)": train[:3000], "validation, training knobs": val, "hold-out knobs (never seen)": holdout}
    if args.evaluate:
        report(args.out, sets)
        return 0

    model = LineRecognizer()
    params = sum(p.numel() for p in model.parameters())
    print(f"model: {params} parameters", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.steps, pct_start=0.1)
    ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True)
    step = 0
    t1 = time.perf_counter()
    running = 0.0
    while step < args.steps:
        for ids in _batches(train, args.batch, rng):
            if step >= args.steps:
                break
            x = _tensor(train, ids)
            targets = torch.tensor([INDEX[c] for i in ids for c in train[i].text], dtype=torch.long)
            target_lengths = torch.tensor([len(train[i].text) for i in ids], dtype=torch.long)
            logp = model(x)  # N x T x C
            input_lengths = torch.full((len(ids),), logp.shape[1], dtype=torch.long)
            loss = ctc(logp.transpose(0, 1), targets, input_lengths, target_lengths)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            step += 1
            value = loss.item()
            running = 0.98 * running + 0.02 * value if step > 1 else value
            if step % 250 == 0 or step == args.steps:
                rate = step * args.batch / (time.perf_counter() - t1)
                print(f"step {step}/{args.steps} loss {running:.3f} ({rate:.0f} strips/s)", flush=True)
            if step % 500 == 0 and step < args.steps:
                v = evaluate(model, val[:1000])
                print(f"  validation (train knobs): {v[0]:.1f} % lines exact, {v[1]:.2f} % characters", flush=True)
                # A snapshot to try while training goes on (not the deliverable: that is exported at the end).
                export(model, CACHE / f"snapshot-{step}.onnx")
                model.train()
    train_minutes = (time.perf_counter() - t1) / 60
    v = evaluate(model, val)
    h = evaluate(model, holdout)
    tr = evaluate(model, train[:3000])
    print(f"trained {args.steps} steps in {train_minutes:.1f} min")
    print("line exact % / character % (greedy decoding of single lines):")
    print(f"  training strips (seen)      {tr[0]:6.2f} / {tr[1]:6.2f}")
    print(f"  validation, training knobs  {v[0]:6.2f} / {v[1]:6.2f}")
    print(f"  hold-out knobs (never seen) {h[0]:6.2f} / {h[1]:6.2f}")
    export(model, args.out)
    print(f"exported {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    _verify(model, holdout, args.out)
    report(args.out, sets)
    print(f"total {(time.perf_counter() - t0) / 60:.1f} min")
    return 0


def _verify(model, samples: Sequence[LineSample], path: Path) -> None:
    """The exported file gives what torch gives."""
    import onnxruntime as ort
    import torch

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    x = _tensor(samples, list(range(min(8, len(samples)))))
    with torch.no_grad():
        ref = model(x).numpy()
    got = session.run(None, {"strip": x.numpy()})[0]
    diff = float(np.abs(ref - got).max())
    if not math.isfinite(diff) or diff > 1e-3:
        raise SystemExit(f"the exported model disagrees with torch (max difference {diff})")
    print(f"onnxruntime check: max difference {diff:.2e}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
