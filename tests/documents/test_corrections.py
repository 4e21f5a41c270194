from __future__ import annotations

from hotel_desk.documents import check_mrz, correction_candidates

GOOD = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
TODAY = __import__("datetime").date(2026, 11, 22)


def test_no_candidates_when_the_checks_pass() -> None:
    assert correction_candidates(GOOD) == []


def test_single_confusion_in_a_date_is_found() -> None:
    read = [GOOD[0], GOOD[1].replace("7408122", "74O8122")]
    found = correction_candidates(read)
    assert found and found[0].lines == tuple(GOOD)
    change = found[0].changes[0]
    assert (change.line, change.column, change.old, change.new) == (1, 15, "O", "0")


def test_double_confusion() -> None:
    read = [GOOD[0], "L898902C36UTO74O8122F12O4159ZE184226B<<<<<10"]
    found = correction_candidates(read)
    assert any(c.lines == tuple(GOOD) and len(c.changes) == 2 for c in found)
    assert all(len(c.changes) <= 2 for c in found)


def test_every_candidate_passes_every_check() -> None:
    read = [GOOD[0], "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"]
    found = correction_candidates(read)
    assert found
    for candidate in found:
        assert check_mrz(list(candidate.lines), today=TODAY).document.check_digits_ok


def test_no_invention_beyond_two_changes() -> None:
    read = [GOOD[0], "L898902C36UTO7408122F1204159ZE184226B<<<<<17"]
    # A wrong composite digit with no confusable partner cannot be "fixed" into a different document.
    for candidate in correction_candidates(read):
        assert len(candidate.changes) <= 2


def test_check_mrz_offers_candidates() -> None:
    result = check_mrz([GOOD[0], GOOD[1].replace("L898902C3", "L8989O2C3")], today=TODAY)
    assert result.candidates and result.candidates[0].lines == tuple(GOOD)
