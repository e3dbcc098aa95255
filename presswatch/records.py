"""Typed records of one analysis and the `presswatch.analysis/1` JSON contract.

Every record is a frozen dataclass whose field names equal the JSON keys (DESIGN.md, "The
contract").  Offsets are Python `str` indices into `Document.text`, end exclusive.  Only
`Analysis.to_json()` / `Analysis.from_json()` serialize the contract.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from presswatch.errors import PresswatchError

SCHEMA = "presswatch.analysis/1"

QuoteKind = Literal["direct", "indirect", "mixed"]
EventStatus = Literal["asserted", "attributed", "negated", "hypothetical"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
DatePrecision = Literal["day", "month", "year"]
TechniqueName = Literal[
    "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Doubt",
    "Exaggeration,Minimisation", "Appeal_to_fear-prejudice", "Flag-Waving",
    "Causal_Oversimplification", "Appeal_to_Authority", "Slogans", "Black-and-White_Fallacy",
    "Whataboutism,Straw_Men,Red_Herring", "Thought-terminating_Cliches",
    "Bandwagon,Reductio_ad_hitlerum",
]


# Field metadata of an optional key the contract JSON leaves out when its value is None.
OMIT_WHEN_NONE = {"omit_when_none": True}


def document_id(text: str) -> str:
    """The document id: sha256 hex digest of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class Document:
    """One article: its exact text and what is known about where it came from."""

    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    text: str
    origin: str | None = None  # where it was read from: "path", "path:line" or "path#entry"

    @classmethod
    def from_text(cls, text: str, **meta: str | None) -> Document:
        """Build a Document whose id is derived from `text`."""
        return cls(id=document_id(text), text=text, **meta)


@dataclass(frozen=True)
class Span:
    """A stretch of the document text; build it with `make_span`."""

    start: int
    end: int
    text: str


def make_span(text: str, start: int, end: int) -> Span:
    """A Span of `text[start:end]`, refusing offsets out of bounds (PWE503)."""
    if not 0 <= start <= end <= len(text):
        raise PresswatchError("PWE503", start=start, end=end, length=len(text))
    return Span(start=start, end=end, text=text[start:end])


@dataclass(frozen=True)
class Extent:
    """Offsets without text, for sentences (the text is recoverable from the document)."""

    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    """Actor code of an entity: country (ISO alpha-3 or organization code), sector, role."""

    country: str | None = None
    sector: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Entity:
    """A resolved entity and every mention of it in the document."""

    id: str
    name: str
    type: str
    actor: Actor | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class SpeakerRef:
    """The speaker mention nearest the cue, and the entity it resolves to (if any)."""

    entity: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A quotation or reported statement: content, cue and speaker."""

    id: str
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: SpeakerRef | None = None


@dataclass(frozen=True)
class Participant:
    """Source or target of an event, with its actor code."""

    entity: str | None
    country: str | None
    sector: str | None
    text: str


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as precise as the text allows."""

    value: str
    precision: DatePrecision
    text: str | None = None
    start: int | None = None  # offsets of the temporal expression in the document text
    end: int | None = None
    method: str | None = None  # how it was tied (dates/attach.py: "clause", "report", ...), then the rule
    # last day of a range of days ("the night of 12 to 13 May": value the 12th, until the 13th);
    # in the JSON only when set (`OMIT_WHEN_NONE`)
    until: str | None = field(default=None, metadata=OMIT_WHEN_NONE)


@dataclass(frozen=True)
class Location:
    """Where an event happened."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None  # offsets of the place mention in the document text (None for fallbacks)
    end: int | None = None
    precision: str | None = None  # what was found: "city", "admin1", "country", "border", "region"
    method: str | None = None  # how it was tied to the event: "clause", "sentence", "narrative", "actor_country", "article"
    countries: tuple[str, ...] = ()  # every country involved, e.g. both sides of a border


@dataclass(frozen=True)
class AcledType:
    """ACLED event type and sub-event type, for violence, protests and riots."""

    event_type: str
    sub_event_type: str | None = None


@dataclass(frozen=True)
class AcledMain:
    """A document's main ACLED event type (CASE-2021 style: one per document): the type, the
    ranker's share of the choice among the document's candidate types (0-1), and the ids of the
    document's events of that sub-event type (empty when only the cues or the model gave it)."""

    event_type: str
    sub_event_type: str
    score: float
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """A coded political event mention (PLOVER, CAMEO, Goldstein, QuadClass, ACLED)."""

    id: str
    type: PloverType
    trigger: Span
    sentence: Extent
    status: EventStatus = "asserted"
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    acled: AcledType | None = None
    source: Participant | None = None
    target: Participant | None = None
    date: EventDate | None = None
    location: Location | None = None
    attributed_to: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Technique:
    """A persuasion technique (SemEval-2020 Task 11) used in a span of the text."""

    technique: TechniqueName
    start: int
    end: int
    text: str
    confidence: float | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything presswatch found in one document: the `presswatch.analysis/1` object."""

    document: Document
    sentences: tuple[Extent, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    techniques: tuple[Technique, ...] = ()
    versions: dict[str, str] = field(default_factory=dict)
    acled_main: AcledMain | None = None  # null: no ACLED event is the document's main one
    schema: str = SCHEMA

    @property
    def pipeline(self) -> str:
        """A short digest of `versions`: analyses with equal digests came from the same pipeline."""
        return hashlib.sha256(json.dumps(self.versions, sort_keys=True).encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The contract as plain JSON-ready data, `schema` first."""
        data = to_data(self)
        return {"schema": data.pop("schema"), **data}

    def to_json(self, indent: int | None = None) -> str:
        """The contract as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> Analysis:
        """Rebuild an Analysis from contract data (PWE501, PWE502 on bad input)."""
        if not isinstance(data, dict):
            raise PresswatchError("PWE501", reason=f"expected an object, got {type(data).__name__}")
        if data.get("schema") != SCHEMA:
            raise PresswatchError("PWE502", found=data.get("schema"), expected=SCHEMA)
        return _from_data(cls, data, "analysis")

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        """Rebuild an Analysis from a contract JSON string."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, over-long integers, deep nesting
            raise PresswatchError("PWE501", reason=f"invalid JSON: {str(exc)[:200]}") from exc
        return cls.from_dict(data)


def to_data(value: Any) -> Any:
    """Records (dataclasses, tuples) as plain JSON-ready data; keys are field names (a field marked
    `OMIT_WHEN_NONE` only when it has a value)."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not (f.metadata.get("omit_when_none") and getattr(value, f.name) is None)}
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from_data(kind: Any, value: Any, where: str) -> Any:
    """Convert JSON data to `kind`, naming the JSON path `where` in errors."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        inner = [option for option in options if option is not type(None)]
        return _from_data(inner[0], value, where)
    if origin is Literal:
        if value not in typing.get_args(kind):
            raise PresswatchError("PWE501", reason=f"{where}: {value!r} is not one of {typing.get_args(kind)}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise PresswatchError("PWE501", reason=f"{where}: expected a list")
        item_kind = typing.get_args(kind)[0]
        return tuple(_from_data(item_kind, item, f"{where}[{i}]") for i, item in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise PresswatchError("PWE501", reason=f"{where}: expected an object")
        return dict(value)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise PresswatchError("PWE501", reason=f"{where}: expected an object")
        hints = _hints(kind)
        arguments = {}
        for f in dataclasses.fields(kind):
            if f.name in value:
                arguments[f.name] = _from_data(hints[f.name], value[f.name], f"{where}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise PresswatchError("PWE501", reason=f"{where}: {f.name!r} is missing")
        return kind(**arguments)
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise PresswatchError("PWE501", reason=f"{where}: expected a number")
        return float(value)
    if kind in (int, str, bool):
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise PresswatchError("PWE501", reason=f"{where}: expected {kind.__name__}")
        return value
    raise TypeError(f"unsupported field type {kind!r} at {where}")


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or analyzed; the batch goes on without it.

    `severity` is "error" (the input is lost; counts as failed) or "warning" (part of an input
    was skipped on purpose, such as a non-HTML record in a WARC file).
    """

    origin: str
    code: str
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"
