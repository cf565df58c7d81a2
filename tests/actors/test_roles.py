"""The role that holds at the article's date decides an office holder's sector."""

from __future__ import annotations

from actor_lookup import actor_covering

TEXT = "Nouri al-Maliki spoke to parliament about the budget."


def test_prime_minister_in_office_is_government(resolve):
    actors, _ = resolve(TEXT, published="2010-06-01")
    maliki = actor_covering(actors, "Maliki")
    assert (maliki.country, maliki.sector) == ("IRQ", "GOV")
    assert maliki.role == "prime minister"


def test_prime_minister_after_his_term_is_not_the_government(resolve):
    actors, _ = resolve(TEXT, published="2021-06-01")
    maliki = actor_covering(actors, "Maliki")
    assert maliki.sector == "ELI"


def test_office_description_finds_the_holder_on_the_date(resolve):
    text = "Iraq's prime minister ordered an inquiry into the shooting."
    earlier, _ = resolve(text, published="2021-03-01")
    later, _ = resolve(text, published="2023-03-01")
    assert actor_covering(earlier, "prime minister").name == "Mustafa al-Kadhimi"
    assert actor_covering(later, "prime minister").name == "Mohammed Shia al-Sudani"


def test_shared_alias_goes_to_the_holder_on_the_date(resolve):
    text = "King Abdullah received the envoy."
    actors, _ = resolve(text, published="2010-01-01")
    # both the Saudi and the Jordanian king were "King Abdullah" in 2010; the alias
    # belongs to the Saudi entry and he held office then
    assert actor_covering(actors, "Abdullah").country == "SAU"


def test_text_title_wins_over_the_date(resolve):
    # the article says "President": the knowledge base's dates must not overrule it
    actors, _ = resolve("President Obama met the delegation.", published="2000-01-01")
    obama = actor_covering(actors, "Obama")
    assert (obama.country, obama.sector) == ("USA", "GOV")


def test_group_status_changes_with_the_date(resolve):
    text = "The Taliban announced new rules for universities."
    before, _ = resolve(text, published="2015-01-01")
    after, _ = resolve(text, published="2022-01-01")
    assert actor_covering(before, "Taliban").sector == "REB"
    assert actor_covering(after, "Taliban").sector == "GOV"


def test_status_on_the_date_of_a_past_event(resolve, stage):
    actors, _ = resolve(TEXT, published="2021-06-01")
    maliki = actor_covering(actors, "Maliki")
    assert maliki.sector == "ELI"
    # the event the article recounts happened while he was prime minister
    assert stage.status_on(maliki, "2013-09-01") == ("IRQ", "GOV", "prime minister")
    assert stage.status_on(maliki, "2013") == ("IRQ", "GOV", "prime minister")
    others = [a for a in actors if a is not maliki]  # "parliament": an agent, no dated roles
    assert others and all(stage.status_on(a, "2013-09-01") is None for a in others)
