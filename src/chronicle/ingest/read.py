"""One input -> one Article: text or HTML, with metadata and the publication date.

`read_article` is the single entry for every reader (files, JSON lines, CSV,
feeds, URLs, web archives): they all hand it the page and what they know
about it, so an article gets the same treatment whatever it came from.
"""

from __future__ import annotations

import dataclasses
import re

from chronicle.ingest.dates import parse_date, parse_given_date, url_date
from chronicle.ingest.decode import decode
from chronicle.ingest.errors import IngestError
from chronicle.ingest.html import looks_like_html, parse_html
from chronicle.ingest.language import detect_language, is_english_code
from chronicle.ingest.limits import MAX_BODY_CHARS
from chronicle.ingest.published import DateSignal, dateline_date, judge_publication, textual_signal, TIERS
from chronicle.ingest.scraped import split_scraped
from chronicle.ingest.urls import canonical_url, outlet_from_url, url_article_id
from chronicle.record import Article, Note

_ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)} - {"text", "published", "url", "meta"}
# Fewer words than this extracted from an HTML page are leftovers of navigation.
MIN_HTML_BODY_WORDS = 8
# the end of a sentence followed by a space: a place to cut a body that has no paragraph break
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?= )")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A str can hold lone UTF-16 surrogates (JSON "\ud800" escapes, surrogateescape'd
# bytes); no file, database or HTTP answer can: each becomes U+FFFD, one for one,
# so the text's length and every offset into it are unchanged.
_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(value):
    """`value` with every lone surrogate replaced by U+FFFD (other values as given)."""
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value) if _SURROGATES.search(value) else value
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    return value


def read_article(source: str | bytes, /, *, published: str | None = None, url: str | None = None, **fields) -> Article:
    """Read one page (text or HTML, str or bytes) into an Article.

    published   a date given with the input: it wins over every other signal
    url         where the page lives (outlet, URL date, stable id)
    fields      any Article field (id, title, outlet, language, byline, tags,
                section, source); and, as signals rather than fields:
                feed_published (a feed item's date), fetch_date / crawl_date
                (when the page was fetched or archived: an upper bound).
    Raises IngestError (with a `code`) for input that is no English article;
    input with no text at all gives an Article with empty text (meta["empty"]
    says why), which the pipeline reports as an "empty" record.
    """
    feed_published = fields.pop("feed_published", None)
    bounds = [(k, fields.pop(k)) for k in ("fetch_date", "crawl_date") if fields.get(k)]
    fields = {k: without_surrogates(v) for k, v in fields.items() if v not in (None, "", [])}
    meta = dict(fields.pop("meta", None) or {})
    extra = {k: fields.pop(k) for k in list(fields) if k not in _ARTICLE_FIELDS}
    meta.update(extra)
    # what the record must say was done to this input (readers that decoded the bytes pass their notes)
    notes: list[Note] = [n if isinstance(n, Note) else Note("note", str(n)) for n in fields.pop("notes", None) or []]
    if isinstance(source, bytes):
        decoded = decode(source)
        text = decoded.text
        notes.extend(decoded.notes)
    else:
        text = without_surrogates(source)
    url = without_surrogates(url)
    if not text.strip():
        # an empty Article, not an exception: the pipeline reports it as an "empty" record
        return Article(text="", url=url, meta={"empty": "empty: input has no text"}, notes=notes,
                       **{k: v for k, v in fields.items() if k in ("id", "source")})
    if len(_CONTROL_CHARS.findall(text[:8192])) > 0.05 * min(len(text), 8192):
        raise IngestError("binary", "input is binary, not text")

    signals = _given_signals(published, feed_published, bounds, notes)

    page_fields: dict = {}
    copyright_years: list[int] = []
    if looks_like_html(text):
        page = parse_html(text, url=url)
        body = page.body
        signals.extend(DateSignal(*s) for s in page.date_signals)
        copyright_years = page.copyright_years
        page_fields = {"title": page.title, "byline": page.author, "outlet": page.sitename, "tags": page.tags,
                       "section": page.section}
        if page.language:
            meta["declared_language"] = page.language
        if page.canonical_url and page.canonical_url.startswith("http") and (
                not url or outlet_from_url(page.canonical_url) == outlet_from_url(url)):
            # a canonical link to another site is a syndication credit, not this page's address
            meta["canonical_url"] = canonical_url(page.canonical_url)
        # trafilatura keeps the headline and date lines above the body: strip them as chrome
        scraped = split_scraped(body)
        if scraped.body and len(scraped.chrome) <= 6 and len(scraped.body) >= 0.6 * len(body):
            body = scraped.body
            page_fields["title"] = page_fields["title"] or scraped.title
            page_fields["byline"] = page_fields["byline"] or scraped.byline
            page_fields["caption"] = scraped.caption
            for iso in scraped.widget_dates + ([scraped.title_date[0]] if scraped.title_date else []):
                # inside the extracted main content a lone date line is the article's own
                signals.append(DateSignal("page-label", iso, f"page-label: a date line above the body ({iso})"))
        if scraped.published_label:
            signals.append(DateSignal("page-label", scraped.published_label[0], f"page-label: {scraped.published_label[1]}"))
        meta["format"] = "html"
        if len(body.split()) < MIN_HTML_BODY_WORDS:
            body = ""  # a page of menus and a footer: whatever is left is no article
    else:
        scraped = split_scraped(text)
        body = scraped.body
        page_fields = {"title": scraped.title, "byline": scraped.byline, "tags": scraped.tags,
                       "section": scraped.section, "caption": scraped.caption,
                       "page_dates": list(scraped.widget_dates)}
        for iso in scraped.widget_dates:
            signals.append(DateSignal("page-widget", iso, _widget_line(scraped.chrome, iso)))
        if scraped.title_date:
            signals.append(DateSignal("page-label", scraped.title_date[0], f"page-label: {scraped.title_date[1]} (under the title)"))
        if scraped.published_label:
            signals.append(DateSignal("page-label", scraped.published_label[0], f"page-label: {scraped.published_label[1]}"))
        meta["format"] = "text"

    body = _cap_body(body.strip(), notes)
    if not body:
        return Article(text="", url=url, meta={"empty": "no_text: no article text found in the page"}, notes=notes,
                       **{k: v for k, v in fields.items() if k in ("id", "source")})

    language = _english(fields.get("language"), body)

    if url:
        found = url_date(url)
        if found:
            kind = "url" if len(found[0]) == 10 else "url-month"
            signals.append(DateSignal(kind, found[0], f"url: {found[1]}"))
    line = dateline_date(body)
    if line:
        signals.append(line)
    if not any(TIERS[s.kind] <= TIERS["text"] for s in signals):
        # the text is read only when nothing better dates the article (it costs a pass)
        inferred = textual_signal(body)
        if inferred:
            signals.append(inferred)
    published_iso, evidence = judge_publication(signals, copyright_years)
    if published and not any(s.kind == "input" for s in signals):
        # the given date was malformed: say so where the date's evidence is read
        evidence = "; ".join(x for x in (evidence, GIVEN_NOT_A_DATE.format(published)) if x)
    meta["date_signals"] = [[s.kind, s.value, s.evidence] for s in signals]

    merged = {k: v for k, v in page_fields.items() if v not in (None, "", [])}
    merged.update(fields)  # what came with the input beats what the page says
    merged["language"] = language
    if url:
        merged.setdefault("outlet", outlet_from_url(url))
        merged.setdefault("id", url_article_id(meta.get("canonical_url") or url))
    return Article(text=body, published=published_iso, published_evidence=evidence, url=url, meta=meta, notes=notes,
                   **merged)


# What a record's published_evidence (and notes) say when the given `published` was malformed
GIVEN_NOT_A_DATE = "input published {!r} is not a date"


def _given_signals(published: str | None, feed_published: str | None, bounds: list[tuple[str, str]],
                   notes: list[Note]) -> list[DateSignal]:
    """The date signals that came with the input: its own date, a feed item's, the fetch or crawl date."""
    signals: list[DateSignal] = []
    if published:
        iso = parse_given_date(published)
        if iso:
            signals.append(DateSignal("input", iso, "input"))
        else:
            notes.append(Note("published_not_a_date", f"{GIVEN_NOT_A_DATE.format(published)}; ignored"))
    if feed_published:
        iso = parse_date(feed_published)
        if iso:
            signals.append(DateSignal("feed", iso, f"feed: item date {feed_published}"))
    for kind, value in bounds:
        iso = parse_date(value)
        if iso:
            signals.append(DateSignal(kind.replace("_", "-"), iso, f"{kind.replace('_', '-')}: {value}"))
    return signals


def _english(language: str | None, body: str) -> str | None:
    """The article's language: the one given with the input, else detected; IngestError unless English."""
    if language:
        if not is_english_code(language):
            raise IngestError("unsupported_language", f"language {language!r} given with the input; only English is coded")
        return language
    detected, confidence = detect_language(body)
    if detected and not is_english_code(detected):
        raise IngestError("unsupported_language", f"text looks {detected} (confidence {confidence}); only English is coded")
    return detected or None


def _widget_line(chrome: list[str], iso: str) -> str:
    from chronicle.ingest.dates import date_only_line

    line = next((ln for ln in chrome if date_only_line(ln) == iso), iso)
    return line


def _cap_body(body: str, notes: list[Note]) -> str:
    """The body cut to the size limit at a paragraph, else after a sentence, else between
    words (never inside one), with a note saying where and how much was left out."""
    if len(body) <= MAX_BODY_CHARS:
        return body
    cut = body.rfind("\n", 0, MAX_BODY_CHARS + 1)
    if cut <= MAX_BODY_CHARS // 2:
        ends = [m.end() for m in _SENTENCE_END.finditer(body, MAX_BODY_CHARS // 2, MAX_BODY_CHARS + 1)]
        cut = ends[-1] if ends else body.rfind(" ", 0, MAX_BODY_CHARS + 1)
    if cut <= 0:
        cut = MAX_BODY_CHARS  # one word of 100,000 characters: no boundary to cut at
    kept = body[:cut].rstrip()
    notes.append(Note("body_cut", f"body cut at {len(kept)} of {len(body)} characters (limit {MAX_BODY_CHARS}); "
                                  "the rest is not coded"))
    return kept
