"""Decoding the line recognizer's CTC output into MRZ cells.

An MRZ line has a known number of characters (30, 36 or 44), so the reading is the best CTC path that
emits exactly that many: a character the network half-saw is still given its cell (with the low
probability it deserves) instead of shifting every later character by one, and a speck read as an extra
character is absorbed the same way. Each cell keeps the network's probabilities for every character over
the frames it spans: those are the alternatives the check digits may choose among, and the confidence the
review flags are based on.
"""

from __future__ import annotations

import numpy as np

from hotel_desk.recognition.ocr import MRZ_CHARS, CharReading

BLANK = 0
STRIDE = 4  # input pixels per output frame (the network pools the width by 4)
MIN_ALTERNATIVE = 0.01  # probabilities below this are not kept as alternatives


def greedy(logp: np.ndarray) -> str:
    """The plain best-per-frame reading (repeats merged, blanks dropped): used to tell how many characters
    a row holds and which way up it reads."""
    best = logp.argmax(axis=1)
    keep = (best != BLANK) & np.concatenate(([True], best[1:] != best[:-1]))
    return "".join(MRZ_CHARS[k - 1] for k in best[keep])


def mean_confidence(logp: np.ndarray) -> float:
    """Average probability of the best class over the frames that hold a character (0 when none)."""
    best = logp.argmax(axis=1)
    inked = best != BLANK
    if not inked.any():
        return 0.0
    return float(np.exp(logp[inked].max(axis=1)).mean())


def constrained(logp: np.ndarray, length: int) -> list[CharReading] | None:
    """The best path emitting exactly `length` characters (Viterbi over frames x characters emitted), as
    one CharReading per cell. None when the line is too short to hold that many."""
    decoded = constrained_path(logp, length)
    return decoded[0] if decoded is not None else None


def constrained_path(logp: np.ndarray, length: int) -> tuple[list[CharReading], float] | None:
    """`constrained`, with the log-probability of that best path (how well the line fits that many
    characters: comparable between lengths of the same row)."""
    frames, classes = logp.shape
    if frames < length or length <= 0:
        return None
    spans: dict[int, list[int]] = {}
    labels: dict[int, int] = {}
    best = logp.argmax(axis=1)
    starts = np.nonzero((best != BLANK) & np.concatenate(([True], best[1:] != best[:-1])))[0]
    if len(starts) == length:
        # The best path overall already has the right length: it is the best constrained path too.
        for k, t0 in enumerate(starts, start=1):
            t1 = t0
            while t1 + 1 < frames and best[t1 + 1] == best[t0]:
                t1 += 1
            spans[k] = list(range(int(t0), int(t1) + 1))
            labels[k] = int(best[t0]) - 1
        return cells_from_spans(logp, spans, labels, length), float(logp.max(axis=1).sum())
    chars = classes - 1
    lp = logp.astype(np.float64)
    neg = -1e18
    # blank_s[k]: best score with k characters emitted, now between characters; sym[k, c]: inside the k-th
    # character (1-based), which is c.
    blank_s = np.full(length + 1, neg)
    blank_s[0] = 0.0
    sym = np.full((length + 1, chars), neg)
    # Back-pointers per frame: for blank states, the character it came from (-1: a blank); for character
    # states, 0 = the same character went on, 1 = came from a blank, 2 + c' = came straight from character c'.
    back_blank = np.empty((frames, length + 1), np.int16)
    back_sym = np.empty((frames, length + 1, chars), np.int16)
    ks = np.arange(length + 1)
    for t in range(frames):
        best_c = sym.argmax(axis=1)
        best_v = sym[ks, best_c]
        from_sym = best_v > blank_s
        new_blank = np.where(from_sym, best_v, blank_s) + lp[t, BLANK]
        back_blank[t] = np.where(from_sym, best_c, -1)
        # Entering character k from state k-1: after a blank, or directly after a different character.
        prev_blank = np.concatenate(([neg], blank_s[:-1]))
        prev_sym = np.vstack((np.full((1, chars), neg), sym[:-1]))
        top = prev_sym.max(axis=1)
        top_c = prev_sym.argmax(axis=1)
        masked = prev_sym.copy()
        masked[ks, top_c] = neg
        second = masked.max(axis=1)
        second_c = masked.argmax(axis=1)
        # The best different character: the top one unless it is c itself.
        other = np.where(np.arange(chars)[None, :] == top_c[:, None], second[:, None], top[:, None])
        other_c = np.where(np.arange(chars)[None, :] == top_c[:, None], second_c[:, None], top_c[:, None])
        enter = np.maximum(prev_blank[:, None], other)
        enter_code = np.where(prev_blank[:, None] >= other, 1, 2 + other_c)
        stay = sym
        new_sym = np.where(stay >= enter, stay, enter) + lp[t, 1:][None, :]
        back_sym[t] = np.where(stay >= enter, 0, enter_code)
        blank_s, sym = new_blank, new_sym
    # Trace back from the end: k = length, in a blank or inside the last character.
    end_c = int(sym[length].argmax())
    score = float(max(blank_s[length], sym[length, end_c]))
    if blank_s[length] >= sym[length, end_c]:
        state_k, state_c, in_blank = length, -1, True
        if blank_s[length] <= neg / 2:
            return None
    else:
        state_k, state_c, in_blank = length, end_c, False
    for t in range(frames - 1, -1, -1):
        if in_blank:
            code = int(back_blank[t, state_k])
            if code >= 0:
                in_blank, state_c = False, code
            continue
        spans.setdefault(state_k, []).append(t)
        labels[state_k] = state_c
        code = int(back_sym[t, state_k, state_c])
        if code == 0:
            continue
        state_k -= 1
        if code == 1:
            in_blank, state_c = True, -1
        else:
            state_c = code - 2
    if len(labels) != length:
        return None
    return cells_from_spans(lp, spans, labels, length), score


def cells_from_spans(
    logp: np.ndarray, spans: dict[int, list[int]], labels: dict[int, int], length: int
) -> list[CharReading]:
    probs = np.exp(logp)
    out = []
    for k in range(1, length + 1):
        frames_k = sorted(spans[k])
        window = probs[frames_k[0] : frames_k[-1] + 1, 1:]
        support = window.max(axis=0)
        chosen = labels[k]
        alts = {MRZ_CHARS[c]: float(support[c]) for c in np.nonzero(support >= MIN_ALTERNATIVE)[0]}
        char = MRZ_CHARS[chosen]
        alts[char] = float(support[chosen])
        x0 = frames_k[0] * STRIDE
        out.append(
            CharReading(
                char=char,
                confidence=float(support[chosen]),
                alternatives=alts,
                x=float(x0),
                width=float((frames_k[-1] + 1) * STRIDE - x0),
            )
        )
    return out
