"""locate_event on a run-on "sentence" (a scraped page without full stops): each
trigger weighs only the places near it, and still takes one of its own clause."""

from chronicle.events import location as event_location

TOWNS = ("Basra", "Mosul", "Kirkuk", "Najaf", "Karbala", "Erbil")


def _run_on(clauses: int) -> str:
    parts = [f"police arrested protesters in {TOWNS[n % len(TOWNS)]}" for n in range(clauses)]
    return "In Iraq, " + ", and ".join(parts) + "."


def _locate_every_arrest(annotate, text, monkeypatch):
    ann = annotate(text)
    weighed = {"places": 0}
    real = event_location._inside

    def counted(place, ranges):
        weighed["places"] += 1
        return real(place, ranges)

    monkeypatch.setattr(event_location, "_inside", counted)
    triggers = [tok for tok in ann.doc if tok.text == "arrested"]
    return [(tok, event_location.locate_event(ann, tok.sent, tok)) for tok in triggers], ann, weighed["places"]


def test_places_weighed_grow_linearly_with_a_run_on_sentence(annotate, monkeypatch):
    small, _, small_weighed = _locate_every_arrest(annotate, _run_on(30), monkeypatch)
    large, _, large_weighed = _locate_every_arrest(annotate, _run_on(120), monkeypatch)
    assert len(large) == 4 * len(small) == 120
    # every trigger weighing every place would be 16 times the work for 4 times the text
    assert large_weighed < 6 * small_weighed


def test_each_arrest_is_placed_near_its_own_words(annotate, monkeypatch):
    located, ann, _ = _locate_every_arrest(annotate, _run_on(60), monkeypatch)
    for tok, (index, precision) in located:
        assert index is not None and precision in ("clause", "sentence")
        place = ann.places[index]
        assert place.text in TOWNS
        # its own clause's town: "arrested protesters in <town>"
        assert 0 < place.start - tok.idx < len("arrested protesters in ") + 1
