"""Records built by hand with the contract's dataclasses: the store is tested
without the pipeline, on articles the project wrote, with every offset found
in the text rather than typed."""

from __future__ import annotations

import pytest

from chronicle.record import Actor, ActorRef, ArticleRecord, Event, Place, SentenceRef, Span, Time


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def sentence_of(text: str, phrase: str) -> SentenceRef:
    start, _ = at(text, phrase)
    left = text.rfind(". ", 0, start)
    right = text.find(".", start)
    return SentenceRef(start=0 if left < 0 else left + 2, end=len(text) if right < 0 else right + 1)


def actor(text, phrase, name, country=None, sector=None, wikidata=None) -> Actor:
    s, e = at(text, phrase)
    return Actor(text=phrase, start=s, end=e, name=name, country=country, sector=sector, wikidata=wikidata,
                 mentions=[Span(phrase, s, e)])


def ref(text, actors, idx, phrase) -> ActorRef:
    s, e = at(text, phrase)
    return ActorRef(actor=idx, text=phrase, start=s, end=e)


def trigger(text, word) -> Span:
    s, e = at(text, word)
    return Span(word, s, e)


BASRA = (
    "Thousands of protesters marched through Basra on Friday, demanding jobs and an end to power cuts. "
    "Police fired tear gas at the crowd, witnesses said. In 2019, security forces killed hundreds of demonstrators."
)


def basra_record(**overrides) -> ArticleRecord:
    t = BASRA
    places = [Place(text="Basra", start=at(t, "Basra")[0], end=at(t, "Basra")[1], name="Basra", geonameid=99532,
                    lat=30.508, lon=47.783, country_code="IQ", admin1="Basra", feature="city")]
    times = [Time(text="Friday", start=at(t, "Friday")[0], end=at(t, "Friday")[1], type="DATE", value="2021-07-09"),
             Time(text="2019", start=at(t, "2019")[0], end=at(t, "2019")[1], type="DATE", value="2019")]
    actors = [actor(t, "protesters", "protesters", "IRQ", "CVL"),
              actor(t, "Police", "Iraqi police", "IRQ", "COP"),
              actor(t, "security forces", "Iraqi security forces", "IRQ", "MIL")]
    events = [
        Event(type="PROTEST", mode="demonstrate", acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
              cameo_root="14", actor=[ref(t, actors, 0, "protesters")], location=0, date="2021-07-09",
              date_precision="day", sentence=sentence_of(t, "marched"), trigger=trigger(t, "marched"),
              confidence=0.9, date_evidence=0),
        Event(type="ASSAULT", mode="crowd-control", acled_event_type="Protests",
              acled_sub_event_type="Protest with intervention", cameo_root="18",
              actor=[ref(t, actors, 1, "Police")], recipient=[ref(t, actors, 0, "the crowd")],
              location=0, date="2021-07-09", date_precision="day", sentence=sentence_of(t, "fired"),
              trigger=trigger(t, "fired"), attributed_to="witnesses", confidence=0.7, date_evidence=0),
        Event(type="ASSAULT", mode="kill", acled_event_type="Violence against civilians",
              acled_sub_event_type="Attack", cameo_root="18", actor=[ref(t, actors, 2, "security forces")],
              recipient=[ref(t, actors, 0, "demonstrators")],
              location=0, date="2019", date_precision="year", historical=True,
              sentence=sentence_of(t, "killed"), trigger=trigger(t, "killed"), confidence=0.6, date_evidence=1),
    ]
    fields = dict(id="basra-1", title="Protesters march in Basra", outlet="Example Wire", url="https://example.org/basra",
                  language="en", published="2021-07-09", published_evidence="input", text=t, places=places,
                  times=times, actors=actors, events=events, story_id="story-basra")
    fields.update(overrides)
    return ArticleRecord(**fields)


DOHA = (
    "Negotiators from Qatar and the Taliban met in Doha in August 2020 and agreed to continue talks. "
    "The United States welcomed the agreement."
)


def doha_record() -> ArticleRecord:
    t = DOHA
    places = [Place(text="Doha", start=at(t, "Doha")[0], end=at(t, "Doha")[1], name="Doha", geonameid=290030,
                    lat=25.286, lon=51.533, country_code="QA", feature="city")]
    actors = [actor(t, "Qatar", "Qatar", "QAT", "GOV", "Q846"),
              actor(t, "Taliban", "Taliban", "AFG", "REB", "Q42418"),
              actor(t, "The United States", "United States", "USA", "GOV", "Q30")]
    events = [
        Event(type="AGREE", mode="agree-negotiate", cameo_root="03", actor=[ref(t, actors, 0, "Qatar")],
              recipient=[ref(t, actors, 1, "Taliban")], location=0, date="2020-08", date_precision="month",
              sentence=sentence_of(t, "agreed"), trigger=trigger(t, "agreed"), confidence=0.8),
        Event(type="CONSULT", mode="meet", cameo_root="04", actor=[ref(t, actors, 0, "Qatar")],
              recipient=[ref(t, actors, 1, "Taliban")], location=0, date="2020-08", date_precision="month",
              sentence=sentence_of(t, "met"), trigger=trigger(t, "met"), confidence=0.75),
        Event(type="COOPERATE", actor=[ref(t, actors, 2, "The United States")], location=None,
              sentence=sentence_of(t, "welcomed"), trigger=trigger(t, "welcomed"), confidence=0.4),
    ]
    return ArticleRecord(id="doha-1", title="Talks in Doha", outlet="Gulf Daily", published="2020-08-15", text=t,
                         places=places, actors=actors, events=events)


@pytest.fixture
def basra():
    return basra_record()


@pytest.fixture
def doha():
    return doha_record()


# -- a throwaway PostgreSQL server (tests/store/pgserver.py) -----------------------

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from pgserver import postgres_or_skip  # noqa: E402


@pytest.fixture(scope="session")
def pg_url():
    yield from postgres_or_skip()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """The same tests on both engines; each PostgreSQL test gets a fresh database."""
    from chronicle.store import open_store

    if request.param == "sqlite":
        s = open_store(str(tmp_path / "test.db"))
    else:
        from pgserver import fresh_database

        s = open_store(fresh_database(request.getfixturevalue("pg_url")))
    yield s
    s.close()
