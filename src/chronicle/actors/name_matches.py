"""Pass 1 of actor resolution (resolve.py): names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chronicle.actors.kb import CountryForm, Entry
from chronicle.actors.names import acronym_key, fold, is_skipped
from chronicle.actors.units import NameMatch, iso3_of
from chronicle.actors.words import HONORIFICS
from chronicle.places.recognise import DIVISION_WORDS

# nouns an apposition uses to say a name is a place ("Douma, a town east of Damascus")
PLACE_WORDS = {"town", "city", "village", "suburb", "district", "province", "region", "neighbourhood",
               "neighborhood", "area", "camp", "hamlet", "municipality", "county", "governorate", "enclave"}

if TYPE_CHECKING:
    from spacy.tokens import Token


class NameFinder:
    """Pass 1, names: knowledge-base aliases and country words, longest match first, through
    the precompiled token-key index. A mixin of `ArticleResolver` (resolve.py)."""

    def find_names(self) -> list[NameMatch]:
        """Knowledge-base aliases and country words, longest first, left to right."""
        kb, texts, toks = self.kb, self.text_, self.toks
        out: list[NameMatch] = []
        n = len(texts)
        i = 0
        while i < n:
            word = texts[i]
            if not word[:1].isalnum() or is_skipped(word):
                i += 1
                continue
            found: NameMatch | None = None
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
                            found = NameMatch(i, idxs[length - 1] + 1, self._choose(hit))
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

    def _yield_to_people(self, matches: list[NameMatch]) -> list[NameMatch]:
        """A country word inside a person's name is part of the name ("Yair Golan",
        "Chad Smith"): the tagger's PERSON entity wins over it."""
        kept = []
        for m in matches:
            ent = self.ent_at.get(m.start)
            if isinstance(m.target, CountryForm) and ent is not None and ent.label_ == "PERSON" \
                    and (ent.end - ent.start) > (m.end - m.start) and ent.start <= m.start and m.end <= ent.end:
                continue
            if self._others_surnames and isinstance(m.target, Entry) and m.target.is_person and m.end - m.start == 1 \
                    and fold(self.text_[m.start]) in self._others_surnames:
                # "Mayor Chuck Blair ... Blair said": in this story the bare surname is the mayor's
                continue
            kept.append(m)
        return kept

    def _yield_to_places(self, matches: list[NameMatch]) -> list[NameMatch]:
        """Names the places stage read as toponyms of another country name places, not actors:
        - a country's name followed by a division's noun that was resolved as a division of
          another country ("neighbouring Niger state" lies in Nigeria); a bare country name
          stays the country's;
        - a country word inside a longer place name ("Valley" in "Bekaa Valley", "Mexico" in
          "New Mexico");
        - an organisation's name matched only through the spelling fold on a town of another
          country ("Douma", a Syrian town, is not the Russian Duma); the organisation's own
          name or alias written out keeps it."""
        named = {m.target.iso3 for m in matches if isinstance(m.target, CountryForm)}
        named.update(iso3_of(p.country_code) for p in self._places_sorted if p.country_code)
        kept = []
        for m in matches:
            if isinstance(m.target, (CountryForm, Entry)) and self._places_sorted and self._a_foreign_place(m):
                continue
            if isinstance(m.target, Entry) and not m.target.is_person and self._a_town_by_its_spelling(m, named):
                continue
            kept.append(m)
        return kept

    def _a_town_by_its_spelling(self, m: NameMatch, named: set) -> bool:
        """An organisation's name reached only through the spelling fold, in a story that never
        names its country, and described as a place ("Douma, a town east of Damascus",
        "fighting in Douma"): the place, not the organisation."""
        target = m.target
        first, last = self.toks[m.start], self.toks[m.end - 1]
        written = self.ann.text[first.idx: last.idx + len(last.text)].lower()
        if written in {a.lower() for a in [target.name, *target.aliases]} or not target.country or target.country in named:
            return False
        return any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_WORDS for c in last.children) or (
            last.dep_ == "pobj" and last.head.lower_ in ("in", "near", "outside", "around", "into")
        )

    def _a_foreign_place(self, m: NameMatch) -> bool:
        first, last = self.toks[m.start], self.toks[m.end - 1]
        start, end = first.idx, last.idx + len(last.text)
        over = [p for p in self._places_over(start, end) if not p.associative and p.country_code]
        if not over:
            return False
        place = over[0]
        target = m.target
        own = target.iso3 if isinstance(target, CountryForm) else target.country
        if iso3_of(place.country_code) == own:
            return False
        if isinstance(target, CountryForm):
            if target.form == "name" and m.end < len(self.lower_) and self.lower_[m.end] in DIVISION_WORDS:
                return place.feature not in (None, "country", "continent")
            return (place.start, place.end) != (start, end) and place.feature not in (None, "continent")
        if target.is_person or place.feature in (None, "country", "continent"):
            return False
        written = self.ann.text[start:end].lower()
        return written not in {a.lower() for a in [target.name, *target.aliases]}

    def _acronym_at(self, i: int) -> NameMatch | None:
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
                return NameMatch(i, i + length, self._choose(self.kb.acronyms[key]))
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
        person = any(isinstance(h, Entry) and h.is_person for h in hit)
        if i > 0 and self._name_part(i - 1):
            if person:
                k = i - 1
                while k > 0 and self._name_part(k - 1):
                    k -= 1
                firsts = {fold(n.split()[0]) for h in hit if isinstance(h, Entry) for n in (h.name, *h.aliases) if n.split()}
                if fold(self.text_[k]) not in firsts:
                    # "Chuck Blair" is not Tony Blair ("Barack Hussein Obama" is Obama)
                    self._others_surnames.add(fold(tok.text))
            return False
        if person and i + 1 < len(self.toks) and self._name_part(i + 1):
            return False
        return True

    def _name_part(self, i: int) -> bool:
        """A capitalised proper noun that is not a title, a sector word or sentence start."""
        return (self.pos_[i] == "PROPN" and self.text_[i][:1].isupper() and not self.sent_start_[i]
                and self.lower_[i].rstrip(".") not in HONORIFICS  # "Mr Erdogan" is Erdogan
                and self._lexicon(i)[0] is None and not acronym_key(self.text_[i]))

    def _choose(self, targets: list) -> Any:
        """Among actors sharing an alias, the one holding an office on the date."""
        if len(targets) == 1:
            return targets[0]
        for t in targets:
            if isinstance(t, Entry) and any(r.holds_on(self.day) for r in t.roles):
                return t
        return targets[0]
