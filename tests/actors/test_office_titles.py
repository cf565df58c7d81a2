"""An office written without a name is a person: the holder named before, else the
knowledge base's holder in the country the text names, never the focus country by default."""

from __future__ import annotations

from actor_lookup import actor_covering, actor_of


def test_the_office_is_the_holder_named_before_in_the_text(resolve):
    actors, _ = resolve(
        "Oil prices fell in Norway on Monday. The governor of Ohio, Mark Doyle, toured a factory. "
        "The governor later signed the bill.", published="2024-03-01", focus="NO")
    doyle = actor_covering(actors, "Mark Doyle")
    assert sum(m.text == "The governor" for m in doyle.mentions) == 2


def test_the_minister_is_the_nearest_minister_named_before(resolve):
    actors, _ = resolve(
        "Chile's interior minister, Rosa Pardo, visited the port. Police detained six men. "
        "The minister blamed smugglers for the violence.", published="2024-03-01")
    pardo = actor_covering(actors, "Rosa Pardo")
    assert any(m.text == "The minister" for m in pardo.mentions)


def test_the_president_is_the_president_named_before_not_the_focus_country(resolve):
    actors, _ = resolve(
        "Russian officials said growth was slow. In Washington, Barack Obama met the leader of Ukraine. "
        "The president urged him to hold elections.", published="2014-05-01", focus="RU")
    president = actor_of(actors, "The president")
    assert president.name == "Barack Obama"


def test_an_unnamed_office_takes_the_holder_in_the_country_of_its_sentence(resolve):
    actors, _ = resolve("The Iraqi parliament met on Monday. The prime minister condemned the attack.",
                        published="2023-03-01")
    assert actor_of(actors, "The prime minister").name == "Mohammed Shia al-Sudani"


def test_an_unnamed_office_does_not_take_the_focus_country_over_a_named_one(resolve):
    actors, _ = resolve(
        "The trade talks dragged on. Brazil and Argentina exchanged offers. The minister said a deal was close.",
        published="2024-03-01", focus="CL")
    assert actor_of(actors, "The minister").country != "CHL"


def test_a_list_of_offices_shares_the_country_written_after_it(resolve):
    actors, _ = resolve(
        "Barack Obama flew to Warsaw on Tuesday, where he met the president, prime minister and "
        "defence minister of Poland.",
        published="2012-05-15",
    )
    president = actor_of(actors, "the president")
    assert president.country == "POL"
    assert president is not actor_of(actors, "Barack Obama")


def test_a_definite_short_form_goes_back_to_the_same_head_word_first(resolve):
    actors, _ = resolve(
        "The new Kenyan government promised reforms. Senior Ugandan officials sent letters on Friday. "
        "Critics of the incoming government stayed silent.",
        published="2013-04-20",
    )
    assert actor_of(actors, "the incoming government").country == "KEN"
