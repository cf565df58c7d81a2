"""Actor resolution (resolve.py): the country context of a mention (places, datelines,
the actors around it)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from chronicle.actors.kb import CountryForm, Entry
from chronicle.actors.units import NameMatch, iso3_of
from chronicle.actors.words import (
    DEFINITE, LOCAL_SECTORS, LOCAL_WORDS, NEAR_LOOKUP, NO_COUNTRY_WORDS, PATRON_WORDS,
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

    def _places_by_sentence(self, local: bool = False) -> dict[int, list[str]]:
        """Countries of the places resolved in each sentence; `local`: only towns, cities
        and provinces (a country-level place repeats a country word)."""
        out: dict[int, list[str]] = {}
        if not self.ann.places:
            return out
        starts = [s.start_char for s in self.sentences]

        for p in self.ann.places:
            iso3 = iso3_of(p.country_code)
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
        if positions:
            near = self._nearest_country(positions, codes, tok_i, exclude)
            if near:
                return near
        for iso in self._place_countries.get(si, []):
            if iso != exclude:
                return iso
        if places_only:
            return None
        focus = iso3_of(self.ann.notes.get("focus_country"))
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
