"""The Class 2.0 conversation with a simulated modem on a real pty, through pyserial like a real port."""

from __future__ import annotations

from typing import Any

import pytest

from hotel_desk.fax.modem import (
    DLE,
    LineBusy,
    ModemNotResponding,
    ModemRefused,
    NoAnswer,
    NoCarrier,
    NoDialTone,
    PageNotConfirmed,
    RemoteHungUp,
    Timeouts,
    dial_string,
    send_fax,
    station_id,
)
from tests.fax.modem_sim import decode_page

#: Short waits: the simulator answers at once; only the "silent" modem runs into them.
QUICK = Timeouts(command=0.5, dial=3, connect=3, page_write=30, page_end=3, hangup=0.5)


@pytest.fixture(scope="module")
def page() -> bytes:
    from hotel_desk.fax.form import fax_page_data, render_form
    from tests.fax.conftest import sample_payload

    return fax_page_data(render_form(sample_payload(), payload_sha256="ab" * 32))


def _send(modem: Any, pages: list[bytes], **kw: Any) -> Any:
    return send_fax(modem.port, "021-5555 0110", pages, flow="none", local_id="+86 21 5555 0199",
                    timeouts=QUICK, **kw)


def test_success_delivers_the_page_bit_for_bit(modem_factory: Any, page: bytes) -> None:
    modem = modem_factory("success")
    progress: list[str] = []
    result = _send(modem, [page], on_progress=progress.append)
    assert result.pages == 1 and result.page_status == [1] and result.hangup_code == 0
    assert result.remote_id == "+86 21 5555 0110"
    assert result.session == "1,5,0,2,0,0,0,0"
    assert modem.pages == [page]  # DLE escaping undone by the modem: exactly our T.4 data
    assert decode_page(modem.pages[0]).size == (1728, 2292)
    assert modem.hung_up
    sent = [c for c in modem.commands]
    assert sent[:3] == ["ATZ", "ATE0", "AT+FCLASS=2.0"]
    assert 'AT+FLI="+86 21 5555 0199"' in sent and "AT+FCC=1,5,0,2,0,0,0,0" in sent
    assert "ATD02155550110" in sent and "AT+FET=2" in sent and sent[-1] == "ATH0"
    assert progress[0] == "initialising the modem" and progress[-1] == "sent"
    assert "+FHS:00" in result.summary()


def test_dle_bytes_in_page_data_are_doubled(modem_factory: Any) -> None:
    data = bytes([DLE, 0x03, DLE, DLE, 0x00, 0xFF, DLE]) * 500
    modem = modem_factory("success")
    result = _send(modem, [data])
    assert modem.pages == [data]
    assert any("DLE doubled" in line for line in result.transcript)


def test_two_pages_use_mps_then_eop(modem_factory: Any) -> None:
    modem = modem_factory("success")
    result = _send(modem, [b"\x00\x01" * 100, b"\x00\x02" * 100])
    assert result.pages == 2
    assert [c for c in modem.commands if c.startswith("AT+FET")] == ["AT+FET=0", "AT+FET=2"]


@pytest.mark.parametrize(("scenario", "error", "words"), [
    ("busy", LineBusy, "busy"),
    ("no_dialtone", NoDialTone, "dial tone"),
    ("no_answer", NoAnswer, "did not answer"),
    ("no_carrier", NoCarrier, "no carrier"),
    ("no_fax_class", ModemRefused, "class 2.0"),
    ("page_rejected", PageNotConfirmed, "did not confirm page 1"),
])
def test_call_failures_are_named(modem_factory: Any, page: bytes, scenario: str, error: type, words: str) -> None:
    modem = modem_factory(scenario)
    with pytest.raises(error, match=words):
        _send(modem, [page])
    assert modem.commands[-1] == "ATH0"  # the line is always put back on-hook


def test_remote_gives_up_during_negotiation(modem_factory: Any, page: bytes) -> None:
    modem = modem_factory("hangup_during_negotiation")
    with pytest.raises(RemoteHungUp, match=r"\+FHS:25") as caught:
        _send(modem, [page])
    assert caught.value.hangup_code == 25
    assert "AT+FDT" not in modem.commands


def test_hang_up_mid_page_stops_sending(modem_factory: Any, page: bytes) -> None:
    modem = modem_factory("hangup_mid_page", hangup_after=4000)
    # Usually noticed while the page is still going out; on a slow machine the pty may have taken the whole
    # page before the simulator counted it, and then the hang-up comes as the answer to <DLE><ETX>.
    with pytest.raises(RemoteHungUp, match=r"during the page|after page 1") as caught:
        _send(modem, [page])
    assert caught.value.hangup_code == 40
    assert modem.pages == []
    assert "AT+FET=2" not in modem.commands
    assert modem.commands[-1] == "ATH0"


def test_silent_modem_times_out(modem_factory: Any, page: bytes) -> None:
    modem = modem_factory("silent")
    with pytest.raises(ModemNotResponding, match="did not answer 'ATZ'"):
        _send(modem, [page])


def test_missing_port_is_a_clear_error(tmp_path: Any, page: bytes) -> None:
    with pytest.raises(ModemNotResponding, match="cannot open the modem port"):
        send_fax(str(tmp_path / "ttyNONE"), "12345", [page], flow="none", timeouts=QUICK)


def test_numbers_and_station_ids_are_cleaned() -> None:
    assert dial_string("(021) 5555-0110") == "02155550110"
    assert dial_string("9,021 5555 0110") == "9,02155550110"
    for bad in ("", "12;ATH", '12"', "call me"):
        with pytest.raises(ValueError, match="not a fax number"):
            dial_string(bad)
    assert station_id("+86 (21) 5555-0199 HOTEL") == "+86 21 55550199"
    assert len(station_id("1" * 40)) == 20
