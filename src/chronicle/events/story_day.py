"""News or background by the story's own day, once an article's passages are merged into
happenings (identity.merge_mentions): undated news takes the day the leading news names, and
what happened well before that day is background."""

from __future__ import annotations

from chronicle.record import Event


def own_date(event: Event) -> str | None:
    """The date the passage gives in its own words (None when it only took the publication date)."""
    return event.date if event.date and event.date_evidence is not None else None


# How many days before publication the story's own day may lie for its undated news to take it
STORY_DAY_WINDOW = 3


def story_day(events: list[Event], published: str | None) -> None:
    """News told without a date of its own happened on the story's day, not on the day the paper
    came out: when the article's leading news is dated by its own words to a day shortly before
    publication ("Sanford said Friday ..." in Saturday's paper), its undated news takes that day."""
    if not published:
        return
    dated_news = [e for e in events if not e.historical and own_date(e)]
    # the lead is news that happened; failing that, news still pending ("as they await trial") dated by
    # the clause it hangs on ("a court ruled Wednesday that ..."): that date is the story's day too
    lead = next((e for e in dated_news if not e.hypothetical), dated_news[0] if dated_news else None)
    if lead is None or lead.date_precision != "day" or lead.date_end or not lead.date:
        return
    from datetime import date

    try:
        gap = (date.fromisoformat(published[:10]) - date.fromisoformat(lead.date)).days
    except ValueError:
        return
    if not 0 < gap <= STORY_DAY_WINDOW:
        return
    for e in events:
        if e.date == published[:10] and e.date_evidence is None and not e.historical:
            e.date = lead.date


def before_the_story(events: list[Event], published: str | None) -> bool:
    """What happened before the story's news is its background: a passage dated by its own words to a
    stretch that ends more than STORY_DAY_WINDOW days before the leading news's own day ("in a phone
    call late last week" in a story of Sunday's news; a roundup of the last two or three days' clashes
    is all news), or, with no dated lead, to a month or year that ended before the publication month
    ("last month"). Returns whether any flag changed."""
    from datetime import date, timedelta

    lead = next((e for e in events if not e.historical and not e.hypothetical and own_date(e)
                 and e.date_precision == "day" and not e.date_end), None)
    story_day = None
    if lead is not None:
        try:
            story_day = (date.fromisoformat(lead.date) - timedelta(days=STORY_DAY_WINDOW)).isoformat()
        except ValueError:
            story_day = None
    if story_day is None and published:
        story_day = published[:7]  # only a coarse stretch can be told apart from the publication's month
    if not story_day:
        return False
    changed = False
    for e in events:
        if e is lead or e.historical or e.hypothetical or not own_date(e):
            continue
        last = e.date_end or e.date
        n = min(len(last), len(story_day))
        if last[:n] < story_day[:n]:
            e.historical, changed = True, True
    return changed
