"""Any text: the resolver finishes, and every mention points at its own words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Iraqi", "forces", "the", "regime", "he", "said", "al-", "Maliki", "U.S.", "us", "PMF", "-", ",", "'s",
         "Tehran", "protesters", "in", "Basra", "former", "Prime", "Minister", "of", "Iran", "group", "The", "(", ")",
         "Hezbollah", "fighters", "ethnic", "Albanians", "Iran-backed", "militia", "his", "NCRI", ".", "ambassador"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_any_word_salad_resolves_with_valid_offsets(resolve, words):
    text = " ".join(words)
    actors, log = resolve(text, published="2020-01-01")
    for a in actors:
        assert a.mentions and text[a.start:a.end] == a.text
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    assert all(0 <= e.actor < len(actors) for e in log)


def _lookups_for(resolve, monkeypatch, text):
    """How many times the resolver consulted its name-match index for `text`: the work of
    the context look-ups (nearest country word, organisations of the sentence)."""
    from chronicle.actors import resolve as resolve_module

    counter = {"n": 0}

    class CountingDict(dict):
        def get(self, *args):
            counter["n"] += 1
            return super().get(*args)

    original = resolve_module.ArticleResolver.__init__

    def init(self, kb, ann):
        original(self, kb, ann)
        self.matches = CountingDict()

    monkeypatch.setattr(resolve_module.ArticleResolver, "__init__", init)
    actors, _ = resolve(text, published="2020-01-01")
    monkeypatch.setattr(resolve_module.ArticleResolver, "__init__", original)
    return counter["n"], actors


def test_context_work_grows_linearly_in_one_very_long_sentence(resolve, monkeypatch):
    # every clause has agents with no country of their own: each one asks the context
    clause = "a spokesman for an unnamed group said that some activists and a reporter in Iraq saw soldiers, "
    small, small_actors = _lookups_for(resolve, monkeypatch, clause * 60 + "and left.")
    large, large_actors = _lookups_for(resolve, monkeypatch, clause * 240 + "and left.")
    assert len(large_actors) > 3 * len(small_actors) / 2 > 0
    # four times the text: about four times the look-ups (a quadratic walk would be ~16x)
    assert large < 6 * small


def test_a_100k_character_single_sentence_resolves(resolve):
    clause = "Iraqi officials told a spokesman that protesters and police in Basra met a reporter, and he said they left, "
    text = (clause * (100_000 // len(clause) + 1))[:100_000].rsplit(" ", 1)[0] + "."
    actors, log = resolve(text, published="2020-01-01")
    assert actors and log
    assert all(text[m.start:m.end] == m.text for a in actors for m in a.mentions)
