"""HTML pages and the publication date: every signal, judged by the documented rules."""

import json

import pytest

from chronicle.ingest import read_article
from chronicle.ingest.published import DateSignal, dateline_date, judge_publication


def _truth(pages_dir):
    return {k: v for k, v in json.loads((pages_dir / "truth.json").read_text()).items() if not k.startswith("_")}


def test_fixture_pages_publication_dates(pages_dir):
    truth = _truth(pages_dir)
    wrong = {}
    for name, expected in truth.items():
        article = read_article((pages_dir / name).read_bytes(), url=expected["url"])
        if article.published != expected["published"]:
            wrong[name] = (article.published, article.published_evidence)
    assert not wrong


def test_html_page_fields_come_from_the_page(pages_dir):
    article = read_article((pages_dir / "jsonld-with-today-widget.html").read_bytes())
    assert article.title == "Fishermen block harbour in Mombasa over fuel prices"
    assert article.outlet == "Coastline Herald"
    assert article.byline == "Amina Odhiambo"
    assert article.section == "Africa"
    assert "Mombasa" in article.tags
    assert article.text.startswith("Hundreds of fishermen")
    assert "All rights reserved" not in article.text and "Friday, January 5" not in article.text
    # the header's "today" date never beats the article's own JSON-LD date
    assert article.published == "2022-03-14" and article.published_evidence.startswith("json-ld")


def test_meta_published_wins_over_modified(pages_dir):
    article = read_article((pages_dir / "meta-published-and-modified.html").read_bytes())
    assert article.published == "2021-11-02"
    assert "article:published_time" in article.published_evidence


def test_url_date_with_its_evidence_and_the_copyright_year_ignored(pages_dir):
    url = "https://highveld-daily.example/news/2020/06/17/teachers-strike-harare"
    article = read_article((pages_dir / "url-date-only.html").read_bytes(), url=url)
    assert (article.published, article.published_evidence) == ("2020-06-17", "url: /2020/06/17")
    assert article.outlet == "highveld-daily.example"


def test_input_date_beats_everything(pages_dir):
    article = read_article((pages_dir / "jsonld-with-today-widget.html").read_bytes(), published="2022-03-13T23:50:00Z")
    assert (article.published, article.published_evidence) == ("2022-03-13", "input")


def test_dateline():
    signal = dateline_date("KABUL, Aug. 16, 2021 (Chronicle Wire) - Crowds gathered at the airport.")
    assert signal.value == "2021-08-16" and signal.evidence.startswith("dateline: KABUL")
    # a date deep in a sentence is no dateline
    assert dateline_date("The talks that began on March 3, 2020 in Geneva ended without a deal.") is None


@pytest.mark.parametrize(
    "signals, expected",
    [
        # the widget is only a last resort, and its evidence says what it probably is
        ([DateSignal("page-widget", "2023-09-23", "Saturday, September 23, 2023")],
         ("2023-09-23", "page-widget (probably the scrape date): Saturday, September 23, 2023")),
        # text inference beats the widget
        ([DateSignal("page-widget", "2023-09-23", "w"), DateSignal("text", "2020-09-01", "text: anniversary")],
         ("2020-09-01", "text: anniversary")),
        # nothing can be published after the page was scraped (one day of slack for time zones)
        ([DateSignal("page-widget", "2023-09-23", "w"), DateSignal("text", "2023-10-30", "text: x"),
          DateSignal("html-text", "2023-09-20", "html-text: y")],
         ("2023-09-20", "html-text: y")),
        # JSON-LD and meta agree on tier: the earliest wins (later ones are modifications)
        ([DateSignal("html-meta", "2021-05-04", "m"), DateSignal("json-ld", "2021-05-03", "j")], ("2021-05-03", "j")),
        # the page's own markup beats the URL and the text
        ([DateSignal("url", "2020-01-01", "u"), DateSignal("json-ld", "2020-01-02", "j"), DateSignal("text", "2019-01-01", "t")],
         ("2020-01-02", "j")),
        ([], (None, None)),
    ],
)
def test_judge_publication_rules(signals, expected):
    assert judge_publication(signals) == expected


def test_copyright_new_year_is_not_a_publication_date():
    signals = [DateSignal("html-text", "2023-01-01", "html-text: htmldate"), DateSignal("crawl-date", "2023-06-01", "c")]
    assert judge_publication(signals, copyright_years=[2023]) == ("2023-06-01", "c")
