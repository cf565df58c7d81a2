"""Bad input of every kind: a clear error record each, and the batch goes on."""

import json
import subprocess
import sys

import pytest

from chronicle.ingest import iter_inputs, read_article
from chronicle.ingest.limits import MAX_BODY_CHARS, MAX_INPUT_BYTES
from chronicle.record import Article, ArticleRecord
from ingest_pages import PARAGRAPHS, html_page

GOOD = "\n\n".join(PARAGRAPHS["election"])


def _codes(items):
    return [i.error.code if isinstance(i, ArticleRecord) else "ok" for i in items]


def test_a_batch_of_bad_files_gives_one_error_record_each_and_goes_on(tmp_path):
    (tmp_path / "01-empty.txt").write_bytes(b"")
    (tmp_path / "02-blank.txt").write_text("   \n\n  ")
    (tmp_path / "03-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    (tmp_path / "04-good.txt").write_text(GOOD)
    (tmp_path / "05-deep.html").write_text("<html><body>" + "<div>" * 5000 + "<p>x</p>" + "</div>" * 5000 + "</body></html>")
    (tmp_path / "06-not-xml.rss").write_text("<rss version='2.0'><channel><item><title>cut off here")
    (tmp_path / "07-no-body.html").write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    huge = tmp_path / "08-huge.txt"
    with huge.open("wb") as fh:  # sparse: 500 MB on paper, nothing on disk; never read whole
        fh.write(GOOD.encode())
        fh.truncate(500 * 1024 * 1024)
    (tmp_path / "09-good.html").write_text(html_page("drought", "Cattle die in Marsabit"))
    items = list(iter_inputs([str(tmp_path)]))
    assert _codes(items) == ["empty", "empty", "binary", "ok", "too_deep", "bad_feed", "no_text", "too_large", "ok"]
    for record in items:
        if isinstance(record, ArticleRecord):
            assert record.error.message and record.source and record.id


def test_truncated_html_still_gives_the_text_it_has(tmp_path):
    page = html_page("harbour", "Dock strike")
    (item,) = iter_inputs([str(_write(tmp_path / "cut.html", page[: page.index("A spokeswoman") + 40]))])
    assert isinstance(item, Article) and item.text.startswith("Dock workers")


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_wrong_and_mixed_encodings_are_decoded(tmp_path):
    text = "Protesters in Bogotá and São Paulo marched on Sunday, demanding the minister’s resignation, organisers said."
    latin = read_article(text.encode("cp1252"))
    assert "Bogotá" in latin.text and "minister’s" in latin.text
    mixed = (text.encode("utf-8") + b"\n\n" + "Police in Medellín detained twelve people, officials said on Monday.".encode("cp1252"))
    article = read_article(mixed)
    assert "Bogotá" in article.text and "Medellín" in article.text
    assert [n.code for n in article.notes] == ["decoded_as"] and "line 3 of 3" in article.notes[0].message
    declared = '<html><head><meta charset="iso-8859-1"></head><body><article><p>' + text.replace("’", "'") * 3 + "</p></article></body></html>"
    assert "São Paulo" in read_article(declared.encode("iso-8859-1")).text
    utf16 = read_article(text.encode("utf-16"))
    assert utf16.text.startswith("Protesters in Bogotá")


def test_megabytes_of_navigation_around_a_short_article():
    nav = "<div class='menu'>" + "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(60000)) + "</div>"
    page = html_page("harbour", "Dock strike").replace("<article>", nav + "<article>")
    assert len(page) > 2_000_000
    article = read_article(page)
    assert article.text.startswith("Dock workers") and "Section 17" not in article.text


def test_body_is_capped_with_a_note():
    paragraph = PARAGRAPHS["drought"][0]
    article = read_article("\n\n".join([paragraph] * (MAX_BODY_CHARS // len(paragraph) + 50)))
    assert len(article.text) <= MAX_BODY_CHARS
    assert [n.code for n in article.notes] == ["body_cut"]


def test_oversized_json_line_is_an_error_and_the_next_line_is_read(tmp_path, monkeypatch):
    import chronicle.ingest.tabular as tabular

    monkeypatch.setattr(tabular, "MAX_INPUT_BYTES", 5000)
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "x " * 10000}) + "\n" + json.dumps({"id": "fine", "text": GOOD}) + "\n")
    big, fine = iter_inputs([str(path)])
    assert big.error.code == "too_large" and fine.id == "fine"


def test_missing_input_and_stdin_json_lines(tmp_path):
    (missing,) = iter_inputs([str(tmp_path / "nope.html")])
    assert missing.error.code == "not_found"
    lines = json.dumps({"id": "s1", "text": GOOD}) + "\n" + "[1, 2]\n"
    code = ("import json; from chronicle.ingest import iter_inputs\n"
            "for a in iter_inputs(['-']): print(json.dumps([a.id, getattr(getattr(a, 'error', None), 'code', None)]))")
    out = subprocess.run([sys.executable, "-c", code], input=lines, capture_output=True, text=True, check=True).stdout
    assert [json.loads(line) for line in out.splitlines()][0] == ["s1", None]
    assert json.loads(out.splitlines()[1])[1] == "bad_json"


def test_input_size_limit_is_sane():
    assert 1_000_000 <= MAX_INPUT_BYTES < 500 * 1024 * 1024


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from chronicle.ingest import IngestError  # noqa: E402

_PIECES = st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<meta charset='latin-1'>", "Home",
                           "Tags: Iraq, Syria", "Saturday, September 23, 2023", "\n", "\n\n", "By Jo Smith", "\x00",
                           "Police fired tear gas at protesters in Basra on Friday, witnesses said.", "©2024", "é", "’"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.binary(max_size=2000), st.text(max_size=500)))
def test_any_input_gives_an_article_or_an_ingest_error(source):
    try:
        article = read_article(source)
    except IngestError as exc:
        assert exc.code and exc.message
    else:
        assert isinstance(article.text, str)
        assert article.published is None or len(article.published) >= 7
