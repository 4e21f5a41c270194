"""Registration form: how long drawing it takes (the UI runs it as a background job) and how big the
outputs are; from the page data size, how long the fax is on the line at the usual fax speeds.

`python -m benchmarks fax_form [-- --runs N]`
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta


def _payload() -> dict[str, object]:
    event = datetime(2026, 11, 22, 6, 30, tzinfo=UTC)
    return {
        "report_id": str(uuid.uuid4()), "kind": "check_in", "registration_id": str(uuid.uuid4()),
        "corrects_report_id": None, "event_time": event.isoformat(),
        "deadline_at": (event + timedelta(hours=24)).isoformat(), "hotel_code": "310106A001",
        "substation_code": "JA-07",
        "guest": {"surname_en": "MUSTERMANN", "given_names_en": "ERIKA", "chinese_name": "张伟", "sex": "F",
                  "birth_date": "1984-08-12", "nationality": "DEU", "document_type": "passport",
                  "document_number": "C01X00T47", "document_expiry": "2031-05-01", "visa_type": "L",
                  "visa_number": "E12345678", "stay_until": "2026-12-20", "entry_date": "2026-11-21",
                  "port_of_entry": "PVG", "check_in_time": "2026-11-22T14:30:00+08:00", "room": "0815",
                  "planned_departure": "2026-11-25", "came_from": "Beijing", "going_to": "Hangzhou",
                  "reason": "tourism"},
    }


def main(argv: list[str]) -> int:
    from hotel_desk.fax.fonts import find_fonts
    from hotel_desk.fax.form import fax_page_data, pdf_bytes, render_form, tiff_bytes

    parser = argparse.ArgumentParser(prog="fax_form")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    fonts = find_fonts()
    payload = _payload()
    render, pdf, tiff = [], [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        form = render_form(payload, payload_sha256="ab" * 32, fonts=fonts)
        t1 = time.perf_counter()
        pdf_data = pdf_bytes(form)
        t2 = time.perf_counter()
        tiff_data = tiff_bytes(form)
        t3 = time.perf_counter()
        render.append(t1 - t0)
        pdf.append(t2 - t1)
        tiff.append(t3 - t2)
    page = fax_page_data(form)
    ms = lambda xs: f"{statistics.median(xs) * 1000:.0f} ms (max {max(xs) * 1000:.0f})"  # noqa: E731
    print(f"font: {fonts.regular} (face {fonts.regular_index})")
    print(f"render both pages: {ms(render)}; PDF encode: {ms(pdf)}; TIFF G3 encode: {ms(tiff)}  ({args.runs} runs)")
    print(f"PDF {len(pdf_data) / 1024:.0f} KiB; TIFF Class F {len(tiff_data) / 1024:.0f} KiB; "
          f"T.4 page data {len(page) / 1024:.0f} KiB")
    for rate in (14400, 9600, 4800):
        print(f"  page data on the line at {rate} bit/s: {len(page) * 8 / rate:.0f} s (plus ~15-30 s call set-up)")
    return 0
