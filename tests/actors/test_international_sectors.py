"""International bodies and their envoys have no country and the sector IGO (NGOs: NGO),
as PLOVER codes them; their military arms keep MIL. Sentences written for these tests."""

from __future__ import annotations

from actor_lookup import actor_covering


def test_un_envoys_and_organs_are_igo_without_a_country(resolve):
    actors, _ = resolve(
        "The UN special envoy for Yemen, Hans Grundberg, met Houthi leaders. A UN envoy later briefed the "
        "Security Council, and the European Union's envoy joined the talks.",
        published="2022-06-01",
    )
    for word in ("Grundberg", "A UN envoy", "Security Council", "European Union's envoy"):
        actor = actor_covering(actors, word)
        assert (actor.country, actor.sector) == (None, "IGO"), word


def test_an_international_ngo_is_ngo_and_a_state_s_officials_stay_gov(resolve):
    actors, _ = resolve("Amnesty International criticised Kenyan officials over the arrests.", published="2022-06-01")
    assert actor_covering(actors, "Amnesty").sector == "NGO"
    assert actor_covering(actors, "Kenyan officials").sector == "GOV"
