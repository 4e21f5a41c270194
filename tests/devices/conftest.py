"""Shared helpers for the input-device tests: specimen zones, recorded reader streams, a pty "reader" that
can be unplugged and plugged back, and rendered document pages for the camera."""

from __future__ import annotations

import os
import queue
import tty
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hotel_desk.documents import format_td3

TODAY = date(2024, 6, 1)
STREAMS = Path(__file__).parent / "streams"

# ICAO 9303 specimen zones (every check digit passes).
TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")
MRVA = ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<")
# A German guest, made with the document core's own composer (so the check digits are right by construction).
TD3_DE = format_td3(
    document_code="P", issuing_state="D", surname="MUSTERMANN", given_names="ERIKA", document_number="C01X00T47",
    nationality="D", birth="640812", sex="F", expiry="310101",
)
# One check digit wrong (birth date check 2 -> 3): a complete zone that must go to review, not be accepted.
TD3_BAD = (TD3[0], TD3[1][:19] + "3" + TD3[1][20:])


def today() -> date:
    return TODAY


def plain(lines: tuple[str, ...], end: str = "\r") -> bytes:
    return "".join(line + end for line in lines).encode("ascii")


def stx_etx(lines: tuple[str, ...], sep: str = "\r") -> bytes:
    return b"\x02" + sep.join(lines).encode("ascii") + b"\r\x03"


def soh_bcc(lines: tuple[str, ...], header: bytes = b"MRZ01", width: int = 44, bad_bcc: bool = False) -> bytes:
    body = b"\r\r" + b"".join(line.ljust(width, "_").encode("ascii") + b"\r" for line in lines)
    covered = header + b"\x02" + body + b"\x03"
    bcc = 0
    for byte in covered:
        bcc ^= byte
    if bad_bcc:
        bcc ^= 0x55
    return b"\x01" + covered + bytes([bcc])


def json_frame(lines: tuple[str, ...], doc_type: str = "P") -> bytes:
    import json

    return b"\x02" + json.dumps({"type": doc_type, "data": "\n".join(lines), "sn": "A1B2"}).encode() + b"\x03"


def recorded(name: str) -> bytes:
    return (STREAMS / name).read_bytes()


class PtyReader:
    """A serial reader stand-in: the test writes to the pty master, the code under test opens the slave
    through a stable path (a symlink, like /dev/serial/by-id/...). Unplugging closes the master and removes
    the path; plugging in makes a new pty behind the same path."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "ttyREADER"
        self.master: int | None = None
        self.slave: int | None = None
        self.plug()

    def plug(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # as the real device: no echo, no CR/LF translation before pyserial opens it
        if self.path.is_symlink() or self.path.exists():
            self.path.unlink()
        self.path.symlink_to(os.ttyname(self.slave))

    def write(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)

    def unplug(self) -> None:
        for fd in (self.master, self.slave):
            if fd is not None:
                os.close(fd)
        self.master = self.slave = None
        if self.path.is_symlink():
            self.path.unlink()

    def close(self) -> None:
        self.unplug()


@pytest.fixture
def pty_reader(tmp_path: Path) -> Iterator[PtyReader]:
    reader = PtyReader(tmp_path)
    yield reader
    reader.close()


class Collector:
    """Callback sink with blocking waits (the waits only guard against a hang; nothing asserts on time)."""

    def __init__(self) -> None:
        self.items: queue.Queue[object] = queue.Queue()

    def __call__(self, item: object) -> None:
        self.items.put(item)

    def get(self, timeout: float = 10.0) -> object:
        return self.items.get(timeout=timeout)

    def wait_for(self, predicate, timeout: float = 10.0) -> object:
        while True:
            item = self.items.get(timeout=timeout)
            if predicate(item):
                return item

    def drain(self) -> list[object]:
        out = []
        while True:
            try:
                out.append(self.items.get_nowait())
            except queue.Empty:
                return out


def render_page(lines: tuple[str, ...] | None, *, size: tuple[int, int] = (1280, 720), mrz_width: float = 0.6):
    """A passport data page as a camera would see it (benchmarks.synthetic.camera); skips the test when the
    OCR-B font (Debian fonts-ocr-b) is not installed."""
    from benchmarks.synthetic.camera import camera_scene

    try:
        return camera_scene(lines, size=size, mrz_width=mrz_width)
    except RuntimeError as exc:
        pytest.skip(str(exc))
