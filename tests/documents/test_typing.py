"""Typing an MRZ by hand: the desk types the trailing fillers, up to a line's last check digit."""

from __future__ import annotations


def test_typing_pads_a_line_up_to_its_last_check_digit() -> None:
    from hotel_desk.documents import format_td3, line_width, pad_line

    line1, line2 = format_td3(document_code="P<", issuing_state="NZL", surname="HARTLEY", given_names="EMMA JANE",
                              document_number="LM4027715", nationality="NZL", birth="880314", sex="F",
                              expiry="330630")
    assert pad_line(["P<NZLHARTLEY<<EMMA<JANE"], 0) == line1  # a name line: fillers to the end
    assert pad_line([line1, line2[:28]], 1) == line2[:43]  # the composite digit is the receptionist's to type
    assert pad_line([line1, line2], 1) == line2  # a full line stays as it is
    assert pad_line(["X"], 0) == "X"  # nothing known yet: nothing added
    assert line_width(["P<NZL"], 0) == 44
    assert line_width(["I<UTO"], 0) is None  # a card: 30 or 36, known once its first line is done
    assert line_width(["I<UTOD231458907" + "<" * 15, ""], 1) == 30
