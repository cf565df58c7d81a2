"""Measure find_roles alone on the PLOVER GSR sentences (read from ../shared at run time).

Each GSR sentence is parsed with load_nlp(); every gold source/target actorText
becomes one hand-made Actor (its mentions: every occurrence of that text), the
trigger is the head token of the first EVT span of the markup, and find_roles
is asked for (actor, recipient). Reported: how often a gold source lands in the
actor role and a gold target in the recipient role. This measures roles only,
not the pipeline (no actor resolution, no event detection).

    .venv/bin/python tests/events/fixtures_structure_gsr.py [--distractors] [../shared/data/plover_gsr_cameo.json]

With --distractors every other person, place, group and organisation entity spaCy
finds in the sentence becomes an actor too (as the ACTORS stage would make them),
and the share of actor/recipient refs that are not gold participants is reported.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import time

from chronicle.events.modifiers import find_modifiers
from chronicle.events.participants import find_roles
from chronicle.events.sizes import find_sizes
from chronicle.nlp import load_nlp
from chronicle.record import Actor, Article, Span
from chronicle.stage import Annotations

DEFAULT_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plover_gsr_cameo.json"
EVT = re.compile(r"\(EVT:\s*([^()]+?)\)")


def _gold(entry, key) -> list[str]:
    value = entry.get(key) or []
    if isinstance(value, dict):
        value = [value]
    return [a["actorText"].strip() for a in value if isinstance(a, dict) and a.get("actorText", "").strip()]


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]


def _trigger(doc, text, markup):
    m = EVT.search(markup or "")
    if not m:
        return None
    words = m.group(1).strip()
    start = text.find(words)
    if start < 0:
        return None
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    if span is None:
        return None
    return span.root


def measure(path: Path = DEFAULT_PATH, distractors: bool = False) -> dict:
    nlp = load_nlp()
    entries = [e for e in json.loads(Path(path).read_text()) if e.get("text") and e.get("event") != "DOCUMENT"]
    counts: Counter = Counter()
    seconds: Counter = Counter()
    for entry in entries:
        text = entry["text"]
        sources, targets = _gold(entry, "source"), _gold(entry, "target")
        tp = time.perf_counter()
        doc = nlp(text)
        seconds["spacy_parse"] += time.perf_counter() - tp
        info = entry.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else info
        trigger = _trigger(doc, text, markup if isinstance(markup, str) else "")
        if trigger is None:
            counts["no_trigger"] += 1
            continue
        ann = Annotations(article=Article(text=text), doc=doc, published=None)
        index: dict[str, int] = {}
        for phrase in dict.fromkeys(sources + targets):
            spans = _occurrences(text, phrase)
            if not spans:
                counts["gold_text_not_found"] += 1
                continue
            mentions = [Span(text=phrase, start=s, end=e) for s, e in spans]
            index[phrase] = len(ann.actors)
            ann.actors.append(Actor(text=phrase, start=spans[0][0], end=spans[0][1], name=phrase, mentions=mentions))
        if distractors:
            taken = [(m.start, m.end) for a in ann.actors for m in a.mentions]
            for ent in doc.ents:
                if ent.label_ in ("GPE", "NORP", "ORG", "PERSON") and not any(s < ent.end_char and ent.start_char < e for s, e in taken):
                    mention = Span(text=ent.text, start=ent.start_char, end=ent.end_char)
                    ann.actors.append(Actor(text=ent.text, start=ent.start_char, end=ent.end_char, name="other", mentions=[mention]))
                    taken.append((ent.start_char, ent.end_char))
        t0 = time.perf_counter()
        actor, recipient = find_roles(ann, trigger.sent, trigger, entry["event"])
        t1 = time.perf_counter()
        find_modifiers(ann, trigger.sent, trigger)
        t2 = time.perf_counter()
        find_sizes(ann, trigger.sent)
        t3 = time.perf_counter()
        seconds["roles"] += t1 - t0
        seconds["modifiers"] += t2 - t1
        seconds["sizes"] += t3 - t2
        actor_ids = {r.actor for r in actor if r.role is None}
        any_actor_ids = {r.actor for r in actor}
        recipient_ids = {r.actor for r in recipient}
        counts["events"] += 1
        gold_ids = set(index.values())
        counts["actor_refs"] += len(actor_ids)
        counts["actor_refs_not_gold"] += len(actor_ids - gold_ids)
        counts["recipient_refs"] += len(recipient_ids)
        counts["recipient_refs_not_gold"] += len(recipient_ids - gold_ids)
        src = [index[p] for p in sources if p in index]
        tgt = [index[p] for p in targets if p in index and p not in sources]
        if src:
            counts["events_with_source"] += 1
            counts["source_mentions"] += len(src)
            counts["source_in_actor"] += sum(i in any_actor_ids for i in src)
            counts["source_in_recipient"] += sum(i in recipient_ids for i in src)
            counts["event_source_first_actor"] += bool(actor) and actor[0].actor in src
            counts["event_all_sources_in_actor"] += all(i in any_actor_ids for i in src)
            counts["direct_actor_is_source"] += bool(actor_ids) and actor_ids <= set(src)
        if tgt:
            counts["events_with_target"] += 1
            counts["target_mentions"] += len(tgt)
            counts["target_in_recipient"] += sum(i in recipient_ids for i in tgt)
            counts["target_in_actor"] += sum(i in any_actor_ids for i in tgt)
            counts["event_any_target_in_recipient"] += any(i in recipient_ids for i in tgt)
        elif not targets:
            counts["events_without_target"] += 1
            counts["no_target_and_empty_recipient"] += not recipient
    c = counts
    return {
        "events": c["events"],
        "source_in_actor": c["source_in_actor"] / max(1, c["source_mentions"]),
        "source_in_recipient": c["source_in_recipient"] / max(1, c["source_mentions"]),
        "event_all_sources_in_actor": c["event_all_sources_in_actor"] / max(1, c["events_with_source"]),
        "target_in_recipient": c["target_in_recipient"] / max(1, c["target_mentions"]),
        "target_in_actor": c["target_in_actor"] / max(1, c["target_mentions"]),
        "event_any_target_in_recipient": c["event_any_target_in_recipient"] / max(1, c["events_with_target"]),
        "no_target_and_empty_recipient": c["no_target_and_empty_recipient"] / max(1, c["events_without_target"]),
        "actor_refs_not_gold": c["actor_refs_not_gold"] / max(1, c["actor_refs"]),
        "recipient_refs_not_gold": c["recipient_refs_not_gold"] / max(1, c["recipient_refs"]),
        "microseconds_per_call": {k: round(v / max(1, c["events"]) * 1e6) for k, v in seconds.items()},
        "structure_share_of_parse_time": round(
            (seconds["roles"] + seconds["modifiers"] + seconds["sizes"]) / max(1e-9, seconds["spacy_parse"]), 3
        ),
        "counts": dict(c),
    }


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--distractors"]
    result = measure(Path(args[0]) if args else DEFAULT_PATH, distractors="--distractors" in sys.argv)
    print(json.dumps(result, indent=1))
