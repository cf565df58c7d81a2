"""Toponyms found in real parses of text the project wrote, and resolved from evidence."""


def names(ann):
    return [(p.text, p.name, p.country_code, p.feature) for p in ann.places]


def place(ann, text):
    hits = [p for p in ann.places if p.text == text]
    assert hits, f"{text!r} not found in {names(ann)}"
    return hits[0]


def test_offsets_point_at_the_mention(annotate):
    ann = annotate("Farmers in Pandi, Bulacan burned their crops after the flood. Manila sent help.")
    for p in ann.places:
        assert ann.text[p.start:p.end] == p.text


def test_containment_resolves_a_small_town(annotate):
    ann = annotate("Health workers culled hogs at a farm in Pandi, Bulacan on Sunday.")
    pandi = place(ann, "Pandi")
    assert pandi.country_code == "PH" and pandi.feature == "city"
    assert "inside" in pandi.why
    assert ann.notes["focus_country"] == "PH"


def test_transliterated_names_resolve_to_the_iraqi_cities(annotate):
    ann = annotate("Protesters gathered in Al-Nasiriyah and Kerbala on Friday, Iraqi officials said.")
    nas = place(ann, "Al-Nasiriyah")
    assert nas.name == "Nasiriyah" and nas.country_code == "IQ"
    assert place(ann, "Kerbala").name == "Karbala"
    assert ann.notes["focus_country"] == "IQ"


def test_relative_regions(annotate):
    ann = annotate("Clashes broke out in southern Iraq. Later, crowds marched in Iraq's southern provinces.")
    south = place(ann, "southern Iraq")
    assert south.feature == "region" and south.precision == "region" and south.country_code == "IQ"
    baghdad_lat = 33.3
    assert south.lat < baghdad_lat  # the point lies in the south of the country
    provinces = place(ann, "Iraq's southern provinces")
    assert provinces.name == "southern Iraq"


def test_the_same_name_resolves_the_same_way_throughout(annotate):
    ann = annotate(
        "Floods hit Georgia on Monday. Atlanta opened shelters and the governor of Georgia asked for "
        "federal aid from Washington. Savannah was also flooded, Georgia officials said."
    )
    georgias = [p for p in ann.places if p.text == "Georgia"]
    assert len(georgias) >= 2
    assert {(p.name, p.country_code, p.feature) for p in georgias} == {("Georgia", "US", "admin1")}


def test_country_reading_without_american_context(annotate):
    ann = annotate("Russian troops moved closer to the border with Georgia, officials in Tbilisi said.")
    assert place(ann, "Georgia").country_code == "GE"


def test_people_and_organisations_named_after_places(annotate):
    ann = annotate(
        "George Washington was the first president. The Washington Post reported that Washington said "
        "it would send envoys to Doha."
    )
    # the president and the newspaper are no places; the capital speaking is, but only associative
    assert [p.text for p in ann.places if not p.associative] == ["Doha"]
    assert [p.start for p in ann.places if p.associative] == [ann.text.index("Washington said")]


def test_place_heading_an_organisation_is_associative(annotate):
    ann = annotate("The California Department of Public Health reported three new cases in Fresno.")
    california = place(ann, "California")
    assert california.associative
    assert not place(ann, "Fresno").associative


def test_ordinary_words_and_acronyms_are_not_places(annotate):
    ann = annotate("Police said the HIV clinic would open in March. Us and them, the FAO said.")
    assert ann.places == []


def test_disease_named_after_a_place(annotate):
    ann = annotate("The Marburg virus killed nine people in Uganda. Marburg spreads through contact.")
    assert [p.text for p in ann.places] == ["Uganda"]


def test_demonyms_count_for_focus_and_are_places_of_their_own_kind(annotate):
    ann = annotate("Filipino farmers protested against the new tariffs, a Filipino union said.")
    assert [(p.text, p.mention_kind, p.associative) for p in ann.places] == [("Filipino", "demonym", True)] * 2
    assert ann.notes["focus_country"] == "PH"


def test_named_regions(annotate):
    ann = annotate("Aid convoys entered the Gaza Strip and the West Bank, the first in the Middle East this year.")
    assert place(ann, "Gaza Strip").country_code == "PS"
    assert place(ann, "West Bank").feature == "region"
    assert place(ann, "Middle East").country_code is None


def test_no_places_no_focus(annotate):
    ann = annotate("The committee met on Tuesday and agreed to meet again.")
    assert ann.places == [] and ann.notes["focus_country"] is None


def test_dateline_in_capitals_and_the_article_left_out(annotate):
    ann = annotate("PARIS, May 2 — Unions marched against the reform. The United States said it was watching.")
    paris = place(ann, "PARIS")
    assert paris.country_code == "FR" and paris.feature == "city"
    assert place(ann, "United States").country_code == "US"  # the mention starts at "United"


def test_known_name_turned_down_is_not_revived_as_a_variant(annotate):
    ann = annotate("Washington has refused to recognise the government in Kabul.")
    assert [p.text for p in ann.places if not p.associative] == ["Kabul"]
    assert not any("spelling variant" in (p.why or "") for p in ann.places)
