"""ICAO 9303 specimen strings for every format, parsed field by field."""

from __future__ import annotations

from datetime import date

import pytest

from hotel_desk.documents import (
    DocumentFormat,
    DocumentKind,
    MrzFormatError,
    check_mrz,
    detect_format,
    normalize_mrz_text,
    parse_mrz,
)

TODAY = date(2026, 11, 22)

# ICAO Doc 9303 specimens (Utopia) and the Canadian sample from the issue.
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
MRVA = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"]
MRVB = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]
CANADA = ["P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<", "ZE000509<9CAN8501019F3301144<<<<<<<<<<<<<<06"]


def test_td3_passport_fields() -> None:
    doc = parse_mrz(TD3, today=TODAY)
    assert doc.format is DocumentFormat.TD3
    assert doc.kind is DocumentKind.PASSPORT
    assert (doc.document_code, doc.issuing_state, doc.nationality) == ("P<", "UTO", "UTO")
    assert (doc.surname, doc.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert doc.document_number == "L898902C3"
    assert doc.birth_date == date(1974, 8, 12)
    assert doc.expiry_date == date(2012, 4, 15)
    assert doc.sex == "F"
    assert doc.optional_data == "ZE184226B"
    assert doc.check_digits_ok
    assert [c.field for c in doc.check_digits] == [
        "document_number", "birth_date", "expiry_date", "optional_data", "composite",
    ]


def test_td2_and_td1_id_cards() -> None:
    td2 = parse_mrz(TD2, today=TODAY)
    assert td2.format is DocumentFormat.TD2 and td2.kind is DocumentKind.ID_CARD
    assert td2.document_number == "D23145890" and td2.check_digits_ok
    td1 = parse_mrz(TD1, today=TODAY)
    assert td1.format is DocumentFormat.TD1
    assert (td1.surname, td1.given_names, td1.document_number) == ("ERIKSSON", "ANNA MARIA", "D23145890")
    assert td1.birth_date == date(1974, 8, 12) and td1.nationality == "UTO"
    assert td1.check_digits_ok


def test_visas_are_told_from_passports() -> None:
    a = parse_mrz(MRVA, today=TODAY)
    b = parse_mrz(MRVB, today=TODAY)
    assert (a.format, b.format) == (DocumentFormat.MRV_A, DocumentFormat.MRV_B)
    assert a.kind is DocumentKind.VISA and a.nationality == "XXX"
    assert a.document_number == "L8988901C" and a.check_digits_ok and b.check_digits_ok
    assert a.expiry_date == date(1996, 12, 10)  # visas from the past are not pushed a century ahead


def test_td1_long_document_number_continues_in_optional_data() -> None:
    # ICAO 9303-5 example: number D23145890734 with its check digit 9 after the continuation.
    lines = ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"]
    doc = parse_mrz(lines, today=TODAY)
    assert doc.document_number == "D23145890734"
    assert doc.check_digits_ok, doc.check_digits


def test_names_fillers_and_truncation() -> None:
    doc = parse_mrz(
        ["P<UTOQUINCY<DE<LA<CRUZ<<MARIA<DEL<CARMEN<LOP", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
        today=TODAY,
    )
    assert doc.surname == "QUINCY DE LA CRUZ"
    assert doc.given_names == "MARIA DEL CARMEN LOP"
    assert doc.names_truncated
    assert not parse_mrz(TD3, today=TODAY).names_truncated


def test_century_rules() -> None:
    born_2020 = ["P<CANMARTIN<<LEO<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "ZE000510<7CAN2001019M3301144<<<<<<<<<<<<<<04"]
    doc = parse_mrz(born_2020, today=TODAY)
    assert doc.birth_date == date(2020, 1, 1)
    assert doc.expiry_date == date(2033, 1, 14)
    # Someone born in '30 in a document read in 2026 was born in 1930.
    assert parse_mrz(CANADA, today=TODAY).birth_date == date(1985, 1, 1)


def test_unknown_shapes() -> None:
    with pytest.raises(MrzFormatError):
        parse_mrz(["P<UTO", "123"], today=TODAY)
    assert detect_format(["A" * 44]) is None
    assert detect_format(["A" * 44, "B" * 43]) is None


def test_normalize_typed_text() -> None:
    lines = normalize_mrz_text("  p<canmartin<<sarah«««  \n\n  ze000509 < 9 \n")
    assert lines == ["P<CANMARTIN<<SARAH<<<", "ZE000509<9"]


def test_issue_example_is_valid_for_the_stay() -> None:
    from hotel_desk.documents import StayPlan

    stay = StayPlan(arrival=date(2026, 11, 20), departure=date(2026, 11, 25), permit_stay_until=date(2026, 12, 20))
    result = check_mrz(CANADA, today=TODAY, stay=stay)
    assert result.valid
    assert not result.findings


def test_typing_feedback_shows_a_typo_on_its_field_before_the_end() -> None:
    from hotel_desk.documents import typing_feedback

    fmt, fb = typing_feedback([TD3[0], "L898902C36UTO7408121F12"])  # birth check digit typed wrong
    status = {f.field: f.status for f in fb}
    assert fmt is DocumentFormat.TD3
    assert status["document_number"] == "ok"
    assert status["birth_date"] == "fail"
    assert status["expiry_date"] == "pending" and status["composite"] == "pending"
    _, done = typing_feedback(TD3)
    assert {f.status for f in done} == {"ok"}
    assert typing_feedback([]) == (None, [])
    fmt1, _ = typing_feedback(["I<UTOD231458907<<<<<<<<<<<<<<<", "74081"])
    assert fmt1 is DocumentFormat.TD1
