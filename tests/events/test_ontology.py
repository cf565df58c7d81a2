"""The ontology tables: PLOVER types and modes, ACLED and CAMEO mappings."""

from chronicle.events.ontology import (
    ACLED_PARENT, PLOVER_TYPES, acled_default, cameo_root, modes_of, normalise_type, plover_for_cameo,
    plover_types, requires_recipient,
)


def test_sixteen_plover_types_with_their_modes():
    assert len(PLOVER_TYPES) == 16 and set(plover_types()) == set(PLOVER_TYPES)
    assert "demo" in modes_of("PROTEST") and "riot" in modes_of("PROTEST")
    assert "aerial" in modes_of("ASSAULT")
    assert requires_recipient("AID") and not requires_recipient("PROTEST")


def test_every_type_maps_to_a_cameo_root_and_back():
    for t in PLOVER_TYPES:
        root = cameo_root(t, None)
        assert root and len(root) == 2
    assert plover_for_cameo("14") == "PROTEST"
    assert plover_for_cameo("190") == "ASSAULT"
    assert cameo_root("ACCUSE", "investigate") == "09"


def test_acled_defaults_are_real_acled_categories():
    for t in PLOVER_TYPES:
        event_type, sub = acled_default(t, None)
        assert sub is None or ACLED_PARENT[sub] == event_type
    assert acled_default("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_default("COERCE", "arrest") == ("Strategic developments", "Arrests")


def test_legacy_names_are_mapped():
    assert normalise_type("DEMAND") == "REQUEST"
    assert normalise_type("fight") == "ASSAULT"
    assert normalise_type("DOCUMENT") is None
