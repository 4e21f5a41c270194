"""The rules the desk works by, each defined once: the report state machine and the police's time limits
(`reports`), the registration gate (`gate`) and the guest record's fields (`record`).

Pure and cheap to import (the standard library and `hotel_desk.documents` only; no Qt, no database, no I/O),
so the window, the command line, the store and the fax hand-over all import the same definitions.
"""
