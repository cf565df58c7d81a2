"""An article that reports no political happening yields no events; one with a political party,
a protest or casualties keeps them. Articles written for these tests."""

from dataclasses import dataclass, field

from events_fixtures import pipeline  # noqa: F401 - session fixture

from chronicle.events.relevance import political_events, reports_politics
from chronicle.record import Actor, ActorRef, Article, Event, SentenceRef, Size, Span


@dataclass
class _Ann:
    actors: list = field(default_factory=list)


def _ev(type_, **fields):
    return Event(type=type_, sentence=SentenceRef(0, 10), trigger=Span("x", 0, 1), **fields)


def test_events_with_only_civilian_and_business_parties_are_dropped():
    ann = _Ann([Actor("the bakery", 0, 10, "bakery", sector="BUS", kind="agent"),
                Actor("residents", 0, 9, "residents", country="USA", sector="CVL", kind="agent")])
    events = [_ev("SUPPORT", actor=[ActorRef(0, "the bakery", 0, 10)]), _ev("AID", recipient=[ActorRef(1, "r", 0, 1)])]
    assert not reports_politics(events, ann)
    assert political_events(events, ann) == []


def test_a_political_party_a_protest_or_casualties_keep_the_article():
    police = _Ann([Actor("police", 0, 6, "police", country="FRA", sector="COP", kind="agent")])
    assert reports_politics([_ev("COERCE", actor=[ActorRef(0, "police", 0, 6)])], police)
    assert reports_politics([_ev("PROTEST")], _Ann())
    assert reports_politics([_ev("ASSAULT", sizes=[Size("killed", 3, "three", 0, 5)])], _Ann())
    # a political party counts in a threat or a denial too; a negated protest does not
    assert reports_politics([_ev("COERCE", negated=True, actor=[ActorRef(0, "police", 0, 6)])], police)
    assert not reports_politics([_ev("PROTEST", negated=True)], _Ann())
    # an aim or a possibility is no political act: "officials reopened the road to allow residents home"
    assert not reports_politics([_ev("CONCEDE", hypothetical=True, actor=[ActorRef(0, "police", 0, 6)])], police)
    # a surname the knowledge base places in no country is no evidence of a political figure
    nobody = _Ann([Actor("Roe", 0, 3, "Roe", country=None, sector="GOV", kind="named")])
    assert not reports_politics([_ev("CONSULT")], nobody)
    envoy = _Ann([Actor("Ana Roe", 0, 7, "Ana Roe", country=None, sector="IGO", kind="named")])
    assert reports_politics([_ev("CONSULT")], envoy)  # a UN envoy belongs to no country
    # a minister the knowledge base knows by name makes the article political
    minister = _Ann([Actor("Jane Roe", 0, 8, "Jane Roe", country="GBR", sector="GOV", kind="named")])
    assert reports_politics([_ev("CONSULT")], minister)


def _article_events(pipeline, text):
    from chronicle.stage import Annotations

    doc = next(pipeline._parsed(iter([pipeline.nlp(text, disable=pipeline._skipped_in_pipe)])))
    ann = Annotations(article=Article(text=text, published="2024-06-10"), doc=doc, published="2024-06-10")
    for stage in pipeline.stages:
        setattr(ann, stage.name, stage(ann))
    return [e for e in political_events(ann.events, ann) if not (e.negated or e.hypothetical)]


def test_a_snippet_is_not_judged(pipeline):
    assert [e.type for e in _article_events(pipeline, "Unknown men set fire to a shop overnight.")]


def test_a_garden_show_article_yields_nothing(pipeline):
    text = ("Rose growers gather for the county show. Local gardener Mary Olsen won first prize on Saturday "
            "for a yellow rose she supplied to the show. Her neighbour provided the seeds last year. "
            "Organisers approved a larger tent for next summer and agreed to add a vegetable category.")
    assert _article_events(pipeline, text) == []


def test_a_residents_march_is_kept(pipeline):
    text = ("Hundreds of residents marched through the town centre on Saturday to protest against "
            "the closure of the local hospital.")
    assert [e.type for e in _article_events(pipeline, text)] == ["PROTEST"]
