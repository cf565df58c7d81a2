"""The publication date: every signal, with its evidence, judged by fixed rules.

A page carries many dates. Only some are the article's own; the others are
the day it was scraped (a date widget in the page header), the site's
copyright year, the dates of related stories, the dates the story talks
about. Readers collect *signals* (kind, ISO date, evidence); this module
alone decides which one is the publication date.

The rules (docs/ingest.md explains each):

1. A date given with the input (a JSON line's or CSV row's `published`, the
   caller's `published=`) wins: the user knows better than any heuristic.
2. Otherwise the article's own markup: a feed item's date, JSON-LD
   `datePublished`, a publication meta tag or <time pubdate>. Among these the
   earliest wins (pages restate later modification dates, never earlier ones).
3. Otherwise a date written at the article itself: in the URL path
   (/2021/03/05/), in a dateline ("BAGHDAD, March 5, 2021 (Reuters) -"), a
   "Published: ..." stamp, or what htmldate reads in the markup when the page
   has no publication field (it may be a modification date, hence this tier).
   Earliest wins among them.
4. Otherwise the body text read by chronicle.times.publication
   (anniversaries said to be "today", ...).
5. Otherwise a date htmldate found anywhere in the page, and a month in the URL.
6. Last resort only: a date that stood alone in the page chrome (a widget) or
   the date the page was fetched or archived. Both are usually the scrape day,
   so their evidence says so.

Whatever the tier, a candidate later than an upper bound (the page widget, the
fetch or crawl date, plus one day for time zones) is dropped: an article
cannot be published after it was scraped. A date on the first of January of a
year the page's copyright notice names is dropped too: that is the copyright,
not the article.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from chronicle.times.dateline import read_dateline
from chronicle.times.publication import textual_publication_date

log = logging.getLogger(__name__)

TIERS: dict[str, int] = {
    "input": 1,
    "feed": 2, "json-ld": 2, "html-meta": 2,
    "url": 3, "dateline": 3, "page-label": 3, "htmldate": 3,
    "text": 4,
    "html-text": 5, "url-month": 5,
    "page-widget": 6, "fetch-date": 6, "crawl-date": 6,
}
# Kinds that bound the publication date from above (the page existed on that day).
BOUND_KINDS = ("page-widget", "fetch-date", "crawl-date")
WIDGET_EVIDENCE = "page-widget (probably the scrape date)"


@dataclass(frozen=True)
class DateSignal:
    kind: str  # a key of TIERS
    value: str  # ISO date (YYYY-MM-DD), or YYYY-MM for month-only kinds
    evidence: str


def dateline_date(body: str) -> DateSignal | None:
    """The date of the dateline that opens the body ("KABUL, Aug. 16, 2021 (AP) -"), when it
    gives the year (times/dateline.py reads it; one without a year is the times stage's)."""
    line = read_dateline(body)
    if line is None or line.year is None:
        return None
    return DateSignal("dateline", date(line.year, line.month, line.day).isoformat(), line.evidence)


def textual_signal(body: str) -> DateSignal | None:
    """The publication date the body text itself implies, read by the times stage's
    textual_publication_date."""
    try:
        found = textual_publication_date(body)
    except Exception as exc:  # noqa: BLE001 - a failing inference is just no signal
        log.warning("textual_publication_date failed: %s", exc)
        return None
    if not found:
        return None
    iso, evidence = found
    evidence = evidence if evidence.startswith("text") else f"text: {evidence}"
    return DateSignal("text", iso, evidence)


def _as_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def judge_publication(signals: list[DateSignal], copyright_years: list[int] = ()) -> tuple[str | None, str | None]:
    """(ISO date, evidence) by the rules above, or (None, None) when nothing qualifies."""
    bounds = [d for s in signals if s.kind in BOUND_KINDS and (d := _as_date(s.value))]
    upper = min(bounds) + timedelta(days=1) if bounds else None
    candidates: list[DateSignal] = []
    for s in signals:
        d = _as_date(s.value) if len(s.value) >= 10 else _as_date(s.value + "-01")
        if d is None or s.kind not in TIERS:
            continue
        if upper and s.kind not in BOUND_KINDS and s.kind != "input" and d > upper:
            log.debug("dropping %s: after the page's upper bound %s", s, upper)
            continue
        if s.kind not in ("input",) and d.month == 1 and d.day == 1 and d.year in copyright_years and s.kind in ("html-text", "html-meta", "htmldate"):
            continue  # the copyright notice, not the article
        candidates.append(s)
    if not candidates:
        return None, None
    best_tier = min(TIERS[s.kind] for s in candidates)
    tier = [s for s in candidates if TIERS[s.kind] == best_tier]
    if best_tier == TIERS["page-widget"]:
        chosen = min(tier, key=lambda s: s.value)
        evidence = chosen.evidence if chosen.kind != "page-widget" else f"{WIDGET_EVIDENCE}: {chosen.evidence}"
        return chosen.value, evidence
    chosen = min(tier, key=lambda s: (s.value, s.kind != "json-ld"))
    return chosen.value, chosen.evidence
