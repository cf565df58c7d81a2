"""The UN, the EU and other intergovernmental bodies, and the people acting for them,
have sector IGO and no country (actors/resolve.py). Sentences written for these tests."""

from __future__ import annotations

from conftest import actor_covering


def test_the_un_itself_is_igo_not_a_government(resolve):
    actors, _ = resolve("The ship broke a UN embargo on arms sales, the Greek government said.", published="2020-03-01")
    un = actor_covering(actors, "UN")
    assert un.country is None and un.international == "UNO" and un.sector == "IGO"
    assert actor_covering(actors, "government").sector == "GOV"


def test_a_un_envoy_named_in_the_knowledge_base_is_igo_while_in_office(resolve):
    actors, _ = resolve("UN envoy Geir Pedersen met Syrian officials in Damascus on Monday.", published="2021-06-01")
    envoy = actor_covering(actors, "Pedersen")
    assert envoy.country is None and envoy.sector == "IGO"
    assert actor_covering(actors, "officials").country == "SYR"


def test_alliance_troops_keep_their_military_sector(resolve):
    actors, _ = resolve("NATO troops arrived in Kosovo on Monday.", published="2021-06-01")
    assert actor_covering(actors, "troops").sector == "MIL"
