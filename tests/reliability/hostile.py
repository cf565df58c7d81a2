"""Hostile input, written by the project: Unicode edge cases, pathological markup,
and the hypothesis strategies that combine them with ordinary news prose."""

from __future__ import annotations

from hypothesis import strategies as st

# Sentences of news prose the stages have something to find in (places, times, actors, events).
SENTENCES = [
    "Police fired tear gas at hundreds of protesters in Basra on Friday, witnesses said.",
    "The Iraqi government announced a curfew in Baghdad after the clashes on 3 March 2021.",
    "Rebels attacked an army checkpoint near Mosul, killing at least four soldiers.",
    "Prime Minister Mustafa al-Kadhimi met the United Nations envoy in Erbil last Tuesday.",
    "Kenya and Ethiopia signed a trade agreement in Nairobi, officials said.",
    "Hundreds of teachers marched to parliament in Beirut demanding unpaid wages.",
    "The ministry denied reports that troops had withdrawn from the border town.",
    "According to a local council member, three people were arrested overnight.",
]

# Code points and sequences that break naive text handling.
ODD = [
    "\u200f",  # right-to-left mark
    "\u200e",  # left-to-right mark
    "\u202e",  # right-to-left override
    "\u2066", "\u2069",  # isolates
    "\u200d",  # zero-width joiner
    "\u200c",  # zero-width non-joiner
    "\u200b",  # zero-width space
    "\ufeff",  # byte-order mark inside text
    "e\u0301", "\u0301", "a\u0308\u0308\u0308\u0308",  # combining sequences, stacked marks
    "\U0001F469\u200d\U0001F469\u200d\U0001F467",  # emoji ZWJ family
    "\U0001F1EE\U0001F1F6",  # regional-indicator flag
    "\ud800", "\udfff", "\udc80",  # lone surrogates (only possible in a str)
    "\x00", "\x07", "\x1b[31m",  # NUL, bell, terminal escape
    "\u2028", "\u2029", "\x85", "\r", "\r\n", "\x0b", "\x0c",  # line and paragraph separators
    "\u00a0", "\u3000", "\u2003",  # odd spaces
    "\ufffd", "\uffff", "\U0010FFFF",  # replacement char, non-characters
    "بغداد", "Bağdat", "Ба́гдад", "ﷺ", "ǅ", "ß", "İ",  # scripts, ligatures, case oddities
    "&amp;", "&#0;", "&#xD800;", "&bogus;", "<", ">", "\"", "'", "`",
]

_word = st.text(alphabet=st.characters(codec=None, exclude_categories=()), min_size=0, max_size=6)
odd_piece = st.one_of(st.sampled_from(ODD), _word)


@st.composite
def news_with_odd_characters(draw) -> str:
    """A few sentences of prose with odd code points pushed in at random places (also inside words)."""
    text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4)))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(odd_piece) + text[at:]
    return text


def strip_surrogates(text: str) -> str:
    """For formats (files, JSON written with ensure_ascii=False) that cannot hold them."""
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# -- markup --------------------------------------------------------------------

TAGS = ["div", "p", "span", "article", "section", "table", "tr", "td", "ul", "li", "a", "b", "i", "font",
        "script", "style", "noscript", "iframe", "svg", "math", "template", "title", "meta", "time", "h1", "br"]


@st.composite
def html_fragment(draw, depth: int = 0) -> str:
    """Random markup: nested elements, unclosed and stray tags, odd attributes, prose between."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 5))
        if choice == 0 or depth > 5:
            parts.append(draw(st.sampled_from(SENTENCES)))
        elif choice == 1:
            parts.append(draw(odd_piece))
        elif choice == 2:
            tag = draw(st.sampled_from(TAGS))
            attr = draw(st.sampled_from(["", ' class="x"', " id='a\"b'", " onclick=alert(1)", ' href="javascript:1"',
                                         ' datetime="2021-13-45"', ' content="' + "A" * 5000 + '"', " x=" + "y" * 300]))
            closed = draw(st.booleans())
            parts.append(f"<{tag}{attr}>" + draw(html_fragment(depth + 1)) + (f"</{tag}>" if closed else ""))
        elif choice == 3:
            parts.append(draw(st.sampled_from(["</div>", "</p></p></p>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml?>",
                                               "<!DOCTYPE html>", "</html><html>", "<", "<<>>", "&", "&#99999999;"])))
        else:
            parts.append(draw(st.text(max_size=20)))
    return "".join(parts)


@st.composite
def html_page(draw) -> str:
    head = draw(st.sampled_from(["", "<!doctype html>", "<html>", "<html><head><title>T</title></head>",
                                 '<html lang="en"><head><meta charset="utf-8"><meta property="article:published_time" content="2021-03-05"></head>']))
    body = draw(html_fragment())
    return f"{head}<body><article>{body}</article></body>"


def deep_nesting(depth: int, tag: str = "div", closed: bool = True) -> str:
    inner = "<p>" + " ".join(SENTENCES) + "</p>"
    return "<html><body>" + f"<{tag}>" * depth + inner + (f"</{tag}>" * depth if closed else "") + "</body></html>"


PATHOLOGICAL_HTML = {
    "nested 5,000 divs": deep_nesting(5000),
    "nested 100,000 unclosed divs": deep_nesting(100_000, closed=False),
    "nested 3,000 tables": deep_nesting(3000, tag="table"),
    "nested 240 spans (under the cap)": deep_nesting(240, tag="span"),
    "nested 300 spans (over the cap)": deep_nesting(300, tag="span"),
    "2 MB attribute": '<html><body><div title="' + "x" * 2_000_000 + '"><p>' + " ".join(SENTENCES) + "</p></div></body></html>",
    "200,000 attributes": "<html><body><div " + " ".join(f"a{i}=1" for i in range(200_000)) + "><p>" + " ".join(SENTENCES) + "</p></div></body></html>",
    "10,000 unclosed p": "<html><body>" + "<p>" * 10_000 + " ".join(SENTENCES) + "</body></html>",
    "unterminated comment": "<html><body><p>" + " ".join(SENTENCES) + "</p><!-- " + "x " * 100_000,
    "unterminated script": "<html><body><p>" + " ".join(SENTENCES) + "</p><script>" + "var a=1;" * 50_000,
    "one 5 MB line of text in a p": "<html><body><p>" + ("word " * 1_000_000) + "</p></body></html>",
    "menu of 20,000 links": "<html><body><nav>" + "".join(f'<a href="/s{i}">Section {i}</a>' for i in range(20_000))
                           + "</nav><article><p>" + " ".join(SENTENCES * 3) + "</p></article></body></html>",
    "entities only": "<html><body><p>" + "&amp;&lt;&#0;&#xD800;&#x110000;" * 20_000 + "</p></body></html>",
    "svg and math soup": "<html><body><svg><math><p>" + " ".join(SENTENCES) + "</svg></math><template><p>x" * 500 + "</body></html>",
}

HUGE_TEXT = {
    "one 3 MB line": ("protesters marched " * 160_000).strip(),
    "10 MB of one character": "a" * 10_000_000,
    "200,000 short lines": "\n".join(["Home"] * 200_000) + "\n" + " ".join(SENTENCES),
    "1,000,000 zero-width joiners around prose": " ".join(SENTENCES) + "\u200d" * 1_000_000,
    "combining marks stacked 100,000 deep": "e" + "\u0301" * 100_000 + " " + " ".join(SENTENCES),
}
