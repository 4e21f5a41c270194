"""Which rows form the zone and how long its lines are: chosen by the recognizer's posterior, and a layout
the rows do not really hold is never taken as settled."""

from __future__ import annotations

import numpy as np

from hotel_desk.recognition.locate import TextRow
from hotel_desk.recognition.ocr import MRZ_CHARS
from hotel_desk.recognition.zone_layout import MAX_DEFICIT, choose_layout


def _logp(text: str, sure: float = 0.98) -> np.ndarray:
    """A recognizer output reading `text`: per character two frames of it and two blanks."""
    rest = (1.0 - sure) / len(MRZ_CHARS)
    frames = []
    for ch in text:
        for cls in (MRZ_CHARS.index(ch) + 1, MRZ_CHARS.index(ch) + 1, 0, 0):
            p = np.full(len(MRZ_CHARS) + 1, rest)
            p[cls] = sure
            frames.append(p / p.sum())
    return np.log(np.array(frames, np.float32))


def _row(y: float, length: float = 900.0) -> TextRow:
    return TextRow(center=(500.0, y), length=length, height=25.0, angle=0.0)


TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def test_two_rows_of_44_are_a_td3_read_cell_for_cell() -> None:
    layout = choose_layout([_row(100), _row(140)], [_logp(TD3[0]), _logp(TD3[1])])
    assert layout is not None and (layout.rows, layout.length) == ((0, 1), 44)
    assert layout.plausible and layout.deficits == (0.0, 0.0)
    assert "".join(c.char for c in layout.cells[1]) == TD3[1]


def test_three_rows_of_30_beat_a_pair_read_as_36() -> None:
    lines = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    layout = choose_layout([_row(100), _row(140), _row(180)], [_logp(x) for x in lines])
    assert layout is not None and (layout.rows, layout.length) == ((0, 1, 2), 30)
    assert layout.plausible


def test_rows_that_hold_33_characters_are_no_plausible_36() -> None:
    """Poorly cut rows that read as 33 characters each: the nearest layout (36) is decoded, but its
    posterior is far below the rows' own best reading, so the layout is implausible."""
    rows = [TD3[0][:33], TD3[1][:33]]
    layout = choose_layout([_row(100), _row(140)], [_logp(x) for x in rows])
    assert layout is not None and layout.length == 36
    assert not layout.plausible and max(layout.deficits) > MAX_DEFICIT


def test_rows_of_very_different_length_in_the_image_are_not_one_zone() -> None:
    assert choose_layout([_row(100, 900.0), _row(140, 400.0)], [_logp(TD3[0]), _logp(TD3[1])]) is None


def test_nothing_near_an_mrz_line_length_is_no_layout() -> None:
    assert choose_layout([_row(100), _row(140)], [_logp("P<UTOERIKSSON"), _logp("L898902C36")]) is None
