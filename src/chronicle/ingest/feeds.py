"""RSS and Atom feeds (feedparser): one article per item.

An item whose feed carries the full story (content:encoded, Atom content) is
read from the feed; an item with only a teaser is fetched from its link when a
Fetcher is given. The item's own date is a "feed" signal for the publication
date (chronicle.ingest.published).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from chronicle.ingest.errors import IngestError
from chronicle.record import Note

# An item body shorter than this is a teaser: the article is at the link.
FULL_TEXT_MIN_WORDS = 60


@dataclass
class FeedItem:
    guid: str
    link: str | None
    title: str | None
    published: str | None
    content: str | None  # HTML or text of the item, when the feed carries the story
    full_text: bool
    author: str | None
    tags: list[str]
    feed_title: str | None = None


def parse_feed(data: bytes, source: str) -> list[FeedItem]:
    """The items of a feed; IngestError("bad_feed") for data that is no feed."""
    import feedparser

    parsed = feedparser.parse(data)
    reason = getattr(parsed, "bozo_exception", None) if parsed.get("bozo") else None
    usable = [e for e in parsed.entries if e.get("link") or e.get("content") or e.get("summary")]
    if reason is not None and not usable:
        # feedparser is lenient with real-world feeds; nothing usable left means it is no feed
        raise IngestError("bad_feed", f"{source}: not an RSS/Atom feed ({type(reason).__name__}: {reason})")
    if not parsed.entries:
        return []  # a valid feed with no items
    items = []
    for entry in parsed.entries:
        content = None
        if entry.get("content"):
            content = max((c.get("value") or "" for c in entry.content), key=len)
        summary = entry.get("summary") or ""
        body = content if content and len(content) >= len(summary) else summary
        words = len(_strip_tags(body).split())
        link = entry.get("link")
        items.append(FeedItem(
            guid=entry.get("id") or link or entry.get("title") or body[:200],
            link=link,
            title=entry.get("title"),
            published=entry.get("published") or entry.get("updated") or None,
            content=body or None,
            full_text=words >= FULL_TEXT_MIN_WORDS,
            author=entry.get("author"),
            tags=[t.get("term") for t in entry.get("tags", []) if t.get("term")],
            feed_title=parsed.feed.get("title"),
        ))
    return items


def _strip_tags(html: str) -> str:
    import re

    return re.sub(r"<[^>]+>", " ", html)


def iter_feed_articles(items: list[FeedItem], source: str, fetcher=None) -> Iterator[tuple[object, str]]:
    """(Article or IngestError, where) per item, in feed order."""
    from chronicle.ingest.read import read_article

    for item in items:
        where = f"{source}#{item.link or item.guid}"
        fields = {"title": item.title, "byline": item.author, "tags": item.tags or None,
                  "feed_published": item.published, "source": where}
        try:
            if item.full_text or not (item.link and fetcher):
                if not item.content:
                    raise IngestError("no_text", "feed item has no text and no link to fetch")
                # read from the feed: the feed's own title names the outlet
                yield read_article(item.content, url=item.link, outlet=item.feed_title, **fields), where
            else:
                from chronicle.ingest.remote import read_url

                try:
                    yield read_url(item.link, fetcher, **fields), where
                except IngestError:
                    if not item.content or len(_strip_tags(item.content).split()) < 20:
                        raise
                    # the link failed but the feed carries some text: better than nothing
                    fields["notes"] = [Note("feed_text", "the item's link could not be fetched; read from the feed")]
                    yield read_article(item.content, url=item.link, **fields), where
        except IngestError as exc:
            yield exc, where
