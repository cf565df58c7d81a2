"""Actor resolution (resolve.py): the country context of a mention (places, datelines,
the actors around it)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from chronicle.actors.kb import CountryForm, Entry
from chronicle.actors.units import NameMatch, iso3_of
from chronicle.actors.words import (
    DEFINITE, LOCAL_LOOKBACK, LOCAL_SECTORS, LOCAL_WORDS, NEAR_LOOKUP, NO_COUNTRY_WORDS, PATRON_WORDS,
    POSTED_ABROAD, STANCE_PREFIXES,
)
from chronicle.record import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token


class CountryContext:
    """Whose an actor is when its words do not say: the country of the places, datelines
    and actors around a mention. A mixin of `ArticleResolver` (resolve.py)."""

    def _article_countries(self) -> set[str]:
        """Every country the article names (country words, places, focus country)."""
        if self._countries_named is None:
            found = {m.target.iso3 for m in self.matches.values() if isinstance(m.target, CountryForm)}
            found.update(c for cs in self._place_countries.values() for c in cs)
            focus = iso3_of(self.ann.notes.get("focus_country"))
            if focus:
                found.add(focus)
            self._countries_named = found
        return self._countries_named

    def _is_dateline(self, m: NameMatch) -> bool:
        """A place name opening a paragraph and followed by "(Agency)" or a dash."""
        start = m.start
        # "MIEH MIEH/BEIRUT:": places of one dateline joined by slashes
        while start >= 2 and self.text_[start - 1] == "/" and self.text_[start - 2].isupper():
            start -= 2
            while start > 0 and self.text_[start - 1].isupper() and self.text_[start - 1].isalpha() and not self.sent_start_[start]:
                start -= 1
        first = start == 0 or self.text_[start - 1].count("\n") > 0 or self.sent_start_[start]
        end = m.end
        while end < len(self.text_) and self.text_[end].isupper() and self.text_[end].isalpha():
            end += 1  # "GAZA CITY"
        nxt = self.text_[end] if end < len(self.text_) else ""
        return first and (nxt in ("(", "-", "—", "–", ",", ":") or self.text_[m.start].isupper())

    def _patron_in(self, left: int, head: "Token") -> str | None:
        for k in range(left, head.i):
            m = self.matches.get(k)
            if m is not None and isinstance(m.target, CountryForm) and self._written_as_sponsor(m.start, k):
                return m.target.iso3
        return None

    def _patron_follows(self, i: int) -> bool:
        """'Iran-backed', 'US-led': the word after the hyphen makes the country a patron."""
        return i + 2 < len(self.lower_) and self.lower_[i + 1] in ("-", "‐") and self.lower_[i + 2] in PATRON_WORDS

    def _stance_precedes(self, i: int) -> bool:
        """'anti-Syria', 'pro-Iran': the word before the hyphen makes the country the object
        of a stance ("an anti-Syria journalist" is not Syrian)."""
        return i >= 2 and self.lower_[i - 1] in ("-", "‐") and self.lower_[i - 2] in STANCE_PREFIXES

    def _written_as_sponsor(self, first: int, last: int) -> bool:
        """A country word at tokens first..last written as a patron ("Iran-backed", "US-led") or as
        the object of a stance ("anti-Israel"): who backs or is opposed, not whose anyone is."""
        return self._patron_follows(last) or self._stance_precedes(first)

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

    def _places_by_sentence(self, local: bool = False) -> dict[int, list[str]]:
        """Countries of the places resolved in each sentence; `local`: only towns, cities
        and provinces (a country-level place repeats a country word)."""
        out: dict[int, list[str]] = {}
        if not self.ann.places:
            return out
        starts = [s.start_char for s in self.sentences]
        filed = self._dateline_places()
        for p in self.ann.places:
            if id(p) in filed:
                continue  # "BEIRUT, Lebanon (AP) --": where the story was filed, not where it happens
            if self._patron_place(p):
                continue  # "a US-led strike": who leads it, not where it happens
            iso3 = iso3_of(p.country_code)
            if not iso3 or (local and (p.feature in ("country", "region", None) or (p.population or 0) < 50000 and p.feature != "admin1")):
                continue
            si = bisect.bisect_right(starts, p.start) - 1
            out.setdefault(si, []).append(iso3)
        return out

    def _filed_at(self, m: NameMatch) -> bool:
        """A country word that is the dateline ("BEIRUT (AP) --", "BEIRUT, Lebanon (AP) --")."""
        return (self._is_dateline(m) and (m.target.form == "capital" or self.text_[m.start].isupper())) \
            or self._dateline_country(m)

    def _focus_named(self) -> bool:
        """Whether the article names its focus country outside its dateline: a focus read
        from "BEIRUT (AP) --" alone does not make Syrian rebels Lebanese."""
        if self._focus_seen is None:
            focus = iso3_of(self.ann.notes.get("focus_country"))
            filed = self._dateline_places()
            self._focus_seen = any(isinstance(m.target, CountryForm) and m.target.iso3 == focus and not self._filed_at(m)
                                   for m in self.matches.values()) \
                or any(iso3_of(p.country_code) == focus for p in self.ann.places if id(p) not in filed)
        return self._focus_seen

    def _dateline_places(self) -> set[int]:
        """ids of the places that make a dateline: an upper-case place opening the text or
        a line ("BEIRUT", "GAZA CITY"), and the place right after it ("BEIRUT, Lebanon").
        Found once per article: many context look-ups ask."""
        if self._filed_place_ids is not None:
            return self._filed_place_ids
        text = self.ann.text
        out: set[int] = set()
        last_end = None
        for p in sorted(self.ann.places, key=lambda q: q.start):
            word = text[p.start:p.end]
            opens = p.start == 0 or text[p.start - 1] == "\n" or not text[:p.start].strip()
            if opens and word.isupper() and len(word) > 1:
                out.add(id(p))
                last_end = p.end
            elif last_end is not None and text[last_end:p.start].strip() == ",":
                out.add(id(p))
                last_end = None
            else:
                last_end = None
        self._filed_place_ids = out
        return out

    def _patron_place(self, place) -> bool:
        """A place written as a patron or a stance ("US-led", "Iran-backed", "anti-Israel")."""
        span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        return span is not None and self._written_as_sponsor(span.start, span.end - 1)

    def _filed_country(self) -> str | None:
        """The one country of the article's dateline places, or None."""
        filed = self._dateline_places()
        found = {iso3_of(p.country_code) for p in self.ann.places if id(p) in filed and p.country_code}
        return next(iter(found)) if len(found) == 1 else None

    def _places_over(self, start: int, end: int):
        """Places (in article order) that cover [start, end): only those starting within
        the longest place's length before `start` can."""
        k = bisect.bisect_right(self._place_starts, start)
        lo = bisect.bisect_left(self._place_starts, start - self._place_reach)
        return [p for p in self._places_sorted[lo:k] if p.start <= start and end <= p.end]

    def _place_country_of(self, start: int, end: int) -> str | None:
        """The country of a place the places stage resolved over exactly this stretch (or more)."""
        for p in self._places_over(start, end):
            return iso3_of(p.country_code) or ""
        return None

    def _place_country_at(self, char: int) -> str | None:
        for p in self._places_over(char, char + 1):
            return iso3_of(p.country_code)
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
        foreign = self._coordinate_tokens(tok_i) if positions or self._place_countries.get(si) else set()
        if foreign:
            kept = [k for k, p in enumerate(positions) if p not in foreign]
            positions, codes = [positions[k] for k in kept], [codes[k] for k in kept]
        if positions:
            near = self._nearest_country(positions, codes, tok_i, exclude)
            if near:
                return near
        for iso in self._sentence_place_countries(si, foreign):
            if iso != exclude:
                return iso
        if places_only:
            return None
        if local:
            # residents, police, gunmen of a story: where the sentences just before
            # placed it, before the country the article is mostly about
            for back in range(1, LOCAL_LOOKBACK + 1):
                iso = self._local_place_before(si - back, exclude) if si >= back else None
                if iso:
                    return iso
        focus = iso3_of(self.ann.notes.get("focus_country"))
        if focus and focus != exclude and self._focus_named():
            return focus
        if local:
            # people of the story ("SANAA -- An air strike killed 12 people") with nothing in the
            # text to place them: where the story was filed, before the country named most
            filed = self._filed_country()
            if filed and filed != exclude:
                return filed
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

    def _story_country(self) -> str | None:
        """The one country of every town, city and province the article places its story
        in (datelines left out), or None when they lie in more than one or there are none.
        A state's forces named without a country ("the army") in a story told wholly in
        one country are that country's, even when the article is mostly about another
        people ("Palestinian families clashed in a camp near Saida ... the army
        confiscated four cars": Lebanon's army)."""
        found = {iso for codes in self._local_place_countries.values() for iso in codes}
        return next(iter(found)) if len(found) == 1 else None

    def _coordinate_tokens(self, tok_i: int) -> set[int]:
        """Tokens of the clauses coordinated with the mention's own ("Rival Palestinian
        families clashed in a camp and armed groups fired on a patrol in the Bekaa
        Valley"): each tells its own act, so a country word or place there says nothing
        about whose the mention's actors are. Empty when the clause has no coordinate."""
        tok = self.toks[tok_i]
        head = tok
        for _ in range(12):
            if head.pos_ in ("VERB", "AUX") and head.i != tok_i:
                break
            if head.head.i == head.i:
                return set()
            head = head.head
        else:
            return set()
        own = {t.i for t in head.subtree}
        foreign = {t.i for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
        if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
            foreign.update(t.i for t in head.head.subtree if t.i not in own)
        foreign.discard(tok_i)
        return foreign

    def _local_place_before(self, si: int, exclude: str | None) -> str | None:
        """The country of the last town, city or province of sentence `si` that is a place
        and nothing else: a name the knowledge base knows as an organisation ("the bill
        was sent to the Duma", "Hamas") is no town, whatever the gazetteer holds."""
        if not self.sentences:
            return None
        if not self._local_place_countries.get(si):
            return None
        sent = self.sentences[si]
        found = None
        for p in self._places_sorted:
            if not sent.start_char <= p.start < sent.end_char:
                continue
            iso = iso3_of(p.country_code)
            if not iso or iso == exclude or iso not in self._local_place_countries[si]:
                continue
            span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None or any(i in self.matches and not isinstance(self.matches[i].target, CountryForm) for i in range(span.start, span.end)):
                continue
            found = iso
        return found

    def _focus_named_in_words(self) -> bool:
        """Whether a country word of the article (a name or demonym outside the dateline)
        names its focus country: a focus made of places alone may be a gazetteer's
        misreading of an organisation's name."""
        if self._focus_in_words is None:
            focus = iso3_of(self.ann.notes.get("focus_country"))
            self._focus_in_words = bool(focus) and any(
                isinstance(m.target, CountryForm) and m.target.iso3 == focus and not self._filed_at(m)
                for m in self.matches.values())
        return self._focus_in_words

    def _person_context_country(self, tok_i: int) -> str | None:
        """Whose an unknown person is when no title, apposition or name says: a country
        word of the name's own phrase, else the country the article is about (its focus,
        when a country word names it beyond the dateline), else the one the text around
        supports. A country word that happens to stand near a name
        says whose something else is ("Lioret, whose film about migrants trying to reach
        Britain ...", "Besson said the plight of Afghans in Calais ..."); a person the
        story quotes without saying whose is most often of the country it is about."""
        own = self._own_phrase_country(tok_i)
        if own:
            return own
        focus = iso3_of(self.ann.notes.get("focus_country"))
        if focus and self._focus_named_in_words():
            return focus
        return self._context_country(tok_i)

    def _own_phrase_country(self, tok_i: int) -> str | None:
        """A country word in the name's own noun phrase: before it ("Spanish director Marc
        Leroy", where "director" is no title the lexicon knows) or in an "of"/"from" phrase
        on it ("Marc Leroy of France"); not a patron or a stance ("pro-Iran")."""
        root = self.toks[tok_i]
        while root.head.i != root.i and root.dep_ in ("compound", "flat") and root.head.pos_ == "PROPN":
            root = root.head
        if root.dep_ == "appos" and root.head.i < root.i and root.head.pos_ == "NOUN":
            root = root.head  # "Spanish director Marc Leroy" parsed as director <- appos Leroy
        words = [t.i for t in root.subtree if t.i < tok_i and t.dep_ in ("amod", "compound", "nmod", "poss")]
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                words.extend(g.i for g in c.children if g.dep_ == "pobj")
        for k in words:
            m = self.matches.get(k)
            if m is not None and isinstance(m.target, CountryForm) and not self._written_as_sponsor(m.start, k) \
                    and not self._filed_at(m):
                return m.target.iso3
        return None

    def _sentence_place_countries(self, si: int, foreign: set[int]) -> list[str]:
        """Countries of the places resolved in sentence `si`, less those standing in `foreign` tokens."""
        countries = self._place_countries.get(si, [])
        if not foreign or not countries:
            return countries
        foreign_chars = {self.doc[i].idx for i in foreign}
        filed = self._dateline_places()
        sent = self.sentences[si]
        return [iso for p in self._places_sorted if sent.start_char <= p.start < sent.end_char and id(p) not in filed
                and p.start not in foreign_chars and (iso := iso3_of(p.country_code))]

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
                        if self._filed_at(m):
                            continue  # "BEIRUT (AP) --": where the story was filed
                        if self._written_as_sponsor(m.start, i):
                            # "a US-led coalition strike killed 12 people", "anti-Israel protesters":
                            # who leads, backs or is opposed, not whose the people around are
                            continue
                        positions.append(i)
                        codes.append(m.target.iso3)
                    elif isinstance(m.target, Entry) and not m.target.is_person and m.target.country \
                            and not m.target.context_required and m.target.country not in orgs \
                            and m.target.sector != "JRN":  # a news agency's country is not the story's
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
