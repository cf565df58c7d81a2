"""The tokenizer splits a dotted abbreviation from the hyphenated word after it ("U.S.-led"),
so the country inside is a token that places, actors and events can read (chronicle/nlp.py)."""

from chronicle.nlp import load_nlp


def test_a_dotted_country_before_a_hyphen_is_a_token_of_its_own():
    doc = load_nlp()("The U.N.-brokered truce held while U.S.-backed forces moved north.")
    words = [t.text for t in doc]
    assert words[1:4] == ["U.N.", "-", "brokered"]
    assert "U.S." in words and words[words.index("U.S.") + 1: words.index("U.S.") + 3] == ["-", "backed"]


def test_other_hyphens_and_abbreviations_keep_their_tokens():
    words = [t.text for t in load_nlp()("A U.S. envoy met Mr. Ruiz in Washington, D.C. on Monday; U.S.-made arms.")]
    assert words[:3] == ["A", "U.S.", "envoy"]
    assert "Mr." in words and "D.C." in words
    assert words[-5:-1] == ["U.S.", "-", "made", "arms"]


def test_the_country_leading_a_coalition_is_the_actor_of_its_invasion(pipeline):
    record = pipeline.process("KABUL \u2014 Violence has risen since the U.S.-led invasion, Afghan officials said on Monday.",
                              published="2019-03-02")
    invasion = next(e for e in record.events if e.trigger and e.trigger.text == "invasion")
    assert [record.actors[r.actor].country for r in invasion.actor] == ["USA"]
    assert record.places[invasion.location].country_code == "AF"
