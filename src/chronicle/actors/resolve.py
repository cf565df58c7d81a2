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
                regime", "the army") join the most recent fitting actor;
 6. quotations  "I", "we", "me" inside a quotation join its speaker, the subject
                of the reporting verb outside it (quotes.py).

The result is one Actor per distinct actor with every mention, plus a log of
(mention, actor, why) for `chronicle actors` and the tests.

Each pass is a mixin of `ArticleResolver` in a module of its own: name_matches.py
(`NameFinder`), people.py, organisations.py, agents.py, coreference.py, quotes.py; the country
context they share is context.py, their vocabulary words.py, the records they build
units.py.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, LOWER, ORTH, POS, SENT_START

from chronicle.actors.agent_modifiers import AgentModifiers
from chronicle.actors.agents import AgentResolver
from chronicle.actors.context import CountryContext
from chronicle.actors.coreference import Coreference
from chronicle.actors.kb import KnowledgeBase
from chronicle.actors.name_matches import NameFinder
from chronicle.actors.organisations import OrganisationResolver
from chronicle.actors.people import PeopleResolver
from chronicle.actors.quotes import QuotedSpeakers
from chronicle.actors.titles import OfficeTitles
from chronicle.actors.units import LazyTokens, MentionLog, NameMatch, Unit, country_name
from chronicle.countries import country_on
from chronicle.record import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from chronicle.stage import Annotations


class ArticleResolver(NameFinder, PeopleResolver, OrganisationResolver, AgentResolver, AgentModifiers, OfficeTitles,
                     CountryContext, Coreference, QuotedSpeakers):
    """Every actor mention of one parsed article, resolved and grouped: `run()` returns the
    actors and the mention log. The passes live in the mixins named above, one module each."""

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
        self.toks = LazyTokens(self.doc)
        self._lex_memo: dict[int, tuple[str | None, tuple[str, ...] | None]] = {}
        self.day = ann.published or _dt.date.today().isoformat()
        self.units: dict[str, Unit] = {}
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
        self.matches: dict[int, NameMatch] = {}  # token index -> the name match covering it
        self.agent_memo: dict[int, tuple[list[str | None], str | None, str | None, str, str | None]] = {}
        self._filed_place_ids: set[int] | None = None  # the dateline's places, found once (_dateline_places)
        self._place_countries = self._places_by_sentence()
        self._local_place_countries = self._places_by_sentence(local=True)
        self._countries_named: set[str] | None = None
        self._focus_seen: bool | None = None  # the focus country named outside the dateline
        self._focus_in_words: bool | None = None  # ... and by a country word (name or demonym)
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
        self._mention_head: dict[int, str] = {}  # start char of a mention -> lemma of its last word
        # people.py: what the text says of unknown people elsewhere, by surname, and the
        # descriptions waiting to join the person they describe
        self._described: dict[str, tuple] = {}
        self._pending_descriptions: list[tuple[tuple[int, int], str]] = []
        self._given_names: dict[str, str] = {}  # unknown person's key -> folded given name
        self._introductions: dict[str, list[tuple[int, str]]] = {}  # folded surname -> (token, key) of full names
        self._known_surnames: dict[str, str] = {}
        # name_matches.py: known people's surnames the article gives to someone else ("Chuck Blair")
        self._others_surnames: set[str] = set()
        self.quote_speakers: list[tuple[int, int, str]] = []  # quotes.py: (start, end, speaker key)  # folded surname -> key of the known person named last

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
        self.resolve_quoted_speakers()
        return self.assemble()

    def _unit(self, key: str, name: str, country, sector, kind, **extra) -> Unit:
        then = country_on(country, self.day)
        if then != country:
            # "Juba" in a report from 2000 is a city of Sudan
            name = name.replace(country_name(country), country_name(then))
            country = then
        unit = self.units.get(key)
        if unit is None:
            unit = Unit(key=key, name=name, country=country, sector=sector, kind=kind, **extra)
            self.units[key] = unit
            self._rank[key] = len(self.order)
            self.order.append(key)
            if country and country not in self._country_mentions and sector != "JRN":
                # a news agency's country (AP, Reuters) says nothing about whose story it is
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
        self._mention_head.setdefault(start, self.lemma_[end_tok - 1])
        unit.mentions.append((start, end, why))
        if unit.country and unit.country in self._country_mentions:
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
                country=u.country, sector=_output_sector(u), wikidata=u.wikidata,
                mentions=[Span(text=text[s:e], start=s, end=e) for s, e, _ in mentions],
                kind=u.kind, role=u.role, why=u.why or first[2], international=u.international,
            ))
            for s, e, why in mentions:
                log.append(MentionLog(text=text[s:e], start=s, end=e, actor=index, why=why))
        log.sort(key=lambda m: m.start)
        index = {u.key: k for k, u in enumerate(units)}
        # Read by the events stage (participants/fill.py): each quotation with an attributed
        # speaker, as (start, end, index into the actors) in text order.
        self.ann.notes["quotation_speakers"] = [(qs, qe, index[key]) for qs, qe, key in self.quote_speakers if key in index]
        return actors, log


# International bodies whose governing organs and officials act as states' governments do
# (the UN, the EU, regional organisations and their envoys): their sector is written IGO,
# and international NGOs' NGO, as the hand-coded events and PLOVER's actor codes have it;
# the resolver itself keeps GOV so that "the envoy" still goes back to "the UN envoy".
IGO_BODIES = frozenset({"UNO", "EUR", "IGO"})


def _output_sector(unit: Unit) -> str | None:
    if unit.country is None and unit.international in IGO_BODIES and unit.sector in (None, "GOV"):
        return "IGO"
    if unit.country is None and unit.international == "NGO" and unit.sector in (None, "SOC", "CVL"):
        return "NGO"  # an international non-governmental organisation (Amnesty, MSF)
    return unit.sector

