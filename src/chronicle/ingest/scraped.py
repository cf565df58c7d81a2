"""Scraped plain text: separate the page chrome from the article body.

A scraper's dump of a news page usually starts with site furniture before the
first paragraph: a date widget ("Saturday, September 23, 2023", usually the
day of scraping), a breadcrumb ("Home > World > Title", often glued together
without separators), the title (sometimes repeated), a tags line
("Iraq, Protests, Basra"), a byline, an image caption. The body starts at the
first line that reads like prose: long enough and ending like a sentence.

Everything before the body is classified line by line with general cues
(shape, punctuation, repetition); nothing here knows any particular site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronicle.ingest.dates import date_only_line, find_date

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_BYLINE = re.compile(r"^(?:by|written by|author:?|reporting by)\s+(?P<name>[A-Z][\w.'’-]+(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]+){0,6})\s*$", re.I)
_TAGS_LABEL = re.compile(r"^(?:tags?|topics?|keywords?|filed under)\s*[:：]\s*(?P<rest>.+)$", re.I)
# A "Published: ..." / "Posted on ..." stamp names the article's own date.
_PUBLISHED_LABEL = re.compile(r"^(?:published|posted|first published|date|dated)(?:\s+on)?\s*[:：-]?\s*(?P<rest>.+)$", re.I)
_UPDATED_LABEL = re.compile(r"^(?:updated|last updated|modified)(?:\s+on)?\s*[:：-]?\s*(?P<rest>.+)$", re.I)
_BREADCRUMB_SEP = re.compile(r"\s*(?:›|»|>|/|\||→|::)\s*")
_HOME = re.compile(r"^(?:home|homepage|start)(?=[A-Z\s›»>/|→:])", re.I)
_FOOTER = re.compile(
    r"^(?:©|\(c\)|copyright\b|all rights reserved|share (?:this|on)\b|related (?:articles|stories|posts)\b|"
    r"read more\b|subscribe\b|sign up\b|follow us\b|advertisement$|tags?\s*:)",
    re.I,
)


@dataclass
class ScrapedPage:
    """What a scraped page's text holds, each part in its own field."""

    body: str
    title: str | None = None
    byline: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    caption: str | None = None
    widget_dates: list[str] = field(default_factory=list)  # dates standing alone above the title
    # (ISO date, line): a date standing alone *under* the title, where pages print the article's date
    title_date: tuple[str, str] | None = None
    published_label: tuple[str, str] | None = None  # (ISO date, the "Published ..." line)
    chrome: list[str] = field(default_factory=list)  # every line taken out of the body, in order


_BYLINE_WITH_DATE = re.compile(r"^(?:by|written by)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})\s*[,|·•—–-]\s*(?P<rest>.+)$", re.I)


def _dated_byline(line: str) -> re.Match | None:
    m = _BYLINE_WITH_DATE.match(line)
    return m if m and find_date(m.group("rest")) else None


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def is_prose(line: str) -> bool:
    """A line that reads like a paragraph of the article rather than page furniture."""
    n = _words(line)
    if n >= 20:
        return True
    return n >= 6 and bool(_SENTENCE_END.search(line))


def _is_short_prose(line: str) -> bool:
    return _words(line) >= 3 and bool(_SENTENCE_END.search(line))


def tags_in(line: str) -> list[str] | None:
    """The tags of a tags line ("Iraq, Protests, Basra" or "Tags: ..."), else None."""
    labelled = _TAGS_LABEL.match(line)
    rest = labelled.group("rest") if labelled else line
    if not labelled and (_SENTENCE_END.search(line) or rest.count(",") < 2):
        return None
    items = [t.strip() for t in re.split(r"[,;|]", rest) if t.strip()]
    if not items or any(_words(t) > 4 or _words(t) == 0 for t in items):
        return None
    # prose with commas has lower-case function words; tags are mostly capitalised
    capitalised = sum(1 for t in items if t[0].isupper() or t[0].isdigit())
    if not labelled and capitalised < 0.6 * len(items):
        return None
    return items


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def _find_title(header: list[str]) -> str | None:
    """The title: a header line repeated (alone or closing a breadcrumb), else the
    first headline-shaped line."""
    normed = [_norm(h) for h in header]
    for i, line in enumerate(header):
        n = normed[i]
        if _words(line) < 2 or date_only_line(line):
            continue
        for j, other in enumerate(normed):
            if j != i and (other == n or (len(other) > len(n) and other.endswith(n))):
                return line.strip()
    for line in header:
        if 2 <= _words(line) <= 30 and not date_only_line(line) and not tags_in(line) and not _BYLINE.match(line) \
                and not _HOME.match(line) and not _PUBLISHED_LABEL.match(line) and not _UPDATED_LABEL.match(line) \
                and not _SENTENCE_END.search(line):
            return line.strip()
    return None


def _breadcrumb_section(line: str, title: str | None) -> str | None | bool:
    """False when `line` is no breadcrumb; else the section it names (or None)."""
    stripped = line.strip()
    parts = [p for p in _BREADCRUMB_SEP.split(stripped) if p]
    glued_home = bool(_HOME.match(stripped))
    if len(parts) < 3 and not glued_home:
        return False
    if len(parts) >= 3 and all(_words(p) <= 6 for p in parts):
        crumbs = parts
        if _HOME.match(crumbs[0]) and len(_norm(crumbs[0])) <= 8:
            crumbs = crumbs[1:]
        if title and crumbs and _norm(crumbs[-1]) == _norm(title):
            crumbs = crumbs[:-1]
        return crumbs[-1] if crumbs else None
    if glued_home:
        rest = _HOME.sub("", stripped, count=1).lstrip(" ›»>/|→:")
        if title and _norm(rest).endswith(_norm(title)):
            rest = rest[: len(rest) - len(title.strip())].rstrip(" ›»>/|→:")
        return rest.strip() or None
    return False


def split_scraped(text: str) -> ScrapedPage:
    """Split scraped page text into body and chrome fields."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, ln in enumerate(lines) if is_prose(ln)), None)
    if start is None:
        start = next((i for i, ln in enumerate(lines) if _is_short_prose(ln)), 0)
    # a long header is navigation, not chrome we can read; keep only its tail
    header = [ln.strip() for ln in lines[:start] if ln.strip()]
    page = ScrapedPage(body="")
    page.chrome = list(header)
    title = _find_title(header[-15:])
    page.title = title
    captions: list[str] = []
    title_seen = False
    for line in header[-15:]:
        widget = date_only_line(line)
        if widget:
            if title_seen and page.title_date is None:
                page.title_date = (widget, line)
            else:
                page.widget_dates.append(widget)
            continue
        label = _PUBLISHED_LABEL.match(line)
        if label and find_date(label.group("rest")):
            page.published_label = (find_date(label.group("rest"))[0], line)
            continue
        if _UPDATED_LABEL.match(line):
            continue
        by = _BYLINE.match(line) or _dated_byline(line)
        if by and _dated_byline(line) and page.published_label is None:
            # "By Jo Smith | March 3, 2021": the byline's date is the article's own
            page.published_label = (find_date(line)[0], line)
        if by:
            page.byline = by.group("name").strip()
            continue
        if title and _norm(line) == _norm(title):
            title_seen = True
            continue
        crumb = _breadcrumb_section(line, title)
        if crumb is not False:
            page.section = page.section or crumb
            continue
        tags = tags_in(line)
        if tags:
            page.tags.extend(t for t in tags if t not in page.tags)
            continue
        if title_seen or not title:
            captions.append(line)  # short lines between title and body: image captions, standfirsts
    if captions:
        page.caption = " / ".join(captions)
    page.body = _trim_footer(lines[start:])
    return page


def _trim_footer(lines: list[str]) -> str:
    """Body lines without trailing site furniture (copyright, share links, related)."""
    end = len(lines)
    while end > 0:
        line = lines[end - 1].strip()
        if not line:
            end -= 1
            continue
        if _FOOTER.match(line) or (not is_prose(line) and not _is_short_prose(line) and _words(line) <= 8
                                   and end > 1 and _trailing_run_is_furniture(lines[:end])):
            end -= 1
            continue
        break
    body = "\n".join(ln.rstrip() for ln in lines[:end]).strip()
    return re.sub(r"\n{3,}", "\n\n", body)


def _trailing_run_is_furniture(lines: list[str]) -> bool:
    """A short last line is furniture only after a footer cue in the last few lines
    (a closing sub-heading-like line of the article itself must stay)."""
    tail = [ln.strip() for ln in lines[-6:] if ln.strip()]
    return any(_FOOTER.match(ln) for ln in tail)
