"""The actors page's table of most active actors follows the page's filters, as its network does."""

from __future__ import annotations

import re
from collections import Counter

from web_corpus import corpus

ROW = re.compile(r'<tr><td><a href="/actors/\d+">([^<]*)</a></td><td>[^<]*</td><td>[^<]*</td><td>(\d+)</td></tr>')


def table(html: str) -> dict[str, int]:
    body = html[html.index('id="actors-table"'):]
    return {name.replace("&#39;", "'").replace("&amp;", "&"): int(n) for name, n in ROW.findall(body)}


def expected(keep) -> Counter:
    """Events per actor name (as actor or recipient) among the corpus events `keep` accepts."""
    counts: Counter = Counter()
    for record in corpus():
        for event in record.events:
            if keep(record, event):
                for ref in event.actor + event.recipient:
                    counts[record.actors[ref.actor].name] += 1
    return counts


def top(counts: Counter, n: int = 30) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: -kv[1])[:n])


def test_unfiltered_table_counts_every_event(client):
    got = table(client.get("/actors").text)
    want = expected(lambda r, e: True)
    assert got and all(want[name] == n for name, n in got.items())


def test_type_filter_narrows_the_table(client):
    got = table(client.get("/actors?type=PROTEST").text)
    want = expected(lambda r, e: e.type == "PROTEST")
    assert got == top(want)
    assert all(name.startswith("Teachers") for name in got)  # only protesters take part in PROTEST events


def test_country_and_type_filters_combine(client):
    got = table(client.get("/actors?country=KE&type=ASSAULT").text)
    want = expected(lambda r, e: e.type == "ASSAULT" and r.places[e.location].country_code == "KE")
    assert got == top(want) and got
    assert "in the selected events" in client.get("/actors?country=KE").text


def test_filter_that_matches_nothing_says_so(client):
    html = client.get("/actors?type=SANCTION").text
    assert table(html) == {} and "No actor takes part in the selected events" in html
