"""Which fields a person must compare with the page: the never-silent half of the reader.

A field without a check digit (names, issuing state, nationality, sex, some optional data) is flagged when
any of its characters is unsure: little support for what was chosen, or a rival reading with a fair share
of it, or the two readers (the trained recognizer and Tesseract) disagreeing there. A field a check digit
protects is flagged only when a character was barely seen at all: a mod-10 digit is met by chance one
time in ten, so a passing check does not vouch for a character the image hardly shows.
"""

from __future__ import annotations

from hotel_desk.recognition.layout import Cell, known_code
from hotel_desk.recognition.positions import Position

# Support below this for the chosen character of an unprotected field: unsure. Chosen on the training-knob
# validation strips (`python -m training.mrz.train --evaluate` shows the trade): at 0.75, 12 % of the wrong
# characters came with more confidence; at 0.9, 6 %, for 15 % of right characters flagged on those (very
# hard) strips; clean pages read at ~0.99 and are not flagged.
REVIEW_CONFIDENCE = 0.9
REVIEW_RIVAL = 0.4  # another character with this share of the chosen one's support: unsure
PROTECTED_CONFIDENCE = 0.3  # support below this, even under a passing check digit: unsure
# Under a check digit, a rival with this share of the chosen character's support makes a cell ambiguous.
AMBIGUOUS = 0.15
# A rival the check digit cannot tell from the chosen character (the same value modulo 10: M/W, 8/S, 6/G,
# G/Q, 5/Z, 0/U, 1/L...) needs far less to matter: the digit will never catch that swap, so the network's
# own posterior must be decisive - the rival under this share of the chosen character's support.
BLIND_RIVAL = 0.02


def _value(ch: str) -> int:
    return 0 if ch == "<" else int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def check_blind(cells: list[tuple[Position, str]]) -> bool:
    """True when a passing check digit cannot vouch for these cells: one cell where the network saw, with
    more than a trace of support, a rival of the same value modulo 10 (M/W, 0/A/K/U/<: the digit cannot tell
    them apart), or two ambiguous cells (a pair of changes can cancel out, as O/0 twice in an Egyptian
    document number does)."""
    ambiguous = 0
    for p, chosen in cells:
        s = p.get(chosen)
        if any(
            k != chosen and v >= BLIND_RIVAL * s and (_value(k) - _value(chosen)) % 10 == 0
            for k, v in p.support.items()
        ):
            return True
        if any(k != chosen and v >= AMBIGUOUS * s for k, v in p.support.items()):
            ambiguous += 1
    return ambiguous >= 2


def unsure(p: Position, chosen: str, threshold: float = REVIEW_CONFIDENCE) -> bool:
    s = p.get(chosen)
    rival = max((v for k, v in p.support.items() if k != chosen), default=0.0)
    return s < threshold or rival > REVIEW_RIVAL * s


def review(
    lines: list[str],
    spans: dict[str, tuple[int, int, int]],
    positions_per_line: list[list[Position]],
    protected: set[Cell],
    disagreements: set[Cell] | None = None,
) -> list[dict[str, str]]:
    """Review entries, one per field: {"field", "line" (1-based), "reason"}."""
    out: list[dict[str, str]] = []
    split = disagreements or set()
    for name, (li, a, b) in spans.items():
        text = lines[li][a:b]
        cols = list(range(a, b))
        weak = [
            c
            for c in cols
            if (li, c) in protected and positions_per_line[li][c].get(lines[li][c]) < PROTECTED_CONFIDENCE
        ]
        shaky = [c for c in cols if (li, c) not in protected and unsure(positions_per_line[li][c], lines[li][c])]
        differ = [c for c in cols if (li, c) in split and (li, c) not in protected]
        guarded = [c for c in cols if (li, c) in protected]
        blind = check_blind([(positions_per_line[li][c], lines[li][c]) for c in guarded])
        if name in ("issuing_state", "nationality") and text.replace("<", "") and not known_code(text.replace("<", "")):
            out.append({"field": name, "line": str(li + 1), "reason": f"'{text}' is not a known country code"})
        elif name == "names" and any(ch.isdigit() for ch in text):
            out.append({"field": name, "line": str(li + 1), "reason": "digits in the name field"})
        elif differ:
            out.append(
                {
                    "field": name,
                    "line": str(li + 1),
                    "reason": "the two readers disagree at column(s) " + _cols(differ),
                }
            )
        elif blind:
            out.append(
                {
                    "field": name,
                    "line": str(li + 1),
                    "reason": "look-alike characters the check digit cannot tell apart; compare with the page",
                }
            )
        elif shaky or weak:
            out.append(
                {
                    "field": name,
                    "line": str(li + 1),
                    "reason": "low OCR confidence at column(s) " + _cols(sorted(set(shaky + weak))),
                }
            )
    return out


def _cols(cols: list[int]) -> str:
    return ",".join(str(c + 1) for c in cols[:8])
