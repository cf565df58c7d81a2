"""Whose an actor is when its own words do not say: the clause it stands in, the story's
focus country for people, and the person a subject pronoun continues (actors/context.py,
actors/coreference.py). Sentences written for these tests."""

from __future__ import annotations

from actor_lookup import actor_covering, actor_of

from chronicle.actors import ActorStage
from chronicle.record import Article, Place
from chronicle.stage import Annotations


def _resolve_with_places(nlp, stage: ActorStage, text: str, places: dict[str, tuple[str, str]], focus=None):
    """Resolve `text` with resolved places: phrase -> (ISO alpha-2 code, feature)."""
    ann = Annotations(article=Article(text=text), doc=nlp(text), published="2024-05-01")
    for phrase, (iso2, feature) in places.items():
        start = text.index(phrase)
        ann.places.append(Place(text=phrase, start=start, end=start + len(phrase), name=phrase, country_code=iso2,
                                feature=feature, population=500000))
    if focus:
        ann.notes["focus_country"] = focus
    return stage.resolve(ann)[0]


def test_a_country_word_in_a_clause_joined_by_and_does_not_claim_the_other_clause(nlp, stage):
    actors = _resolve_with_places(
        nlp, stage,
        "Egyptian dock workers went on strike on Monday and rebels attacked an army post outside Benghazi.",
        {"Benghazi": ("LY", "city")},
    )
    assert actor_of(actors, "rebels").country == "LBY"
    assert actor_covering(actors, "workers").country == "EGY"


def test_a_country_word_in_the_mention_s_own_clause_still_decides(nlp, stage):
    actors = _resolve_with_places(
        nlp, stage,
        "Rebels attacked an army post near the Syrian border and troops fired back from Benghazi.",
        {"Benghazi": ("LY", "city")},
    )
    assert actor_of(actors, "Rebels").country == "SYR"


def test_an_unknown_person_takes_the_story_s_country_not_a_country_named_beside_the_name(resolve):
    actors, _ = resolve(
        "The French parliament passed a strict migration law on Tuesday. Marc Leroy, whose documentary "
        "follows migrants crossing into Spain, criticized the law on Wednesday.",
        focus="FR",
    )
    assert actor_covering(actors, "Leroy").country == "FRA"


def test_a_country_word_in_the_name_s_own_phrase_still_beats_the_story_s(resolve):
    actors, _ = resolve(
        "The French parliament passed a strict migration law on Tuesday. Spanish director Marc Leroy criticized "
        "the law on Wednesday.",
        focus="FR",
    )
    assert actor_covering(actors, "Leroy").country == "ESP"
    actors, _ = resolve(
        "The French parliament passed a strict migration law on Tuesday. Marc Leroy of Spain criticized "
        "the law on Wednesday.",
        focus="FR",
    )
    assert actor_covering(actors, "Leroy").country == "ESP"


def test_without_a_focus_named_in_the_text_the_sentence_decides(resolve):
    # a focus read from elsewhere (a dateline alone) is no evidence about a person
    actors, _ = resolve("Marc Leroy, a dock worker, spoke to Spanish radio on Tuesday.", focus="FR")
    assert actor_covering(actors, "Leroy").country == "ESP"


def test_a_subject_pronoun_continues_the_sentence_before_s_subject_not_its_last_name(resolve):
    actors, _ = resolve(
        "Omar Haddad spoke on Monday as the assembly met in a session chaired by Daniel Brooks. "
        "\"We will not give up our claims,\" he said."
    )
    haddad = actor_covering(actors, "Haddad")
    assert any(m.text == "he" for m in haddad.mentions)
    assert not any(m.text == "he" for m in actor_covering(actors, "Brooks").mentions)


def test_a_subject_pronoun_after_its_own_sentence_s_subject(resolve):
    actors, _ = resolve("Daniel Brooks met Omar Haddad on Monday, and later he flew home.")
    brooks = actor_covering(actors, "Brooks")
    assert any(m.text == "he" for m in brooks.mentions)


def test_the_alliance_is_the_organisation_named_before(resolve):
    actors, _ = resolve("NATO ministers met in Brussels on Thursday. The alliance agreed to send more ships to the Baltic.")
    nato = actor_covering(actors, "NATO")
    assert any(m.text == "The alliance" for m in nato.mentions)


def test_local_actors_take_the_town_named_just_before_over_the_story_s_demonyms(nlp, stage):
    actors = _resolve_with_places(
        nlp, stage,
        "Three Syrian refugees were hurt on Sunday in a camp outside the city of Tripoli. "
        "Witnesses said the gunmen escaped in two cars.",
        {"Tripoli": ("LB", "city")},
    )
    assert actor_covering(actors, "gunmen").country == "LBN"


def test_a_name_after_a_lower_case_title_is_a_person_even_when_tagged_an_organisation(resolve):
    actors, _ = resolve(
        "The Kremlin named Federal Fisheries Agency deputy head Dmitry Dmitriyenko as the acting governor on Friday. "
        "Dmitriyenko flew to Murmansk on Saturday."
    )
    person = actor_covering(actors, "Dmitry Dmitriyenko")
    assert person.kind == "unknown" and any(m.text == "Dmitriyenko" for m in person.mentions)
    assert len([a for a in actors if "Dmitriyenko" in a.name]) == 1


def test_places_of_one_dateline_joined_by_a_slash_are_no_actor(resolve):
    actors, _ = resolve(
        "Family feud leaves three people hurt in border town . KARAK/AMMAN: Rival clans clashed in a southern "
        "village on Sunday, police said."
    )
    assert not any(m.text == "AMMAN" for a in actors for m in a.mentions)
    assert all(a.country != "JOR" for a in actors)


def test_a_titled_name_the_aliases_miss_is_the_office_holder_with_that_surname(resolve):
    actors, _ = resolve(
        "Saudi Arabia and Iran exchanged ambassadors on Monday. Foreign Minister Saud Al Faisal welcomed the step.",
        published="2010-05-01",
    )
    person = actor_covering(actors, "Faisal")
    assert (person.kind, person.name, person.country, person.sector) == ("named", "Saud al-Faisal", "SAU", "GOV")


def test_a_titled_name_whose_surname_no_holder_has_stays_unknown(resolve):
    actors, _ = resolve(
        "Saudi Arabia and Iran exchanged ambassadors on Monday. Foreign Minister Karim Haddad welcomed the step.",
        published="2010-05-01",
    )
    assert actor_covering(actors, "Haddad").kind == "unknown"


def test_a_name_the_knowledge_base_holds_as_an_organisation_is_no_town_to_look_back_to(nlp, stage):
    actors = _resolve_with_places(
        nlp, stage,
        "Russian lawmakers debated the energy bill for a week. The bill was sent to the Duma on Monday. "
        "Witnesses said the gunmen escaped in two cars.",
        {"Duma": ("SY", "city")},
    )
    assert actor_covering(actors, "gunmen").country != "SYR"


def test_the_army_of_a_story_told_in_one_country_is_that_country_s_not_the_focus(nlp, stage):
    # the article is mostly about Kurds (focus IRQ), but every place it happens in is Turkish
    actors = _resolve_with_places(
        nlp, stage,
        "Iraqi Kurdish smugglers were caught in a village near Hakkari on Sunday. "
        "Three Iraqi Kurds were wounded in a shootout outside Van. "
        "Later the army seized two trucks loaded with cigarettes.",
        {"Hakkari": ("TR", "city"), "Van": ("TR", "city")},
        focus="IRQ",
    )
    assert actor_of(actors, "the army").country == "TUR"


def test_the_army_keeps_the_focus_country_when_the_story_s_places_lie_in_two_countries(nlp, stage):
    actors = _resolve_with_places(
        nlp, stage,
        "Iraqi Kurdish smugglers were caught in a village near Hakkari on Sunday. "
        "Three more were wounded in a shootout outside Mosul. "
        "Later the army seized two trucks loaded with cigarettes.",
        {"Hakkari": ("TR", "city"), "Mosul": ("IQ", "city")},
        focus="IRQ",
    )
    assert actor_of(actors, "the army").country == "IRQ"


def test_the_army_after_a_named_army_is_that_army_whatever_the_places(nlp, stage):
    actors = _resolve_with_places(
        nlp, stage,
        "Turkish troops crossed into the hills near Zakho on Sunday. "
        "Later the army said it had destroyed two camps outside Dohuk.",
        {"Zakho": ("IQ", "city"), "Dohuk": ("IQ", "city")},
        focus="TUR",
    )
    assert actor_of(actors, "the army").country == "TUR"


def test_people_of_a_story_with_nothing_else_to_place_them_belong_where_it_was_filed(nlp, stage):
    actors = _resolve_with_places(nlp, stage, "SANAA \u2014 Gunmen killed three people at a checkpoint on Monday, "
                                  "witnesses said.", {"SANAA": ("YE", "city")})
    assert actor_of(actors, "three people").country == "YEM"


def test_a_country_written_as_a_patron_gives_no_nationality_to_the_people_around_it(nlp, stage):
    actors = _resolve_with_places(nlp, stage, "BAGHDAD \u2014 Three people were killed when an Iran-backed militia "
                                  "fired rockets on Monday.", {"BAGHDAD": ("IQ", "city"), "Iran": ("IR", "country")})
    people = actor_of(actors, "Three people")
    assert people.country != "IRN"
    assert people.country == "IRQ"
