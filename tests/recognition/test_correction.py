"""Check-digit-guided correction: only readings the OCR supports, never an invented valid MRZ."""

from __future__ import annotations

from hotel_desk.recognition.correct import correct
from hotel_desk.recognition.positions import Position

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def _positions(line: str, alternatives: dict[int, dict[str, float]] | None = None, conf: float = 0.95):
    out = []
    for i, ch in enumerate(line):
        support = {ch: conf}
        support.update((alternatives or {}).get(i, {}))
        out.append(Position(support))
    return out


def test_clean_reading_is_kept() -> None:
    fixed = correct([_positions(TD3[0]), _positions(TD3[1])])
    assert fixed.lines == list(TD3)
    assert fixed.changes == []
    assert fixed.review == []


def test_letter_in_a_date_becomes_its_digit() -> None:
    line2 = TD3[1][:13] + "74O8122" + TD3[1][20:]  # O read for 0 in the birth date
    fixed = correct([_positions(TD3[0]), _positions(line2)])
    assert fixed.lines[1] == TD3[1]
    assert any(why == "class" for *_, why in fixed.changes)


def test_check_digit_chooses_a_supported_alternative() -> None:
    # Document number 'L898902C3' read with B for 8 at column 2, the OCR offering 8 as second choice.
    line2 = "LB98902C36" + TD3[1][10:]
    fixed = correct([_positions(TD3[0]), _positions(line2, {1: {"8": 0.4}})])
    assert fixed.lines[1] == TD3[1]
    assert (1, 1, "B", "8") in [c[:4] for c in fixed.changes]


def test_no_support_means_no_change() -> None:
    """Same misreading, but the OCR never offered an 8 there: the failing check stays for a person."""
    line2 = "LB98902C36" + TD3[1][10:]
    fixed = correct([_positions(TD3[0]), _positions(line2, {1: {"8": 0.01}})])
    assert fixed.lines[1] == line2
    assert 1 in fixed.needy_lines


def test_printed_wrong_check_digit_stays_as_printed() -> None:
    line2 = TD3[1][:9] + "7" + TD3[1][10:]  # the document prints 7 where the number gives 6
    fixed = correct([_positions(TD3[0]), _positions(line2)])
    assert fixed.lines[1] == line2


def test_filler_read_as_a_letter_after_the_names_is_cleaned_when_supported() -> None:
    """After the names end (three fillers) a lone letter is a misread filler - when the reading offered the
    filler too; the change is reported and the names go to review."""
    line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<K<<<<<<<<<<<L"
    fixed = correct([_positions(line1, {31: {"<": 0.3}, 43: {"<": 0.2}}), _positions(TD3[1])])
    assert fixed.lines[0] == TD3[0]
    assert sum(1 for *_, why in fixed.changes if why == "name filler") == 2
    assert any(r["field"] == "names" for r in fixed.review)


def test_letter_after_the_names_without_filler_support_stays() -> None:
    line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<K<<<<<<<<<<<<"
    fixed = correct([_positions(line1, {31: {"K": 0.5}}, conf=0.95), _positions(TD3[1])])
    assert fixed.lines[0] == line1


def test_unsure_name_is_flagged_for_review() -> None:
    fixed = correct([_positions(TD3[0], {7: {"M": 0.6}}), _positions(TD3[1])])
    assert fixed.lines == list(TD3)
    assert [r["field"] for r in fixed.review] == ["names"]


def test_letters_field_printed_with_digits_is_not_forced() -> None:
    """A nationality printed as '132' (digits with no letter look-alike) stays as printed."""
    line2 = TD3[1][:10] + "132" + TD3[1][13:]
    fixed = correct([_positions(TD3[0]), _positions(line2)])
    assert fixed.lines[1][10:13] == "132"
    assert any(r["field"] == "nationality" for r in fixed.review)


def test_visa_code_misread_is_settled_by_the_check_digits() -> None:
    """'V' read as 'N': the visa layout (no composite) is the one under which the checks pass."""
    mrvb = ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<")
    line1 = "N" + mrvb[0][1:]
    fixed = correct([_positions(line1), _positions(mrvb[1])])
    assert fixed.lines[0] == mrvb[0]
    assert (0, 0, "N", "V", "document code") in fixed.changes


def test_weakly_supported_check_digit_fix_is_flagged() -> None:
    """The OCR hesitated (8 offered at a third of the support of B): the fix is made, a person compares."""
    line2 = "LB98902C36" + TD3[1][10:]
    fixed = correct([_positions(TD3[0]), _positions(line2, {1: {"8": 0.3}})])
    assert fixed.lines[1] == TD3[1]
    assert any(r["field"] == "document_number" for r in fixed.review)
    assert 1 in fixed.needy_lines


def test_look_alikes_the_check_digit_cannot_tell_apart_go_to_review() -> None:
    """An Egyptian specimen's document number 'A00051376' read 'AO0O51376': O for 0 twice, and the two
    changes cancel out in the mod-10 sum, so every check digit passes. The recognizer hesitated at both
    cells; a passing check must not vouch for them."""
    line2 = "AO0O513764EGY6002202M1503151<<<<<<<<<<<<<<06"
    line1 = "P<EGYMABROUK<<ALAAELDIN<ISMAIL<MOHAMED<<<<<<"
    fixed = correct([_positions(line1), _positions(line2, {1: {"0": 0.3}, 3: {"0": 0.25}})])
    assert fixed.lines == [line1, line2]  # nothing to choose: every check passes as read
    assert any(r["field"] == "document_number" for r in fixed.review)


def test_one_hesitation_under_a_check_digit_is_settled_by_it() -> None:
    """A single ambiguous cell whose rival has another value modulo 10: the passing check digit decides."""
    fixed = correct([_positions(TD3[0]), _positions(TD3[1], {1: {"B": 0.3}})])
    assert fixed.lines == list(TD3)
    assert not any(r["field"] == "document_number" for r in fixed.review)


def test_rival_with_the_same_value_mod_10_goes_to_review() -> None:
    """M and W differ by 10: the check digit cannot tell them apart, so a hesitation between them is flagged."""
    line2 = "M898902C3" + TD3[1][9:]
    from hotel_desk.documents import check_digit

    line2 = line2[:9] + check_digit(line2[:9]) + line2[10:43]
    line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    fixed = correct([_positions(TD3[0]), _positions(line2, {0: {"W": 0.3}})])
    assert any(r["field"] == "document_number" for r in fixed.review)


def test_a_reading_with_no_check_digits_flags_every_unsure_cell() -> None:
    """A TD1 whose code was read 'CW' parses as a permit card of a code with no known layout, whose lines no
    check digit protects: the unsure cells must go to review, not pass as a valid reading."""
    lines = ["CWAQ4APQF7Y6<<<<<<<<<<<<<<<<<<", "0609159M2604273BRA<<<<<<<<<<<6", "LMAZ<<ZOEK<<<<<<<<<<1<<<<<<<<<"]
    fixed = correct([_positions(lines[0], {4: {"B": 0.5}}), _positions(lines[1]), _positions(lines[2], {20: {"<": 0.6}})])
    assert {r["field"] for r in fixed.review} == {"document_number", "mrz"}


def test_a_faint_rival_the_check_digit_cannot_tell_apart_still_goes_to_review() -> None:
    """The network 97 % sure of M with W at 4 %: a mod-10 digit never catches M/W, so only a decisive
    posterior vouches for the cell; the same faint rival of another value mod 10 (the digit would catch that
    swap) flags nothing."""
    from hotel_desk.documents import check_digit

    line2 = "M898902C3" + TD3[1][9:]
    line2 = line2[:9] + check_digit(line2[:9]) + line2[10:43]
    line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    line1 = _positions(TD3[0], conf=0.99)
    fixed = correct([line1, _positions(line2, {0: {"W": 0.04}}, conf=0.97)])
    assert [r["field"] for r in fixed.review] == ["document_number"]
    calm = correct([line1, _positions(line2, {0: {"N": 0.04}}, conf=0.97)])
    assert calm.review == []
