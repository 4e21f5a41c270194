"""The real pyserial reader against a pty standing in for the reader: every framing, split writes, noise,
unplug and plug back in. Waits only guard against hangs; nothing asserts on elapsed time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hotel_desk.devices.reads import ReaderEvent, ReadOutcome
from hotel_desk.devices.serial_reader import (
    ReaderState,
    ReaderStatus,
    SerialReader,
    SerialSettings,
    list_ports,
)
from tests.devices.conftest import TD1, TD3, Collector, PtyReader, plain, recorded, stx_etx, today
from tests.devices.streams.make_streams import EXPECTED
from tests.devices.test_framing import PROFILE_OF

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")


def start_reader(pty: PtyReader, profile: str, events: Collector, statuses: Collector, **kw) -> SerialReader:
    reader = SerialReader(SerialSettings(str(pty.path), profile=profile), events, statuses, today=today,
                          reconnect_interval=0.02, **kw)
    reader.start()
    wait_state(statuses, ReaderState.CONNECTED)
    return reader


def wait_state(statuses: Collector, state: ReaderState) -> ReaderStatus:
    return statuses.wait_for(lambda s: isinstance(s, ReaderStatus) and s.state is state)  # type: ignore[return-value]


def accepted_lines(events: Collector, count: int) -> list[tuple[str, ...]]:
    out = []
    while len(out) < count:
        event = events.get()
        assert isinstance(event, ReaderEvent)
        if event.outcome is ReadOutcome.ACCEPTED:
            out.append(event.lines)
    return out


@pytest.mark.parametrize("name", sorted(PROFILE_OF))
def test_recorded_stream_over_a_real_serial_port(pty_reader: PtyReader, name: str) -> None:
    events, statuses = Collector(), Collector()
    reader = start_reader(pty_reader, PROFILE_OF[name], events, statuses)
    try:
        pty_reader.write(recorded(name))
        assert accepted_lines(events, len(EXPECTED[name])) == EXPECTED[name]
    finally:
        reader.stop()
    assert reader.state is ReaderState.STOPPED


@pytest.mark.parametrize("name", sorted(PROFILE_OF))
def test_recorded_stream_in_small_packets_over_a_real_serial_port(pty_reader: PtyReader, name: str) -> None:
    events, statuses = Collector(), Collector()
    received = Collector()
    reader = start_reader(pty_reader, PROFILE_OF[name], events, statuses, on_raw=received)
    try:
        data = recorded(name)
        for i in range(0, len(data), 5):
            pty_reader.write(data[i : i + 5])
            got = b""
            while len(got) < len(data[i : i + 5]):  # one packet at a time reaches the decoder
                got += received.get()
        assert accepted_lines(events, len(EXPECTED[name])) == EXPECTED[name]
    finally:
        reader.stop()


def test_split_writes_and_noise_between_reads(pty_reader: PtyReader) -> None:
    events, statuses = Collector(), Collector()
    reader = start_reader(pty_reader, "stx-etx", events, statuses)
    try:
        data = b"\x00garbage\x03" + stx_etx(TD3) + b"\xff\x13noise" + stx_etx(TD1)
        for i in range(0, len(data), 7):  # the USB adapter delivers small packets
            pty_reader.write(data[i : i + 7])
        event = events.get()
        assert event.lines == TD3 and event.source == f"serial:{pty_reader.path}"
        assert events.get().lines == TD1
    finally:
        reader.stop()


def test_unplug_mid_read_asks_for_a_reread_and_plugging_back_reconnects(pty_reader: PtyReader) -> None:
    events, statuses = Collector(), Collector()
    received = Collector()
    reader = start_reader(pty_reader, "plain", events, statuses, on_raw=received)
    try:
        first = plain(TD3[:1])
        pty_reader.write(first)  # first line only ...
        got = b""
        while len(got) < len(first):  # ... seen by the reader ...
            got += received.get()
        pty_reader.unplug()  # ... then the cable comes out. The second line must not join a later read.
        status = wait_state(statuses, ReaderState.DISCONNECTED)
        assert "disconnected" in status.message or "disappeared" in status.message
        reread = events.get()
        assert reread.outcome is ReadOutcome.REREAD and reread.lines == TD3[:1]

        pty_reader.plug()
        wait_state(statuses, ReaderState.CONNECTED)
        pty_reader.write(plain(TD1))
        assert accepted_lines(events, 1) == [TD1]
    finally:
        reader.stop()


def test_reader_absent_at_start_is_waited_for(tmp_path: Path) -> None:
    events, statuses = Collector(), Collector()
    pty = PtyReader(tmp_path)
    pty.unplug()
    reader = SerialReader(SerialSettings(str(pty.path)), events, statuses, today=today, reconnect_interval=0.02)
    reader.start()
    try:
        assert "cannot open" in wait_state(statuses, ReaderState.DISCONNECTED).message
        pty.plug()
        wait_state(statuses, ReaderState.CONNECTED)
        pty.write(plain(TD3, "\r\n"))
        assert accepted_lines(events, 1) == [TD3]
    finally:
        reader.stop()
        pty.close()


def test_a_second_program_on_the_same_reader_gets_a_clear_error(pty_reader: PtyReader) -> None:
    events, statuses = Collector(), Collector()
    reader = start_reader(pty_reader, "plain", events, statuses)
    other_statuses = Collector()
    other = SerialReader(SerialSettings(str(pty_reader.path)), lambda e: None, other_statuses, reconnect_interval=0.02)
    other.start()
    try:
        status = wait_state(other_statuses, ReaderState.DISCONNECTED)
        assert "lock" in status.message.lower()
        pty_reader.write(plain(TD3))
        assert accepted_lines(events, 1) == [TD3]  # the first program still gets whole reads
    finally:
        other.stop()
        reader.stop()


def test_port_settings_come_from_the_profile_unless_given() -> None:
    reader = SerialReader(SerialSettings("/dev/null-reader", profile="json-stx-etx"), lambda e: None)
    assert (reader.settings.baudrate, reader.settings.parity, reader.settings.bytesize) == (115200, "N", 8)
    reader = SerialReader(SerialSettings("COM3", baudrate=4800, parity="e", profile="plain"), lambda e: None)
    assert (reader.settings.baudrate, reader.settings.parity) == (4800, "E")


def test_list_ports_gives_plain_records() -> None:
    for port in list_ports():  # whatever this machine has (maybe none)
        assert port.device and isinstance(port.to_dict(), dict)


def test_cli_listen_prints_one_json_line_per_read(pty_reader: PtyReader) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hotel_desk", "devices", "listen", "--port", str(pty_reader.path), "--profile",
         "soh-stx-etx-bcc", "--json", "--count", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # status lines: wait until the port is open before the reader "sends"
            if "[connected]" in line:
                break
        pty_reader.write(recorded("soh-stx-etx-bcc.bin"))
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    reads = [json.loads(line) for line in out.splitlines()]
    assert [r["mrz"] for r in reads] == [list(TD1), list(TD3)]
    assert reads[0]["outcome"] == "accepted" and reads[0]["document"]["surname"] == "ERIKSSON"


def test_cli_rejects_a_bad_parity() -> None:
    proc = subprocess.run([sys.executable, "-m", "hotel_desk", "devices", "listen", "--port", "COM1", "--parity", "X"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "parity" in proc.stderr


def test_cli_list_and_profiles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from hotel_desk.cli import main

    assert main(["devices", "list", "--json"]) == 0
    for line in capsys.readouterr().out.splitlines():
        assert "device" in json.loads(line)
    assert main(["devices", "profiles"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("plain", "stx-etx", "soh-stx-etx-bcc", "json-stx-etx"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["devices", "profiles", "--profile-file", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
