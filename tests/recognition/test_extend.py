"""A row the locator found too short is followed past its ends by the recognizer, up to where its
characters stop and never past the image's edge."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from hotel_desk.recognition.ctc import greedy
from hotel_desk.recognition.extend import extended, short_rows
from hotel_desk.recognition.loading import load_gray
from hotel_desk.recognition.locate import TextRow, find_mrz_regions
from hotel_desk.recognition.recognizer import recognize
from hotel_desk.recognition.strips import cut_line
from tests.recognition.test_issue_classes import td1, td3


def _page(page_with, lines: tuple[str, ...]) -> tuple[np.ndarray, list[TextRow]]:
    gray = load_gray(page_with(lines)).gray
    regions = find_mrz_regions(gray)
    assert regions
    return gray, list(regions[0].rows)


def _shortened(row: TextRow, keep: float, shift: float) -> TextRow:
    """The middle `keep` of the row, moved `shift` of its length along it (a blob cut short)."""
    center = np.asarray(row.center) + shift * row.length * row.direction
    return replace(row, center=(float(center[0]), float(center[1])), length=keep * row.length)


@pytest.mark.parametrize(("keep", "shift"), [(0.4, 0.0), (0.45, -0.2), (0.5, 0.2)])
@pytest.mark.parametrize("lines", [td3("L898902C3"), td1("ID", "X4RTBPFW4")], ids=["td3", "td1"])
def test_a_row_cut_short_grows_back_to_its_whole_line(page_with, lines, keep: float, shift: float) -> None:
    gray, rows = _page(page_with, lines)

    def read(found):
        return recognize([cut_line(gray, r, flip=False) for r in found])

    row = _shortened(rows[0], keep, shift)
    logp = read([row])[0]
    assert short_rows([logp]) == [0]
    longer = extended(row, logp, read, flip=False, shape=gray.shape)
    assert longer is not None
    assert greedy(read([longer])[0]) == lines[0]


def test_a_whole_row_is_not_grown(page_with) -> None:
    lines = td3("L898902C3")
    gray, rows = _page(page_with, lines)
    logp = recognize([cut_line(gray, rows[1], flip=False)])[0]
    assert short_rows([logp]) == []


def test_nothing_beyond_the_image_is_read(page_with) -> None:
    """The page cropped right after the zone's last character: the row grows to the edge and no further."""
    lines = td3("L898902C3")
    gray, rows = _page(page_with, lines)
    row = rows[0]
    right = int(row.center[0] + row.length / 2 + 0.3 * row.height)
    cropped = np.ascontiguousarray(gray[:, :right])

    def read(found):
        return recognize([cut_line(cropped, r, flip=False) for r in found])

    short = _shortened(row, 0.4, 0.25)
    longer = extended(short, read([short])[0], read, flip=False, shape=cropped.shape)
    assert longer is not None
    assert longer.center[0] + longer.length / 2 <= right + row.height
    assert greedy(read([longer])[0]) == lines[0]
