"""The output contract (../shared/CONTRACT.md) as dataclasses, with JSON in and out.

Every interface (Python API, CLI, web API, cluster) builds its records from
these classes, so a field is named and typed in exactly one place. Fields the
contract fixes come first in each class; fields Chronicle adds come after,
and may grow without a schema version bump.

Offsets everywhere are Python string indices into ``ArticleRecord.text``:
``start`` inclusive, ``end`` exclusive.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"


@dataclass
class Span:
    """A stretch of the article text: the evidence behind a coded field."""

    text: str
    start: int
    end: int


@dataclass
class Place:
    """A toponym mention, resolved against the gazetteer."""

    text: str
    start: int
    end: int
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None
    # Chronicle's additions
    population: int | None = None
    precision: str | None = None  # "point" | "admin1" | "country" | "region"
    score: float | None = None
    why: str | None = None  # the evidence that chose this candidate
    # True when the name qualifies something else ("the U.S. Army", "California
    # Department of Health"): a toponym, but not where anything happened
    associative: bool = False
    # "name" (a place's name as written) or "demonym" ("Russian", "South Ossetian",
    # "Palestinians": the place's adjective or people, resolved to it; always associative)
    mention_kind: str = "name"


@dataclass
class Time:
    """A temporal expression, normalised as a TIMEX3 value against `published`."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    # Chronicle's additions
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    range_start: str | None = None  # ISO date for spans ("since October 2019")
    range_end: str | None = None
    anchor: str | None = None  # what the value was computed from ("published", another time)


@dataclass
class Actor:
    """A participant, resolved to a code; one entry per distinct actor in the article."""

    text: str
    start: int
    end: int
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER sector code
    wikidata: str | None = None
    # Chronicle's additions
    mentions: list[Span] = field(default_factory=list)  # every mention, the first included
    kind: str | None = None  # "named" | "agent" | "country" | "organisation" | "unknown"
    role: str | None = None  # office held at the article's date ("Prime Minister of Iraq")
    why: str | None = None
    # PLOVER's code for an actor with no country (UNO, EUR, IGO, NGO, ISM, IMG, MNC)
    international: str | None = None


@dataclass
class ActorRef:
    """An event participant: an index into `actors` and the words that name it here."""

    actor: int
    text: str
    start: int
    end: int
    # Chronicle's addition: None for a direct participant; "ordered" for the party
    # that ordered or directed the act ("by the order of Khamenei"), listed after them.
    role: str | None = None
    # Chronicle's addition: True when read from the text around the trigger (its sentence
    # or the one before) because its own arguments name no one (events/participants/fill.py)
    inferred: bool = False


@dataclass
class SentenceRef:
    start: int
    end: int


@dataclass
class Size:
    """A stated count: dead, injured, arrested, crowd."""

    kind: str  # "killed" | "injured" | "arrested" | "crowd"
    value: int
    text: str
    start: int
    end: int
    # Chronicle's addition: the hedge as written ("at least", "about", "more than") or
    # "approximate" for vague plurals ("dozens" -> 24); None when the number is exact.
    qualifier: str | None = None


@dataclass
class Mention:
    """One passage that reports an event: its sentence and the words that name the happening there."""

    sentence: SentenceRef
    trigger: Span


@dataclass
class Event:
    """One real-world happening, however many passages of the article report it.

    `sentence` and `trigger` are its main mention; `mentions` lists every passage that
    reports the same happening (re-mentions, casualty updates, quotes), the main one
    first, then in text order. The other fields come from the best evidence among
    them: the most specific date and place the text gives, the actor named anywhere,
    the highest reported toll (never a sum of updates). See docs/events.md.
    """

    type: str
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    location: int | None = None  # index into `places`
    date: str | None = None
    date_precision: str | None = None  # day | month | year
    historical: bool = False
    negated: bool = False
    hypothetical: bool = False
    attributed_to: str | None = None
    sentence: SentenceRef | None = None
    trigger: Span | None = None
    confidence: float = 0.0
    # Chronicle's additions
    context: list[str] = field(default_factory=list)  # PLOVER context labels
    date_end: str | None = None  # for ranges ("since October 2019")
    date_evidence: int | None = None  # index into `times`, or None when the date is `published`
    location_precision: str | None = None  # "clause" | "sentence" | "dateline" | "article-focus"
    attributed_span: Span | None = None
    attributed_actor: int | None = None  # index into `actors` when the source is an actor
    sizes: list[Size] = field(default_factory=list)
    # the learned ACLED model's calibrated probability of `acled_sub_event_type` (of "no ACLED
    # type" when that is None); None when the rules alone decided (events/acled_model.decide)
    acled_confidence: float | None = None
    mentions: list[Mention] = field(default_factory=list)  # every passage of this happening, the main one first


@dataclass
class Note:
    """Something done to the input that a user of the record must know (CONTRACT.md's `notes`).

    codes: body_cut (the body was over the size limit), bytes_replaced (bytes that are
    not UTF-8 in UTF-8 text, replaced with U+FFFD), decoded_as (text in another encoding,
    or some lines of it), published_not_a_date (a `published` given with the input that
    is no date, ignored), duplicate_url (the same page as an earlier input: not coded
    again), feed_text (a feed item read from the feed because its link failed).
    """

    code: str
    message: str


@dataclass
class RecordError:
    code: str
    message: str


@dataclass
class ArticleRecord:
    schema_version: str = SCHEMA_VERSION
    id: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    text: str = ""
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # what was done to the input (see Note)
    # Chronicle's additions
    byline: str | None = None
    tags: list[str] = field(default_factory=list)
    section: str | None = None
    story_id: str | None = None
    outlets: list[str] = field(default_factory=list)
    source: str | None = None  # where the input came from (file path, URL, line number)
    error: RecordError | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def to_json(self) -> str:
        return json_line(self.to_dict())


# Valid in JSON, but line breaks to str.splitlines() and many JSON-lines readers:
# escaped so that one record is always exactly one line.
_LINE_BREAKS_IN_JSON = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(obj: Any) -> str:
    """One JSON object on one line, UTF-8 text kept readable."""
    text = json.dumps(obj, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS_IN_JSON.items():
        if raw in text:
            text = text.replace(raw, escaped)
    return text


def content_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def to_dict(obj: Any) -> Any:
    """Dataclasses to plain JSON-ready dicts (None kept: the contract names null fields)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _build(cls: type, data: Any) -> Any:
    """Inverse of `to_dict` for the record's own classes; unknown keys are kept out."""
    if data is None:
        return None
    hints = {f.name: f for f in dataclasses.fields(cls)}
    nested = _NESTED.get(cls, {})
    kwargs = {}
    for key, value in data.items():
        if key not in hints:
            continue
        if key in nested:
            inner, is_list = nested[key]
            value = [_build(inner, v) for v in value or []] if is_list else _build(inner, value)
        kwargs[key] = value
    return cls(**kwargs)


_NESTED: dict[type, dict[str, tuple[type, bool]]] = {
    Actor: {"mentions": (Span, True)},
    Mention: {"sentence": (SentenceRef, False), "trigger": (Span, False)},
    Event: {
        "actor": (ActorRef, True),
        "recipient": (ActorRef, True),
        "sentence": (SentenceRef, False),
        "trigger": (Span, False),
        "attributed_span": (Span, False),
        "sizes": (Size, True),
        "mentions": (Mention, True),
    },
    ArticleRecord: {
        "places": (Place, True),
        "times": (Time, True),
        "actors": (Actor, True),
        "events": (Event, True),
        "error": (RecordError, False),
        "notes": (Note, True),
    },
}


def record_from_dict(data: dict[str, Any]) -> ArticleRecord:
    return _build(ArticleRecord, data)


def error_record(code: str, message: str, *, id: str | None = None, source: str | None = None) -> ArticleRecord:
    """The record an unreadable input yields: the batch goes on, nothing is silently lost."""
    return ArticleRecord(
        id=id or content_id(f"{source}:{code}:{message}"),
        source=source,
        error=RecordError(code=code, message=message),
    )


@dataclass
class Article:
    """What ingestion hands the pipeline: clean body text and what is known about it.

    `text` is the body only (site chrome, date widgets, tags and captions are
    separated into their own fields), so every offset in the record indexes it.
    """

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date or datetime
    published_evidence: str | None = None
    byline: str | None = None
    tags: list[str] = field(default_factory=list)
    section: str | None = None
    caption: str | None = None
    # dates seen around the body that are *not* evidence of publication by themselves
    # (a scraped page's date widget is usually the day it was scraped)
    page_dates: list[str] = field(default_factory=list)
    source: str | None = None
    notes: list[Note] = field(default_factory=list)  # carried into the record's `notes`
    meta: dict[str, Any] = field(default_factory=dict)
