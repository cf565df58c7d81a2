"""Whether an article reports political happenings at all.

Sentence by sentence, everyday words look like events: a council "approved" a
store, a boy "supplied" the piglet for a fair, a company is "demonstrating" its
faith in a town. Each such sentence alone is hard to tell from politics; the
article as a whole is not. An article reports politics when at least one of its
events has a political party to it (a government, armed force, police, rebel
group, party, court, legislature, opposition or international body; in a
threat or a denial too), or is a protest, or has casualties, or when the article
names a known political figure (one the knowledge base places in a country). Hypothetical
events do not count: an aim ("reopened the road to allow residents home") is no political act
of anyone's. An article with none of these (sports, business,
a county fair, a flooded road) yields no events. A text of fewer than four
sentences is a snippet, not an article, and is not judged.
"""

from __future__ import annotations

from typing import Any, Sequence

from chronicle.record import Event

# PLOVER sectors of political parties to a happening (civilians, business, media, education,
# religion and society are not by themselves)
POLITICAL_SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "PTY", "JUD", "LEG", "SPY", "UAF", "IGO", "INS", "IMG",
                     "PRM", "ELI"}
# An article this short is a snippet, not an article: its topic cannot be judged as a whole
MIN_SENTENCES = 4
# Event types that are political whoever takes part (a march, a sit-in)
POLITICAL_BY_TYPE = {"PROTEST"}
CASUALTIES = {"killed", "injured"}


def _political_actor(actor: Any) -> bool:
    """Rebels, troops, police, a ministry: whoever they are, their acts are political."""
    return actor.sector in POLITICAL_SECTORS


def reports_politics(events: Sequence[Event], ann: Any) -> bool:
    """True when the article's events (or the people it names) make it political; a text of
    fewer than MIN_SENTENCES sentences always is (there is no article to judge)."""
    doc = getattr(ann, "doc", None)
    if doc is not None and sum(1 for _ in doc.sents) < MIN_SENTENCES:
        return True
    actors = list(ann.actors)
    for event in events:
        if event.hypothetical:
            continue  # "officials may close the road", "reopened it to allow ...": an aim makes no story political
        if (event.type in POLITICAL_BY_TYPE or any(s.kind in CASUALTIES for s in event.sizes)) and not event.negated:
            return True
        for ref in event.actor + event.recipient:
            if 0 <= ref.actor < len(actors) and _political_actor(actors[ref.actor]):
                return True
    # a head of state or minister the knowledge base knows by name, even if no event caught them
    # (one the knowledge base places in a country: a bare surname matched to no one's country is no evidence)
    # (an international body's officials belong to no country and count as they are)
    return any(a.kind == "named" and a.sector in POLITICAL_SECTORS and (a.country or a.sector == "IGO") for a in actors)


def political_events(events: Sequence[Event], ann: Any) -> list[Event]:
    """The events, or none when the article does not report politics."""
    return list(events) if reports_politics(events, ann) else []
