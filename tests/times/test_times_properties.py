"""Properties of the tagger over generated text: it never fails, and its offsets always hold."""

from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.times.publication import textual_publication_date
from chronicle.times.tagger import TimeTagger
from chronicle.times.values import value_range

TAGGER = TimeTagger()
WORDS = [
    "the", "on", "in", "since", "until", "from", "to", "and", "ago", "last", "next", "this", "early", "mid-",
    "late", "anniversary", "of", "seventh", "today", "Today", "is", "marks", "years", "year", "weeks", "days",
    "three", "a", "every", "Friday", "Fridays", "Monday", "March", "May", "June", "Sept.", "1", "31", "2013",
    "1990s", "'80s", "Q3", "fiscal", "quarter", "half", "summer", "fall", "Muharram", "Ramadan", "1441", "AH",
    "Eid", "al-Fitr", "Christmas", "10", "a.m.", "p.m.", "noon", ",", ".", "—", "(Reuters)", "BAGHDAD",
    "12/25/2019", "2020-02-30", "29", "February", "-", "/", "later", "earlier", "after", "before", "now",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=25),
       st.dates().map(lambda d: d.isoformat()) | st.none())
def test_tagger_never_fails_and_offsets_index_the_text(words, published):
    text = " ".join(words)
    for t in TAGGER.tag(text, published, None):
        assert text[t.start: t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        if t.type == "DATE" and t.value[:1].isdigit() and "X" not in t.value:
            assert value_range(t.value) is not None, t.value


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=30))
def test_publication_date_is_a_real_iso_date_or_none(words):
    found = textual_publication_date(" ".join(words))
    if found is not None:
        iso, evidence = found
        assert len(iso) == 10 and iso[4] == "-" and evidence
