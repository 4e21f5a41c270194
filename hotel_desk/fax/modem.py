"""Sending a fax through a Class 2.0 fax modem (ITU-T T.32, AT+FCLASS=2.0) on a serial port.

The conversation, step by step (each with its own timeout):

    ATZ / ATE0                      reset, no command echo                         -> OK
    AT+FCLASS=2.0                   service class 2.0                              -> OK
    AT+FLO=...  AT+FBO=0            flow control; direct bit order (LSB first)     -> OK
    AT+FLI="..."                    our station id (TSI)                           -> OK
    AT+FCC=1,5,0,2,0,0,0,0          we can send: fine, <=14400 bit/s, 1728 pels, MH 1-D, no ECM -> OK
    ATD<number>                     -> +FCO (fax connection), +FCS:... (negotiated), OK
                                       or BUSY / NO DIALTONE / NO ANSWER / NO CARRIER / +FHS:nn
    AT+FDT                          -> (+FCS:...) CONNECT; then the page data, DLE doubled,
                                       ended by DLE ETX                            -> OK
    AT+FET=2 (last page, EOP) / 0   -> +FPS:1 (page confirmed, MCF), +FHS:00 (normal end), OK
    ATH0                            always, in the end (the line must never stay off-hook)

A transmission counts as successful only when the remote station confirmed every page (+FPS:1) and the
modem reports a normal end (+FHS:00). Anything else raises a FaxError subclass naming what happened; the
caller then leaves the report as it was.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hotel_desk.fax.modem_link import (
    CHUNK,
    DLE,
    ETX,
    FINAL_RESULTS,
    HANGUP_CODES,
    PAGE_GOOD,
    FaxError,
    LineBusy,
    ModemNotResponding,
    ModemRefused,
    ModemSession,
    NoAnswer,
    NoCarrier,
    NoDialTone,
    PageNotConfirmed,
    RemoteHungUp,
    SerialPort,
    Timeouts,
    escape_page_data,
    hangup_code,
    hangup_text,
    info_value,
)

__all__ = [
    "CHUNK", "DLE", "ETX", "HANGUP_CODES", "PAGE_GOOD", "FaxError", "FaxResult", "LineBusy", "ModemNotResponding",
    "ModemRefused", "ModemSession", "NoAnswer", "NoCarrier", "NoDialTone", "PageNotConfirmed", "RemoteHungUp",
    "SerialPort", "Timeouts", "dial_string", "hangup_text", "open_port", "send_fax", "send_pages", "station_id",
]

_DIAL_ALLOWED = re.compile(r"^[0-9*#+,WPTwpt]+$")


@dataclass
class FaxResult:
    number: str
    pages: int
    page_status: list[int] = field(default_factory=list)
    hangup_code: int = 0
    session: str = ""  # +FCS: the negotiated parameters (resolution, bit rate, width, ...)
    remote_id: str = ""  # +FCI: the answering station's id, when it sent one
    bytes_sent: int = 0
    transcript: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"fax to {self.number}", f"{self.pages} page(s) confirmed"]
        if self.remote_id:
            parts.append(f"remote id {self.remote_id}")
        if self.session:
            parts.append(f"+FCS:{self.session}")
        parts.append(f"+FHS:{self.hangup_code:02d}")
        return ", ".join(parts)


def dial_string(number: str) -> str:
    """The number as the modem may dial it: digits and dial modifiers only. Spaces, dashes and
    brackets are dropped; anything else is refused (a ';' or a quote would be a second AT command)."""
    cleaned = re.sub(r"[\s\-().]", "", number)
    if not cleaned or not _DIAL_ALLOWED.match(cleaned):
        raise ValueError(f"not a fax number: {number!r} (digits, +, *, #, and the dial modifiers , W P T)")
    return cleaned


def station_id(text: str) -> str:
    """T.30 station ids are at most 20 characters: digits, '+' and spaces."""
    return re.sub(r"[^0-9+ ]", "", text)[:20].strip()


def _dial_failure(final: str, info: Sequence[str], number: str, transcript: Sequence[str]) -> FaxError:
    code = hangup_code(info)
    if final in ("NO DIALTONE", "NO DIAL TONE"):
        return NoDialTone("no dial tone: check that the phone line is plugged into the modem's LINE socket",
                          transcript=transcript)
    if final == "BUSY":
        return LineBusy(f"{number} is busy: try again in a few minutes", transcript=transcript)
    if final == "NO ANSWER":
        return NoAnswer(f"{number} did not answer", transcript=transcript)
    if code not in (None, 0):
        assert code is not None
        kind = NoAnswer if code in (4, 11) else RemoteHungUp
        return kind(f"the call to {number} ended: {hangup_text(code)} (+FHS:{code:02d})", hangup_code=code,
                    transcript=transcript)
    if final == "NO CARRIER":
        return NoCarrier(f"no fax machine answered at {number} (no carrier): check the number", transcript=transcript)
    return ModemRefused(f"the modem answered {final} when dialling {number}", transcript=transcript)


def send_pages(
    port: SerialPort,
    number: str,
    pages: Sequence[bytes],
    *,
    local_id: str = "",
    flow: str = "rtscts",
    timeouts: Timeouts | None = None,
    on_progress: Callable[[str], None] | None = None,
    now: Callable[[], float] = time.monotonic,
) -> FaxResult:
    """Send T.4 (MH 1-D, fine, 1728 pels, LSB first) `pages` to `number` over an open port. Returns
    only when every page was confirmed and the call ended normally; raises FaxError otherwise. The
    modem is always told to hang up before this returns or raises."""
    if not pages:
        raise ValueError("nothing to send")
    dialled = dial_string(number)
    timeouts = timeouts or Timeouts()
    session = ModemSession(port, timeouts, now)
    progress = on_progress or (lambda _text: None)
    result = FaxResult(number=dialled, pages=0, transcript=session.transcript)
    flow_command = {"rtscts": "AT+FLO=2", "xonxoff": "AT+FLO=1", "none": "AT+FLO=0"}[flow]
    try:
        progress("initialising the modem")
        session.expect_ok("ATZ")
        session.expect_ok("ATE0")
        session.expect_ok("AT+FCLASS=2.0")
        session.expect_ok(flow_command)
        session.expect_ok("AT+FBO=0")
        ident = station_id(local_id)
        if ident:
            session.expect_ok(f'AT+FLI="{ident}"')
        session.expect_ok("AT+FCC=1,5,0,2,0,0,0,0")

        progress(f"dialling {dialled}")
        final, info = session.command(f"ATD{dialled}", timeouts.dial)
        connected = any(line.upper().startswith("+FCO") for line in info)
        if final != "OK" or not connected or hangup_code(info) not in (None, 0):
            raise _dial_failure(final, info, dialled, session.transcript)
        _note_session(result, info)

        for index, page in enumerate(pages, start=1):
            progress(f"sending page {index} of {len(pages)}")
            final, info = session.command("AT+FDT", timeouts.connect)
            _note_session(result, info)
            if final != "CONNECT":
                raise _call_broke(info, dialled, "before the page", session.transcript)
            _send_page_data(session, page, timeouts.page_write, dialled)
            result.bytes_sent += len(page)
            final, info = _end_page(session, timeouts.page_end)
            if final != "OK":
                raise _call_broke(info, dialled, f"after page {index}", session.transcript)
            last = index == len(pages)
            final, info = session.command(f"AT+FET={2 if last else 0}", timeouts.page_end)
            status = _page_status(info)
            code = hangup_code(info)
            if status is not None:
                result.page_status.append(status)
            if status != PAGE_GOOD:
                if code not in (None, 0):
                    raise _call_broke(info, dialled, f"after page {index}", session.transcript)
                raise PageNotConfirmed(
                    f"the remote fax did not confirm page {index} (+FPS:{status if status is not None else '?'}): "
                    "send it again", transcript=session.transcript)
            result.pages += 1
            if final != "OK" or (code not in (None, 0)):
                raise _call_broke(info, dialled, f"after page {index}", session.transcript)
            if last:
                result.hangup_code = code or 0
        _note_session(result, info)
        progress("sent")
        return result
    finally:
        _hang_up(session)


def _page_status(lines: Sequence[str]) -> int | None:
    for line in lines:
        match = re.match(r"^\+FPS:\s*(\d+)", line)
        if match:
            return int(match.group(1))
    return None


def _note_session(result: FaxResult, info: Sequence[str]) -> None:
    session = info_value(info, "+FCS:")
    if session:
        result.session = session
    remote = info_value(info, "+FCI:")
    if remote:
        result.remote_id = remote


def _call_broke(info: Sequence[str], number: str, when: str, transcript: Sequence[str]) -> FaxError:
    code = hangup_code(info)
    if code not in (None, 0):
        assert code is not None
        return RemoteHungUp(f"the call to {number} ended {when}: {hangup_text(code)} (+FHS:{code:02d}); "
                            "the form was not delivered, send it again", hangup_code=code, transcript=transcript)
    return NoCarrier(f"the connection to {number} was lost {when}; the form was not delivered, send it again",
                     transcript=transcript)


def _send_page_data(session: ModemSession, page: bytes, timeout: float, number: str) -> None:
    deadline = session._now() + timeout
    escaped = escape_page_data(page)
    for start in range(0, len(escaped), CHUNK):
        if session._now() > deadline:
            session.write_data(bytes([DLE, ETX]))  # leave data mode so that ATH0 is read as a command
            raise ModemNotResponding(f"the page did not go out within {timeout:g} s", transcript=session.transcript)
        session.write_data(escaped[start:start + CHUNK])
        line = session.poll_line()
        if line is not None:
            lines = [line]
            while (more := session.poll_line()) is not None:
                lines.append(more)
            # The modem speaks during page data only when the call broke (+FHS) or it gave up.
            if hangup_code(lines) is not None or any(x.upper() in FINAL_RESULTS for x in lines):
                # Let the modem finish its report (+FHS is followed by a final result) so that the
                # hang-up command that follows is not answered by a leftover line.
                give_up = session._now() + session.timeouts.command
                while not any(x.upper() in FINAL_RESULTS for x in lines):
                    more = session.read_line(give_up)
                    if more is None:
                        break
                    lines.append(more)
                raise _call_broke(lines, number, "during the page", session.transcript)
    session.write_data(bytes([DLE, ETX]))
    session.port.flush()
    session.transcript.append(f"> [page data: {len(page)} bytes, {len(escaped) - len(page)} DLE doubled] <DLE><ETX>")


def _end_page(session: ModemSession, timeout: float) -> tuple[str, list[str]]:
    deadline = session._now() + timeout
    info: list[str] = []
    while True:
        line = session.read_line(deadline)
        if line is None:
            raise ModemNotResponding(f"the modem did not confirm the end of the page within {timeout:g} s",
                                     transcript=session.transcript)
        if line.upper() in FINAL_RESULTS:
            return line.upper(), info
        info.append(line)


def _hang_up(session: ModemSession) -> None:
    """Put the line on-hook whatever happened; a failure here must not hide the real outcome."""
    try:
        while session.poll_line() is not None:  # leftovers of a broken call (kept in the transcript)
            pass
        session.command("ATH0", session.timeouts.hangup)
    except Exception:
        session.transcript.append("! no answer to ATH0")


def open_port(port: str, baud: int = 19200, flow: str = "rtscts") -> Any:
    """Open the modem's serial port with pyserial (8N1)."""
    import serial

    return serial.Serial(port, baudrate=baud, bytesize=8, parity="N", stopbits=1, timeout=0.2,
                         write_timeout=30, rtscts=flow == "rtscts", xonxoff=flow == "xonxoff")


def send_fax(
    port: str,
    number: str,
    pages: Sequence[bytes],
    *,
    baud: int = 19200,
    local_id: str = "",
    flow: str = "rtscts",
    timeouts: Timeouts | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> FaxResult:
    """Open `port`, send `pages`, close the port."""
    import serial

    dial_string(number)  # refuse a bad number before touching the modem
    try:
        link = open_port(port, baud, flow)
    except (serial.SerialException, OSError) as exc:
        raise ModemNotResponding(f"cannot open the modem port {port}: {exc}") from exc
    try:
        return send_pages(link, number, pages, local_id=local_id, flow=flow, timeouts=timeouts,
                          on_progress=on_progress)
    except serial.SerialException as exc:
        raise ModemNotResponding(f"the modem port {port} failed: {exc}") from exc
    finally:
        link.close()
