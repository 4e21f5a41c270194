"""hotel_desk: front-desk registration of guests from outside the mainland, reported to the police in time."""

__version__ = "0.1.0"

#: No release of hotel_desk is older than this day: a computer whose clock says earlier has the wrong date, and
#: every 24-hour deadline it computes would be wrong too (the self-test says so).
RELEASED_ON = "2026-11-29"
