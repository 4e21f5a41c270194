"""Input devices that bring a guest's MRZ to the desk: serial / USB-serial passport readers, keyboard-wedge
readers, the scanner's output folder and the camera's analysis loop. Qt-free; the Qt parts (wedge event
filter, camera widget) live in hotel_desk/ui/wedge.py and hotel_desk/ui/camera.py. See docs/devices.md.

Every device ends in the same judgement (reads.judge_lines): ACCEPTED only for a whole zone whose check
digits pass, REVIEW for a whole zone that fails, REREAD for part of one.
"""

from __future__ import annotations

from hotel_desk.devices.reads import ReaderEvent, ReadOutcome, judge_lines

__all__ = ["ReadOutcome", "ReaderEvent", "judge_lines"]
