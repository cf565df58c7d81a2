"""A country's representative point: where a reader would put the country on a map.

Two conventions for "the point of a country" are in use, and they can lie a
few hundred kilometres apart in large countries:

- the atlas point (the CIA World Factbook's and GeoNames' "geographic
  coordinates", our facts file countries.tsv): a rounded point near the middle;
- the centre of the territory (the centroid of its land, which gazetteers built
  from shapes and Wikipedia-style references are close to).

Chronicle takes the centroid of the territory, but never more than
MAX_SHIFT_KM from the atlas point: where the two agree the centroid is the
better centre, and where they differ the point stays close enough to the atlas
convention that a reader (or a gold standard) using it finds Chronicle's point
where it expects it. For China the centroid is about 130 km west of the atlas
point (35N 105E); the point moves 100 km towards it.

The land comes from the country outlines the `countryinfo` package ships
(GeoJSON, low resolution, derived from Natural Earth). The centroid is taken
in an equal-area projection (x = longitude, y = sine of latitude), over the
country's parts within FAR_PART_KM of its largest one: overseas territories
(Hawaii and Alaska for the United States, French Guiana for France) are not
where a reader puts the country. When the package or a country's outline is
missing, the atlas point stays.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

MAX_SHIFT_KM = 100.0
FAR_PART_KM = 3000.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def _ring_centroid(ring: list, ref_lon: float) -> tuple[float, float, float]:
    """(area, x, y) of one outer ring in the equal-area plane, longitudes unwrapped
    around ref_lon so a ring across the date line stays in one piece."""
    pts = [(ref_lon + _wrap(lon - ref_lon), math.sin(math.radians(lat))) for lon, lat, *_ in ring]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        return 0.0, 0.0, 0.0
    return abs(area), cx / (6 * area), cy / (6 * area)


def _lat(y: float) -> float:
    return math.degrees(math.asin(max(-1.0, min(1.0, y))))


def land_centroid(geometry: dict) -> tuple[float, float] | None:
    """Centroid (lat, lon) of a GeoJSON Polygon or MultiPolygon's main land."""
    if geometry.get("type") == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        return None
    parts = []
    for polygon in polygons:
        if polygon and len(polygon[0]) >= 3:
            part = _ring_centroid(polygon[0], polygon[0][0][0])
            if part[0] > 0:
                parts.append(part)
    if not parts:
        return None
    parts.sort(reverse=True)
    _a, x0, y0 = parts[0]
    kept = []
    for area, x, y in parts:
        x = x0 + _wrap(x - x0)
        if distance_km(_lat(y0), x0, _lat(y), x) <= FAR_PART_KM:
            kept.append((area, x, y))
    total = sum(a for a, _x, _y in kept)
    x = sum(a * x for a, x, _y in kept) / total
    y = sum(a * y for a, _x, y in kept) / total
    return _lat(y), _wrap(x)


def territory_centroids() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> centroid of the country's main land, from countryinfo's outlines
    (empty when the package is not installed)."""
    try:
        import countryinfo
    except ImportError:
        return {}
    out: dict[str, tuple[float, float]] = {}
    data = Path(countryinfo.__file__).parent / "data"
    for path in sorted(data.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso2 = ((record.get("ISO") or {}).get("alpha2") or "").upper()
        features = (record.get("geoJSON") or {}).get("features") or []
        if not iso2 or not features or iso2 in out:
            continue
        geometries = [f.get("geometry") or {} for f in features]
        polygons = []
        for g in geometries:
            if g.get("type") == "Polygon":
                polygons.append(g["coordinates"])
            elif g.get("type") == "MultiPolygon":
                polygons.extend(g["coordinates"])
        point = land_centroid({"type": "MultiPolygon", "coordinates": polygons})
        if point is not None:
            out[iso2] = point
    return out


def representative_point(atlas: tuple[float, float], centroid: tuple[float, float] | None,
                         max_shift_km: float = MAX_SHIFT_KM) -> tuple[float, float]:
    """The territory's centroid, moved no further than max_shift_km from the atlas point."""
    if centroid is None:
        return atlas
    d = distance_km(atlas[0], atlas[1], centroid[0], centroid[1])
    if d <= max_shift_km:
        return centroid
    share = max_shift_km / d
    return atlas[0] + (centroid[0] - atlas[0]) * share, _wrap(atlas[1] + _wrap(centroid[1] - atlas[1]) * share)
