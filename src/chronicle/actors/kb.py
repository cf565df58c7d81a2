"""The actor knowledge base: readable YAML files compiled once into lookup tables.

Shipped files live in `chronicle/actors/data/` (format: docs/actors.md); users
add their own with `--actors my_actors.yaml` (ActorStage(extra_files=...)).
Later files win: an alias a user file defines points at the user's entry.

Three kinds of knowledge are compiled here:

  named actors   people, organisations, armed groups, parties, institutions, with
                 aliases, country, sector, Wikidata id and dated roles
  countries      every country of the project's one country table
                 (chronicle.countries): names, demonyms, capitals
  sector agents  the head nouns and modifiers that signal a PLOVER sector

and three lookup tables are built from them: a name index keyed by folded
token tuples (names.fold), an acronym index keyed by the exact capitals, and
the sector lexicon keyed by lemma tuples. Resolving an article is then a walk
over its tokens with dictionary lookups, never a scan of the knowledge base.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from chronicle.actors.names import acronym_key, fold, is_skipped

DATA_DIR = Path(__file__).parent / "data"
SHIPPED_FILES = (
    "sectors.yaml", "territories.yaml", "organisations.yaml", "armed_groups.yaml", "parties.yaml", "institutions.yaml",
    "people.yaml",
    # heads of state and government since 2000 and ministers, one file per region
    "people_africa.yaml", "people_americas.yaml", "people_asia.yaml", "people_europe.yaml", "people_oceania.yaml",
    # envoys and heads of international organisations
    "people_international.yaml",
)

# PLOVER's codes for international non-state actors (manual table 5.1); an
# actor with one of these has no country.
INTERNATIONAL_CODES = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})
SECTOR_CODES = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
    "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
})
# The file-level `kind` of named-actor files, as Actor.kind reports them.
PERSON_KINDS = frozenset({"person"})

# Role titles as written -> the canonical title the knowledge base uses.
TITLE_SYNONYMS = {
    "premier": "prime minister",
    "pm": "prime minister",
    "secretary of state": "foreign minister",
    "foreign secretary": "foreign minister",
    "minister of foreign affairs": "foreign minister",
    "defense minister": "defence minister",
    "defence secretary": "defence minister",
    "defense secretary": "defence minister",
    "secretary of defense": "defence minister",
    "minister of defence": "defence minister",
    "minister of defense": "defence minister",
    "home secretary": "interior minister",
    "home minister": "interior minister",
    "minister of interior": "interior minister",
    "minister of the interior": "interior minister",
    "secretary-general": "secretary general",
    "chancellor": "chancellor",
    "head of state": "president",
    "amir": "emir",
    "leader": "leader",
    "supreme leader": "supreme leader",
}


class KnowledgeBaseError(ValueError):
    """A knowledge-base file that does not follow the documented format."""


@dataclass(frozen=True)
class Role:
    title: str
    sector: str
    country: str | None
    international: str | None
    start: str | None  # ISO date, padded: "2017" -> "2017-01-01"
    end: str | None  # ISO date, padded to the end of its period: "2022" -> "2022-12-31"

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """One named actor of the knowledge base."""

    id: str
    name: str
    kind: str  # person | organisation | armed_group | party | institution | ...
    country: str | None
    international: str | None
    sector: str | None
    wikidata: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    # where the facts come from: the entry's `source:`, else its file's `source:`
    source: str = ""
    file: str = ""  # the knowledge-base file that defined the entry
    # names shared by parties or bodies of many countries ("Democrats", "Labour",
    # "Congress"): the entry only applies where the article is about its country
    context_required: bool = False

    @property
    def is_person(self) -> bool:
        return self.kind in PERSON_KINDS

    def status_on(self, day: str) -> tuple[str | None, str | None, str | None, Role | None, str]:
        """(country, international, sector, role, why) of this actor on `day`.

        The role that holds on the day decides; after every role has ended the
        person is a former official (ELI); before the first one, the entry's
        own sector applies."""
        holding = [r for r in self.roles if r.holds_on(day)]
        if holding:
            # the most recently started role is the one news names them by
            role = max(holding, key=lambda r: r.start or "")
            country = role.country if role.country is not None or role.international else self.country
            intl = role.international if role.international else (None if role.country else self.international)
            return country, intl, role.sector, role, f"{role.title} on {day}"
        ended = [r for r in self.roles if r.end is not None and r.end < day]
        started_later = [r for r in self.roles if r.start is not None and r.start > day]
        if ended and not started_later and self.is_person:
            last = max(ended, key=lambda r: r.end or "")
            return self.country, self.international, "ELI", None, f"former {last.title} (until {last.end})"
        if ended and self.sector is None and self.is_person:
            last = max(ended, key=lambda r: r.end or "")
            return self.country, self.international, "ELI", None, f"former {last.title} (until {last.end})"
        return self.country, self.international, self.sector, None, "knowledge base"


@dataclass(frozen=True)
class CountryForm:
    """A country word: `form` is "name", "demonym", "people" (plural demonym) or "capital"."""

    iso3: str
    name: str
    form: str


@dataclass
class SectorLexicon:
    heads: dict[tuple[str, ...], str] = field(default_factory=dict)  # lemma tuple -> sector
    modifiers: dict[str, str] = field(default_factory=dict)  # lower word -> sector
    modifier_order: list[str] = field(default_factory=list)  # sectors in precedence order
    person_words: set[tuple[str, ...]] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    max_len: int = 1
    last_words: set[str] = field(default_factory=set)  # last word of every head: a cheap first test


# nouns a party's adjective names its members in a chamber by ("the Democratic majority")
PARTY_BODIES = ("majority", "minority", "caucus", "leadership")

def _iso(value: Any, end: bool = False) -> str | None:
    """A role date as an ISO string; a bare year or year-month is padded to the
    start (or, for an end date, the end) of that period."""
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    parts = text.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{text}-31" if end else f"{text}-01"
    return text[:10]


class KnowledgeBase:
    """Every actor file compiled into the lookup tables the resolver reads."""

    def __init__(self, files: Iterable[str | Path] = ()):
        # aliases are split into tokens exactly as articles are
        self._tokenizer, self._special = _alias_tokenizer()
        self.entries: list[Entry] = []
        self.by_id: dict[str, Entry] = {}
        self.sectors = SectorLexicon()
        self.names: dict[tuple[str, ...], list[Any]] = {}  # folded key -> [Entry | CountryForm]
        self.acronyms: dict[str, list[Any]] = {}
        self.name_first: dict[str, int] = {}  # first key token -> longest alias length
        self.roles_index: dict[tuple[str | None, str], list[tuple[Entry, Role]]] = {}
        self.files: list[str] = []
        paths = [DATA_DIR / f for f in SHIPPED_FILES] + [Path(f) for f in files]
        for path in paths:
            self._load_file(path)
        self._add_countries()
        for entry in self.entries:
            for role in entry.roles:
                self.roles_index.setdefault((role.country or role.international or entry.country or entry.international, role.title), []).append((entry, role))

    # -- loading ---------------------------------------------------------------
    def _load_file(self, path: Path) -> None:
        try:
            data = _parse_yaml(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeBaseError(f"{path}: {exc}") from exc
        if not isinstance(data, dict):
            raise KnowledgeBaseError(f"{path}: expected a mapping with 'actors' or 'sectors'")
        self.files.append(str(path))
        if "sectors" in data or "modifiers" in data or "person_words" in data:
            self._load_sectors(data, path)
        kind = data.get("kind") or "organisation"
        if kind == "sectors":
            kind = "organisation"
        file_source = str(data.get("source") or "")
        for i, raw in enumerate(data.get("actors") or []):
            self._add_entry(raw, kind, path, i, file_source)

    def _load_sectors(self, data: dict, path: Path) -> None:
        lex = self.sectors
        for code, spec in (data.get("sectors") or {}).items():
            if code not in SECTOR_CODES:
                raise KnowledgeBaseError(f"{path}: unknown sector code {code!r}")
            spec = spec or {}
            if spec.get("label"):
                lex.labels[code] = spec["label"]
            for word in spec.get("words") or []:
                key = self._word_key(word)
                lex.heads[key] = code
                lex.max_len = max(lex.max_len, len(key))
                lex.last_words.add(key[-1])
        for code, words in (data.get("modifiers") or {}).items():
            if code not in SECTOR_CODES:
                raise KnowledgeBaseError(f"{path}: unknown sector code {code!r} in modifiers")
            if code not in lex.modifier_order:
                lex.modifier_order.append(code)
            for word in words or []:
                lex.modifiers[str(word).lower()] = code
        for word in data.get("person_words") or []:
            lex.person_words.add(self._word_key(word))

    def _word_key(self, phrase: str) -> tuple[str, ...]:
        return tuple(t.lower() for t in self._tokens(str(phrase)) if t not in ("-",))

    def _tokens(self, text: str) -> list[str]:
        """`text` split into tokens as spaCy splits articles. Words of letters
        alone that are no tokenizer exception ("Im", "Cannot") are split on the
        spaces without spaCy, which gives the same tokens: most aliases are such
        names, and tokenizing thousands of them was most of the load time."""
        words = text.split(" ")
        if all(w.isalpha() and w not in self._special for w in words):
            return words
        return [t.text for t in self._tokenizer(text)]

    def _add_entry(self, raw: Any, kind: str, path: Path, index: int, file_source: str = "") -> None:
        if not isinstance(raw, dict) or not raw.get("name"):
            raise KnowledgeBaseError(f"{path}: actor #{index + 1} needs at least a name")
        name = str(raw["name"])
        country = raw.get("country") or None
        intl = raw.get("international") or None
        if country is not None and (len(str(country)) != 3 or not str(country).isupper()):
            raise KnowledgeBaseError(f"{path}: {name}: country must be an ISO alpha-3 code, got {country!r}")
        if intl is not None and intl not in INTERNATIONAL_CODES:
            raise KnowledgeBaseError(f"{path}: {name}: international must be one of {sorted(INTERNATIONAL_CODES)}")
        sector = raw.get("sector") or None
        if sector is not None and sector not in SECTOR_CODES:
            raise KnowledgeBaseError(f"{path}: {name}: unknown sector {sector!r}")
        roles = []
        for r in raw.get("roles") or []:
            role_sector = r.get("sector") or "GOV"
            if role_sector not in SECTOR_CODES:
                raise KnowledgeBaseError(f"{path}: {name}: unknown role sector {role_sector!r}")
            roles.append(Role(
                title=str(r.get("title") or "office").lower(),
                sector=role_sector,
                country=r.get("country") if "country" in r else None,
                international=r.get("international") or None,
                start=_iso(r.get("start")),
                end=_iso(r.get("end"), end=True),
            ))
        entry = Entry(
            id=f"{kind}:{name}",
            name=name,
            kind=str(raw.get("kind") or kind),
            country=country,
            international=intl,
            sector=sector,
            wikidata=raw.get("wikidata") or None,
            aliases=[str(a) for a in raw.get("aliases") or []],
            roles=roles,
            source=str(raw.get("source") or file_source or ""),
            file=path.name,
            context_required=str(raw.get("context") or "").lower() == "required",
        )
        if entry.id in self.by_id:  # a later file redefines an actor: it replaces the old one
            self.entries = [e for e in self.entries if e.id != entry.id]
        self.entries.append(entry)
        self.by_id[entry.id] = entry
        if entry.kind == "territory" and entry.country:
            # a territory is looked up like a country word of its sovereign state;
            # plural demonyms ("Gazans", "Chechens") name its people
            for alias in [name] + entry.aliases:
                form = "people" if alias != name and alias.endswith("s") and alias[:1].isupper() and " " not in alias else "name"
                self._index(alias, CountryForm(entry.country, name, form))
            return
        for alias in [name] + entry.aliases:
            self._index(alias, entry)
        if entry.sector == "PTY":
            # "the Democratic majority", "the Conservative minority", "the Labour caucus":
            # a party's members in a chamber, named by the party's adjective
            for alias in [name] + entry.aliases:
                words = alias.split()
                if len(words) == 2 and words[1] == "Party" and words[0][:1].isupper():
                    for body in PARTY_BODIES:
                        self._index(f"{words[0]} {body}", entry, front=False)

    def _index(self, alias: str, target: Any, front: bool = True) -> None:
        """File `target` under the keys of `alias`; later definitions go first."""
        tokens = self._tokens(alias)
        if tokens and tokens[0].lower() == "the":
            tokens = tokens[1:]
        if not tokens:
            return
        acr = acronym_key("".join(tokens)) if len(tokens) <= 3 and all(acronym_key(t) or t in "/&-." for t in tokens) else None
        if acr:
            bucket = self.acronyms.setdefault(acr, [])
        else:
            key = tuple(fold(t) for t in tokens if not is_skipped(t))
            if not key or not any(key):
                return
            bucket = self.names.setdefault(key, [])
            self.name_first[key[0]] = max(self.name_first.get(key[0], 0), len(key))
        if target in bucket:
            return
        if front:
            bucket.insert(0, target)
        else:
            bucket.append(target)

    def _add_countries(self) -> None:
        """Country names, demonyms and capitals from the project's country table.
        They go after the named actors, so "Hezbollah" stays the group and a
        knowledge-base alias shadows a country word only when a file says so."""
        for country in _countries():
            iso3, cname = country.iso3, country.name
            for n in country.names:
                self._index(n, CountryForm(iso3, cname, "name"), front=False)
            for d in country.demonyms:
                self._index(d, CountryForm(iso3, cname, "demonym"), front=False)
                for plural in _plurals(d):
                    self._index(plural, CountryForm(iso3, cname, "people"), front=False)
            if country.capital:
                self._index(country.capital, CountryForm(iso3, cname, "capital"), front=False)

    # -- lookups ---------------------------------------------------------------
    def entry_named(self, name: str) -> Entry | None:
        """The named actor whose canonical name is `name` (the last file's, if several)."""
        for e in reversed(self.entries):
            if e.name == name:
                return e
        return None

    def holders(self, country: str | None, title: str, day: str) -> list[tuple[Entry, Role]]:
        """Who held `title` in `country` (alpha-3 or international code) on `day`."""
        title = TITLE_SYNONYMS.get(title, title)
        return [(e, r) for e, r in self.roles_index.get((country, title), []) if r.holds_on(day)]

    def counts(self) -> dict[str, int]:
        """Size of the knowledge base by kind (for docs and the benchmark)."""
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.kind] = out.get(e.kind, 0) + 1
        out["roles (dated offices)"] = sum(len(e.roles) for e in self.entries)
        out["aliases"] = sum(len(e.aliases) + 1 for e in self.entries)
        out["countries"] = len(_countries())
        out["sector words"] = len(self.sectors.heads)
        out["sector modifiers"] = len(self.sectors.modifiers)
        return out


def _plurals(demonym: str) -> list[str]:
    """'Iraqi' -> 'Iraqis', 'Afghan' -> 'Afghans'; 'British', 'Chinese', 'Swiss' have none."""
    low = demonym.lower()
    if low.endswith(("sh", "ch", "ese", "ss", "s", "x", "z")) or " " in low:
        return []
    return [demonym + "s"]


def _parse_yaml(text: str) -> Any:
    """`text` parsed as YAML, through a cache of parsed files keyed by their
    content: parsing the shipped files is half the knowledge base's load time,
    unpickling them a few milliseconds. The cache lives in $CHRONICLE_CACHE
    (else ~/.cache/chronicle); one that cannot be read or written is skipped."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    folder = Path(os.environ.get("CHRONICLE_CACHE") or Path.home() / ".cache" / "chronicle") / "kb"
    cached = folder / f"{digest}.pickle"
    try:
        return pickle.loads(cached.read_bytes())
    except Exception:  # noqa: BLE001 - no cache yet, or an unreadable one: parse
        pass
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as tmp:
            tmp.write(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp.name, cached)  # atomic: parallel workers never read half a file
    except OSError:
        pass
    return data


@lru_cache(maxsize=1)
def _alias_tokenizer():
    """spaCy's English tokenizer and its exceptions, built once per process."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return tokenizer, frozenset(tokenizer.rules)


@lru_cache(maxsize=1)
def _countries() -> list:
    """The project's country table (chronicle.countries)."""
    from chronicle.countries import all_countries

    return list(all_countries())


@lru_cache(maxsize=8)
def load_knowledge_base(files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base of the shipped files plus `files`, built once per process."""
    return KnowledgeBase(files)
