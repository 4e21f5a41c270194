"""Talking to a Class 2.0 fax modem (ITU-T T.32) on a serial port: AT commands and the lines the modem answers,
its hang-up codes in words, the page-data escaping, and the errors a call can end in. hotel_desk.fax.modem
uses it to send a fax; a transcript of every line goes into the record of a failed call.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

DLE = 0x10
ETX = 0x03
#: Page data goes out in chunks so that a hang-up reported mid-page is noticed at once.
CHUNK = 1024
#: T.32 hang-up status codes (+FHS) the desk is likely to meet, in words for the receptionist.
HANGUP_CODES: dict[int, str] = {
    0: "normal end of the call",
    1: "ring detected without a successful handshake",
    2: "call aborted",
    3: "no loop current (line disconnected)",
    4: "ringing but no answer",
    5: "answered, but not by a fax machine",
    10: "phase A error (call set-up)",
    11: "no answer from a fax machine (T1 timeout)",
    20: "phase B error (negotiation)",
    21: "the remote fax cannot receive",
    22: "negotiation failed (COMREC error)",
    23: "negotiation failed (invalid command received)",
    24: "negotiation failed (RSPREC error)",
    25: "the remote fax did not respond to our settings (DCS sent 3 times)",
    26: "negotiation repeated 3 times without success",
    27: "training failed at the lowest speed",
    28: "negotiation failed (invalid response received)",
    40: "the call broke during the page (phase C)",
    43: "page data underflow (the computer sent too slowly)",
    50: "the call broke after the page (phase D)",
    51: "no valid answer after the page",
    52: "no response to 'more pages' (MPS) after 3 tries",
    53: "invalid response to 'more pages' (MPS)",
    54: "no response to 'end of document' (EOP) after 3 tries",
    55: "invalid response to 'end of document' (EOP)",
    56: "no response to 'end of message' (EOM) after 3 tries",
    57: "invalid response to 'end of message' (EOM)",
    58: "the remote fax asked for an operator",
    90: "modem/computer link error",
}
#: +FPS page status: 1 = MCF (page good); 2 = RTN, 3 = RTP, 4 = PIN, 5 = PIP.
PAGE_GOOD = 1
#: The results that end a command (anything else before them is an information line).
FINAL_RESULTS = ("OK", "ERROR", "BUSY", "NO DIALTONE", "NO DIAL TONE", "NO CARRIER", "NO ANSWER", "CONNECT")
class FaxError(Exception):
    """A transmission did not complete. `code` is short and stable (for the audit trail); the message is
    for the desk: what happened and what to do."""

    code = "fax_failed"

    def __init__(self, message: str, *, hangup_code: int | None = None, transcript: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.hangup_code = hangup_code
        # The session's own list: the hang-up that follows the error is added to it as well.
        self.transcript = transcript if isinstance(transcript, list) else list(transcript)


class ModemNotResponding(FaxError):
    code = "modem_not_responding"


class ModemRefused(FaxError):
    code = "modem_refused"


class NoDialTone(FaxError):
    code = "no_dial_tone"


class LineBusy(FaxError):
    code = "busy"


class NoAnswer(FaxError):
    code = "no_answer"


class NoCarrier(FaxError):
    code = "no_carrier"


class RemoteHungUp(FaxError):
    code = "remote_hung_up"


class PageNotConfirmed(FaxError):
    code = "page_not_confirmed"


@dataclass(frozen=True)
class Timeouts:
    """Seconds per step. Dialling and the handshake take long on real lines; the rest is quick."""

    command: float = 5.0
    dial: float = 90.0
    connect: float = 60.0
    page_write: float = 120.0
    page_end: float = 60.0
    hangup: float = 10.0


class SerialPort(Protocol):
    """What the sender needs of a pyserial `Serial` (kept small so other links can stand in)."""

    timeout: float | None

    def write(self, data: bytes) -> int | None: ...
    def read(self, size: int = 1) -> bytes: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...

    @property
    def in_waiting(self) -> int: ...


def hangup_text(code: int) -> str:
    return HANGUP_CODES.get(code, f"hang-up code {code:02d}")


def escape_page_data(data: bytes) -> bytes:
    # Only DLE is special from the computer to the modem during page data (T.32): send it twice.
    return data.replace(bytes([DLE]), bytes([DLE, DLE]))


class ModemSession:
    """One conversation with the modem: commands, the lines it answers, a transcript for the record."""

    def __init__(self, port: SerialPort, timeouts: Timeouts, now: Callable[[], float] = time.monotonic) -> None:
        self.port = port
        self.timeouts = timeouts
        self._now = now
        self._buffer = bytearray()
        self.transcript: list[str] = []
        self._last_command = ""

    # -- lines -------------------------------------------------------------------------------------------------
    def _fill(self, deadline: float) -> bool:
        remaining = deadline - self._now()
        if remaining <= 0:
            return False
        self.port.timeout = min(0.2, remaining)
        waiting = getattr(self.port, "in_waiting", 0) or 1
        chunk = self.port.read(waiting)
        if chunk:
            self._buffer.extend(chunk)
        return True

    def _take_line(self) -> str | None:
        while True:
            for i, b in enumerate(self._buffer):
                if b in (0x0D, 0x0A):
                    raw = bytes(self._buffer[:i])
                    del self._buffer[:i + 1]
                    line = raw.decode("ascii", "replace").strip()
                    if line and line != self._last_command:  # skip blank lines and the command's echo
                        return line
                    break
            else:
                return None

    def read_line(self, deadline: float) -> str | None:
        while True:
            line = self._take_line()
            if line is not None:
                self.transcript.append(f"< {line}")
                return line
            if not self._fill(deadline):
                return None

    def poll_line(self) -> str | None:
        """A line the modem sent without being asked (a hang-up during the page), if any."""
        waiting = getattr(self.port, "in_waiting", 0)
        if waiting:
            self.port.timeout = 0
            self._buffer.extend(self.port.read(waiting))
        line = self._take_line()
        if line is not None:
            self.transcript.append(f"< {line}")
        return line

    def command(self, text: str, timeout: float, *, finals: Sequence[str] = FINAL_RESULTS) -> tuple[str, list[str]]:
        """Send one AT command; return (final result, information lines before it). Raises
        ModemNotResponding when no final result comes in time."""
        self._last_command = text
        self.transcript.append(f"> {text}")
        self.port.write(text.encode("ascii") + b"\r")
        self.port.flush()
        deadline = self._now() + timeout
        info: list[str] = []
        while True:
            line = self.read_line(deadline)
            if line is None:
                raise ModemNotResponding(
                    f"the modem did not answer {text!r} within {timeout:g} s: is it switched on and "
                    "connected to this port?", transcript=self.transcript)
            if line.upper() in finals:
                return line.upper(), info
            info.append(line)

    def expect_ok(self, text: str, timeout: float | None = None) -> list[str]:
        final, info = self.command(text, timeout or self.timeouts.command)
        if final != "OK":
            raise ModemRefused(f"the modem answered {final} to {text!r}: it may not support fax class 2.0",
                               transcript=self.transcript)
        return info

    def write_data(self, data: bytes) -> None:
        self.port.write(data)


def hangup_code(lines: Sequence[str]) -> int | None:
    for line in lines:
        match = re.match(r"^\+FHS:\s*([0-9A-Fa-f]+)", line)
        if match:
            # Read the two digits as written: the tables (and HANGUP_CODES) list "40" as phase C.
            return int(match.group(1), 10) if match.group(1).isdigit() else int(match.group(1), 16)
    return None


def info_value(lines: Sequence[str], prefix: str) -> str:
    for line in lines:
        if line.upper().startswith(prefix):
            return line[len(prefix):].strip().strip('"').strip()
    return ""
