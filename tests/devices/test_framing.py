"""The stream decoder on recorded reader streams: every framing, split packets, noise, partial reads."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from hotel_desk.devices.framing import ProfileError, StreamDecoder, get_profile, load_profiles
from hotel_desk.devices.reads import ReadOutcome
from tests.devices.conftest import TD1, TD3, TD3_BAD, json_frame, plain, recorded, soh_bcc, stx_etx, today
from tests.devices.streams.make_streams import EXPECTED, STREAMS

PROFILE_OF = {
    "plain-cr.bin": "plain-cr",
    "plain-crlf.bin": "plain-crlf",
    "stx-etx.bin": "stx-etx",
    "soh-stx-etx-bcc.bin": "soh-stx-etx-bcc",
    "json-stx-etx.bin": "json-stx-etx",
}


def decoder(profile: str) -> StreamDecoder:
    return StreamDecoder(get_profile(profile), today=today, source="test")


def feed_chunks(dec: StreamDecoder, data: bytes, cuts: list[int]) -> list:
    events, last = [], 0
    for i, cut in enumerate([*cuts, len(data)]):
        events += dec.feed(data[last:cut], now=float(i) * 0.001)
        last = cut
    return events


def test_recorded_files_match_the_generator() -> None:
    for name, data in STREAMS.items():
        assert recorded(name) == data, f"{name} is stale: run python -m tests.devices.streams.make_streams"


@pytest.mark.parametrize("name", sorted(PROFILE_OF))
def test_recorded_stream_in_one_piece(name: str) -> None:
    events = decoder(PROFILE_OF[name]).feed(recorded(name), now=0.0)
    assert [e.outcome for e in events] == [ReadOutcome.ACCEPTED] * len(EXPECTED[name])
    assert [e.lines for e in events] == EXPECTED[name]
    assert all(e.check is not None and e.check.document is not None for e in events)


@pytest.mark.parametrize("name", sorted(PROFILE_OF))
def test_recorded_stream_split_at_every_byte(name: str) -> None:
    data = recorded(name)
    for cut in range(1, len(data)):
        events = feed_chunks(decoder(PROFILE_OF[name]), data, [cut])
        assert [e.lines for e in events] == EXPECTED[name], f"split at byte {cut}"


@pytest.mark.parametrize("name", sorted(PROFILE_OF))
def test_recorded_stream_in_random_packets(name: str) -> None:
    data = recorded(name)
    rng = random.Random(name)
    for _ in range(40):
        cuts = sorted(rng.sample(range(1, len(data)), k=rng.randint(2, 12)))
        events = feed_chunks(decoder(PROFILE_OF[name]), data, cuts)
        assert [e.lines for e in events] == EXPECTED[name]


def test_plain_accepts_the_last_line_without_waiting_for_its_line_end() -> None:
    dec = decoder("plain")
    events = dec.feed(plain(TD3)[:-1], now=0.0)  # the final CR has not arrived (or never will)
    assert [e.lines for e in events] == [TD3]
    assert dec.feed(b"\r", now=0.01) == []  # the late CR does not make a second read


def test_plain_partial_read_asks_for_another_pass_after_the_reader_falls_silent() -> None:
    dec = decoder("plain")
    assert dec.feed(plain(TD1[:2]), now=0.0) == []
    assert dec.poll(now=0.1) == []  # still within the idle timeout: the third line may come
    events = dec.poll(now=1.0)
    assert [(e.outcome, e.reason) for e in events] == [(ReadOutcome.REREAD, "partial_read")]
    assert events[0].lines == TD1[:2]
    assert dec.poll(now=5.0) == []  # reported once


def test_plain_line_cut_short_is_a_reread_not_a_read() -> None:
    dec = decoder("plain")
    events = dec.feed(plain((TD3[0], TD3[1][:38])), now=0.0) + dec.poll(now=2.0)
    assert [e.outcome for e in events] == [ReadOutcome.REREAD]


def test_a_complete_read_after_a_broken_one_is_still_accepted() -> None:
    dec = decoder("plain")
    events = dec.feed(plain((TD3[0][:30],)) + plain(TD3), now=0.0)
    assert [e.lines for e in events if e.accepted] == [TD3]


def test_failing_check_digit_goes_to_review() -> None:
    events = decoder("plain").feed(plain(TD3_BAD), now=0.0)
    assert [(e.outcome, e.reason) for e in events] == [(ReadOutcome.REVIEW, "check_digits_failed")]
    assert events[0].failing_check_digits() == ["birth_date", "composite"]
    assert events[0].check is not None and events[0].check.findings  # the reviewer is told what is wrong
    json.dumps(events[0].to_dict())  # the support tool prints it


def test_noise_only_gives_nothing() -> None:
    rng = random.Random(7)
    for profile in sorted(PROFILE_OF.values()):
        dec = decoder(profile)
        noise = bytes(rng.randrange(256) for _ in range(20000))
        events = dec.feed(noise, now=0.0) + dec.poll(now=10.0)
        assert all(e.outcome is not ReadOutcome.ACCEPTED for e in events)
        # After any amount of garbage the decoder still reads the next document.
        data = {"plain": plain(TD3), "plain-cr": plain(TD3), "plain-crlf": plain(TD3, "\r\n"),
                "stx-etx": stx_etx(TD3), "soh-stx-etx-bcc": soh_bcc(TD3), "json-stx-etx": json_frame(TD3)}[profile]
        events = dec.feed(b"\r\n\x03" + data, now=11.0)
        assert [e.lines for e in events if e.accepted] == [TD3], profile


def test_stx_frame_broken_by_a_new_frame_is_a_reread() -> None:
    dec = decoder("stx-etx")
    events = dec.feed(stx_etx(TD3)[:50] + stx_etx(TD1), now=0.0)
    assert [(e.outcome, e.reason) for e in events] == [(ReadOutcome.REREAD, "damaged_frame"), (ReadOutcome.ACCEPTED, "read_ok")]


def test_stx_frame_never_closed_is_dropped_after_the_idle_timeout() -> None:
    dec = decoder("stx-etx")
    assert dec.feed(stx_etx(TD3)[:60], now=0.0) == []
    events = dec.poll(now=5.0)
    assert [e.outcome for e in events] == [ReadOutcome.REREAD]
    assert [e.lines for e in dec.feed(stx_etx(TD1), now=6.0)] == [TD1]


def test_block_check_mismatch_is_a_reread() -> None:
    events = decoder("soh-stx-etx-bcc").feed(soh_bcc(TD3, bad_bcc=True), now=0.0)
    assert [(e.outcome, e.reason) for e in events] == [(ReadOutcome.REREAD, "damaged_frame")]


def test_soh_profile_waits_for_the_block_check_character() -> None:
    frame = soh_bcc(TD1)
    dec = decoder("soh-stx-etx-bcc")
    assert dec.feed(frame[:-1], now=0.0) == []  # ETX arrived, BCC not yet
    assert [e.lines for e in dec.feed(frame[-1:], now=0.001)] == [TD1]


def test_json_frame_gives_the_readers_type_and_ignores_status_messages() -> None:
    dec = decoder("json-stx-etx")
    events = dec.feed(json_frame(TD1, "ID") + b'\x02{"type": "heartbeat"}\x03\x02[1, 2]\x03', now=0.0)
    assert len(events) == 1 and events[0].document_type_hint == "ID" and events[0].lines == TD1


def test_json_frame_with_lines_as_a_list() -> None:
    frame = b"\x02" + json.dumps({"data": list(TD3), "type": "P"}).encode() + b"\x03"
    assert [e.lines for e in decoder("json-stx-etx").feed(frame, now=0.0)] == [TD3]


def test_damaged_json_is_a_reread() -> None:
    frame = json_frame(TD3)
    damaged = frame[:20] + frame[21:]  # a byte lost in the middle of the object
    events = decoder("json-stx-etx").feed(damaged, now=0.0)
    assert all(e.outcome is not ReadOutcome.ACCEPTED for e in events)


def test_reset_on_disconnect_reports_the_half_read() -> None:
    dec = decoder("plain")
    dec.feed(plain(TD3[:1]) + TD3[1][:20].encode(), now=0.0)
    events = dec.reset()
    assert [e.outcome for e in events] == [ReadOutcome.REREAD]
    assert not dec.has_partial_read


def test_site_profile_file_adds_and_overrides(tmp_path: Path) -> None:
    custom = tmp_path / "acme.json"
    custom.write_text(json.dumps({"name": "acme-hash", "framing": "frames", "frame_start": "#", "frame_end": "$",
                                  "line_separators": ["|"]}))
    profiles = load_profiles([custom], include_user_dir=False)
    assert "acme-hash" in profiles and "plain" in profiles
    dec = StreamDecoder(profiles["acme-hash"], today=today)
    assert [e.lines for e in dec.feed(b"noise#" + "|".join(TD3).encode() + b"$", now=0.0)] == [TD3]


@pytest.mark.parametrize(
    "entry",
    [{"framing": "smoke"}, {"framing": "frames", "frame_start": "\u0002"}, {"payload": "xml"},
     {"framing": "frames", "frame_start": "\u0002", "frame_end": "\u0003", "block_check": {"algorithm": "crc"}}],
)
def test_bad_profile_data_is_a_clear_error(tmp_path: Path, entry: dict) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"profiles": {"bad": entry}}))
    with pytest.raises(ProfileError, match="bad"):
        load_profiles([bad], include_user_dir=False)


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(ProfileError, match="plain"):
        get_profile("no-such-reader")
