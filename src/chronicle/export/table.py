"""The events of a batch as a readable terminal table (`chronicle show`)."""

from __future__ import annotations

from typing import Iterable

from rich.table import Table


def _names(record: dict, refs: list[dict]) -> str:
    actors = record.get("actors") or []
    out = []
    for ref in refs or []:
        idx = ref.get("actor")
        actor = actors[idx] if isinstance(idx, int) and 0 <= idx < len(actors) else None
        if actor:
            code = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x)
            out.append(f"{actor.get('name')}" + (f" [{code}]" if code else ""))
        else:
            out.append(ref.get("text", "?"))
    return ", ".join(out)


def events_table(records: Iterable[dict], limit: int = 200, include_historical: bool = True) -> Table:
    table = Table(title="Chronicle events", show_lines=False)
    for col in ("article", "date", "type", "mode", "ACLED", "actor", "recipient", "where", "flags", "trigger"):
        table.add_column(col, overflow="fold")
    shown = 0
    for record in records:
        if record.get("error"):
            table.add_row(str(record.get("id"))[:24], "", "[red]error", "", "", "", "", "", record["error"].get("code", ""), record["error"].get("message", "")[:60])
            continue
        places = record.get("places") or []
        for event in record.get("events") or []:
            if event.get("historical") and not include_historical:
                continue
            if shown >= limit:
                return table
            loc = event.get("location")
            where = places[loc]["name"] if isinstance(loc, int) and 0 <= loc < len(places) else ""
            flags = [f for f in ("historical", "negated", "hypothetical") if event.get(f)]
            if event.get("attributed_to"):
                flags.append(f"per {event['attributed_to']}")
            trigger = (event.get("trigger") or {}).get("text", "")
            table.add_row(
                str(record.get("title") or record.get("id"))[:28],
                str(event.get("date") or ""),
                event.get("type", ""),
                event.get("mode") or "",
                event.get("acled_sub_event_type") or "",
                _names(record, event.get("actor")),
                _names(record, event.get("recipient")),
                where,
                "; ".join(flags),
                trigger,
            )
            shown += 1
    return table
