"""`hotel-desk read-mrz FILE... [--json]`: read the machine-readable zone of document images.

Without --json, a short report per file for people; with --json, one JSON object per line per file:
{"file", "mrz" (lines or null), "document", "valid", "findings", "needs_review", "seconds"}.
Exit status: 0 when every file was read, 1 when some were not, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from hotel_desk.commands import UsageError

# Why an image gave no MRZ, for people (English, Simplified Chinese); codes match RecognitionResult.error.
_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_found": ("The file does not exist.", "文件不存在。"),
    "not_image": ("The file is not an image.", "该文件不是图像。"),
    "truncated": ("The image file is damaged or incomplete.", "图像文件已损坏或不完整。"),
    "too_large": ("The image is too large to process safely.", "图像过大，无法安全处理。"),
    "unreadable": ("The file could not be read.", "无法读取该文件。"),
    "no_mrz": ("No machine-readable zone was found in the image.", "图像中未找到机读区。"),
    "ocr_unavailable": ("The OCR engine is not installed.", "未安装文字识别引擎。"),
}


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "read-mrz",
        parents=[common],
        help="read the MRZ of passport / ID card / visa images",
        description="Read the machine-readable zone of document images (scans or photos) and check it.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="image files (JPEG, PNG, TIFF, BMP, ...)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line per file")
    parser.add_argument(
        "--today", type=_date, default=None, help="the date the checks use (default: today at the property)"
    )
    parser.set_defaults(handler=run)


def result_record(result: Any) -> dict[str, Any]:
    """The JSON record of one file (the command's documented output)."""
    findings = [f.to_dict() for f in result.check.findings] if result.check else []
    if result.error and result.error != "unreadable":
        en, zh = _PROBLEMS.get(result.error, ("The image could not be read.", "无法读取该图像。"))
        findings.insert(
            0,
            {
                "code": f"image.{result.error}",
                "severity": "error",
                "field": None,
                "message": result.message or en,
                "message_zh": zh,
            },
        )
    return {
        "file": result.source,
        "mrz": list(result.mrz_lines) if result.mrz_lines and result.ok else None,
        "document": result.document.to_dict() if result.document else None,
        "valid": result.valid,
        "findings": findings,
        "needs_review": result.needs_review,
        "seconds": round(result.seconds, 3),
    }


def run(args: argparse.Namespace) -> int:
    from hotel_desk.recognition import read_mrz

    if not args.files:
        raise UsageError("give at least one image file")
    today = args.today
    if today is None:
        from hotel_desk.clock import SystemClock, local_today

        today = local_today(SystemClock())
    all_read = True
    for path in args.files:
        result = read_mrz(path, today=today, name=path)
        record = result_record(result)
        if record["mrz"] is None:
            all_read = False
        if args.json:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            _print_human(record, result)
        if result.error == "ocr_unavailable":
            # Every further file would fail the same way; say what to install once and stop.
            print(f"hotel-desk read-mrz: {result.message}", file=sys.stderr)
            return 1
    return 0 if all_read else 1


def _print_human(record: dict[str, Any], result: Any) -> None:
    print(f"{record['file']}: ", end="")
    if record["mrz"] is None:
        first = record["findings"][0]["message"] if record["findings"] else "not read"
        print(f"NOT READ - {first}")
        if result.mrz_lines:
            print("  partial reading: " + " / ".join(result.mrz_lines))
        return
    doc = record["document"]
    turned = f", turned {result.orientation}°" if result.orientation else ""
    print(
        f"{doc['format'].upper()} {doc['kind']}, {'valid' if record['valid'] else 'NOT VALID'}"
        f" ({record['seconds']:.2f} s{turned})"
    )
    for line in record["mrz"]:
        print(f"  {line}")
    name = doc["surname"] + (f", {doc['given_names']}" if doc["given_names"] else "")
    print(
        f"  {name} | {doc['nationality'] or '-'} | no. {doc['document_number']} | born {doc['birth_date'] or doc['birth_date_raw']}"
        f" | sex {doc['sex']} | expires {doc['expiry_date'] or doc['expiry_date_raw']}"
    )
    for f in record["findings"]:
        print(f"  {f['severity']}: {f['message']}")
    for item in record["needs_review"]:
        print(f"  check by eye: {item['field']} ({item['reason']})")
