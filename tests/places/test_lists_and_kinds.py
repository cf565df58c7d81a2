"""Lists of places, containers and names with an elided particle, on sentences the project wrote."""


def place(ann, text, nth=0):
    hits = [p for p in ann.places if p.text == text]
    assert len(hits) > nth, f"{text!r} not found in {[(p.text, p.name) for p in ann.places]}"
    return hits[nth]


def test_a_town_then_its_state_names_the_state(annotate):
    ann = annotate("A nurse from Albany, New York was treated at a hospital in Syracuse.")
    ny = place(ann, "New York")
    assert ny.feature == "admin1" and ny.country_code == "US"
    assert "holds the place named before it" in ny.why


def test_a_list_of_states_keeps_every_item_a_state(annotate):
    ann = annotate("Recalls were issued in Kansas, Ohio, Washington, New York and Texas after the tests.")
    for name in ("Washington", "New York", "Ohio"):
        p = place(ann, name)
        assert p.feature == "admin1" and p.country_code == "US", (name, p.name, p.feature)


def test_a_list_of_provinces_is_not_read_as_towns_abroad(annotate):
    ann = annotate("Cases were confirmed in Quebec, Manitoba, Ontario and New Brunswick this week.")
    for name in ("Ontario", "New Brunswick"):
        p = place(ann, name)
        assert p.feature == "admin1" and p.country_code == "CA", (name, p.name, p.country_code)


def test_the_capital_alone_is_still_the_city(annotate):
    ann = annotate("The delegation flew to New York for the talks at the United Nations.")
    assert place(ann, "New York").feature == "city"


def test_small_towns_between_places_of_a_list(annotate):
    ann = annotate("Horses were quarantined at Scone, Parkes, Berry and Wyong in New South Wales.")
    found = {p.text for p in ann.places}
    assert {"Parkes", "Berry"} <= found


def test_name_ending_in_an_elided_particle(annotate):
    ann = annotate("Cocoa farmers in Cote d'Ivoire and Ghana waited for the rain.")
    p = place(ann, "Cote d'Ivoire")
    assert p.country_code == "CI" and p.feature == "country"
