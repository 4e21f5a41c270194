"""hotel_desk: front-desk registration of guests from outside the mainland, reported to the police in time."""

__version__ = "0.1.0"
