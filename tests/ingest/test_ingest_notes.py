"""What ingestion does to an input is said in the article's notes (the record's `notes`):
a stray byte, another encoding, a body over the limit, a published that is no date, a
page read twice. Nothing is changed or dropped silently."""

from __future__ import annotations

import json

from chronicle.ingest import iter_inputs, read_article
from chronicle.ingest.decode import decode
from chronicle.ingest.limits import MAX_BODY_CHARS
from chronicle.record import Article, ArticleRecord

IRAQ = ("Iraq’s security forces fired tear gas at protesters in Basra on Friday, officials said. "
        "Demonstrators had gathered outside the governor’s office in Basra to demand electricity and water, "
        "and later marched towards Nasiriyah and Baghdad’s Tahrir Square.")


def test_one_stray_byte_in_utf8_text_is_replaced_and_the_rest_stays_utf8():
    data = IRAQ.encode("utf-8").replace(b"officials", b"offici\xe9ls")
    article = read_article(data)
    assert "Iraq’s" in article.text and "governor’s" in article.text and "â€" not in article.text
    assert article.text.count("\ufffd") == 1 and "offici\ufffdls" in article.text
    assert [(n.code, n.message) for n in article.notes] == [
        ("bytes_replaced", "1 byte that is not UTF-8 replaced with U+FFFD (line 1)")]


def test_a_latin1_line_in_a_utf8_file_is_decided_on_its_own():
    data = IRAQ.encode("utf-8") + b"\n\n" + "Police in Medellín detained twelve people, officials said.".encode("cp1252")
    decoded = decode(data)
    assert "Iraq’s" in decoded.text and "Medellín" in decoded.text and "\ufffd" not in decoded.text
    assert decoded.encoding == "mixed"
    assert [n.code for n in decoded.notes] == ["decoded_as"] and decoded.notes[0].message.startswith("line 3 of 3")


def test_clean_utf8_has_no_notes():
    assert read_article(IRAQ.encode("utf-8")).notes == []


def test_a_long_body_is_cut_between_words_with_a_note():
    sentence = "Protesters in Basra demanded electricity and water outside the provincial council building. "
    body = sentence * (MAX_BODY_CHARS // len(sentence) + 40)  # one paragraph: no line break to cut at
    article = read_article(body)
    assert len(article.text) <= MAX_BODY_CHARS and article.text.endswith("building.")
    assert [n.code for n in article.notes] == ["body_cut"]
    assert f"of {len(body.strip())} characters" in article.notes[0].message


def test_a_published_that_is_no_date_is_ignored_with_a_note():
    article = read_article(IRAQ, published="last Friday-ish")
    assert [n.code for n in article.notes] == ["published_not_a_date"] and "last Friday-ish" in article.notes[0].message


def test_a_repeated_url_yields_a_record_naming_the_first_input(tmp_path):
    rows = [{"id": "a", "url": "https://news.example/basra-protest", "text": IRAQ},
            {"id": "b", "url": "https://news.example/basra-protest?utm_source=feed", "text": IRAQ},
            {"id": "c", "url": "https://news.example/other", "text": IRAQ.replace("Basra", "Najaf")}]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, repeat, other = iter_inputs([str(path)])
    assert isinstance(first, Article) and isinstance(other, Article)
    assert isinstance(repeat, ArticleRecord) and repeat.error is None and repeat.id == "b" and not repeat.text
    assert [n.code for n in repeat.notes] == ["duplicate_url"] and f"{path}:1" in repeat.notes[0].message
