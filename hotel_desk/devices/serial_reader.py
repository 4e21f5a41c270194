"""Serial and USB-serial passport readers (pyserial), Qt-free.

`SerialReader` owns one port in a background thread: it opens the port, feeds every byte to a StreamDecoder
and hands each judged read to a callback. When the reader is unplugged (read error, device node gone) it
reports DISCONNECTED and keeps trying to open the same port until it is back: a receptionist who re-plugs
the reader does not have to restart anything.

Callbacks run on the reader's thread. The UI wraps them into Qt signals (queued to the GUI thread); the
command line just prints.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import serial
import serial.tools.list_ports

from hotel_desk.devices.framing import DEFAULT_PROFILE, FramingProfile, StreamDecoder, get_profile
from hotel_desk.devices.reads import ReaderEvent, TodayFn

PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD,
            "M": serial.PARITY_MARK, "S": serial.PARITY_SPACE}
COMMON_BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)


@dataclass(frozen=True)
class PortInfo:
    """One serial port as offered in the settings: `device` is what to store (COM3, /dev/ttyUSB0)."""

    device: str
    description: str = ""
    hwid: str = ""
    manufacturer: str = ""
    vid: int | None = None
    pid: int | None = None
    serial_number: str = ""

    @property
    def label(self) -> str:
        return f"{self.device} — {self.description}" if self.description and self.description != "n/a" else self.device

    def to_dict(self) -> dict[str, Any]:
        return {
            "device": self.device, "description": self.description, "hwid": self.hwid,
            "manufacturer": self.manufacturer, "vid": self.vid, "pid": self.pid,
            "serial_number": self.serial_number,
        }


def list_ports() -> list[PortInfo]:
    """Serial ports present now (COMx on Windows, /dev/ttyUSB*, /dev/ttyACM*, /dev/ttyS* ... elsewhere)."""
    ports = []
    for p in serial.tools.list_ports.comports():
        ports.append(PortInfo(
            device=p.device, description=p.description or "", hwid=p.hwid or "",
            manufacturer=p.manufacturer or "", vid=p.vid, pid=p.pid, serial_number=p.serial_number or "",
        ))
    return sorted(ports, key=lambda p: p.device)


@dataclass(frozen=True)
class SerialSettings:
    """Where the reader is and how it talks. Values left None come from the framing profile's defaults."""

    port: str
    baudrate: int | None = None
    parity: str | None = None  # N, E, O, M, S
    bytesize: int | None = None
    stopbits: float | None = None
    rtscts: bool = False
    xonxoff: bool = False
    profile: str = DEFAULT_PROFILE

    @classmethod
    def from_app_settings(cls, settings: Any) -> SerialSettings:
        """From hotel_desk.settings.Settings (serial_port, serial_baud, serial_profile)."""
        return cls(port=settings.serial_port, baudrate=settings.serial_baud or None,
                   profile=settings.serial_profile or DEFAULT_PROFILE)

    def resolved(self, profile: FramingProfile) -> SerialSettings:
        d = profile.serial
        return replace(
            self,
            baudrate=self.baudrate or int(d.get("baudrate", 9600)),
            parity=(self.parity or str(d.get("parity", "N"))).upper()[:1],
            bytesize=self.bytesize or int(d.get("bytesize", 8)),
            stopbits=self.stopbits or float(d.get("stopbits", 1)),
        )


class ReaderState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # unplugged or not there (yet): we keep trying
    STOPPED = "stopped"


@dataclass(frozen=True)
class ReaderStatus:
    state: ReaderState
    port: str
    message: str = ""


EventCallback = Callable[[ReaderEvent], None]
StatusCallback = Callable[[ReaderStatus], None]
PortOpener = Callable[[SerialSettings], Any]


def open_serial_port(settings: SerialSettings, read_timeout: float = 0.05) -> serial.SerialBase:
    """Open a port by name or pyserial URL (socket://host:port for network serial servers, loop:// ...)."""
    port = serial.serial_for_url(settings.port, do_not_open=True)
    port.baudrate = settings.baudrate or 9600
    port.parity = PARITIES.get((settings.parity or "N").upper(), serial.PARITY_NONE)
    port.bytesize = settings.bytesize or 8
    port.stopbits = settings.stopbits or 1
    port.rtscts = settings.rtscts
    port.xonxoff = settings.xonxoff
    port.timeout = read_timeout
    if os.name == "posix" and hasattr(port, "exclusive"):
        # Two programs reading one reader would each get half the bytes: the second gets a clear error.
        port.exclusive = True
    port.open()
    return port


class SerialReader:
    """Reads one passport reader until stopped, reconnecting after an unplug."""

    def __init__(
        self,
        settings: SerialSettings,
        on_event: EventCallback,
        on_status: StatusCallback | None = None,
        *,
        profile: FramingProfile | None = None,
        today: TodayFn | None = None,
        reconnect_interval: float = 1.0,
        opener: PortOpener | None = None,
        on_raw: Callable[[bytes], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.profile = profile or get_profile(settings.profile)
        self.settings = settings.resolved(self.profile)
        self._on_event = on_event
        self._on_status = on_status
        self._today = today
        self._reconnect_interval = reconnect_interval
        self._opener = opener or open_serial_port
        self._on_raw = on_raw  # every chunk as received: for support (`devices listen --raw`) and tests
        self._monotonic = monotonic
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._port: Any = None
        self._state = ReaderState.STOPPED
        self._lock = threading.Lock()

    @property
    def state(self) -> ReaderState:
        return self._state

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"serial-reader {self.settings.port}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        with self._lock:
            port = self._port
        if port is not None:
            # Wakes a blocking read at once instead of after its timeout.
            with contextlib.suppress(AttributeError, OSError, serial.SerialException):
                port.cancel_read()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def __enter__(self) -> SerialReader:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------------------------------- thread
    def _status(self, state: ReaderState, message: str = "") -> None:
        self._state = state
        if self._on_status is not None:
            self._on_status(ReaderStatus(state, self.settings.port, message))

    def _emit(self, events: list[ReaderEvent]) -> None:
        for event in events:
            self._on_event(event)

    def _run(self) -> None:
        decoder = StreamDecoder(self.profile, today=self._today, source=f"serial:{self.settings.port}")
        last_message = None
        while not self._stop.is_set():
            if last_message is None:
                self._status(ReaderState.CONNECTING)
            try:
                port = self._opener(self.settings)
            except (OSError, serial.SerialException, ValueError) as exc:
                message = f"cannot open {self.settings.port}: {exc}"
                if message != last_message:  # one report per cause, not one every second
                    self._status(ReaderState.DISCONNECTED, message)
                    last_message = message
                else:
                    self._state = ReaderState.DISCONNECTED
                self._stop.wait(self._reconnect_interval)
                continue
            last_message = None
            with self._lock:
                self._port = port
            self._status(ReaderState.CONNECTED)
            reason = self._pump(port, decoder)
            with self._lock:
                self._port = None
            with contextlib.suppress(OSError, serial.SerialException):
                port.close()
            # A read cut off by the unplug asks for another pass, like any partial read.
            self._emit(decoder.reset())
            if reason is not None:
                self._status(ReaderState.DISCONNECTED, reason)
                self._stop.wait(self._reconnect_interval)
        self._status(ReaderState.STOPPED)

    def _pump(self, port: Any, decoder: StreamDecoder) -> str | None:
        """Read until stopped (None) or the device goes away (the reason)."""
        # Only device nodes on POSIX (/dev/ttyUSB0, /dev/serial/by-id/...): Windows names such as \\.\COM10
        # do not exist as files even while the port is there.
        device_path = self.settings.port if os.name == "posix" and os.path.isabs(self.settings.port) else None
        last_presence_check = self._monotonic()
        while not self._stop.is_set():
            try:
                waiting = port.in_waiting
                data = port.read(waiting or 1)
            except (OSError, serial.SerialException, TypeError, AttributeError) as exc:
                # pyserial reports an unplugged USB adapter as an error on read (TypeError/AttributeError
                # come from a port closed under our feet by stop()).
                if self._stop.is_set():
                    return None
                return f"{self.settings.port} disconnected: {exc}"
            now = self._monotonic()
            if data:
                if self._on_raw is not None:
                    self._on_raw(data)
                self._emit(decoder.feed(data, now))
            else:
                self._emit(decoder.poll(now))
                # Some drivers just go quiet when the device node disappears: look for it now and then.
                if device_path is not None and now - last_presence_check > 0.5:
                    last_presence_check = now
                    if not os.path.exists(device_path):
                        return f"{self.settings.port} disappeared"
        return None
