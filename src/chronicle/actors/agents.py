"""Pass 3 of actor resolution (resolve.py): agents, sector head nouns with their country."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.actors.kb import TITLE_SYNONYMS, CountryForm, Entry
from chronicle.actors.units import country_name
from chronicle.actors.words import (
    ATTACK_MEANS, BARE_BLASTS, BOMB_WORDS, DEFINITE, SIDE_NOUNS, SIDES_WORDS, GROUP_SHORT_FORMS, LEFT_DEPS, NOT_MEMBERS, ORG_ROLE_WORDS,
    POSSESSIVE_PRONOUNS, POSTED_ABROAD, PRONOUN_WINDOW, STORY_STATE_SECTORS,
)
from chronicle.record import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


class AgentResolver:
    """Pass 3, agents: sector head nouns with their country ("Iraqi forces", "the people of
    Iraq"), described by the words around them. A mixin of `ArticleResolver` (resolve.py)."""

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
        went off, as ACLED and the CAMEO-coded gold record such attacks. A bare
        "explosion" or "blast" names no weapon, so no one: only a bomb's ("a bomb blast",
        "a suicide explosion") does."""
        for i, lemma in enumerate(self.lemma_):
            if lemma not in ATTACK_MEANS or i in self.taken or self.pos_[i] != "NOUN":
                continue
            tok = self.toks[i]
            if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in ATTACK_MEANS:
                continue  # "car bomb explosion": the head noun speaks for the phrase
            if lemma in BARE_BLASTS and not any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in BOMB_WORDS
                                                for c in tok.children):
                continue  # "an explosion killed three workers": a gas leak as likely as a bomb
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
            owner = country_name(country) if country else "unattributed"
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
            office = title and is_person_word and singular and sector != "ELI" and country is None and intl is None \
                and self._is_definite(left, head) and not self._no_country(left, head)
            if office:
                # "the president", "the minister": a person, the holder named before or on the date
                done, country, where = self._office_holder(head, left, title, sector)
                if done:
                    continue
                why = f"{why}; {where}"
            elif country is None and intl is None and not self._no_country(left, head):
                # "the regime" after "the Iranian regime"; "an embassy" is a new one
                if not self._is_indefinite(left, head):
                    def fits(u):
                        return u.sector == sector and not u.is_person and (
                            u.kind == "agent" and bool(u.country or u.international)
                            or u.kind == "organisation" and bool(u.country))
                    definite = self._is_definite(left, head)
                    # "the new government" is the government named before, not the "EU
                    # officials" (also GOV) named since: the same head word first
                    antecedent = self._antecedent(head.idx, fits, window=None, head=head.lemma_.lower()) if definite else None
                    if antecedent is None:
                        antecedent = self._antecedent(head.idx, fits, window=None if definite else PRONOUN_WINDOW)
                if antecedent is not None:
                    self._add(antecedent.key, left, head.i + 1, f"short form of {antecedent.name}")
                    continue
                exclude = self._posted_in(head) or self._patron_in(left, head)
                country = None
                if sector in STORY_STATE_SECTORS and self._context_country(head.i, places_only=True, exclude=exclude) is None:
                    # no country word or place in its sentence: the state the story happens in
                    # before the country the article is mostly about
                    story = self._story_country()
                    country = story if story != exclude else None
                if country is None:
                    country = self._context_country(head.i, exclude=exclude, local=self._is_local(sector, left, head))
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
        owner = country_name(country) if country else (intl or "unattributed")
        label = self.kb.sectors.labels.get(sector or "", (sector or "actor").lower())
        if person_head is not None:
            return f"{owner} {person_head.lemma_.lower()}"
        return f"{owner} {label}"

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
        anchor = sector_head or head
        org_sector, intl = self._possessor_countries(anchor, countries, whys, org_sector, intl)
        found = self._of_countries(anchor, countries, whys)  # "the people of Iraq", "President of Armenia"
        if found is None and not countries:
            # "the president, prime minister and foreign minister of the Czech Republic": a
            # list of offices shares the "of" phrase written after its last member
            # (the parser hangs it on any member of the list)
            member = anchor
            for _ in range(6):
                nxt = [c for c in member.children if c.dep_ in ("conj", "appos") and c.i > member.i and c.pos_ == "NOUN"
                       and self._lexicon_at(c)]
                if not nxt:
                    break
                member = nxt[-1]
                found = self._of_countries(member, countries, whys)
                if found is not None or countries:
                    break
        if found is not None:
            intl = found
        if not countries and use_context and anchor.lemma_.lower() not in POSTED_ABROAD:
            self._countries_of_places_in(anchor, countries, whys)  # "protesters in Baghdad", "officials in Iraq"
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
            if sector == "PTY" and sector_head.lemma_.lower() in SIDE_NOUNS and any(
                    t.lower_ in SIDES_WORDS for t in span if t.i < sector_head.i) and not any(
                    t.lower_ in ("political", "parliamentary", "opposition", "ruling") for t in span):
                # "all parties", "the warring parties": the sides of a conflict, not political parties
                whys.append("the sides of a conflict -> no sector")
                sector = None
            whys.insert(0, f"'{sector_head.text}' -> {self._lexicon_at(sector_head)}")
        if sector is None and not countries and intl is None:
            return None
        return countries, intl, sector, "; ".join(whys), title

    def _possessor_countries(self, anchor: "Token", countries: list, whys: list[str], org_sector: str | None,
                             intl: str | None) -> tuple[str | None, str | None]:
        """Countries of the head's possessor, added to `countries`: a possessor that is itself an
        actor ("the Iranian regime's ambassador", "the regime's terrorists") or a possessive pronoun
        ("its proxy groups"); returns the organisation's sector and the international code it gives."""
        doc = self.doc
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
            elif c.lower_ in ("his", "her") and self._is_person_word(anchor):
                # "the Kenyan president sent his foreign minister": the office is in the
                # possessor's state, whatever country the sentence names next
                owner = self._person_subject_before(c.i) or self._antecedent(
                    c.idx, lambda u: u.is_person and bool(u.country), window=1)
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
        return org_sector, intl
