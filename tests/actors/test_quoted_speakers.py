"""First-person pronouns inside a quotation are its speaker (actors/quotes.py). Sentences
written for these tests."""

from __future__ import annotations

from actor_lookup import actor_covering

from chronicle.actors.quotes import quotation_spans


def _holder(actors, word):
    """The actor whose mentions include the occurrence of `word` as a whole mention."""
    for a in actors:
        if any(m.text == word for m in a.mentions):
            return a
    return None


def test_quotation_spans_pair_curly_and_straight_marks():
    text = 'He said: “We stay.” Then "we go," she added.'
    spans = quotation_spans(text)
    assert [text[s:e] for s, e in spans] == ["“We stay.”", '"we go,"']


def test_a_lost_straight_mark_spoils_only_its_own_quotation():
    # the opening mark of the second quotation is missing
    text = '"We wait," he said. Later, we leave," she said. "Us too," they said.'
    spans = quotation_spans(text)
    assert [text[s:e] for s, e in spans] == ['"We wait,"', '"Us too,"']


def test_we_in_a_quotation_is_the_speaker_named_after_it(resolve):
    actors, _ = resolve('"We will never give up the northern valley," Kenyan President William Ruto said on Friday.',
                        published="2024-05-01")
    speaker = actor_covering(actors, "Ruto")
    we = _holder(actors, "We")
    assert we is not None and we is speaker
    assert we.country == "KEN"


def test_me_in_a_quotation_opened_after_he_said_is_the_pronoun_s_person(resolve):
    actors, _ = resolve(
        "Tomasz Nowak, a Polish opposition leader, spoke to reporters on Monday. He said the governor had "
        "“issued a decree aimed at silencing me and my party” before the vote.",
        published="2024-05-01",
    )
    me = _holder(actors, "me")
    assert me is not None and me is actor_covering(actors, "Nowak")


def test_a_bare_quotation_goes_on_in_the_voice_of_the_one_before(resolve):
    actors, _ = resolve(
        '"The border stays closed," Chilean Foreign Minister Ana Torres said. "We will talk to Bolivia next week."',
        published="2024-05-01",
    )
    we = _holder(actors, "We")
    assert we is not None and we is actor_covering(actors, "Torres")


def test_we_outside_any_quotation_joins_no_one(resolve):
    actors, _ = resolve("We reported on Monday that Chilean Foreign Minister Ana Torres visited Lima.",
                        published="2024-05-01")
    assert _holder(actors, "We") is None


def test_a_quotation_with_no_reporting_verb_gives_we_no_speaker(resolve):
    actors, _ = resolve('Protesters in Santiago carried banners reading "We want bread" on Monday.',
                        published="2024-05-01")
    assert _holder(actors, "We") is None
