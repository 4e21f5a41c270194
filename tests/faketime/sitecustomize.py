"""Loaded by every Python process of `./dev test --on DATE` (the directory is put on PYTHONPATH there), never by
the product.

libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1 makes clock_nanosleep(CLOCK_MONOTONIC,
TIMER_ABSTIME) fail with EINVAL, which is how CPython's time.sleep waits: every sleep raises OSError. Without
that setting, timed thread waits never wake. Lock and condition waits work with it, so sleeps wait on an event
that is never set: the same real duration, through a call libfaketime leaves alone.
"""

from __future__ import annotations

import os
import threading
import time

if "faketime" in os.environ.get("LD_PRELOAD", "") and os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        threading.Event().wait(seconds)

    time.sleep = _sleep
