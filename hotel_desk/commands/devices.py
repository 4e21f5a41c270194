"""`hotel-desk devices ...`: serial passport readers, for installers and support staff.

  hotel-desk devices list                       serial ports present (COMx, /dev/ttyUSB*, ...)
  hotel-desk devices profiles                   the framing profiles a reader can be set to
  hotel-desk devices listen --port PORT [--baud N] [--parity N|E|O] [--profile NAME] [--json] [--raw] [--count N]
                                                print every read the reader sends (one JSON line each with --json)
"""

from __future__ import annotations

import argparse
import json
import sys


def _list(args: argparse.Namespace) -> int:
    from hotel_desk.devices.serial_reader import list_ports

    ports = list_ports()
    if args.json:
        for port in ports:
            print(json.dumps(port.to_dict(), ensure_ascii=False))
        return 0
    if not ports:
        print("no serial ports found (is the reader plugged in, and its USB-serial driver installed?)")
        return 0
    for port in ports:
        print(f"{port.device}\t{port.description}\t{port.hwid}")
    return 0


def _profiles(args: argparse.Namespace) -> int:
    from hotel_desk.devices.framing import ProfileError, load_profiles

    try:
        profiles = load_profiles(args.profile_file or ())
    except (ProfileError, OSError) as exc:
        from hotel_desk.commands import UsageError

        raise UsageError(str(exc)) from exc
    for name, profile in sorted(profiles.items()):
        if args.json:
            print(json.dumps({"name": name, "framing": profile.framing, "payload": profile.payload,
                              "description": profile.description, "serial": profile.serial}, ensure_ascii=False))
        else:
            print(f"{name:18} {profile.description}")
    return 0


def _listen(args: argparse.Namespace) -> int:
    import queue

    from hotel_desk.commands import UsageError
    from hotel_desk.devices.framing import ProfileError, get_profile
    from hotel_desk.devices.reads import ReaderEvent
    from hotel_desk.devices.serial_reader import PARITIES, ReaderStatus, SerialReader, SerialSettings

    if args.parity and args.parity.upper() not in PARITIES:
        raise UsageError(f"--parity must be one of {', '.join(PARITIES)}")
    if args.baud is not None and args.baud <= 0:
        raise UsageError("--baud must be a positive number")
    try:
        profile = get_profile(args.profile, args.profile_file or ())
    except (ProfileError, OSError) as exc:
        raise UsageError(str(exc)) from exc
    settings = SerialSettings(port=args.port, baudrate=args.baud, parity=args.parity, profile=args.profile)
    events: queue.Queue[ReaderEvent] = queue.Queue()

    def on_status(status: ReaderStatus) -> None:
        # Status goes to stderr so that stdout stays one JSON line per read for scripts.
        message = f" ({status.message})" if status.message else ""
        print(f"[{status.state.value}] {status.port}{message}", file=sys.stderr, flush=True)

    def on_raw(data: bytes) -> None:
        print(f"[raw] {data!r}", file=sys.stderr, flush=True)

    reader = SerialReader(settings, events.put, on_status, profile=profile, on_raw=on_raw if args.raw else None,
                          reconnect_interval=args.reconnect_interval)
    resolved = reader.settings
    print(f"listening on {resolved.port} at {resolved.baudrate} baud, parity {resolved.parity}, "
          f"profile {profile.name}; Ctrl+C to stop", file=sys.stderr, flush=True)
    reader.start()
    seen = 0
    try:
        while args.count is None or seen < args.count:
            try:
                event = events.get(timeout=0.5)
            except queue.Empty:
                continue
            seen += 1
            if args.json:
                print(json.dumps(event.to_dict(), ensure_ascii=False), flush=True)
            else:
                print(f"{event.outcome.value.upper()}: {event.message_en}")
                for line in event.lines:
                    print(f"  {line}")
                failing = event.failing_check_digits()
                if failing:
                    print(f"  failing check digits: {', '.join(failing)}")
                sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    finally:
        reader.stop()
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("devices", parents=[common], help="serial passport readers: list ports, listen")
    dsub = p.add_subparsers(dest="devices_command", metavar="ACTION", required=True)

    lp = dsub.add_parser("list", parents=[common], help="list serial ports present")
    lp.add_argument("--json", action="store_true", help="one JSON object per port")
    lp.set_defaults(handler=_list)

    pp = dsub.add_parser("profiles", parents=[common], help="list reader framing profiles")
    pp.add_argument("--json", action="store_true")
    pp.add_argument("--profile-file", action="append", metavar="FILE", help="extra profile file (JSON)")
    pp.set_defaults(handler=_profiles)

    li = dsub.add_parser("listen", parents=[common], help="print every read a serial reader sends")
    li.add_argument("--port", required=True, help="COM3, /dev/ttyUSB0, or a pyserial URL (socket://host:port)")
    li.add_argument("--baud", type=int, default=None, help="baud rate (default: the profile's, usually 9600)")
    li.add_argument("--parity", default=None, help="N, E, O, M or S (default: the profile's, usually N)")
    li.add_argument("--profile", default="plain", help="framing profile (see `devices profiles`; default plain)")
    li.add_argument("--profile-file", action="append", metavar="FILE", help="extra profile file (JSON)")
    li.add_argument("--json", action="store_true", help="one JSON line per read")
    li.add_argument("--raw", action="store_true", help="also show every received chunk of bytes (on stderr)")
    li.add_argument("--count", type=int, default=None, help="stop after N reads")
    li.add_argument("--reconnect-interval", type=float, default=1.0, help=argparse.SUPPRESS)
    li.set_defaults(handler=_listen)
