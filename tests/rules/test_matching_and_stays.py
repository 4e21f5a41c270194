"""The matching rules (police lists, returning guests) and the stay's clock rules, each defined once in
hotel_desk.rules: pure functions, tested on their own."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from hotel_desk.rules.matching import (
    Candidate,
    MatchRule,
    document_number_key,
    match_listed_item,
    match_returning,
    name_key,
    nationality_key,
)
from hotel_desk.rules.stays import (
    check_out_problems,
    is_overdue,
    night_audit_due,
    overdue_through,
    parse_clock_time,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def stay(reg: str, number: str = "EA1234567", nat: str = "POL", surname: str = "KOWALSKA", *, person: str = "",
         given: str = "ANNA", birth: date | None = date(1984, 8, 12)) -> Candidate:
    return Candidate(reg, person or f"p-{reg}", number, nat, surname, given, birth)


def test_values_are_compared_normalised_never_fuzzy() -> None:
    assert document_number_key(" ea 12<34567 ") == "EA1234567"
    assert nationality_key("d<<") == "D" and nationality_key(" pol") == "POL"
    assert name_key("o brien<<sean  ") == "O BRIEN SEAN"
    assert document_number_key("EA1234568") != document_number_key("EA1234567")


def test_a_list_item_matches_by_document_and_nationality_then_surname_breaks_a_tie() -> None:
    one = match_listed_item("ea1234567", "pol", "", [stay("r1"), stay("r2", nat="DEU")])
    assert (one.rule, one.registration_id) == (MatchRule.DOCUMENT, "r1")
    # Two people once shared a number (two countries' passports reuse numbers; typos happen): the surname decides.
    tie = match_listed_item("EA1234567", "POL", "nowak", [stay("r1"), stay("r2", surname="NOWAK")])
    assert (tie.rule, tie.registration_id) == (MatchRule.DOCUMENT_SURNAME, "r2")


def test_an_ambiguous_item_keeps_its_candidates_and_is_never_guessed() -> None:
    twice = match_listed_item("EA1234567", "POL", "KOWALSKA", [stay("r1"), stay("r2")])
    assert twice.rule is MatchRule.AMBIGUOUS and twice.registration_id is None
    assert twice.candidates == ("r1", "r2")
    unnamed = match_listed_item("EA1234567", "POL", "", [stay("r1"), stay("r2", surname="NOWAK")])
    assert unnamed.rule is MatchRule.AMBIGUOUS and set(unnamed.candidates) == {"r1", "r2"}
    assert match_listed_item("EA1234567", "DEU", "", [stay("r1")]).rule is MatchRule.NONE
    assert match_listed_item("XX0000000", "POL", "", [stay("r1")]).rule is MatchRule.NONE


def test_a_returning_guest_is_matched_by_document_then_by_name_birth_and_nationality() -> None:
    new = stay("", number="EA1234567")
    found = match_returning(new, [stay("r2"), stay("r1")])
    assert found.linked and found.rule is MatchRule.DOCUMENT and found.previous is not None
    assert found.previous.registration_id == "r2"  # the newest earlier stay
    renewed = match_returning(stay("", number="EB7654321"), [stay("r1")])
    assert renewed.linked and renewed.rule is MatchRule.NAME_BIRTH


def test_a_document_match_with_other_names_is_a_finding_not_a_link() -> None:
    found = match_returning(stay("", surname="KOWALSKI"), [stay("r1")])
    assert not found.linked and found.differs == ("surname_en",)
    [finding] = found.findings
    assert finding.code == "returning.document_differs" and finding.severity.value == "warning"
    assert "surname" in finding.message_en and "姓" in finding.message_zh


def test_name_matches_that_are_not_one_person_are_not_linked() -> None:
    elsewhere = match_returning(stay("", number="N1", nat="DEU"), [stay("r1")])
    assert not elsewhere.linked and elsewhere.findings[0].code == "returning.name_elsewhere"
    two = match_returning(stay("", number="N1"), [stay("r1", number="A1", person="p1"),
                                                   stay("r2", number="A2", person="p2")])
    assert not two.linked and two.rule is MatchRule.AMBIGUOUS
    same_person = match_returning(stay("", number="N1"), [stay("r1", number="A1", person="p1"),
                                                           stay("r2", number="A2", person="p1")])
    assert same_person.linked
    assert not match_returning(stay("", number="N1", birth=None), [stay("r1", number="A1")]).linked
    assert match_returning(stay("", number="N1", given="ANNE"), [stay("r1", number="A1")]).rule is MatchRule.NONE


def test_the_check_out_time_rule() -> None:
    arrival = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    now = arrival + timedelta(days=2)
    assert check_out_problems(now - timedelta(hours=3), arrival=arrival, now=now) == []
    assert check_out_problems(now + timedelta(minutes=10), arrival=arrival, now=now) == []  # clocks differ a little
    assert [p.code for p in check_out_problems(now + timedelta(hours=1), arrival=arrival, now=now)] == ["in_future"]
    assert [p.code for p in check_out_problems(arrival - timedelta(minutes=1), arrival=arrival, now=now)] == [
        "before_arrival"]
    assert [p.code for p in check_out_problems(datetime(2026, 11, 21, 9, 0), arrival=arrival, now=now)] == [
        "no_zone"]


@pytest.mark.parametrize(("local", "checkout", "through"), [
    ("2026-11-22 11:59", time(12), date(2026, 11, 21)),  # before noon: today's departures are not due yet
    ("2026-11-22 12:00", time(12), date(2026, 11, 22)),
    ("2026-11-22 00:30", time(12), date(2026, 11, 21)),
    ("2026-11-22 10:30", time(10, 30), date(2026, 11, 22)),
])
def test_overdue_after_the_check_out_time_of_the_departure_day(local: str, checkout: time, through: date) -> None:
    now = datetime.fromisoformat(local).replace(tzinfo=SHANGHAI)
    assert overdue_through(now, checkout) == through
    assert is_overdue(through, now, checkout) and not is_overdue(through + timedelta(days=1), now, checkout)
    assert not is_overdue(None, now, checkout)


def test_night_audit_warning_window_including_one_after_midnight() -> None:
    audit = time(23, 0)
    at = datetime(2026, 11, 22, 22, 10, tzinfo=SHANGHAI)
    assert night_audit_due(at, audit) == datetime(2026, 11, 22, 23, 0, tzinfo=SHANGHAI)
    assert night_audit_due(at.replace(hour=21, minute=59), audit) is None
    assert night_audit_due(at.replace(hour=23, minute=0), audit) is None  # it is happening: no more warning
    late = datetime(2026, 11, 22, 23, 45, tzinfo=SHANGHAI)
    assert night_audit_due(late, time(0, 30)) == datetime(2026, 11, 23, 0, 30, tzinfo=SHANGHAI)


def test_clock_times_from_settings() -> None:
    assert parse_clock_time("12:00") == time(12) and parse_clock_time(" 9:05") == time(9, 5)
    assert parse_clock_time("24:00") is None and parse_clock_time("noon") is None and parse_clock_time("12") is None
