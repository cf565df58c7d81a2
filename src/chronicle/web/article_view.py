"""An article's text cut into pieces the article page can highlight.

Annotations overlap (a trigger inside an actor's span, a place inside a
sentence), so the text is cut at every annotation boundary and each piece
carries the kinds of annotation covering it. Sentences that hold events
become rows of their own so each event's coded fields sit beside them.
The pieces are plain strings: the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Piece:
    text: str
    kinds: list[str] = field(default_factory=list)  # "trigger" | "actor" | "place" | "time"
    notes: list[str] = field(default_factory=list)  # what each covering annotation resolved to


@dataclass
class Row:
    pieces: list[Piece]
    events: list[dict[str, Any]]  # the events whose evidence sentence this row is
    start: int
    end: int


def _marks(record: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    text_len = len(record.get("text") or "")
    marks: list[tuple[int, int, str, str]] = []

    def add(start, end, kind, note):
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_len:
            marks.append((start, end, kind, note))

    for p in record.get("places") or []:
        code = ", ".join(x for x in (p.get("admin1"), p.get("country_code")) if x)
        add(p.get("start"), p.get("end"), "place", f"place: {p.get('name')}" + (f" ({code})" if code else ""))
    for t in record.get("times") or []:
        add(t.get("start"), t.get("end"), "time", f"time: {t.get('type')} {t.get('value')}")
    actors = record.get("actors") or []
    for a in actors:
        code = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
        note = f"actor: {a.get('name')}" + (f" [{code}]" if code else "")
        mentions = a.get("mentions") or [{"start": a.get("start"), "end": a.get("end")}]
        for m in mentions:
            add(m.get("start"), m.get("end"), "actor", note)
    for e in record.get("events") or []:
        for role in ("actor", "recipient"):  # the words naming a participant in this event
            for r in e.get(role) or []:
                i = r.get("actor")
                a = actors[i] if isinstance(i, int) and 0 <= i < len(actors) else {}
                add(r.get("start"), r.get("end"), "actor", f"{role}: {a.get('name') or r.get('text')}")
        trig = e.get("trigger") or {}
        add(trig.get("start"), trig.get("end"), "trigger", f"event: {e.get('type')}")
    return marks


def _pieces(text: str, start: int, end: int, marks) -> list[Piece]:
    cuts = {start, end}
    inside = [m for m in marks if m[0] < end and m[1] > start]
    for s, e, _, _ in inside:
        cuts.add(max(s, start))
        cuts.add(min(e, end))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        covering = [m for m in inside if m[0] <= a and m[1] >= b]
        kinds = sorted({m[2] for m in covering})
        notes = list(dict.fromkeys(m[3] for m in covering))
        out.append(Piece(text[a:b], kinds, notes))
    return out


def article_rows(record: dict[str, Any]) -> list[Row]:
    """The text as rows: event sentences (with their events) and the text between them."""
    text = record.get("text") or ""
    marks = _marks(record)
    sentences: dict[tuple[int, int], list[dict[str, Any]]] = {}
    ids = record.get("event_ids") or []
    for idx, e in enumerate(record.get("events") or []):
        s = e.get("sentence") or {}
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            start, end = 0, 0  # an event without a usable sentence is listed at the end
        view = dict(e, idx=idx, id=ids[idx] if idx < len(ids) else None)
        sentences.setdefault((start, end), []).append(view)
    rows: list[Row] = []
    pos = 0
    for (start, end), events in sorted(sentences.items()):
        if end == 0:
            continue
        start = max(start, pos)  # overlapping sentences: the later one starts where the earlier ended
        if start > pos and text[pos:start].strip():
            rows.append(Row(_pieces(text, pos, start, marks), [], pos, start))
        if end > start:
            rows.append(Row(_pieces(text, start, end, marks), events, start, end))
            pos = end
        elif rows:
            rows[-1].events.extend(events)
    if pos < len(text) and text[pos:].strip():
        rows.append(Row(_pieces(text, pos, len(text), marks), [], pos, len(text)))
    unplaced = sentences.get((0, 0))
    if unplaced:
        rows.append(Row([], unplaced, len(text), len(text)))
    return rows


def actor_label(record: dict[str, Any], refs: list[dict[str, Any]]) -> str:
    actors = record.get("actors") or []
    names = []
    for r in refs or []:
        i = r.get("actor")
        a = actors[i] if isinstance(i, int) and 0 <= i < len(actors) else None
        if a:
            code = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
            names.append(a.get("name") + (f" [{code}]" if code else ""))
        else:
            names.append(r.get("text") or "?")
    return "; ".join(names)


def event_passages(record: dict[str, Any], event: dict[str, Any]) -> list[str]:
    """The other passages that report the same event (the record's `mentions` of an event, where
    the pipeline gives them), as text: the article page lists them under the event's card, so the
    passages of one event read together. Records without the field give none."""
    text = record.get("text") or ""
    own = event.get("sentence") or {}
    out: list[str] = []
    for m in event.get("mentions") or []:
        span = m.get("sentence") if isinstance(m, dict) and isinstance(m.get("sentence"), dict) else m
        if isinstance(span, dict):
            start, end = span.get("start"), span.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                if (start, end) != (own.get("start"), own.get("end")):
                    out.append(text[start:end])
            elif isinstance(span.get("text"), str):
                out.append(span["text"])
        elif isinstance(m, str):
            out.append(m)
    return list(dict.fromkeys(p.strip() for p in out if p.strip()))
