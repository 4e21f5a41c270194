"""Rows the closing did not bridge everywhere (large print at a wide pitch, a run of faint fillers) come
out as pieces on one line; chained, they are a row again."""

from __future__ import annotations

from hotel_desk.recognition.locate import CHAINED_ROW, _chained


def _piece(x0: float, x1: float, y: float, h: float = 30.0, angle: float = 0.0):
    return (((x0 + x1) / 2, y), x1 - x0, h, angle)


def test_pieces_on_one_line_make_one_row() -> None:
    rows = _chained([_piece(50, 290, 500), _piece(330, 490, 502, h=27.0), _piece(520, 600, 499)])
    assert len(rows) == 1
    (cx, cy), length, height, angle = rows[0]
    assert abs(length - 550) < 1e-6 and abs(cx - 325) < 1e-6 and 499 <= cy <= 502
    assert height == 30.0 and angle == 0.0


def test_pieces_of_two_rows_stay_two_rows() -> None:
    rows = _chained(
        [_piece(50, 290, 500), _piece(330, 490, 500), _piece(50, 290, 540), _piece(330, 490, 540)]
    )
    assert sorted(round(r[0][1]) for r in rows) == [500, 540]


def test_a_wide_gap_or_another_direction_ends_the_row() -> None:
    far = _chained([_piece(50, 290, 500), _piece(290 + 3 * 30, 600, 500)])
    turned = _chained([_piece(50, 290, 500), _piece(330, 490, 500, angle=10.0)])
    assert far == [] and turned == []


def test_a_chain_shorter_than_a_row_candidate_is_no_row() -> None:
    short = CHAINED_ROW * 30 - 20
    assert _chained([_piece(0, short / 2 - 10, 500), _piece(short / 2 + 10, short, 500)]) == []
