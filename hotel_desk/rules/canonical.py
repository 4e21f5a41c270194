"""The one JSON spelling of a value (sorted keys, no insignificant whitespace, UTF-8, no NaN or infinity):
what audit events, report payloads, intake records and batch manifests are hashed over, so a hash computed
anywhere can be recomputed anywhere else byte for byte."""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
