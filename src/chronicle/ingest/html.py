"""HTML pages: main text through trafilatura, the page's own metadata through lxml.

The body, title, author, site name and tags come from trafilatura. Dates are
gathered here as *signals* with their evidence (meta tags, JSON-LD, <time>
elements, htmldate) and judged in chronicle.ingest.published, because a
page carries several dates and only some of them are the article's own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from chronicle.ingest.dates import parse_date
from chronicle.ingest.errors import IngestError
from chronicle.ingest.limits import MAX_HTML_DEPTH

# Tags that are always closed in practice; counting only these keeps the depth
# scan honest on pages with unclosed <p>/<li>.
_CONTAINER = re.compile(r"<(/?)(div|section|article|span|table|tbody|tr|td|ul|ol|blockquote|font|b|i|em|strong|a|main|form)\b[^>]*?(/?)>", re.I)
# A start tag of thousands of attributes (or attribute-breaking quotes) is no page
# markup: lxml and htmldate spend time quadratic in an element's attribute count
# (200,000 attributes: many minutes). Such a tag is read as its bare name. Each
# repetition below is one character or one quoted value, so a count over the
# limit means at least that many characters and usually that many attributes.
MAX_TAG_PARTS = 4000
_GIANT_TAG = re.compile(r"<([a-zA-Z][\w:.-]*)(?:[^<>\"']|\"[^\"<]*+\"|'[^'<]*+'){%d,}+(/?)>" % MAX_TAG_PARTS)
_HTML_MARKERS = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|meta|title|br)\b", re.I)
_COPYRIGHT = re.compile(r"(?:©|&copy;|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})", re.I)
# Link-heavy blocks bigger than this are navigation; pruned before extraction
# on big pages because extractors spend seconds scoring megabytes of menus.
PRUNE_PAGES_OVER_CHARS = 300_000
_NAV_BLOCK_CHARS = 1000
_NAV_LINK_SHARE = 0.7

# Meta tags naming the article's publication date, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "publishdate", "publish-date",
    "publish_date", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date",
    "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime", "original-publish-date",
)
_JSONLD_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                         "opinionnewsarticle", "backgroundnewsarticle", "report", "webpage", "liveblogposting"}
_JSONLD_WRAPPER_TYPES = {"webpage"}


@dataclass
class HtmlPage:
    body: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    tags: list[str] = field(default_factory=list)
    section: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    # (kind, ISO date, evidence) in the page's own markup
    date_signals: list[tuple[str, str, str]] = field(default_factory=list)
    copyright_years: list[int] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    head = text[:4000]
    return bool(_HTML_MARKERS.search(head)) and head.lstrip()[:1] == "<" or len(_HTML_MARKERS.findall(head)) >= 3


def nesting_depth(html: str) -> int:
    depth = deepest = 0
    for m in _CONTAINER.finditer(html):
        if m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if key and value and key.lower() not in found:
            found[key.lower()] = value.strip()
    return found


def _jsonld_objects(tree) -> list[dict]:
    objects: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return objects


def _jsonld_type(obj: dict) -> set[str]:
    t = obj.get("@type", "")
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _name(value) -> str | None:
    if isinstance(value, list):
        names = [_name(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return value.get("name")
    return str(value) if value else None


def _split_keywords(value) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [t.strip() for t in str(value or "").split(",") if t.strip()]


def _prune_navigation(tree) -> None:
    """Remove big link-dense blocks (menus, link farms) in one bottom-up pass."""
    from lxml import etree

    sizes: dict = {}
    doomed = []
    for event, el in etree.iterwalk(tree, events=("end",)):
        if not isinstance(el.tag, str):
            continue
        text = len(el.text or "")
        linked = text if el.tag == "a" else 0
        for child in el:
            c_text, c_linked = sizes.pop(child, (0, 0))
            text += c_text + len(child.tail or "")
            linked += c_linked if el.tag != "a" else c_text
        sizes[el] = (text, linked)
        if el.tag in ("nav", "aside", "footer") or (text > _NAV_BLOCK_CHARS and linked > _NAV_LINK_SHARE * text):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is not None and el.tag != "body":
            parent.remove(el)


def parse_html(html: str, url: str | None = None) -> HtmlPage:
    """Body and metadata of one HTML page. Raises IngestError for pages that cannot be read."""
    import lxml.html
    from trafilatura import bare_extraction

    html = _GIANT_TAG.sub(r"<\1\2>", html)
    if nesting_depth(html) > MAX_HTML_DEPTH:
        raise IngestError("too_deep", f"HTML nested deeper than {MAX_HTML_DEPTH} elements")
    try:
        tree = lxml.html.fromstring(html)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types for junk
        raise IngestError("bad_html", f"HTML could not be parsed: {exc}") from exc
    meta = _meta(tree)
    page = HtmlPage(body="")
    signals = page.date_signals
    for key in PUBLISHED_META:
        iso = parse_date(meta.get(key))
        if iso:
            signals.append(("html-meta", iso, f'html-meta: <meta {key}="{meta[key]}">'))
            break
    for el in tree.xpath('//time[@pubdate or @itemprop="datePublished"] | //*[@itemprop="datePublished"][@datetime or @content]'):
        raw = el.get("datetime") or el.get("content")
        iso = parse_date(raw)
        if iso:
            signals.append(("html-meta", iso, f'html-meta: itemprop datePublished "{raw}"'))
            break
    articles = [obj for obj in _jsonld_objects(tree) if _jsonld_type(obj) & _JSONLD_ARTICLE_TYPES]
    # the article itself before a WebPage wrapper (whose dates are often the site's or the page's)
    articles.sort(key=lambda obj: _jsonld_type(obj) <= _JSONLD_WRAPPER_TYPES)
    article_obj = next((obj for obj in articles if obj.get("datePublished")), articles[0] if articles else None)
    if article_obj:
        iso = parse_date(article_obj.get("datePublished"))
        if iso:
            signals.append(("json-ld", iso, f'json-ld: datePublished "{article_obj["datePublished"]}"'))
        page.section = _name(article_obj.get("articleSection"))
        page.tags = _split_keywords(article_obj.get("keywords"))
        page.author = _name(article_obj.get("author"))
        page.sitename = _name(article_obj.get("publisher"))
        page.title = article_obj.get("headline")
        page.language = article_obj.get("inLanguage") if isinstance(article_obj.get("inLanguage"), str) else None
    page.section = page.section or meta.get("article:section")
    page.tags = page.tags or _split_keywords(meta.get("news_keywords") or meta.get("article:tag") or meta.get("keywords"))
    page.sitename = page.sitename or meta.get("og:site_name") or meta.get("application-name")
    page.author = page.author or meta.get("author") or meta.get("article:author") or meta.get("byl")
    page.title = page.title or meta.get("og:title")
    page.language = page.language or tree.get("lang") or meta.get("content-language") or meta.get("og:locale")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    page.canonical_url = (canonical[0].strip() if canonical else None) or meta.get("og:url")
    page.copyright_years = sorted({int(y) for y in _COPYRIGHT.findall(html[-200_000:])})
    if not signals:
        # markup forms not parsed above (abbr.published, class="date" ...). Ranked with the
        # URL and datelines, not with explicit metadata: with no publication field htmldate
        # falls back to modification dates. No URL given: the URL date is a signal of its own.
        try:
            from htmldate import find_date

            found = find_date(tree, extensive_search=False, original_date=True)
        except Exception:  # noqa: BLE001 - htmldate failing is just no signal
            found = None
        if found:
            signals.append(("htmldate", found, f"htmldate: {found} in the page markup"))
    if len(html) > PRUNE_PAGES_OVER_CHARS:
        _prune_navigation(tree)
    try:
        doc = bare_extraction(tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
                              date_extraction_params={"extensive_search": True, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - trafilatura's failures are this page's problem only
        raise IngestError("bad_html", f"main text extraction failed: {type(exc).__name__}: {exc}") from exc
    if doc is None:
        return page
    page.body = doc.text or ""
    page.title = page.title or doc.title
    page.author = page.author or doc.author
    page.sitename = page.sitename or doc.sitename
    page.tags = page.tags or list(doc.tags or []) or list(doc.categories or [])
    if doc.date:
        # htmldate's extensive search reads dates anywhere in the page: a fallback only
        signals.append(("html-text", doc.date, f"html-text: htmldate extensive search found {doc.date}"))
    return page
