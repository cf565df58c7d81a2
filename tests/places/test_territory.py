"""A country's representative point: the centre of its land, kept near the atlas point."""

import pytest

from chronicle.places.territory import distance_km, land_centroid, representative_point, territory_centroids


def square(lon0, lat0, size):
    return [[lon0, lat0], [lon0 + size, lat0], [lon0 + size, lat0 + size], [lon0, lat0 + size], [lon0, lat0]]


def test_centroid_of_a_square_is_its_middle():
    lat, lon = land_centroid({"type": "Polygon", "coordinates": [square(10, -1, 2)]})
    assert lat == pytest.approx(0.0, abs=1e-6) and lon == pytest.approx(11.0, abs=1e-6)


def test_centroid_weighs_parts_by_area_and_leaves_far_parts_out():
    near = square(0, 0, 4)  # 4x4 degrees
    islet = square(5, 0, 1)  # close by: counts, with a sixteenth of the weight
    overseas = square(120, 0, 3)  # half a world away: not where the country is
    lat, lon = land_centroid({"type": "MultiPolygon", "coordinates": [[near], [islet], [overseas]]})
    assert 2.0 < lon < 2.5 and lat < 2.0


def test_a_land_across_the_date_line_stays_in_one_piece():
    ring = [[178, -18], [-178, -18], [-178, -16], [178, -16], [178, -18]]
    lat, lon = land_centroid({"type": "Polygon", "coordinates": [ring]})
    assert abs(abs(lon) - 180) < 0.01 and lat == pytest.approx(-17.0, abs=0.05)


def test_the_point_moves_towards_the_centroid_at_most_the_cap():
    atlas, centroid = (35.0, 105.0), (35.6, 103.6)
    point = representative_point(atlas, centroid, max_shift_km=100)
    assert distance_km(*atlas, *point) == pytest.approx(100, abs=3)
    assert distance_km(*point, *centroid) < distance_km(*atlas, *centroid)
    close = (35.2, 104.8)
    assert representative_point(atlas, close, max_shift_km=100) == close
    assert representative_point(atlas, None) == atlas


def test_installed_outlines_give_centroids_inside_known_countries():
    centroids = territory_centroids()
    if not centroids:
        pytest.skip("countryinfo is not installed")
    # geographic centres known independently: France near Bruère-Allichamps,
    # the contiguous United States near Lebanon, Kansas; Alaska and Hawaii are far parts
    assert distance_km(*centroids["FR"], 46.8, 2.4) < 100
    assert distance_km(*centroids["US"], 39.8, -98.6) < 150


def test_the_index_puts_a_country_near_its_atlas_point(gazetteer):
    from chronicle.countries import country_by_iso2

    for code in ("CN", "RU", "FR", "BR", "FJ"):
        entry = [e for e in gazetteer.find(country_by_iso2(code).name) if e.feature == "country"][0]
        atlas = country_by_iso2(code)
        assert distance_km(entry.lat, entry.lon, atlas.lat, atlas.lon) <= 101, code
