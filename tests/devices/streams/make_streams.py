"""Writes the reader byte streams the tests replay (run from the repo root: python -m tests.devices.streams.make_streams).

They are built to each framing as reader manuals describe it, with the noise real lines carry (a power-on
banner, a stray NUL, a status frame between reads), not captured from a particular device.
"""

from __future__ import annotations

from pathlib import Path

from tests.devices.conftest import MRVA, TD1, TD2, TD3, TD3_DE, json_frame, plain, soh_bcc, stx_etx

HERE = Path(__file__).parent

STREAMS = {
    # name: (bytes, expected MRZs in order)
    "plain-cr.bin": b"READER V2.1 READY\r\x00" + plain(TD3, "\r") + b"\xff\xfe" + plain(TD1, "\r"),
    "plain-crlf.bin": b"\r\n" + plain(TD3, "\r\n") + plain(TD2, "\r\n") + b"OK\r\n" + plain(MRVA, "\r\n"),
    "stx-etx.bin": b"\x00\x00" + stx_etx(TD3) + b"\x02STATUS:IDLE\x03" + stx_etx(TD1, "\r\n") + b"\r\n",
    "soh-stx-etx-bcc.bin": b"\x11" + soh_bcc(TD1) + soh_bcc(TD3, header=b"MRZ02") + b"\x13",
    "json-stx-etx.bin": json_frame(TD3_DE) + b"\x02{\"type\": \"status\", \"data\": null}\x03" + json_frame(TD1, "I"),
}
EXPECTED = {
    "plain-cr.bin": [TD3, TD1],
    "plain-crlf.bin": [TD3, TD2, MRVA],
    "stx-etx.bin": [TD3, TD1],
    "soh-stx-etx-bcc.bin": [TD1, TD3],
    "json-stx-etx.bin": [tuple(TD3_DE), TD1],
}

if __name__ == "__main__":
    for name, data in STREAMS.items():
        (HERE / name).write_bytes(data)
        print(name, len(data), "bytes")
