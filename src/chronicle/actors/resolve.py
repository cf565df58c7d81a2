"""Actor resolution: every actor mention of one parsed article, resolved and grouped.

One pass over the article's tokens, in this order (each step consumes the
tokens it explains, so a word is never two actors):

 1. names       knowledge-base aliases and country words, longest match first,
                through the precompiled token-key index (kb.KnowledgeBase);
 2. people      known and unknown (spaCy PERSON) people with the title written
                before the name ("the former Iraqi Prime Minister Nuri-al Maliki")
                and the description set beside it in apposition ("Iraj Masjedi,
                Iran's ambassador to Iraq"); the office that held on the event's
                date decides the sector, the title written in the text wins;
 3. agents      sector head nouns with their country ("Iraqi forces", "Sudan's
                government", "the people of Iraq", "protesters" + context); a
                singular office ("Iraq's prime minister") is its holder on the date;
 4. unknown     organisations (spaCy ORG) and groups (NORP plurals) the knowledge
                base lacks, with the country and sector their words support;
 5. short forms pronouns ("he", "his"), "the group", and definite agents ("the
                regime", "the army") join the most recent fitting actor.

The result is one Actor per distinct actor with every mention, plus a log of
(mention, actor, why) for `chronicle actors` and the tests.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.attrs import LEMMA, LOWER, ORTH, POS, SENT_START

from chronicle.actors.kb import CountryForm, Entry, KnowledgeBase, TITLE_SYNONYMS
from chronicle.actors.names import acronym_key, fold, is_skipped
from chronicle.places.countries import country_by_iso2, country_by_iso3
from chronicle.places.recognise import DIVISION_WORDS
from chronicle.record import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    from chronicle.stage import Annotations

# Prepositions after which a capital is a place, not its government ("protests in Tehran").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "outside", "inside", "around", "across", "into", "through",
                            "within", "throughout", "across", "towards", "toward", "via", "over", "beyond", "off"})
# Dependents that belong to a noun phrase written before its head.
LEFT_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "predet", "case", "punct",
                       "cc", "conj", "appos"})
# Modifiers that say an agent belongs to no one country ("international media").
NO_COUNTRY_WORDS = frozenset({"international", "foreign", "western", "world", "global", "multinational",
                              "coalition", "allied", "multilateral"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
# People of a place, never an organisation's members: "the militia ... massacring their
# residents" are not the militia.
NOT_MEMBERS = frozenset({"CVL", "REF"})
# Means of an attack that can act with no one named behind them.
ATTACK_MEANS = frozenset({"bomb", "bombing", "explosion", "blast", "ied", "device", "landmine", "minefield", "carbomb",
                          "car-bomb"})
# States that became independent on a date: before it, their places and words belong
# to the state they were part of (the role that held at the article's date).
PART_OF_UNTIL = {"SSD": ("2011-07-09", "SDN"), "ERI": ("1993-05-24", "ETH")}


def country_on(iso3: str | None, day: str) -> str | None:
    """The state a country's places and words belonged to on `day` (ISO date):
    "SSD" before 2011-07-09 is "SDN"."""
    earlier = PART_OF_UNTIL.get(iso3 or "")
    return earlier[1] if earlier is not None and day[:10] < earlier[0] else iso3


# "anti-Syria", "pro-Western": a stance toward a country, not membership of it
STANCE_PREFIXES = frozenset({"anti", "pro"})
LOCAL_SECTORS = frozenset({"CVL", "REF", "MED", "EDU", "COP", "LAB", "AGR", "BUS", "REL", "SOC", "UAF", "CRM"})
LOCAL_WORDS = frozenset({"regional", "local", "provincial", "municipal", "district", "city", "governor", "mayor",
                         "county", "state-level"})
# "Iran-backed militia": the country is the patron, not the owner ("US-led forces" are
# the leader's, so "led" is not among these)
PATRON_WORDS = frozenset({"backed", "sponsored", "allied", "aligned", "funded", "supported", "trained", "armed",
                          "financed", "controlled", "friendly", "based"})
# People who speak or act for an organisation: "the group's spokesman", "Hamas leader"
# take the organisation's sector, not the one their word has on its own.
ORG_ROLE_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "leader", "official", "member", "commander",
                            "chief", "head", "fighter", "founder", "leadership", "militant", "representative"})
# Heads that belong to one state while sitting in another: "an embassy in Tehran" is
# not Iran's, so "in X" says nothing about their country.
POSTED_ABROAD = frozenset({"embassy", "consulate", "ambassador", "envoy", "diplomat", "consul", "delegation", "mission",
                           "correspondent", "reporter", "journalist", "attache", "emissary", "negotiator"})
MALE_FEMALE_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they"})
GROUP_SHORT_FORMS = frozenset({"group", "organisation", "organization", "movement", "outfit", "network", "faction"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# sentences back within which a pronoun or short form looks for its antecedent
PRONOUN_WINDOW = 3
# Bounds that keep the work per mention constant in very long sentences: country words
# looked at on each side of a mention, earlier mentions an antecedent search walks back
# over, and tokens back a pronoun looks for the subject before it.
NEAR_LOOKUP = 64
ANTECEDENT_LOOKUP = 400
SUBJECT_LOOKBACK = 120
ORG_KINDS = frozenset({"organisation", "armed_group", "party", "institution"})


@dataclass
class MentionLog:
    """One resolved mention: what `chronicle actors` shows."""

    text: str
    start: int
    end: int
    actor: int  # index into the returned actors
    why: str


@dataclass
class _Unit:
    """An actor under construction."""

    key: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    wikidata: str | None = None
    international: str | None = None
    role: str | None = None
    why: str = ""
    is_person: bool = False
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start char, end char, why)
    spans: set[tuple[int, int]] = field(default_factory=set)  # (start, end) of the mentions, for lookup


@dataclass
class _Match:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    target: Any  # Entry | CountryForm


class ArticleResolver:
    """Resolves the actors of one article against a knowledge base."""

    def __init__(self, kb: KnowledgeBase, ann: "Annotations"):
        self.kb = kb
        self.ann = ann
        self.doc: "Doc" = ann.doc
        # every token object and string the walk needs, made once (spaCy builds a new
        # Token object on every doc[i], which dominated the stage's time)
        strings = self.doc.vocab.strings
        rows = self.doc.to_array([ORTH, LOWER, LEMMA, POS, SENT_START]).tolist() if len(self.doc) else []
        self.text_ = [strings[r[0]] for r in rows]
        self.lower_ = [strings[r[1]] for r in rows]
        self.lemma_ = [strings[r[2]].lower() for r in rows]
        self.pos_ = [strings[r[3]] for r in rows]
        self.sent_start_ = [r[4] == 1 for r in rows]
        self.toks = _LazyTokens(self.doc)
        self._lex_memo: dict[int, tuple[str | None, tuple[str, ...] | None]] = {}
        self.day = ann.published or _dt.date.today().isoformat()
        self.units: dict[str, _Unit] = {}
        self.order: list[str] = []
        self.taken: set[int] = set()  # token indices already explained
        self.unit_at: dict[int, str] = {}  # token index -> key of the actor whose mention holds it
        self.sent_of = {}
        self.sentences = list(self.doc.sents)
        # doc.ents is rebuilt on every access: read it once
        self.ents = list(self.doc.ents)
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        for si, sent in enumerate(self.sentences):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = si
        self.matches: dict[int, _Match] = {}  # token index -> the name match covering it
        self.agent_memo: dict[int, tuple[list[str | None], str | None, str | None, str, str | None]] = {}
        self._place_countries = self._places_by_sentence()
        self._local_place_countries = self._places_by_sentence(local=True)
        self._countries_named: set[str] | None = None
        # indexes that keep every context look-up bounded, however long a sentence is
        places = sorted(ann.places or [], key=lambda p: (p.start, p.end))
        self._place_starts = [p.start for p in places]
        self._places_sorted = places
        self._place_reach = max((p.end - p.start for p in places), default=0)
        self._sentence_context: dict[int, tuple[list[int], list[str], list[str]]] = {}
        self._country_mentions: dict[str, int] = {}  # country -> mentions of its actors so far
        self._country_order: dict[str, int] = {}  # country -> creation rank of its first actor
        self._mention_log: list[tuple[int, int, str]] = []  # (start char, creation rank, unit key), sorted
        self._rank: dict[str, int] = {}  # unit key -> creation rank

    # ------------------------------------------------------------------ driver
    def run(self) -> tuple[list[Actor], list[MentionLog]]:
        match_list = self._yield_to_places(self._yield_to_people(self.find_names()))
        for m in match_list:
            for i in range(m.start, m.end):
                self.matches[i] = m
        # organisations first: "the group's spokesman" and "Hamas leader X" need them
        self.resolve_named(match_list, organisations=True)
        self.resolve_people(match_list)
        self.resolve_named(match_list, organisations=False)
        self.resolve_agents()
        self.resolve_unknown_entities()
        self.resolve_pronouns()
        return self.assemble()

    # ------------------------------------------------------------------ step 1
    def find_names(self) -> list[_Match]:
        """Knowledge-base aliases and country words, longest first, left to right."""
        kb, texts, toks = self.kb, self.text_, self.toks
        out: list[_Match] = []
        n = len(texts)
        i = 0
        while i < n:
            word = texts[i]
            if not word[:1].isalnum() or is_skipped(word):
                i += 1
                continue
            found: _Match | None = None
            if word[:1].isupper() or word[:1].isdigit():
                maxlen = kb.name_first.get(fold(word))
                if maxlen:
                    keys, idxs, j = [], [], i
                    while j < n and len(keys) < maxlen:
                        w = texts[j]
                        if is_skipped(w):
                            j += 1
                            continue
                        if not (w[:1].isalnum() or w in ("'s", "’s", "'", "&")):
                            break
                        keys.append(fold(w))
                        idxs.append(j)
                        j += 1
                    for length in range(len(keys), 0, -1):
                        hit = kb.names.get(tuple(keys[:length]))
                        if hit and self._plausible_name(toks[i], length, hit):
                            found = _Match(i, idxs[length - 1] + 1, self._choose(hit))
                            break
            if found is None:
                found = self._acronym_at(i)
            if found is None:
                i += 1
                continue
            # an Arabic article written before the name belongs to it ("al-Qaeda")
            start = found.start
            while start > 0 and (self.lower_[start - 1] in ("al", "el", "ul")) or (
                start > 1 and texts[start - 1] == "-" and self.lower_[start - 2] in ("al", "el")
            ):
                start -= 1
            found.start = start
            out.append(found)
            i = found.end
        return out

    def _yield_to_people(self, matches: list[_Match]) -> list[_Match]:
        """A country word inside a person's name is part of the name ("Yair Golan",
        "Chad Smith"): the tagger's PERSON entity wins over it."""
        kept = []
        for m in matches:
            ent = self.ent_at.get(m.start)
            if isinstance(m.target, CountryForm) and ent is not None and ent.label_ == "PERSON" \
                    and (ent.end - ent.start) > (m.end - m.start) and ent.start <= m.start and m.end <= ent.end:
                continue
            kept.append(m)
        return kept

    def _yield_to_places(self, matches: list[_Match]) -> list[_Match]:
        """A country's name followed by a division's noun, that the places stage
        resolved as a division of another country, names that division, not the
        country ("neighbouring Niger state" lies in Nigeria): no actor of the country.
        Only with the noun: a bare country name stays the country's."""
        kept = []
        for m in matches:
            if isinstance(m.target, CountryForm) and m.target.form == "name" \
                    and m.end < len(self.lower_) and self.lower_[m.end] in DIVISION_WORDS:
                first, last = self.toks[m.start], self.toks[m.end - 1]
                over = self._places_over(first.idx, last.idx + len(last.text))
                if over and over[0].feature not in (None, "country", "continent") \
                        and _iso3_of(over[0].country_code) not in (None, m.target.iso3):
                    continue
            kept.append(m)
        return kept

    def _acronym_at(self, i: int) -> _Match | None:
        texts = self.text_
        first = texts[i]
        # an acronym starts with two capitals or a capital and a dot ("U.N.")
        if len(first) < 2 or not first[0].isupper() or not (first[1].isupper() or first[1] == "."):
            return None
        # "PMOI/MEK" is one alias though it may be three tokens
        for length in (3, 1):
            if i + length > len(texts) or (length == 3 and texts[i + 1] not in ("/", "&", "-")):
                continue
            text = "".join(texts[i : i + length])
            key = acronym_key(text)
            if key and key in self.kb.acronyms:
                return _Match(i, i + length, self._choose(self.kb.acronyms[key]))
        return None

    def _plausible_name(self, tok: "Token", length: int, hit: list) -> bool:
        """A one-word alias must stand alone: at the start of a sentence it must be a
        proper noun ("Memorial services were held" is not the rights group), and it
        must not be one part of a longer name ("Moody Awori" is not Modi, "Zia-Ul-Haq"
        is not Al-Haq, "Anti-Corruption Commission" is not the European one)."""
        if length > 1 or isinstance(hit[0], CountryForm):
            return True
        if tok.is_sent_start and tok.pos_ != "PROPN":
            return False
        if acronym_key(tok.text):
            return True
        i = tok.i
        if i > 1 and self.text_[i - 1] in ("-", "‐") and self.text_[i - 2][:1].isupper() and not is_skipped(self.text_[i - 2]):
            return False
        if i > 0 and self._name_part(i - 1):
            return False
        person = any(isinstance(h, Entry) and h.is_person for h in hit)
        if person and i + 1 < len(self.toks) and self._name_part(i + 1):
            return False
        return True

    def _name_part(self, i: int) -> bool:
        """A capitalised proper noun that is not a title, a sector word or sentence start."""
        return (self.pos_[i] == "PROPN" and self.text_[i][:1].isupper() and not self.sent_start_[i]
                and self._lexicon(i)[0] is None and not acronym_key(self.text_[i]))

    def _choose(self, targets: list) -> Any:
        """Among actors sharing an alias, the one holding an office on the date."""
        if len(targets) == 1:
            return targets[0]
        for t in targets:
            if isinstance(t, Entry) and any(r.holds_on(self.day) for r in t.roles):
                return t
        return targets[0]

    # ------------------------------------------------------------------ step 2
    def resolve_people(self, match_list: list[_Match]) -> None:
        """Known people (knowledge base) and unknown people (spaCy PERSON), each
        with its title and apposition."""
        spans: list[tuple[int, int, Entry | None]] = []
        for m in match_list:
            if isinstance(m.target, Entry) and m.target.is_person:
                spans.append((m.start, m.end, m.target))
        doc = self.doc
        for ent in self.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            if any(i in self.matches for i in range(ent.start, ent.end)):
                continue
            start, end = ent.start, ent.end
            if doc[end - 1].text in ("'s", "’s"):
                end -= 1
            # the small model often cuts a name short ("Kamal Osman | Idris")
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and end not in self.matches and doc[end].ent_type_ in ("", "PERSON") and doc[end].dep_ in ("compound", "flat", "nsubj", "appos", "dobj", "pobj", "nsubjpass"):
                end += 1
            while start > 0 and (start - 1) not in self.matches and (
                (doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and self._lexicon(start - 1)[0] is None
                 and doc[start - 1].ent_type_ in ("", "PERSON") and doc[start - 1].dep_ in ("compound", "flat"))
                or (self.text_[start - 1] == "-" and start > 1 and doc[start - 2].pos_ == "PROPN")
            ):
                start -= 1
            if end <= start:
                continue
            if ent.label_ == "ORG" and not self._looks_like_person(start, end):
                continue  # an organisation: step 4
            if ent.label_ == "PERSON" and self._place_country_of(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)) is not None:
                continue  # the places stage resolved it as a toponym ("Khan Younis")
            spans.append((start, end, None))
        spans.sort(key=lambda s: s[0])
        surnames: dict[str, str] = {}
        for start, end, entry in spans:
            self._person(start, end, entry, surnames)
        # a later bare surname of an unknown person ("Masjedi") that spaCy did not tag
        if surnames:
            for i, word in enumerate(self.text_):
                if i in self.taken or not word[:1].isupper() or fold(word) not in surnames:
                    continue
                tok = self.toks[i]
                if tok.pos_ != "PROPN":
                    continue
                key = surnames.get(fold(tok.text))
                if key:
                    self._add(key, tok.i, tok.i + 1, "same surname as an earlier mention")

    def _person(self, start: int, end: int, entry: Entry | None, surnames: dict[str, str]) -> None:
        doc = self.doc
        name_span = doc[start:end]
        root = name_span.root
        title_start = self._title_start(start, end)
        title = self._describe(doc[title_start:start], doc[start - 1] if title_start < start else None) if title_start < start else None
        appos = self._apposition(root, start, end)
        why_parts = []
        if entry is not None:
            country, intl, sector, role, why = entry.status_on(self.day)
            why_parts.append(f"knowledge base: {entry.name} ({why})")
            key = f"kb:{entry.id}"
            name, kind, wikidata = entry.name, "named", entry.wikidata
            role_title = role.title if role else None
        else:
            country = intl = sector = role_title = wikidata = None
            last = fold(doc[end - 1].text)
            key = surnames.get(last) or f"person:{last}"
            name, kind = name_span.text, "unknown"
        for desc, label in ((title, "title"), (appos, "apposition")):
            if not desc:
                continue
            d_countries, d_intl, d_sector, d_why, d_title = desc[:5]
            d_country = next((c for c in d_countries if c), None)
            if d_sector == "ELI":
                sector = "ELI"
            elif d_sector and (entry is None or sector in (None, "ELI", "CVL") or role_title is None):
                sector = d_sector
            if country is None and intl is None:
                country, intl = d_country, d_intl
            role_title = role_title or d_title
            why_parts.append(f"{label}: {d_why}")
        if entry is None and country is None and intl is None:
            country = self._context_country(start)
            if country:
                why_parts.append(f"country from context ({country})")
        unit = self._unit(key, name, country, sector, kind, wikidata=wikidata, international=intl, role=role_title,
                          why="; ".join(why_parts), is_person=True)
        if entry is None and unit.kind == "unknown" and len(name_span) > len(unit.name.split()):
            unit.name = name_span.text  # the fullest form of the name
        first = title_start if title else start
        self._add(key, first, end, unit.why or "name")
        if appos:
            a_start, a_end = appos[5] if len(appos) > 5 else (None, None)
            if a_start is not None:
                self._add(key, a_start, a_end, "apposition to " + name)
        if entry is None:
            surnames.setdefault(fold(doc[end - 1].text), key)

    def _looks_like_person(self, start: int, end: int) -> bool:
        """A name the tagger called an organisation but the text describes as a person
        ("Farhad Tavakkoli, Iran's ambassador"; "Defence Minister X")."""
        root = self.doc[start:end].root
        appos = self._apposition(root, start, end)
        if appos is not None and self._is_person_word(self.doc[appos[5][1] - 1]):
            return True
        k = start - 1
        return k >= 0 and self.doc[k].pos_ in ("NOUN", "PROPN") and self._is_person_word(self.doc[k]) and self.doc[k].text[:1].isupper()

    def _title_start(self, start: int, end: int) -> int:
        """Where the title written before a name begins ("U.S. Secretary of State")."""
        doc = self.doc
        root = doc[start:end].root
        # the words before the name inside its own phrase: its subtree, up to a comma
        subtree_left = root.left_edge.i
        first = start
        k = start - 1
        while k >= subtree_left:
            tok = doc[k]
            if (tok.i in self.taken and tok.i not in self.matches) or tok.text in (",", ";", ":", "(", ")", '"', "“", "”") \
                    or tok.pos_ in ("VERB", "AUX"):
                break
            first = k
            k -= 1
        # a title must hold a sector word or a country: plain "Mr" or "the" is not one
        while first < start and doc[first].dep_ in ("det", "punct", "cc"):
            first += 1
        if first < start and self._describe(doc[first:start], doc[start - 1]) is None:
            return start
        return first

    def _apposition(self, root: "Token", start: int, end: int):
        """The description set beside a name: "X, Iran's ambassador" or "Iran's ambassador, X"."""
        candidates = []
        if root.dep_ == "appos" and root.head.i not in range(start, end):
            # the parser may hang the apposition on the last noun of the description
            # ("Iran's ambassador to Iraq, Iraj Masjedi" -> on "Iraq"): climb to its head noun
            h = root.head
            candidates.append(h)
            for _ in range(2):
                if h.dep_ == "pobj" and h.head.dep_ == "prep":
                    h = h.head.head
                    candidates.append(h)
        candidates.extend(c for c in root.children if c.dep_ == "appos")
        for head in candidates:
            if head.i in self.taken or head.pos_ not in ("NOUN", "PROPN"):
                continue
            lex = self._lexicon_at(head)
            if lex is None:
                continue
            left = self._left_edge(head)
            desc = self._describe(self.doc[left : head.i + 1], head)
            if desc:
                return (*desc, (left, head.i + 1))
        return None

    # ------------------------------------------------------------------ named organisations and countries
    def resolve_named(self, match_list: list[_Match], organisations: bool) -> None:
        for m in match_list:
            target = m.target
            if isinstance(target, Entry):
                if organisations and not target.is_person:
                    self._organisation(m, target)
            elif not organisations:
                self._country_word(m, target)

    def _organisation(self, m: _Match, entry: Entry) -> None:
        if any(i in self.taken for i in range(m.start, m.end)):
            return
        if entry.context_required and entry.country not in self._article_countries():
            # "Labour" in an Israeli story is not the British party: a party of the story's country
            country = self._context_country(m.start)
            name = self.doc[m.start:m.end].text
            why = f"'{name}' names parties of many countries; country from context ({country})"
            key = f"org:{'-'.join(fold(t) for t in self.text_[m.start:m.end])}:{country}"
            self._unit(key, name, country, entry.sector, "unknown", why=why)
            self._add(key, m.start, m.end, why)
            return
        country, intl, sector, role, why = entry.status_on(self.day)
        kind = "organisation"
        unit = self._unit(f"kb:{entry.id}", entry.name, country, sector, kind, wikidata=entry.wikidata,
                          international=intl, role=role.title if role else None,
                          why=f"knowledge base: {entry.name} ({why})")
        self._add(unit.key, m.start, m.end, unit.why)

    def _country_word(self, m: _Match, form: CountryForm) -> None:
        if any(i in self.taken for i in range(m.start, m.end)):
            return
        head = self.toks[m.end - 1]
        if head.ent_type_ == "ORG":
            ent = self.ent_at.get(head.i)
            if ent is not None and (ent.end - ent.start) > (m.end - m.start) + (1 if ent[0].lower_ == "the" else 0):
                return  # part of an organisation's name ("Kenya Anti-Corruption Commission"): step 4
        # a country word that modifies an agent ("Iraqi forces", "Hungarian and Romanian
        # officials") is that agent's country and is consumed there; one that modifies
        # anything else is the country itself
        mod = head
        while mod.dep_ == "conj" and mod.head.i < mod.i:
            mod = mod.head
        if mod.dep_ in ("amod", "compound", "nmod", "poss") and self._lexicon_at(mod.head) is not None and mod.head.i not in self.taken \
                and not (mod.head.dep_ in ("attr", "oprd") or (mod.head.dep_ == "pobj" and mod.head.head.lower_ == "as")):
            return
        if self._is_dateline(m) and (form.form == "capital" or self.text_[m.start].isupper()):
            self.taken.update(range(m.start, m.end))
            return  # "BAGHDAD (Reuters) -", "GAZA CITY —": where the story was filed
        if form.form == "capital":
            if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
                return  # a place ("protests in Tehran"), not the government
            if head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
                return  # "Baghdad University": a modifier of something else
            key = f"agent:{form.iso3}:GOV"
            self._unit(key, f"{form.name} government", form.iso3, "GOV", "agent", why=f"capital as metonym for the {form.name} government")
            self._add(key, m.start, m.end, f"capital as metonym for the {form.name} government")
            return
        if form.form == "people":
            # "Bosnian Serbs", "Iraqi Kurds": the state written before the people is theirs;
            # "ethnic Albanians": an ethnicity, whose country the context tells
            start, iso3, why = m.start, form.iso3, f"the people of {form.name}"
            for c in head.children:
                cm = self.matches.get(c.i)
                if c.i < head.i and c.dep_ in ("amod", "compound", "nmod") and cm is not None and isinstance(cm.target, CountryForm):
                    start, iso3, why = min(start, cm.start), cm.target.iso3, f"{form.name} people of {cm.target.name}"
            for c in head.children:  # "the Albanians of southern Serbia", "Kurds in Syria"
                if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                    for pobj in c.children:
                        pm = self.matches.get(pobj.i)
                        if pm is not None and isinstance(pm.target, CountryForm) and pm.target.iso3 != form.iso3:
                            iso3, why = pm.target.iso3, f"{form.name} people '{c.text} {pobj.text}' -> {pm.target.iso3}"
            if iso3 == form.iso3 and self._is_ethnic(m.start):
                other = self._context_country(m.start, exclude=form.iso3)
                start = m.start - 1
                if other:
                    iso3, why = other, f"ethnic {form.name} people; country from context ({other})"
            key = f"agent:{iso3}:CVL"
            self._unit(key, f"{_country_name(iso3)} civilians", iso3, "CVL", "agent", why=why)
            self._add(key, start, m.end, why)
            return
        key = f"country:{form.iso3}"
        why = f"{form.form} of {form.name}"
        self._unit(key, form.name, form.iso3, None, "country", why=why)
        self._add(key, m.start, m.end, why)

    # ------------------------------------------------------------------ step 3
    def resolve_agents(self) -> None:
        lex = self.kb.sectors.last_words
        for i, pos in enumerate(self.pos_):
            if i in self.taken or (self.lower_[i] not in lex and self.lemma_[i] not in lex) or pos not in ("NOUN", "PROPN"):
                continue
            tok = self.toks[i]
            if tok.ent_type_ in ("PERSON", "GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "CARDINAL") and tok.pos_ == "PROPN":
                continue
            if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN" and not self._generic_name(i):
                continue  # a proper organisation name: step 4
            if self._lexicon_at(tok) is None:
                continue
            if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
                continue  # a modifier of another noun ("police station", "government forces")
            if tok.dep_ in ("attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
                continue  # "acts as the secret governor": a predicate about the subject
            self._agent(tok)
        self.resolve_unclaimed_attacks()

    def resolve_unclaimed_attacks(self) -> None:
        """A bomb or blast that acts with no one named behind it ("a roadside bomb killed
        two soldiers", "were killed by an explosive device", "died in a car bomb
        explosion"): an unidentified armed group (PLOVER UAF) of the country where it
        went off, as ACLED and the CAMEO-coded gold record such attacks."""
        for i, lemma in enumerate(self.lemma_):
            if lemma not in ATTACK_MEANS or i in self.taken or self.pos_[i] != "NOUN":
                continue
            tok = self.toks[i]
            if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in ATTACK_MEANS:
                continue  # "car bomb explosion": the head noun speaks for the phrase
            head = tok.head
            acts = (tok.dep_ == "nsubj" and head.pos_ == "VERB") or (tok.dep_ == "pobj" and head.dep_ == "agent") or (
                tok.dep_ == "pobj" and head.lower_ in ("in", "by") and head.head.pos_ == "VERB"
                and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.head.children))
            if not acts or any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
                continue  # "a bombing by the rebels": the rebels are named
            left = self._left_edge(tok)
            country = self._context_country(i, local=True)
            why = f"'{tok.text}' with no one named behind it -> unidentified armed group" + (f"; country from context ({country})" if country else "")
            key = f"agent:{country}:UAF"
            owner = _country_name(country) if country else "unattributed"
            self._unit(key, f"{owner} unidentified armed forces", country, "UAF", "agent", why=why)
            self._add(key, left, i + 1, why)

    def _agent(self, head: "Token") -> None:
        left = self._left_edge(head)
        if head.dep_ == "appos" and head.head.i in self.unit_at:
            # "Kataib Hezbollah, an Iran-backed militia": a description of the organisation
            owner = self.units[self.unit_at[head.head.i]]
            if owner.kind in ("organisation", "unknown") and not owner.is_person:
                self._add(owner.key, left, head.i + 1, f"apposition to {owner.name}")
                return
        desc = self._describe(self.doc[left : head.i + 1], head, use_context=True)
        if desc is None:
            return
        countries, intl, sector, why, title = desc
        is_person_word = self._is_person_word(head)
        entry = self._org_modifier(left, head)
        if entry is not None:
            # "Hezbollah fighters", "the PMF's paramilitary troops": the group itself
            c, i, s, role, w = entry.status_on(self.day)
            key = f"kb:{entry.id}"
            self._unit(key, entry.name, c, s, "organisation", wikidata=entry.wikidata, international=i, why=f"knowledge base: {entry.name} ({w})")
            self._add(key, left, head.i + 1, f"{head.text} of {entry.name}")
            # "US and Taliban officials": the other owners named beside the group keep their own actor
            countries = [x for x in countries if x and x != c]
            if not countries:
                return
        elif not is_person_word and sector not in NOT_MEMBERS:
            owner = self._possessor_group(head)
            if owner is not None:
                # "its fighters" after the Arakan Army: the group's own members
                self._add(owner.key, left, head.i + 1, f"{head.text} of {owner.name}")
                return
        singular = head.tag_ in ("NN", "NNP")
        for country in countries or [None]:
            # a singular office with a known country is its holder on the date
            if title and is_person_word and singular and sector != "ELI" and (country or intl):
                holders = self.kb.holders(country or intl, title, self.day)
                if len(holders) == 1:
                    entry, role = holders[0]
                    key = f"kb:{entry.id}"
                    c, i, s, r, w = entry.status_on(self.day)
                    self._unit(key, entry.name, c, s, "named", wikidata=entry.wikidata, international=i, role=role.title,
                               why=f"{title} of {country or intl} on {self.day}", is_person=True)
                    self._add(key, left, head.i + 1, f"{title} of {country or intl} on {self.day}: {entry.name}")
                    continue
            antecedent = None
            if country is None and intl is None and not self._no_country(left, head):
                # "the regime" after "the Iranian regime"; "an embassy" is a new one
                if not self._is_indefinite(left, head):
                    antecedent = self._antecedent(head.idx, lambda u: u.sector == sector and not u.is_person
                                                  and (u.kind == "agent" and bool(u.country or u.international)
                                                       or u.kind == "organisation" and bool(u.country)),
                                                  window=None if self._is_definite(left, head) else PRONOUN_WINDOW)
                if antecedent is not None:
                    self._add(antecedent.key, left, head.i + 1, f"short form of {antecedent.name}")
                    continue
                country = self._context_country(head.i, exclude=self._posted_in(head) or self._patron_in(left, head),
                                                local=self._is_local(sector, left, head))
                why = f"{why}; country from context ({country})" if country else why
            if is_person_word and singular:
                key = f"agent:{country or intl}:{sector}:{(title or head.lemma_).lower()}:{head.i}"
            else:
                key = f"agent:{country or intl}:{sector}"
            name = self._agent_name(country, intl, sector, head if is_person_word and singular else None)
            self._unit(key, name, country, sector, "agent", international=intl, role=title if is_person_word else None,
                       why=why, is_person=is_person_word and singular)
            self._add(key, left, head.i + 1, why)

    def _agent_name(self, country: str | None, intl: str | None, sector: str | None, person_head) -> str:
        owner = _country_name(country) if country else (intl or "unattributed")
        label = self.kb.sectors.labels.get(sector or "", (sector or "actor").lower())
        if person_head is not None:
            return f"{owner} {person_head.lemma_.lower()}"
        return f"{owner} {label}"

    # ------------------------------------------------------------------ step 4
    def resolve_unknown_entities(self) -> None:
        for ent in self.ents:
            if ent.label_ not in ("ORG", "NORP"):
                continue
            if any(i in self.taken for i in range(ent.start, ent.end)):
                continue
            toks = [t for t in ent if t.text not in ("'s", "’s")]
            if toks and toks[0].lower_ == "the":
                toks = toks[1:]
            if not toks:
                continue
            start, end = toks[0].i, toks[-1].i + 1
            if self.text_[start].isupper() and len(self.text_[start]) > 1 and self._is_dateline(_Match(start, end, None)):
                continue  # "MANCHESTER, England -": a dateline
            place_country = self._place_country_of(ent.start_char, ent.end_char)
            if place_country is not None and ent.label_ == "ORG":
                # the places stage resolved it as a toponym ("Kharkiv" tagged ORG): an actor
                # only by metonymy, so it keeps the place's country and no sector
                key = f"org:{'-'.join(fold(t.text) for t in toks)}"
                why = f"a place named like an organisation; country of the place ({place_country})"
                self._unit(key, self.doc[start:end].text, place_country or None, None, "unknown", why=why)
                self._add(key, start, end, why)
                continue
            if ent.label_ == "NORP":
                # "Kurds", "Shiites": a people; as adjectives they only modify
                if ent.root.tag_ not in ("NNS", "NNPS") or ent.root.dep_ in ("amod", "compound"):
                    continue
                country = None
                for c in ent.root.children:  # "Iraqi Kurds": the state written before the people
                    cm = self.matches.get(c.i)
                    if c.i < ent.root.i and cm is not None and isinstance(cm.target, CountryForm) and not self._is_ethnic(cm.start):
                        country, start = cm.target.iso3, min(start, cm.start)
                country = country or self._context_country(start)
                key = f"group:{'-'.join(fold(t.text) for t in toks)}"
                why = "people named by the text" + (f"; country from context ({country})" if country else "")
                self._unit(key, self.doc[start:end].text, country, "CVL", "unknown", why=why)
                self._add(key, start, end, why)
                continue
            countries = []
            for t in toks:
                m = self.matches.get(t.i)
                if m is not None and isinstance(m.target, CountryForm):
                    countries.append(m.target.iso3)
                elif m is not None and isinstance(m.target, Entry) and m.target.country:
                    countries.append(m.target.country)
            sector = None
            for t in sorted(toks, key=lambda t: t is not ent.root):
                sector = self._lexicon_at(t)
                if sector:
                    break
            country = countries[0] if countries else self._context_country(start, places_only=True)
            why = "organisation not in the knowledge base"
            if countries:
                why += f"; country from its name ({country})"
            elif country:
                why += f"; country from context ({country})"
            if sector:
                why += f"; sector from its name ({sector})"
            key = f"org:{'-'.join(fold(t.text) for t in toks)}"
            self._unit(key, self.doc[start:end].text, country, sector, "unknown", why=why)
            self._add(key, start, end, why)

    # ------------------------------------------------------------------ step 5
    def resolve_pronouns(self) -> None:
        for i, low in enumerate(self.lower_):
            if i in self.taken or (low not in MALE_FEMALE_PRONOUNS and low not in GROUP_SHORT_FORMS and low not in PLURAL_PRONOUNS):
                continue
            tok = self.toks[i]
            if low in MALE_FEMALE_PRONOUNS and self.pos_[i] == "PRON" or (low in ("his", "her") and tok.tag_ == "PRP$"):
                unit = self._antecedent(tok.idx, lambda u: u.is_person and u.kind != "agent", window=PRONOUN_WINDOW)
                if unit is None:
                    unit = self._antecedent(tok.idx, lambda u: u.is_person, window=PRONOUN_WINDOW)
                if unit is not None:
                    self._add(unit.key, tok.i, tok.i + 1, f"pronoun for {unit.name}")
            elif low in PLURAL_PRONOUNS and self.pos_[i] == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
                # "Protesters held pictures ... They also targeted ...": the group that was
                # the subject of the sentence before (or earlier in this one)
                unit = self._group_subject_before(i)
                if unit is not None:
                    self._add(unit.key, tok.i, tok.i + 1, f"pronoun for {unit.name}")
            elif low in GROUP_SHORT_FORMS and i > 0 and self.lower_[i - 1] in DEFINITE:
                unit = self._antecedent(tok.idx, lambda u: u.kind in ("organisation", "unknown") and not u.is_person
                                        and (u.key.startswith("kb:") or u.key.startswith("org:")), window=PRONOUN_WINDOW)
                if unit is not None:
                    self._add(unit.key, tok.i - 1, tok.i + 1, f"short form of {unit.name}")

    # ------------------------------------------------------------------ description analysis
    def _lexicon(self, i: int) -> tuple[str | None, tuple[str, ...] | None]:
        """(sector, matched words) of the head noun at token i with the words before
        it ("prime minister", "security forces"), longest first; memoised per token."""
        hit = self._lex_memo.get(i)
        if hit is not None:
            return hit
        lex = self.kb.sectors
        result: tuple[str | None, tuple[str, ...] | None] = (None, None)
        lower, lemma = self.lower_[i], self.lemma_[i]
        if lower in lex.last_words or lemma in lex.last_words:
            for length in range(min(lex.max_len, i + 1), 0, -1):
                before = tuple(w for w in self.lower_[i - length + 1 : i] if w != "-")
                for last in (lower, lemma):
                    code = lex.heads.get(before + (last,))
                    if code:
                        result = (code, before + (last,))
                        break
                if result[0]:
                    break
        self._lex_memo[i] = result
        return result

    def _lexicon_at(self, tok: "Token") -> str | None:
        """The sector of a head noun (with the words before it), or None."""
        return self._lexicon(tok.i)[0]

    def _lexicon_key(self, tok: "Token") -> tuple[str, ...] | None:
        return self._lexicon(tok.i)[1]

    def _is_person_word(self, tok: "Token") -> bool:
        key = self._lexicon_key(tok)
        if key is None:
            return False
        lex = self.kb.sectors
        return key in lex.person_words or (key[-1],) in lex.person_words

    def _left_edge(self, head: "Token") -> int:
        """First token of the noun phrase that `head` ends."""
        left = head.i
        stack = [c for c in head.children if c.i < head.i and c.dep_ in LEFT_DEPS and c.dep_ != "appos"]
        while stack:
            c = stack.pop()
            if c.i < left:
                left = c.i
            stack.extend(g for g in c.children if g.i < head.i)
        # never reach back over a comma into another phrase
        for k in range(head.i - 1, left - 1, -1):
            if self.doc[k].text in (",", ";", "(", ")"):
                return k + 1
        return left

    def _describe(self, span: "SpacySpan", head: "Token | None", use_context: bool = False):
        """(countries, international, sector, why, title) of a description such as
        "the former Iraqi Prime Minister" or "Iran's ambassador to Iraq"; None when it
        names no sector and no owner."""
        if head is None or len(span) == 0:
            return None
        doc = self.doc
        # the head: the last sector word of the span
        sector_head = None
        for tok in reversed(span):
            if self._lexicon_at(tok):
                sector_head = tok
                break
        countries: list[str | None] = []
        intl = None
        ethnic = None  # "ethnic Albanian guerrillas": a people, not a state
        org_sector = None  # "Hamas leader", "the group's spokesman": the organisation's sector
        whys = []
        for tok in span:
            m = self.matches.get(tok.i)
            if m is None:
                continue
            target = m.target
            if tok.i == m.end - 1 and self._patron_follows(tok.i):
                whys.append(f"'{tok.text}' backs it, does not own it")
                continue
            if isinstance(target, CountryForm) and self._stance_precedes(m.start):
                if tok.i == m.end - 1:
                    whys.append(f"'{self.text_[m.start - 2]}-{tok.text}' is a stance toward {target.iso3}, not its country")
                continue
            if isinstance(target, Entry) and not target.is_person and target.international not in ("UNO", "EUR", "IGO") \
                    and tok.i == m.end - 1 and target.kind != "institution":
                org_sector = target.status_on(self.day)[2] or org_sector
            if isinstance(target, CountryForm):
                if self._is_ethnic(m.start):
                    ethnic = target.iso3
                    continue
                if target.iso3 not in countries:
                    countries.append(target.iso3)
                    whys.append(f"{target.form} '{tok.text}' -> {target.iso3}")
            elif isinstance(target, Entry) and tok.i == m.end - 1:
                c, i, s, _, _ = target.status_on(self.day)
                if c and c not in countries:
                    countries.append(c)
                    whys.append(f"'{target.name}' -> {c}")
                elif i and not countries:
                    intl = i
                    whys.append(f"'{target.name}' -> {i}")
        # a possessor that is itself an actor ("the Iranian regime's ambassador", "the
        # regime's terrorists") or a possessive pronoun ("its proxy groups")
        anchor = sector_head or head
        for c in anchor.children:
            if c.dep_ != "poss" or c.i in self.matches:
                continue
            owner = None
            if c.i in self.unit_at:
                owner = self.units[self.unit_at[c.i]]
            elif c.lower_ in POSSESSIVE_PRONOUNS:
                owner = self._subject_before(c)
                if owner is None:
                    owner = self._antecedent(c.idx, lambda u: (u.country or u.international) and not u.is_person
                                             and u.kind in ("agent", "organisation", "unknown"), window=1)
            elif c.lower_ in GROUP_SHORT_FORMS and c.i > 0 and self.lower_[c.i - 1] in DEFINITE:
                owner = self._antecedent(c.idx, lambda u: u.kind in ("organisation", "unknown") and not u.is_person
                                         and (u.key.startswith("kb:") or u.key.startswith("org:")), window=PRONOUN_WINDOW)
                if owner is not None:
                    self._add(owner.key, c.i - 1, c.i + 1, f"short form of {owner.name}")
            if owner is not None and owner.kind in ("organisation", "unknown") and owner.sector and not owner.international:
                org_sector = owner.sector
            if owner is not None and (owner.country or owner.international):
                if owner.country and owner.country not in countries:
                    countries.append(owner.country)
                elif owner.international and not countries:
                    intl = owner.international
                whys.append(f"possessor '{c.text}' -> {owner.name}")
            elif self._lexicon_at(c):
                inner = self._describe(doc[self._left_edge(c) : c.i + 1], c)
                if inner and inner[0]:
                    for ic in inner[0]:
                        if ic and ic not in countries:
                            countries.append(ic)
                            whys.append(f"possessor '{c.text}' -> {ic}")
        # "the people of Iraq", "President of Armenia"
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for pobj in c.children:
                    if pobj.dep_ != "pobj":
                        continue
                    m = self.matches.get(pobj.i)
                    if m is None:
                        # "of the Syrian Golan Heights": a country word among the object's modifiers
                        for g in pobj.children:
                            gm = self.matches.get(g.i)
                            if g.i < pobj.i and gm is not None and isinstance(gm.target, CountryForm):
                                m = gm
                                break
                    if m is not None and isinstance(m.target, CountryForm) and m.target.iso3 not in countries:
                        countries.append(m.target.iso3)
                        whys.append(f"'of {pobj.text}' -> {m.target.iso3}")
                    elif m is not None and isinstance(m.target, Entry) and not countries:
                        ce, ie, _, _, _ = m.target.status_on(self.day)
                        if ce:
                            countries.append(ce)
                        elif ie:
                            intl = ie
                        whys.append(f"'of {m.target.name}'")
        # "protesters in Baghdad", "officials in Iraq"
        if not countries and use_context and anchor.lemma_.lower() not in POSTED_ABROAD:
            for c in anchor.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "from", "across", "throughout"):
                    for pobj in c.children:
                        m = self.matches.get(pobj.i)
                        iso = None
                        if m is not None and isinstance(m.target, CountryForm):
                            iso = m.target.iso3
                        else:
                            iso = self._place_country_at(pobj.idx)
                        if iso:
                            countries.append(iso)
                            whys.append(f"'{c.text} {pobj.text}' -> {iso}")
        if ethnic and not countries and use_context:
            other = self._context_country(head.i, exclude=ethnic)
            if other:
                countries.append(other)
                whys.append(f"ethnic group; country from context ({other})")
        sector = self._lexicon_at(sector_head) if sector_head is not None else None
        title = None
        if sector_head is not None:
            key = self._lexicon_key(sector_head)
            if key:
                title = TITLE_SYNONYMS.get(" ".join(key), " ".join(key))
                if sector_head.tag_ in ("NNS", "NNPS") and title.endswith("s"):
                    title = title[:-1] if " ".join(key) != title else title
            if org_sector and sector_head.lemma_.lower() in ORG_ROLE_WORDS:
                whys.append(f"speaks for an organisation -> {org_sector}")
                sector = org_sector
            # a modifier can change the sector ("former minister", "opposition forces")
            mod = self._modifier_sector(span, sector_head)
            if mod and mod != sector:
                whys.append(f"modifier -> {mod}")
                sector = mod
            whys.insert(0, f"'{sector_head.text}' -> {self._lexicon_at(sector_head)}")
        if sector is None and not countries and intl is None:
            return None
        return countries, intl, sector, "; ".join(whys), title

    def _modifier_sector(self, span: "SpacySpan", sector_head: "Token") -> str | None:
        lex = self.kb.sectors
        words = []
        toks = [t for t in span if t.i < sector_head.i and t.i not in self.matches]
        k = 0
        while k < len(toks):
            w = toks[k].lower_
            # "anti-government" is three tokens
            if k + 2 < len(toks) and toks[k + 1].text == "-":
                words.append(f"{w}-{toks[k + 2].lower_}")
            words.append(w)
            k += 1
        # the multi-word head itself is not a modifier ("prime minister")
        head_key = self._lexicon_key(sector_head) or ()
        words = [w for w in words if w not in head_key]
        hits = {lex.modifiers[w] for w in words if w in lex.modifiers}
        for code in lex.modifier_order:
            if code in hits:
                return code
        return None

    def _org_modifier(self, left: int, head: "Token") -> Entry | None:
        """A knowledge-base group written before or as possessor of an agent head
        ("Hezbollah fighters", "the PMF's troops"); international bodies are not
        ("UN peacekeepers" stay UN military)."""
        for k in range(left, head.i):
            m = self.matches.get(k)
            if m is not None and isinstance(m.target, Entry) and not m.target.is_person:
                entry = m.target
                if entry.international in ("UNO", "EUR", "IGO") or entry.kind == "institution":
                    return None
                return entry
        return None

    def _generic_name(self, i: int) -> bool:
        """An ORG entity written only with sector and country words ("Cabinet", "Latvian
        Constitutional Court", "Serbian Parliament") names an agent, not a proper body."""
        tok = self.toks[i]
        ent = self.ent_at.get(i)
        if ent is None:
            return True
        for t in ent:
            if t.lower_ in ("the", "'s", "’s") or t.i in self.matches:
                continue
            lex = self._lexicon(t.i)[1]
            if lex is None and not any(t.lower_ in k for k in (self._lexicon_key(tok) or (),)):
                return False
        return True

    def _article_countries(self) -> set[str]:
        """Every country the article names (country words, places, focus country)."""
        if self._countries_named is None:
            found = {m.target.iso3 for m in self.matches.values() if isinstance(m.target, CountryForm)}
            found.update(c for cs in self._place_countries.values() for c in cs)
            focus = _iso3_of(self.ann.notes.get("focus_country"))
            if focus:
                found.add(focus)
            self._countries_named = found
        return self._countries_named

    def _is_dateline(self, m: _Match) -> bool:
        """A place name opening a paragraph and followed by "(Agency)" or a dash."""
        first = m.start == 0 or self.text_[m.start - 1].count("\n") > 0 or self.sent_start_[m.start]
        end = m.end
        while end < len(self.text_) and self.text_[end].isupper() and self.text_[end].isalpha():
            end += 1  # "GAZA CITY"
        nxt = self.text_[end] if end < len(self.text_) else ""
        return first and (nxt in ("(", "-", "—", "–", ",", ":") or self.text_[m.start].isupper())

    def _patron_in(self, left: int, head: "Token") -> str | None:
        for k in range(left, head.i):
            m = self.matches.get(k)
            if m is not None and isinstance(m.target, CountryForm) and (self._patron_follows(k) or self._stance_precedes(m.start)):
                return m.target.iso3
        return None

    def _patron_follows(self, i: int) -> bool:
        """'Iran-backed', 'US-led': the word after the hyphen makes the country a patron."""
        return i + 2 < len(self.lower_) and self.lower_[i + 1] in ("-", "‐") and self.lower_[i + 2] in PATRON_WORDS

    def _stance_precedes(self, i: int) -> bool:
        """'anti-Syria', 'pro-Iran': the word before the hyphen makes the country the object
        of a stance ("an anti-Syria journalist" is not Syrian)."""
        return i >= 2 and self.lower_[i - 1] in ("-", "‐") and self.lower_[i - 2] in STANCE_PREFIXES

    def _is_ethnic(self, i: int) -> bool:
        """'ethnic Albanians', 'ethnic Turks': a people named by ethnicity, not by state."""
        return i > 0 and self.lower_[i - 1] == "ethnic"

    def _no_country(self, left: int, head: "Token") -> bool:
        # "foreign" in "foreign ministry" is part of the office's name, not a sign of no country
        own = {"foreign"} & set(self._lexicon_key(head) or ())
        return any(self.lower_[k] in NO_COUNTRY_WORDS and self.lower_[k] not in own for k in range(left, head.i))

    def _is_local(self, sector: str | None, left: int, head: "Token") -> bool:
        """Actors that belong to the place where the story happens: residents, victims,
        police, hospitals; and officials called regional, local, provincial, ..."""
        if sector in LOCAL_SECTORS:
            return True
        return any(self.lower_[k] in LOCAL_WORDS for k in range(left, head.i + 1))

    def _posted_in(self, head: "Token") -> str | None:
        """The host country of an embassy or envoy ("an embassy in Tehran"): not its own."""
        if head.lemma_.lower() not in POSTED_ABROAD:
            return None
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "to", "at"):
                for pobj in c.children:
                    m = self.matches.get(pobj.i)
                    if m is not None and isinstance(m.target, CountryForm):
                        return m.target.iso3
        return None

    def _is_indefinite(self, left: int, head: "Token") -> bool:
        return any(self.lower_[k] in ("a", "an", "another", "some", "several", "many", "other") for k in range(left, head.i))

    def _is_definite(self, left: int, head: "Token") -> bool:
        return any(self.doc[k].lower_ in DEFINITE or self.doc[k].dep_ == "poss" for k in range(left, head.i))

    # ------------------------------------------------------------------ context
    def _places_by_sentence(self, local: bool = False) -> dict[int, list[str]]:
        """Countries of the places resolved in each sentence; `local`: only towns, cities
        and provinces (a country-level place repeats a country word)."""
        out: dict[int, list[str]] = {}
        if not self.ann.places:
            return out
        starts = [s.start_char for s in self.sentences]

        for p in self.ann.places:
            iso3 = _iso3_of(p.country_code)
            if not iso3 or (local and (p.feature in ("country", "region", None) or (p.population or 0) < 50000 and p.feature != "admin1")):
                continue
            si = bisect.bisect_right(starts, p.start) - 1
            out.setdefault(si, []).append(iso3)
        return out

    def _places_over(self, start: int, end: int):
        """Places (in article order) that cover [start, end): only those starting within
        the longest place's length before `start` can."""
        k = bisect.bisect_right(self._place_starts, start)
        lo = bisect.bisect_left(self._place_starts, start - self._place_reach)
        return [p for p in self._places_sorted[lo:k] if p.start <= start and end <= p.end]

    def _place_country_of(self, start: int, end: int) -> str | None:
        """The country of a place the places stage resolved over exactly this stretch (or more)."""
        for p in self._places_over(start, end):
            return _iso3_of(p.country_code) or ""
        return None

    def _place_country_at(self, char: int) -> str | None:
        for p in self._places_over(char, char + 1):
            return _iso3_of(p.country_code)
        return None

    def _context_country(self, tok_i: int, places_only: bool = False, exclude: str | None = None, local: bool = False) -> str | None:
        """The country the text around a mention supports: the nearest country word in
        its sentence, a resolved place in it, the article's focus country, a named
        organisation of one country in the sentence, then the article's most named
        country. `exclude`: a country that must not be the answer."""
        si = self.sent_of.get(tok_i, 0)
        if local:
            # people of a place ("four people were killed ... in Kharkiv", "the regional
            # governor") belong where the sentence happens, before any country word
            for iso in self._local_place_countries.get(si, []):
                if iso != exclude:
                    return iso
        positions, codes, orgs = self._sentence_index(si)
        if positions:
            near = self._nearest_country(positions, codes, tok_i, exclude)
            if near:
                return near
        for iso in self._place_countries.get(si, []):
            if iso != exclude:
                return iso
        if places_only:
            return None
        focus = _iso3_of(self.ann.notes.get("focus_country"))
        if focus and focus != exclude:
            return focus
        for country in orgs:  # a named organisation of one country in the sentence ("... demands from UNITA")
            if country != exclude:
                return country
        best, best_key = None, None
        for country, count in self._country_mentions.items():
            if country == exclude:
                continue
            key = (count, -self._country_order[country])
            if best_key is None or key > best_key:
                best, best_key = country, key
        return best

    def _sentence_index(self, si: int) -> tuple[list[int], list[str], list[str]]:
        """For sentence `si`: the token positions of country words (sorted) with their
        codes, and the countries of its one-country organisations in order of appearance
        (each once). Built once per sentence, so a look-up costs no more in a long one."""
        cached = self._sentence_context.get(si)
        if cached is None:
            positions: list[int] = []
            codes: list[str] = []
            orgs: list[str] = []
            if self.sentences:
                sent = self.sentences[si]
                for i in range(sent.start, sent.end):
                    m = self.matches.get(i)
                    if m is None:
                        continue
                    if isinstance(m.target, CountryForm):
                        positions.append(i)
                        codes.append(m.target.iso3)
                    elif isinstance(m.target, Entry) and not m.target.is_person and m.target.country \
                            and not m.target.context_required and m.target.country not in orgs:
                        orgs.append(m.target.country)
            cached = self._sentence_context[si] = (positions, codes, orgs)
        return cached

    @staticmethod
    def _nearest_country(positions: list[int], codes: list[str], tok_i: int, exclude: str | None) -> str | None:
        """The country word nearest token `tok_i` (at equal distance: the smaller code),
        skipping `exclude`; looks at no more than NEAR_LOOKUP words on each side."""
        k = bisect.bisect_left(positions, tok_i)
        left = next((j for j in range(k - 1, max(-1, k - 1 - NEAR_LOOKUP), -1) if codes[j] != exclude), None)
        right = next((j for j in range(k, min(len(positions), k + NEAR_LOOKUP)) if codes[j] != exclude), None)
        found = [(abs(positions[j] - tok_i), codes[j]) for j in (left, right) if j is not None]
        return min(found)[1] if found else None

    def _possessor_group(self, head: "Token") -> _Unit | None:
        """The organisation a possessor names ("its fighters", "the group's members")."""
        for c in head.children:
            if c.dep_ != "poss":
                continue
            unit = None
            if c.i in self.unit_at:
                unit = self.units[self.unit_at[c.i]]
            elif c.lower_ in POSSESSIVE_PRONOUNS:
                unit = self._subject_before(c) or self._antecedent(
                    c.idx, lambda u: not u.is_person and u.kind in ("agent", "organisation", "unknown") and bool(u.country or u.international), window=1)
            if unit is not None and unit.kind == "organisation" and not unit.is_person and unit.international not in ("UNO", "EUR", "IGO"):
                return unit
        return None

    def _group_subject_before(self, i: int) -> _Unit | None:
        """The plural group (not a person, not a country) that is the subject of a clause
        in this sentence before token i, else in the sentence before (the nearest one,
        within SUBJECT_LOOKBACK tokens)."""
        si = self.sent_of.get(i, 0)
        for sent, stop in ((self.sentences[si], i), (self.sentences[si - 1] if si > 0 else None, None)):
            if sent is None:
                continue
            stop = stop if stop is not None else sent.end
            for k in range(stop - 1, max(sent.start, stop - SUBJECT_LOOKBACK) - 1, -1):
                key = self.unit_at.get(k)
                if key is None:
                    continue
                unit = self.units[key]
                tok = self.toks[k]
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNS", "NNPS") and not unit.is_person \
                        and unit.kind in ("agent", "unknown", "organisation"):
                    return unit
        return None

    def _subject_before(self, pron: "Token") -> _Unit | None:
        """The actor that is the subject of a clause before `pron` in its sentence ("The
        Israeli military said it had targeted militants planning an attack on its troops"):
        the nearest one, within SUBJECT_LOOKBACK tokens."""
        sent = self.sentences[self.sent_of.get(pron.i, 0)]
        for i in range(pron.i - 1, max(sent.start, pron.i - SUBJECT_LOOKBACK) - 1, -1):
            key = self.unit_at.get(i)
            if key is None:
                continue
            tok = self.toks[i]
            unit = self.units[key]
            # "its" needs a singular subject, "their" may take a plural one
            agrees = pron.lower_ == "their" or tok.tag_ not in ("NNS", "NNPS")
            if tok.dep_ in ("nsubj", "nsubjpass") and agrees and not unit.is_person and (unit.country or unit.international):
                return unit
        return None

    def _antecedent(self, char: int, accept, window: int | None) -> _Unit | None:
        """The actor most recently mentioned before `char` that `accept`s, within
        `window` sentences (None: the whole article so far), walking back over at most
        ANTECEDENT_LOOKUP earlier mentions."""
        limit = 0
        if window is not None:
            tok = self.doc.char_span(char, char + 1, alignment_mode="expand")
            si = self.sent_of.get(tok.start, 0) if tok is not None else 0
            limit = self.sentences[max(0, si - window)].start_char if self.sentences else 0
        log = self._mention_log
        k = bisect.bisect_left(log, (char,))
        best: tuple[int, int] | None = None  # (start, creation rank) of the best so far
        found = None
        verdicts: dict[str, bool] = {}
        for j in range(k - 1, max(-1, k - 1 - ANTECEDENT_LOOKUP), -1):
            start, rank, key = log[j]
            if start < limit or (best is not None and start < best[0]):
                break
            ok = verdicts.get(key)
            if ok is None:
                ok = verdicts[key] = bool(accept(self.units[key]))
            # among mentions that start together, the actor made first wins
            if ok and (best is None or rank < best[1]):
                best, found = (start, rank), self.units[key]
        return found

    # ------------------------------------------------------------------ assembly
    def _unit(self, key: str, name: str, country, sector, kind, **extra) -> _Unit:
        then = country_on(country, self.day)
        if then != country:
            # "Juba" in a report from 2000 is a city of Sudan
            name = name.replace(_country_name(country), _country_name(then))
            country = then
        unit = self.units.get(key)
        if unit is None:
            unit = _Unit(key=key, name=name, country=country, sector=sector, kind=kind, **extra)
            self.units[key] = unit
            self._rank[key] = len(self.order)
            self.order.append(key)
            if country and country not in self._country_mentions:
                self._country_mentions[country] = 0
                self._country_order[country] = len(self.order)
        return unit

    def _add(self, key: str, start_tok: int, end_tok: int, why: str) -> None:
        """Record a mention of actor `key` over tokens [start_tok, end_tok)."""
        unit = self.units[key]
        span = self.doc[start_tok:end_tok]
        for i in range(start_tok, end_tok):
            self.taken.add(i)
            self.unit_at.setdefault(i, key)
        start, end = span.start_char, span.end_char
        if (start, end) in unit.spans:
            return
        unit.spans.add((start, end))
        unit.mentions.append((start, end, why))
        if unit.country:
            self._country_mentions[unit.country] += 1
        bisect.insort(self._mention_log, (start, self._rank[key], key))

    def assemble(self) -> tuple[list[Actor], list[MentionLog]]:
        text = self.ann.text
        units = [self.units[k] for k in self.order if self.units[k].mentions]
        units.sort(key=lambda u: min(s for s, _, _ in u.mentions))
        actors: list[Actor] = []
        log: list[MentionLog] = []
        for index, u in enumerate(units):
            mentions = sorted(u.mentions)
            first = mentions[0]
            actors.append(Actor(
                text=text[first[0] : first[1]], start=first[0], end=first[1], name=u.name,
                country=u.country, sector=u.sector, wikidata=u.wikidata,
                mentions=[Span(text=text[s:e], start=s, end=e) for s, e, _ in mentions],
                kind=u.kind, role=u.role, why=u.why or first[2], international=u.international,
            ))
            for s, e, why in mentions:
                log.append(MentionLog(text=text[s:e], start=s, end=e, actor=index, why=why))
        log.sort(key=lambda m: m.start)
        return actors, log


class _LazyTokens:
    """doc[i] on demand, each Token built once (most tokens are never looked at)."""

    def __init__(self, doc: "Doc"):
        self.doc = doc
        self.cache: dict[int, Any] = {}

    def __getitem__(self, i: int):
        tok = self.cache.get(i)
        if tok is None:
            tok = self.cache[i] = self.doc[i]
        return tok

    def __len__(self) -> int:
        return len(self.doc)


def _iso3_of(iso2: str | None) -> str | None:
    if not iso2:
        return None
    c = country_by_iso2(iso2)
    return c.iso3 if c else None


def _country_name(iso3: str) -> str:
    c = country_by_iso3(iso3)
    return c.name if c else iso3
