"""A row with a character too many or too few is put in its cells by the MRZ's fixed pitch, not by where
dropping or adding a character costs the CTC decoder least."""

from __future__ import annotations

import numpy as np
import pytest

from hotel_desk.recognition.ctc import constrained_path
from hotel_desk.recognition.locate import TextRow
from hotel_desk.recognition.ocr import MRZ_CHARS
from hotel_desk.recognition.pitch import aligned, spikes
from hotel_desk.recognition.strips import LINE_PAD_ALONG, frame_offset, offset_frame
from hotel_desk.recognition.zone_layout import choose_layout

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
CLASSES = len(MRZ_CHARS) + 1


def _frame(probs: dict[int, float]) -> np.ndarray:
    rest = (1.0 - sum(probs.values())) / (CLASSES - len(probs))
    p = np.full(CLASSES, rest)
    for k, v in probs.items():
        p[k] = v
    return p


def _cls(ch: str) -> int:
    return MRZ_CHARS.index(ch) + 1


def _logp(
    text: str, *, weak_blank_after: set[int] = frozenset(), missing: set[int] = frozenset()
) -> np.ndarray:
    """A recognizer output for `text` at a pitch of four frames (two of the character, two blanks).
    `weak_blank_after`: characters followed by a blank the network was unsure of (the character itself
    nearly as likely there). `missing`: characters the network hardly saw (their frames mostly blank)."""
    frames = []
    for i, ch in enumerate(text):
        if i in missing:
            frames += [_frame({0: 0.7, _cls(ch): 0.25})] * 2
        else:
            frames += [_frame({_cls(ch): 0.98})] * 2
        blank = _frame({0: 0.55, _cls(ch): 0.44}) if i in weak_blank_after else _frame({0: 0.98})
        frames += [blank, blank]
    return np.log(np.array(frames, np.float32))


def _text(cells) -> str:
    return "".join(c.char for c in cells)


def test_a_speck_beyond_the_row_is_left_out_rather_than_two_fillers_merged() -> None:
    # A speck read as a filler one pitch before the first line's 'P'; the blanks between the fillers at
    # the end of the names are faint. Asked for 44 cells, the CTC decoder merges two of those fillers.
    line = TD3[0]
    logp = _logp("<" + line, weak_blank_after=set(range(30, 44)))
    decoded = constrained_path(logp, 44)
    assert decoded is not None and _text(decoded[0]) != line  # what the fixed pitch is for
    # The zone's other row says where the first and last cells are: the speck is outside them.
    first = spikes(_logp(TD3[1]))[0].center + 4
    cells = aligned(logp, 44, ends=(first, first + 43 * 4))
    assert cells is not None and _text(cells) == line


def test_a_filler_hardly_seen_is_put_where_the_gap_is() -> None:
    line = TD3[0]
    logp = _logp(line, missing={35})
    assert len(spikes(logp)) == 43
    cells = aligned(logp, 44)
    assert cells is not None and _text(cells) == line
    # The cell made up from a gap is no sure reading.
    assert cells[35].confidence < 0.5


def test_a_speck_between_two_characters_is_left_out() -> None:
    line = TD3[1]
    logp = _logp(line)
    # A speck read as 'I' half a pitch after the fifth character.
    speck = _frame({_cls("I"): 0.9})
    logp = np.concatenate((logp[:19], np.log(np.array([speck], np.float32)), logp[20:]))
    assert len(spikes(logp)) == 45
    cells = aligned(logp, 44)
    assert cells is not None and _text(cells) == line


def test_rows_already_the_right_length_are_left_to_the_decoder() -> None:
    assert aligned(_logp(TD3[0]), 44) is None
    assert aligned(_logp("P<UTO"), 44) is None  # too few characters to say anything about the pitch


def test_frame_offsets_round_trip() -> None:
    row = TextRow(center=(500.0, 100.0), length=900.0, height=25.0, angle=0.0)
    for t in (0.0, 17.5, 175.0):
        assert abs(offset_frame(row, 176, frame_offset(row, 176, t)) - t) < 1e-9


@pytest.mark.parametrize(
    ("angle1", "angle2", "y"),
    [(0.0, 0.0, 140.0), (1.0, 2.0, 3000.0), (-1.5, -0.5, 2500.0)],
    ids=["level", "rows-a-degree-apart-far-down-the-image", "tilted-the-other-way"],
)
def test_the_zone_layout_carries_the_other_row_margin_across(angle1: float, angle2: float, y: float) -> None:
    """Two TD3 rows: the first was located one pitch too long (the speck), the second is clean. The first
    row's cells start where the second row's do, also when the locator gave the rows slightly different
    angles on a large image."""
    height = 25.0
    clean = _logp(TD3[1])
    with_speck = _logp("<" + TD3[0], weak_blank_after=set(range(30, 44)))
    row2 = TextRow(center=(500.0, y), length=900.0, height=height, angle=angle2)
    # The same scale (image pixels per frame) for both strips; the first row is four frames longer.
    per_frame = (row2.length + 2 * LINE_PAD_ALONG * height) / len(clean)
    length1 = per_frame * len(with_speck) - 2 * LINE_PAD_ALONG * height
    # Where the second row's first character is, and one row spacing above it the first row's.
    first2 = (
        np.asarray(row2.center) + frame_offset(row2, len(clean), spikes(clean)[0].center) * row2.direction
    )
    first1 = first2 - 1.6 * height * row2.normal
    probe = TextRow(center=(0.0, 0.0), length=length1, height=height, angle=angle1)
    center1 = first1 - frame_offset(probe, len(with_speck), spikes(with_speck)[1].center) * probe.direction
    row1 = TextRow(center=(float(center1[0]), float(center1[1])), length=length1, height=height, angle=angle1)
    layout = choose_layout([row1, row2], [with_speck, clean])
    assert layout is not None and layout.length == 44
    assert tuple(_text(c) for c in layout.cells) == TD3


def _td1_rows(third: np.ndarray, first_real: int) -> list[TextRow]:
    """Three TD1 rows one row spacing apart, level, the third row's strip `third` located so that its spike
    `first_real` sits on the common margin."""
    height = 25.0
    clean = _logp(TD1[0])
    rows = [
        TextRow(center=(500.0, 100.0 + 40.0 * k), length=600.0, height=height, angle=0.0) for k in range(2)
    ]
    per_frame = (rows[0].length + 2 * LINE_PAD_ALONG * height) / len(clean)
    margin = 500.0 + frame_offset(rows[0], len(clean), spikes(clean)[0].center)
    length3 = per_frame * len(third) - 2 * LINE_PAD_ALONG * height
    probe = TextRow(center=(0.0, 0.0), length=length3, height=height, angle=0.0)
    center3 = margin - frame_offset(probe, len(third), spikes(third)[first_real].center)
    return [*rows, TextRow(center=(center3, 180.0), length=length3, height=height, angle=0.0)]


TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def test_a_row_of_the_right_count_a_pitch_off_the_margin_is_moved_back() -> None:
    """The third row: a speck read as 'E' before the names, the last filler unseen - 30 spikes for 30
    cells, every one of them in the wrong cell. The other two rows agree where the margin is."""
    third = _logp("E" + TD1[2][:-1] + "<", missing={30})
    assert len(spikes(third)) == 30
    layout = choose_layout(_td1_rows(third, first_real=1), [_logp(TD1[0]), _logp(TD1[1]), third])
    assert layout is not None
    assert tuple(_text(c) for c in layout.cells) == TD1
    assert layout.cells[2][-1].confidence < 0.5  # the unseen filler is no sure reading


def test_a_row_on_the_margin_is_left_alone() -> None:
    third = _logp(TD1[2])
    layout = choose_layout(_td1_rows(third, first_real=0), [_logp(TD1[0]), _logp(TD1[1]), third])
    assert layout is not None and tuple(_text(c) for c in layout.cells) == TD1
