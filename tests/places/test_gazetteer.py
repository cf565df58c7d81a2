"""The gazetteer index built from the installed packages."""

from chronicle.places.gazetteer import cache_path, load_gazetteer


def test_index_holds_every_kind_of_place(gazetteer):
    kinds = {e.feature for e in gazetteer.find("Iraq")} | {e.feature for e in gazetteer.find("Basra")}
    assert {"country", "admin1", "city"} <= kinds
    assert len(gazetteer) > 200_000  # cities of 500+ people, divisions, countries


def test_small_towns_and_their_divisions(gazetteer):
    pandi = [e for e in gazetteer.find("Pandi") if e.country_code == "PH"][0]
    assert pandi.feature == "city"
    assert gazetteer.admin1_name(pandi.id) == "Central Luzon"
    bulacan = [e for e in gazetteer.find("Bulacan") if e.feature == "admin2"][0]
    assert gazetteer.admin2[pandi.id] == bulacan.id
    assert abs(bulacan.lat - 14.9) < 0.5 and abs(bulacan.lon - 121.0) < 0.5


def test_transliterated_spellings_find_the_city(gazetteer):
    for spelling in ("Nasiriyah", "Nassiriya", "Al-Nasiriyah", "An Nasiriyah"):
        found = [e for e in gazetteer.find(spelling) if e.country_code == "IQ"]
        assert found and found[0].name == "Nasiriyah", spelling
    assert gazetteer.find("Kerbala")[0].name == "Karbala"


def test_named_regions_and_abbreviations(gazetteer):
    gaza = gazetteer.find("the Gaza Strip")
    assert any(e.country_code == "PS" for e in gaza)
    assert any(e.feature == "region" for e in gazetteer.find("Middle East"))
    assert any(e.name == "New South Wales" for e in gazetteer.find("NSW"))
    assert "nsw" in gazetteer.acronyms and "us" in gazetteer.acronyms


def test_index_is_cached_on_disk_and_reloads(gazetteer):
    assert cache_path().exists()
    load_gazetteer.cache_clear()
    again = load_gazetteer()
    assert len(again) == len(gazetteer)
    assert again.find("Karbala")[0].geonameid == gazetteer.find("Karbala")[0].geonameid


def test_cache_dir_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path))
    assert cache_path().parent == tmp_path


def test_a_division_in_the_facts_file_is_one_entry_with_the_facts_point(gazetteer):
    # Scotland's places reach Shetland, which pulls the middle of their extent
    # north; the facts file's point is the one a reader would put on the map
    scotland = [e for e in gazetteer.find("Scotland") if e.feature == "admin1"]
    assert len(scotland) == 1
    assert scotland[0].geonameid is not None and scotland[0].population > 1_000_000
    assert abs(scotland[0].lat - 56.5) < 0.01 and abs(scotland[0].lon + 4.0) < 0.01
