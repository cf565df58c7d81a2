"""The scraped page in ../shared/samples, through the whole pipeline.

These are the traps a careful coder gets right: the scrape-date widget is not
the publication date, background is dated by its own words and marked
historical, claims carry their source, one actor has many names. Nothing in
the code knows this page: the expectations follow from the general method.
"""

from pathlib import Path

import pytest

import chronicle

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "iraq-protests-article.txt"

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="../shared/samples is not beside the checkout")


@pytest.fixture(scope="module")
def record():
    return chronicle.extract(SAMPLE.read_text(encoding="utf-8"))


def _sentence(record, event):
    return record["text"][event["sentence"]["start"]:event["sentence"]["end"]]


def _passages(record, event):
    spans = [m["sentence"] for m in event.get("mentions") or []] or [event["sentence"]]
    return [record["text"][s["start"]:s["end"]] for s in spans]


def test_published_comes_from_the_anniversary_not_the_widget(record):
    assert record["published"] == "2020-09-01"
    assert "anniversary" in record["published_evidence"]
    assert "2023" not in record["published"]
    # the widget, breadcrumb, title and tags are not body text
    assert not record["text"].startswith("Saturday")
    assert record["title"] == "New Protests in Southern Iraq Against Iran Regime"


def test_muharram_protests_are_current_protests_in_southern_iraq(record):
    protests = [e for e in record["events"] if e["type"] == "PROTEST"]
    muharram = [e for e in protests if "Muharram" in _sentence(record, e) or "southern provinces" in _sentence(record, e)]
    assert muharram, [(_sentence(record, e), e["type"]) for e in record["events"]]
    assert not any(e["historical"] for e in muharram)
    places = [record["places"][e["location"]] for e in muharram if e["location"] is not None]
    assert places and all(p["country_code"] == "IQ" for p in places)
    assert any("south" in (p["text"] + " " + p["name"]).lower() for p in places)


def test_camp_ashraf_killing_is_historical_assault_of_its_own_date(record):
    killings = [e for e in record["events"] if e["type"] == "ASSAULT" and "Ashraf" in _sentence(record, e)]
    assert killings
    event = killings[0]
    assert event["date"] == "2013-09-01"
    assert event["date_precision"] == "day"
    assert event["historical"] is True
    assert event["location"] is not None
    assert record["places"][event["location"]]["country_code"] == "IQ"


def test_ncri_report_claims_carry_their_source(record):
    # an event's claim may be told in any of its passages (mentions), not only the main one
    claimed = [e for e in record["events"]
               if any("NCRI" in s or "Masjedi" in s for s in _passages(record, e))]
    attributed = [e for e in claimed if e["attributed_to"] and "NCRI" in e["attributed_to"]]
    assert attributed


def test_maliki_spellings_are_one_actor(record):
    malikis = [a for a in record["actors"] if "Maliki" in a["text"] or any("Maliki" in m["text"] for m in a["mentions"])]
    assert len(malikis) == 1
    assert malikis[0]["country"] == "IRQ"
    other = chronicle.extract(
        "Maleki met the ambassador on Monday. Nuri al-Maliki later said the meeting went well.",
        published="2020-09-01",
    )
    names = {a["name"] for a in other["actors"] if "Mal" in a["text"]}
    assert names == {malikis[0]["name"]}


def test_the_news_leads_the_event_list(record):
    """The article's news (the Muharram protests) comes first, one event with all its passages;
    the 2013 killings it recounts come after it."""
    top = record["events"][0]
    assert top["type"] == "PROTEST" and not top["historical"]
    passages = [record["text"][m["sentence"]["start"]:m["sentence"]["end"]] for m in top["mentions"]]
    assert any("Muharram" in p for p in passages) and len(passages) >= 3
    ashraf = next(k for k, e in enumerate(record["events"]) if "Ashraf" in _sentence(record, e))
    assert ashraf > 0
