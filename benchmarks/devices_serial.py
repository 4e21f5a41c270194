"""Serial reader latency: time from the reader's last byte to the judged read, per framing profile.

A pty stands in for the reader (real pyserial on the slave side, as in the tests). For each profile the
benchmark writes `--reads` complete reads and measures, for each, the time from the write of its last byte
to the ReaderEvent callback. Target: <= 50 ms. Also the decoder alone (no I/O) per read.

    python -m benchmarks devices_serial [-- --reads 40]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
import tty
from datetime import date
from pathlib import Path

from hotel_desk.devices.framing import StreamDecoder, get_profile
from hotel_desk.devices.serial_reader import ReaderState, ReaderStatus, SerialReader, SerialSettings
from hotel_desk.documents import format_td3

TODAY = date(2024, 6, 1)
TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def frame(profile: str, lines: tuple[str, ...]) -> bytes:
    if profile.startswith("plain"):
        end = "\r\n" if profile == "plain-crlf" else "\r"
        return "".join(line + end for line in lines).encode()
    if profile == "stx-etx":
        return b"\x02" + "\r".join(lines).encode() + b"\r\x03"
    if profile == "json-stx-etx":
        return b"\x02" + json.dumps({"type": "P", "data": "\n".join(lines)}).encode() + b"\x03"
    if profile == "soh-stx-etx-bcc":
        covered = b"HDR\x02\r" + b"".join(line.ljust(44, "_").encode() + b"\r" for line in lines) + b"\x03"
        bcc = 0
        for byte in covered:
            bcc ^= byte
        return b"\x01" + covered + bytes([bcc])
    raise ValueError(profile)


def documents(n: int) -> list[tuple[str, ...]]:
    docs: list[tuple[str, ...]] = [TD3, TD1]
    for i in range(n):
        docs.append(format_td3(document_code="P", issuing_state="CHN", surname=f"GUEST{i:03d}".replace("0", "O"),
                               given_names="TEST", document_number=f"E{i:08d}", nationality="CHN",
                               birth="900101", sex="M", expiry="330101"))
    return docs[:n]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def over_pty(profile: str, reads: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="hd-bench-"))
    master, slave = os.openpty()
    tty.setraw(slave)
    link = folder / "ttyREADER"
    link.symlink_to(os.ttyname(slave))
    got = threading.Event()
    connected = threading.Event()
    stamp: list[float] = []

    def on_event(event: object) -> None:
        stamp.append(time.perf_counter())
        got.set()

    def on_status(status: ReaderStatus) -> None:
        if status.state is ReaderState.CONNECTED:
            connected.set()

    reader = SerialReader(SerialSettings(str(link), profile=profile), on_event, on_status, today=lambda: TODAY)
    reader.start()
    connected.wait(10)
    latencies = []
    try:
        for doc in documents(reads):
            data = frame(profile, doc)
            got.clear()
            stamp.clear()
            # The last MRZ character and everything after it (line end, ETX, BCC) in a packet of their
            # own, as a slow reader delivers it. (Plain lines are accepted at the last MRZ character, so
            # timing from the line end alone would flatter them.)
            tail = len(data) - max(i for i, b in enumerate(data) if chr(b).isalnum() or b == ord("<"))
            os.write(master, data[:-tail])
            time.sleep(0.002)
            t_last = time.perf_counter()
            os.write(master, data[-tail:])
            if not got.wait(5):
                raise RuntimeError(f"{profile}: no read")
            latencies.append(stamp[0] - t_last)
            time.sleep(0.01)
    finally:
        reader.stop()
        os.close(master)
        os.close(slave)
        link.unlink()
        folder.rmdir()
    return latencies


def decoder_only(profile: str, reads: int) -> float:
    dec = StreamDecoder(get_profile(profile), today=lambda: TODAY)
    stream = [frame(profile, doc) for doc in documents(reads)]
    t = time.perf_counter()
    n = 0
    for data in stream:
        n += len(dec.feed(data, now=0.0))
    assert n == len(stream)
    return (time.perf_counter() - t) / len(stream)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="devices_serial")
    parser.add_argument("--reads", type=int, default=40)
    args = parser.parse_args(argv)
    print(f"{'profile':18} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'decode-only ms':>15}")
    worst = 0.0
    for profile in ("plain", "plain-crlf", "stx-etx", "soh-stx-etx-bcc", "json-stx-etx"):
        lat = [x * 1000 for x in over_pty(profile, args.reads)]
        worst = max(worst, max(lat))
        print(f"{profile:18} {statistics.median(lat):10.2f} {pct(lat, 95):8.2f} {max(lat):8.2f} "
              f"{decoder_only(profile, args.reads) * 1000:15.3f}")
    print(f"serial decode latency after the last byte: worst {worst:.1f} ms (target <= 50 ms): "
          f"{'OK' if worst <= 50 else 'MISSED'}")
    return 0
