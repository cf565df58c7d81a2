"""What every record and every ingested item must satisfy, whatever the input was.

Shared by the fuzz, fault and batch tests of this folder.
"""

from __future__ import annotations

from typing import Any

from chronicle.record import Article, ArticleRecord


def spans(node: Any, path: str = "") -> list[tuple[str, dict]]:
    """Every dict in a record that carries character offsets (start/end), with where it is."""
    found: list[tuple[str, dict]] = []
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            found.append((path, node))
        for key, value in node.items():
            found.extend(spans(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(spans(value, f"{path}[{i}]"))
    return found


def offset_problems(record: ArticleRecord | dict) -> list[str]:
    """Offsets outside the text, spans whose text differs from text[start:end],
    and indexes (actor, place, time) pointing past their lists."""
    data = record.to_dict() if isinstance(record, ArticleRecord) else record
    text = data.get("text") or ""
    problems = []
    for path, span in spans({k: v for k, v in data.items() if k != "error"}):
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= len(text):
            problems.append(f"{path}: [{start}, {end}) outside 0..{len(text)}")
        elif "text" in span and isinstance(span["text"], str) and text[start:end] != span["text"]:
            problems.append(f"{path}: text[{start}:{end}] = {text[start:end]!r}, span says {span['text']!r}")
    n_actors, n_places, n_times = len(data.get("actors") or []), len(data.get("places") or []), len(data.get("times") or [])
    for i, event in enumerate(data.get("events") or []):
        for role in ("actor", "recipient"):
            for ref in event.get(role) or []:
                if not 0 <= ref["actor"] < n_actors:
                    problems.append(f"events[{i}].{role}: actor index {ref['actor']} of {n_actors}")
        if event.get("location") is not None and not 0 <= event["location"] < n_places:
            problems.append(f"events[{i}].location {event['location']} of {n_places}")
        if event.get("date_evidence") is not None and not 0 <= event["date_evidence"] < n_times:
            problems.append(f"events[{i}].date_evidence {event['date_evidence']} of {n_times}")
        if event.get("attributed_actor") is not None and not 0 <= event["attributed_actor"] < n_actors:
            problems.append(f"events[{i}].attributed_actor {event['attributed_actor']} of {n_actors}")
        mentions = event.get("mentions") or []
        if mentions and (mentions[0].get("trigger") != event.get("trigger") or mentions[0].get("sentence") != event.get("sentence")):
            problems.append(f"events[{i}].mentions[0] is not the event's main passage")
    return problems


def check_record(record: ArticleRecord) -> None:
    """A record is either a clean error record or a record whose every offset is valid,
    and either way it serialises to UTF-8 JSON (a batch writes it to a file)."""
    assert isinstance(record, ArticleRecord), type(record)
    line = record.to_json()
    line.encode("utf-8")  # a lone surrogate anywhere would make the batch's write fail
    if record.error is not None:
        assert record.error.code and isinstance(record.error.code, str)
        assert record.error.message and isinstance(record.error.message, str)
        return
    assert record.text.strip(), "a record without an error must have text"
    problems = offset_problems(record)
    assert not problems, problems[:5]


def check_item(item: Any) -> None:
    """What iter_inputs yields: an Article with text, or an error record with code and message."""
    if isinstance(item, ArticleRecord):
        assert item.error is not None, "iter_inputs yields ArticleRecords only as error records"
        assert item.error.code and item.error.message
        item.to_json().encode("utf-8")
        return
    assert isinstance(item, Article), type(item)
    assert item.text.strip()
    item.text.encode("utf-8")
    for name in ("title", "outlet", "byline", "section", "url", "id"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            value.encode("utf-8")
