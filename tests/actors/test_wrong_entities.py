"""Words that look like an actor but name something else: places inside names, a town
spelt like an institution, a blast with no weapon, the sides of a conflict."""

from __future__ import annotations

from actor_lookup import actor_of

from chronicle.record import Article, Place
from chronicle.stage import Annotations


def _with_places(nlp, stage, text, places):
    ann = Annotations(article=Article(text=text), doc=nlp(text), published="2024-01-01")
    for phrase, (iso2, feature) in places.items():
        start = text.index(phrase)
        ann.places.append(Place(text=phrase, start=start, end=start + len(phrase), name=phrase,
                                country_code=iso2, feature=feature, population=2_000_000))
    return stage.resolve(ann)[0]


def test_a_country_word_inside_a_longer_place_name_is_not_that_country(nlp, stage):
    actors = _with_places(nlp, stage, "Ranchers from New Mexico blocked a highway on Monday.",
                          {"New Mexico": ("US", "admin1")})
    assert "MEX" not in {a.country for a in actors}


def test_a_town_spelt_like_an_institution_is_not_the_institution(resolve):
    actors, _ = resolve("Government aircraft bombed Douma, a town east of the capital, on Sunday.", published="2018-03-01")
    assert not any(a.name == "State Duma" for a in actors)


def test_the_institution_written_out_is_still_the_institution(resolve):
    actors, _ = resolve("The Duma passed the law on Friday.", published="2018-03-01")
    duma = next(a for a in actors if any(m.text == "Duma" for m in a.mentions))
    assert (duma.name, duma.country, duma.sector) == ("State Duma", "RUS", "LEG")


def test_a_bare_explosion_names_no_attacker(resolve):
    actors, _ = resolve("An explosion killed three workers at a chemical plant near Lyon.", published="2024-01-01")
    assert not any(a.sector == "UAF" for a in actors)


def test_a_bomb_blast_is_an_unidentified_armed_group(resolve):
    actors, _ = resolve("A car bomb explosion killed two guards outside the ministry in Kabul.", published="2024-01-01")
    assert any(a.sector == "UAF" for a in actors)


def test_the_sides_of_a_conflict_are_not_a_political_party(resolve):
    actors, _ = resolve("The mediator urged all parties to respect the ceasefire in Sudan.", published="2024-01-01")
    assert not any(a.sector == "PTY" for a in actors)
    actors, _ = resolve("The warring parties in Sudan agreed to a truce.", published="2024-01-01")
    assert not any(a.sector == "PTY" for a in actors)


def test_a_ruling_party_is_still_a_party(resolve):
    actors, _ = resolve("The ruling party in Kenya won the vote.", published="2024-01-01")
    assert any(a.sector == "PTY" and a.country == "KEN" for a in actors)


def test_a_dateline_is_where_the_story_was_filed_not_whose_it_is(nlp, stage):
    text = "AMMAN, Jordan (AP) -- Iraqi troops shelled positions near Mosul on Friday, residents said."
    ann = Annotations(article=Article(text=text), doc=nlp(text), published="2016-01-01")
    for phrase, iso2, feature in (("AMMAN", "JO", "city"), ("Jordan", "JO", "country"), ("Mosul", "IQ", "city")):
        start = text.index(phrase)
        ann.places.append(Place(text=phrase, start=start, end=start + len(phrase), name=phrase,
                                country_code=iso2, feature=feature, population=1_000_000))
    actors = stage.resolve(ann)[0]
    assert not any(a.country == "JOR" for a in actors), [(a.name, a.country) for a in actors]
    residents = next(a for a in actors if any(m.text == "residents" for m in a.mentions))
    assert residents.country == "IRQ"


def test_a_dateline_alone_gives_no_country(nlp, stage):
    text = "CAIRO (AP) -- Rebels shelled army positions on Tuesday, activists said."
    ann = Annotations(article=Article(text=text), doc=nlp(text), published="2016-01-01")
    ann.places.append(Place(text="CAIRO", start=0, end=5, name="Cairo", country_code="EG", feature="city",
                            population=9_000_000))
    ann.notes["focus_country"] = "EG"  # what the places stage reads from the dateline
    actors = stage.resolve(ann)[0]
    rebels = next(a for a in actors if any(m.text == "Rebels" for m in a.mentions))
    assert rebels.country is None
    assert not any(a.country == "USA" and a.sector != "JRN" for a in actors)  # nor the agency's country


def test_a_party_s_majority_in_a_chamber_is_that_party(resolve):
    actors, _ = resolve(
        "Senate Republicans in Washington tried to force a vote on the tax bill on Monday, "
        "but the Democratic majority blocked the motion.",
        published="2009-03-10",
    )
    majority = actor_of(actors, "Democratic majority")
    assert majority.country == "USA"
    assert majority.sector == "PTY"


def test_an_unknown_organisation_s_name_on_a_thing_is_no_actor(resolve):
    actors, _ = resolve("The coffin, draped in a Zorvia Rangers flag, was carried past the Qalvex refinery gates "
                        "by six officers on Friday.")
    names = {m.text for a in actors for m in a.mentions}
    assert not any("Zorvia" in n or "Qalvex" in n for n in names), names


def test_an_unknown_organisation_s_name_before_its_members_is_still_an_actor(resolve):
    actors, _ = resolve("A Qalvex Petroleum spokesman said the Zorvia Rangers leadership met on Friday.")
    names = {m.text for a in actors for m in a.mentions}
    assert any("Qalvex" in n for n in names) and any("Zorvia" in n for n in names), names


def test_an_unknown_organisation_s_name_on_an_act_is_its_party(resolve):
    actors, _ = resolve("Officials blamed the rebels for the Petrolux attacks on Saturday.")
    assert any("Petrolux" in m.text for a in actors for m in a.mentions)
