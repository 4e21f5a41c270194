"""A simulated Class 2.0 fax modem on a pty pair: the stand-in for real hardware in the fax tests.

The sender opens the pty's slave end with pyserial like a real /dev/ttyUSB0; a thread on the master end
speaks T.32 as a modem would: command echo until ATE0, OK/ERROR, the dial results, +FCO/+FCS, CONNECT for
AT+FDT, page data with DLE escaping up to DLE ETX, +FPS/+FHS after AT+FET. `scenario` picks the far end:

- "success": the remote fax confirms every page (+FPS:1, +FHS:00)
- "busy", "no_dialtone", "no_answer", "no_carrier": the dial fails that way
- "hangup_during_negotiation": +FCO, then the remote gives up (+FHS:25) instead of OK
- "hangup_mid_page": after `hangup_after` bytes of page data the line drops (+FHS:40, back to command mode)
- "page_rejected": the remote answers the page with RTN (+FPS:2)
- "silent": the modem never answers (a dead or unplugged modem)
- "no_fax_class": AT+FCLASS=2.0 gives ERROR (a data-only modem)
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import tty
from dataclasses import dataclass, field

DLE, ETX = 0x10, 0x03


@dataclass
class SimulatedModem:
    scenario: str = "success"
    hangup_after: int = 8000
    remote_id: str = "+86 21 5555 0110"
    commands: list[str] = field(default_factory=list)
    pages: list[bytes] = field(default_factory=list)
    hung_up: bool = False  # ATH0 received at the end

    def __post_init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.port = os.ttyname(self.slave)
        self._stop = threading.Event()
        self._echo = True
        self._in_call = False
        self._thread = threading.Thread(target=self._run, name="simulated-modem", daemon=True)
        self._thread.start()

    # -- plumbing -------------------------------------------------------------------------------------------
    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _send(self, *lines: str) -> None:
        for line in lines:
            os.write(self.master, f"\r\n{line}\r\n".encode("ascii"))

    def _read(self) -> bytes:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    return os.read(self.master, 4096)
                except OSError:  # the slave side closed
                    return b""
        return b""

    def _run(self) -> None:
        buffer = bytearray()
        while not self._stop.is_set():
            chunk = self._read()
            if not chunk:
                continue
            buffer.extend(chunk)
            while b"\r" in buffer:
                raw, _, rest = bytes(buffer).partition(b"\r")
                buffer = bytearray(rest)
                command = raw.decode("ascii", "replace").strip()
                if not command:
                    continue
                if self._echo and self.scenario != "silent":
                    os.write(self.master, raw + b"\r")
                data = self._answer(command)
                if data is not None:
                    buffer = bytearray(data) + buffer

    # -- the modem ------------------------------------------------------------------------------------------
    def _answer(self, command: str) -> bytes | None:
        """Answer one command. Returns bytes that arrived after page data (to be read as commands)."""
        self.commands.append(command)
        upper = command.upper()
        if self.scenario == "silent":
            return None
        if upper == "ATE0":
            self._echo = False
            self._send("OK")
        elif upper == "AT+FCLASS=2.0" and self.scenario == "no_fax_class":
            self._send("ERROR")
        elif upper.startswith("ATD"):
            self._dial()
        elif upper == "AT+FDT":
            if not self._in_call:
                self._send("ERROR")
                return None
            self._send("+FCS:1,5,0,2,0,0,0,0", "CONNECT")
            return self._receive_page()
        elif upper.startswith("AT+FET="):
            if not self._in_call:
                self._send("ERROR")
                return None
            if self.scenario == "page_rejected":
                self._send("+FPS:2,0,0,0,0", "OK")
                return None
            if upper == "AT+FET=2":
                self._in_call = False
                self._send("+FPS:1,0,0,0,0", "+FHS:00", "OK")
            else:
                self._send("+FPS:1,0,0,0,0", "OK")
        elif upper.startswith("ATH"):
            self.hung_up = True
            self._in_call = False
            self._send("OK")
        elif upper.startswith("AT"):
            self._send("OK")
        else:
            self._send("ERROR")
        return None

    def _dial(self) -> None:
        outcome = {"busy": "BUSY", "no_dialtone": "NO DIALTONE", "no_answer": "NO ANSWER",
                   "no_carrier": "NO CARRIER"}.get(self.scenario)
        if outcome:
            self._send(outcome)
            return
        if self.scenario == "hangup_during_negotiation":
            self._send("+FCO", "+FHS:25", "OK")
            return
        self._in_call = True
        self._send("+FCO", f'+FCI:"{self.remote_id}"', "+FCS:1,5,0,2,0,0,0,0", "OK")

    def _receive_page(self) -> bytes:
        """Page data until DLE ETX, DLE DLE unescaped. Returns what followed DLE ETX."""
        page = bytearray()
        pending_dle = False
        while not self._stop.is_set():
            chunk = self._read()
            for i, b in enumerate(chunk):
                if pending_dle:
                    pending_dle = False
                    if b == ETX:
                        self.pages.append(bytes(page))
                        self._send("OK")
                        return chunk[i + 1:]
                    if b == DLE:
                        page.append(DLE)
                    continue  # other DLE pairs are in-band commands: not used by the sender
                if b == DLE:
                    pending_dle = True
                    continue
                page.append(b)
                if self.scenario == "hangup_mid_page" and len(page) >= self.hangup_after:
                    # The far end drops the line: the modem reports it and is back in command mode.
                    self._in_call = False
                    self._send("+FHS:40", "ERROR")
                    return self._discard_until_command(chunk[i + 1:])
        return b""

    def _discard_until_command(self, already: bytes) -> bytes:
        """After a hang-up the rest of the page may still arrive (the sender's buffers): a modem in command
        mode ignores line noise. Page data can hold the bytes "AT" by chance, so the simulator waits for the
        sender's next real command, the hang-up (ATH), and returns from there."""
        data = bytearray(already)
        while not self._stop.is_set():
            at = data.find(b"ATH")
            if at >= 0:
                return bytes(data[at:])
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                data.extend(os.read(self.master, 4096))
        return b""


def decode_page(t4_lsb_first: bytes, width: int = 1728, height: int = 2292) -> object:
    """Wrap received T.4 data in a minimal TIFF (Compression 3, FillOrder 2 = low bit first) and decode
    it with libtiff through Pillow: proves the modem got a real fax page, not just bytes."""
    import io
    import struct

    from PIL import Image

    entries = [
        (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 1), (259, 3, 1, 3), (262, 3, 1, 0),
        (266, 3, 1, 2), (273, 4, 1, 0), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, len(t4_lsb_first)),
        (292, 4, 1, 0),
    ]
    ifd_offset = 8
    ifd_size = 2 + len(entries) * 12 + 4
    data_offset = ifd_offset + ifd_size
    out = bytearray(b"II*\x00" + struct.pack("<I", ifd_offset))
    out += struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        if tag == 273:
            value = data_offset
        if kind == 3:
            out += struct.pack("<HHIHH", tag, kind, count, value, 0)
        else:
            out += struct.pack("<HHII", tag, kind, count, value)
    out += struct.pack("<I", 0)
    out += t4_lsb_first
    image = Image.open(io.BytesIO(bytes(out)))
    image.load()
    return image
