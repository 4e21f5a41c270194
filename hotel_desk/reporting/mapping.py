"""Field mapping: the canonical report payload (built by the store) -> a city's or vendor's record layout.

The layout is data, not code: a JSON file lists the output fields in order, where each takes its value in
the payload (a dotted path), a small pipeline of named transforms and an optional code table. The default
mapping ships in hotel_desk/reporting/mappings/; a hotel can point settings.field_mapping at its own file.
A value the mapping cannot express is a MappingError naming the field, never a silently wrong record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from hotel_desk.clock import local_zone

MAPPING_FORMAT = "hotel_desk.field_mapping/1"
DEFAULT_MAPPING = "intake-v1"


class MappingError(ValueError):
    """The payload cannot be expressed in the mapping's layout. `field` is the output field concerned."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message


class MappingFileError(ValueError):
    """The mapping file itself is unusable (missing, not JSON, unknown transform...)."""


def _to_datetime(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        # The canonical payload is always aware; a naive value would be a bug upstream, read it as UTC.
        moment = moment.replace(tzinfo=UTC)
    return moment


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)


def _apply_transform(name: str, value: Any, zone: str | None) -> Any:
    if value is None:
        return None
    if name == "strip":
        return str(value).strip()
    if name == "upper":
        return str(value).upper()
    if name == "lower":
        return str(value).lower()
    if name == "strip_fillers":
        return str(value).replace("<", "").replace(" ", "")
    if name == "date":
        return _to_date(value).isoformat()
    if name.startswith("date:"):
        return _to_date(value).strftime(name[5:])
    if name == "utc":
        return _to_datetime(value).astimezone(UTC).isoformat().replace("+00:00", "Z")
    if name.startswith("local_time:"):
        return _to_datetime(value).astimezone(local_zone(zone)).strftime(name[11:])
    raise MappingFileError(f"unknown transform {name!r}")


_TRANSFORM_NAMES = ("strip", "upper", "lower", "strip_fillers", "date", "utc")
_TRANSFORM_PREFIXES = ("date:", "local_time:")


@dataclass(frozen=True)
class FieldRule:
    name: str
    source: str | None = None
    value: Any = None  # a constant, when there is no source
    transform: tuple[str, ...] = ()
    codes: Mapping[str, Any] | None = None
    strict_codes: bool = False
    fallback_context: str | None = None
    description: str = ""
    _path: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        # Split the dotted path once: a queue of 10,000 reports maps 280,000 fields.
        object.__setattr__(self, "_path", tuple(self.source.split(".")) if self.source else ())

    def produce(self, payload: Mapping[str, Any], context: Mapping[str, Any], zone: str | None) -> Any:
        if self.source is None:
            return self.value
        value: Any = payload
        for part in self._path:
            value = value.get(part) if isinstance(value, dict) else _lookup(value, part)
        if (value is None or value == "") and self.fallback_context:
            value = context.get(self.fallback_context) or value
        if self.codes is not None and value is not None:
            key = str(value)
            if key in self.codes:
                value = self.codes[key]
            elif self.strict_codes:
                raise MappingError(self.name, "unknown_code", f"no code for {self.source}={value!r} in this layout")
        if isinstance(value, str) and value == "":
            value = None
        try:
            for name in self.transform:
                value = _apply_transform(name, value, zone)
        except (ValueError, TypeError) as exc:
            raise MappingError(self.name, "invalid_format", f"{self.source}={value!r}: {exc}") from exc
        return value


def _lookup(node: Any, part: str) -> Any:
    """One step of a path through something that is not a dict: a mapping, or nothing there at all."""
    if isinstance(node, Mapping):
        return node.get(part)
    return None


@dataclass(frozen=True)
class NilReportOption:
    """The layout expects a daily nil report ("no foreign guests") for every day nobody checked in. Its record
    is the layout's own fields applied to the nil payload (kind "nil", `report_date`, no guest). When the desk
    was closed for days, at most `catch_up_days` past days are caught up."""

    catch_up_days: int = 7
    description: str = ""


@dataclass(frozen=True)
class FieldMapping:
    name: str
    layout: str
    fields: tuple[FieldRule, ...]
    description: str = ""
    timezone: str | None = None
    source_path: str = field(default="", compare=False)
    #: None: this layout has no nil report, and the desk queues none.
    nil_report: NilReportOption | None = None

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def apply(self, payload: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The wire record for one report payload. Raises MappingError for a value the layout cannot hold."""
        ctx = context or {}
        return {rule.name: rule.produce(payload, ctx, self.timezone) for rule in self.fields}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], source_path: str = "") -> FieldMapping:
        if not isinstance(raw, Mapping) or raw.get("format") != MAPPING_FORMAT:
            raise MappingFileError(f"{source_path or 'mapping'}: not a {MAPPING_FORMAT} file")
        rules = []
        seen: set[str] = set()
        for i, item in enumerate(raw.get("fields") or []):
            if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
                raise MappingFileError(f"{source_path}: field #{i + 1} has no name")
            name = item["name"]
            if name in seen:
                raise MappingFileError(f"{source_path}: field {name!r} appears twice")
            seen.add(name)
            transform = tuple(item.get("transform") or ())
            for t in transform:
                if t not in _TRANSFORM_NAMES and not t.startswith(_TRANSFORM_PREFIXES):
                    raise MappingFileError(f"{source_path}: field {name!r}: unknown transform {t!r}")
            codes = item.get("codes")
            if codes is not None and not isinstance(codes, Mapping):
                raise MappingFileError(f"{source_path}: field {name!r}: codes must be an object")
            if "source" not in item and "value" not in item:
                raise MappingFileError(f"{source_path}: field {name!r} needs a source or a value")
            rules.append(
                FieldRule(
                    name=name,
                    source=item.get("source"),
                    value=item.get("value"),
                    transform=transform,
                    codes=dict(codes) if codes is not None else None,
                    strict_codes=bool(item.get("strict_codes")),
                    fallback_context=item.get("fallback_context"),
                    description=str(item.get("description") or ""),
                )
            )
        if not rules:
            raise MappingFileError(f"{source_path}: the mapping has no fields")
        return cls(
            nil_report=_nil_option(raw.get("nil_report"), source_path),
            name=str(raw.get("name") or Path(source_path).stem),
            layout=str(raw.get("layout") or raw.get("name") or ""),
            fields=tuple(rules),
            description=str(raw.get("description") or ""),
            timezone=raw.get("timezone"),
            source_path=source_path,
        )


def _nil_option(raw: Any, source_path: str) -> NilReportOption | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise MappingFileError(f"{source_path}: nil_report must be an object (e.g. {{\"catch_up_days\": 7}})")
    days = raw.get("catch_up_days", 7)
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 366:
        raise MappingFileError(f"{source_path}: nil_report.catch_up_days must be a whole number of days (1-366)")
    return NilReportOption(catch_up_days=days, description=str(raw.get("description") or ""))


def bundled_mappings() -> list[str]:
    folder = resources.files("hotel_desk.reporting") / "mappings"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def load_mapping(name_or_path: str | None = None) -> FieldMapping:
    """A bundled mapping by name ("intake-v1", the default) or a mapping file by path."""
    spec = name_or_path or DEFAULT_MAPPING
    path = Path(spec)
    if spec.endswith(".json") and path.exists():
        text, where = path.read_text(encoding="utf-8"), str(path)
    else:
        resource = resources.files("hotel_desk.reporting") / "mappings" / f"{spec}.json"
        if not resource.is_file():
            raise MappingFileError(
                f"no field mapping {spec!r}: give a .json file or one of {', '.join(bundled_mappings())}"
            )
        text, where = resource.read_text(encoding="utf-8"), f"bundled:{spec}"
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise MappingFileError(f"{where}: not valid JSON ({exc})") from exc
    return FieldMapping.from_dict(raw, where)
