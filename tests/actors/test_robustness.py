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
