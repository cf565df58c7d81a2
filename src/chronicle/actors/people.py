"""Pass 2 of actor resolution (resolve.py): people, with their titles and appositions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.actors.kb import Entry
from chronicle.actors.names import fold
from chronicle.actors.units import NameMatch
from chronicle.actors.words import HONORIFICS, ORG_ROLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token


class PeopleResolver:
    """Pass 2, people: known and unknown people with the title written before the name and
    the description beside it in apposition. A mixin of `ArticleResolver` (resolve.py)."""

    def resolve_people(self, match_list: list[NameMatch]) -> None:
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
        self._described = self._descriptions_of_unknown(spans)
        surnames: dict[str, str] = {}
        for start, end, entry in spans:
            self._person(start, end, entry, surnames)
        # a later bare surname of an unknown person ("Masjedi") that spaCy did not tag
        if surnames or self._known_surnames:
            for i, word in enumerate(self.text_):
                if i in self.taken or not word[:1].isupper() or (fold(word) not in surnames and fold(word) not in self._known_surnames):
                    continue
                tok = self.toks[i]
                if tok.pos_ != "PROPN":
                    continue
                key = self._introduced_before(fold(tok.text), i) or self._known_surnames.get(fold(tok.text))
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
        if entry is None and title:
            # the office and the date pin a person whose name the aliases missed
            entry = self._titled_holder(title[4], list(title[0]), doc[end - 1].text)
            if entry is not None:
                why_parts.append(f"{title[4]} on {self.day} with the surname {doc[end - 1].text}")
        if entry is not None:
            country, intl, sector, role, why = entry.status_on(self.day)
            why_parts.append(f"knowledge base: {entry.name} ({why})")
            key = f"kb:{entry.id}"
            name, kind, wikidata = entry.name, "named", entry.wikidata
            role_title = role.title if role else None
        else:
            country = intl = sector = role_title = wikidata = None
            last = fold(doc[end - 1].text)
            key = self._person_key(start, end, last, surnames)
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
            described = self._described.get(fold(name_span.text)) or (
                self._described.get(fold(doc[end - 1].text)) if key == f"person:{fold(doc[end - 1].text)}" or end - start == 1 else None)
            if described is not None:
                # "Younis, an Arab woman from Israel" later on; "X's visit ... the Syrian
                # official had": what the text says of the person elsewhere, before context
                country, d_sector, d_why, d_span = described
                sector = sector or d_sector
                why_parts.append(d_why)
                if d_span is not None and not any(i in self.taken for i in range(*d_span)):
                    self._pending_descriptions.append((d_span, d_why))
            else:
                country = self._person_context_country(start)
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
            if fold(doc[end - 1].text) not in surnames or end - start > 1:
                surnames[fold(doc[end - 1].text)] = key  # a later bare surname is the person named last
                self._introductions.setdefault(fold(doc[end - 1].text), []).append((start, key))
            if end - start > 1:
                self._given_names.setdefault(key, self._given_name(start, end))
        else:
            # "Nawaz Sharif ... Sharif": a bare surname the aliases lack is the known person
            # the article introduced with it (the most recent one)
            self._known_surnames[fold(doc[end - 1].text)] = key
        for (lo, hi), d_why in self._pending_descriptions:
            self._add(key, lo, hi, d_why)
        self._pending_descriptions = []

    def _given_name(self, start: int, end: int) -> str:
        """The folded first word of a full name, past honorifics ("Mr", "Dr"); "" when it is
        no name ("Besides Armstead" at a sentence's start)."""
        k = start
        while k < end - 1 and self.lower_[k].rstrip(".") in HONORIFICS:
            k += 1
        if k >= end - 1 or self.pos_[k] != "PROPN" or self.toks[k].is_stop:
            return ""
        return fold(self.text_[k])

    def _introduced_before(self, last: str, i: int) -> str | None:
        """The unknown person last introduced with surname `last` before token i (else the
        first introduced after it: a story may give the full name late)."""
        found = None
        for start, key in self._introductions.get(last, ()):
            if start < i or found is None:
                found = key
            if start >= i:
                break
        return found

    def _person_key(self, start: int, end: int, last: str, surnames: dict[str, str]) -> str:
        """Which actor an unknown name is: a bare surname is the person introduced with it
        before (an unknown person, else a known one whose surname the aliases lack); a full
        name whose given name differs from that person's ("Abdullah Barghouti" after
        "Marwan Barghouti") is someone else."""
        earlier = surnames.get(last)
        if end - start == 1:
            return earlier or self._known_surnames.get(last) or f"person:{last}"
        given = self._given_name(start, end)
        if earlier is not None:
            known = self._given_names.get(earlier, "")
            if not (given and known and given != known):
                return earlier
            return f"person:{given} {last}"
        return f"person:{last}"

    def _descriptions_of_unknown(self, spans: list[tuple[int, int, "Entry | None"]]) -> dict:
        """What the text says of each unknown person's country, by surname: the first title
        or apposition of any of their mentions that names a country ("Younis, an Arab woman
        from Israel" two sentences after "the conductor, Wafa Younis"), else a definite
        description with a country word in the name's sentence or the next that names no
        one else ("Ghufari's visit ... the formal meetings the Syrian official had"): such
        a description refers back to the person just named. Offices the knowledge base
        fills ("the Pakistani president") are left to their holder.
        Value: (country, sector, why, description tokens to join or None)."""
        out: dict[str, tuple] = {}
        doc = self.doc
        starts = sorted(s for s, _, _ in spans)
        for start, end, entry in spans:
            if entry is not None:
                continue
            last = fold(doc[end - 1].text)
            if last in out or fold(doc[start:end].text) in out:
                continue
            title_start = self._title_start(start, end)
            descs = []
            if title_start < start:
                descs.append(self._describe(doc[title_start:start], doc[start - 1]))
            descs.append(self._apposition(doc[start:end].root, start, end, origin=True))
            if not any(d and any(d[0]) for d in descs):
                # a later bare surname the tagger did not call a person ("Odhiambo, a
                # singer from Tanzania")
                descs.extend(self._apposition(self.toks[i], i, i + 1, origin=True)
                             for i in range(end, len(self.text_))
                             if self.pos_[i] == "PROPN" and i not in self.matches and fold(self.text_[i]) == last)
            for d in descs:
                country = next((c for c in d[0] if c), None) if d else None
                if country:
                    out[fold(doc[start:end].text)] = (country, d[2], f"described as {country}", None)
                    out.setdefault(last, out[fold(doc[start:end].text)])
                    break
        for start, end, entry in spans:
            last = fold(doc[end - 1].text)
            if entry is not None or last in out:
                continue
            found = self._definite_description_after(start, end, starts)
            if found is not None:
                out[last] = found
        return out

    def _definite_description_after(self, start: int, end: int, starts: list[int]):
        """A definite singular description with a country word ("the Syrian official") after
        a name, in its sentence or the next, before any other person is named."""
        si = self.sent_of.get(start, 0)
        stop = self.sentences[min(si + 1, len(self.sentences) - 1)].end if self.sentences else end
        nxt = next((s for s in starts if s > start), None)
        if nxt is not None:
            stop = min(stop, nxt)
        for i in range(end, stop):
            if i in self.taken or self.pos_[i] != "NOUN" or self.lower_[i - 1] in ("'s", "’s"):
                continue
            tok = self.toks[i]
            if tok.tag_ != "NN" or not self._is_person_word(tok) or any(c.dep_ == "appos" for c in tok.children) \
                    or tok.dep_ in ("compound", "attr") or tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
                continue
            left = self._left_edge(tok)
            if self.lower_[left] != "the":
                continue
            desc = self._describe(self.doc[left:i + 1], tok)
            country = next((c for c in desc[0] if c), None) if desc else None
            if not country or desc[2] == "ELI" or (desc[4] and self.kb.holders(country, desc[4], self.day)):
                continue
            return country, desc[2], f"described as '{self.doc[left:i + 1].text}'", (left, i + 1)
        return None

    def _looks_like_person(self, start: int, end: int) -> bool:
        """A name the tagger called an organisation but the text describes as a person
        ("Farhad Tavakkoli, Iran's ambassador"; "Defence Minister X")."""
        root = self.doc[start:end].root
        appos = self._apposition(root, start, end)
        if appos is not None and self._is_person_word(self.doc[appos[5][1] - 1]):
            return True
        k = start - 1
        if k < 0 or self.doc[k].pos_ not in ("NOUN", "PROPN"):
            return False
        if self.doc[k].text[:1].isupper():
            return self._is_person_word(self.doc[k])
        if not (self._is_person_word(self.doc[k]) or self.doc[k].lower_ in ORG_ROLE_WORDS):
            return False
        # "the agency's deputy head Ivan Petrenko": a lower-case title noun compounded onto
        # a name of capitalised words only
        name = self.doc[start:end]
        return self.doc[k].dep_ == "compound" and start <= self.doc[k].head.i < end and len(name) <= 3 \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name)

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

    def _apposition(self, root: "Token", start: int, end: int, origin: bool = False):
        """The description set beside a name: "X, Iran's ambassador" or "Iran's ambassador, X".
        `origin`: also the country of a place the description puts the person in or from
        ("an Arab woman from Israel", "a lawyer in Lahore")."""
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
            if lex is None and not origin:
                continue
            left = self._left_edge(head)
            desc = self._describe(self.doc[left : head.i + 1], head) if lex is not None else None
            if origin and (desc is None or not any(desc[0]) and desc[1] is None):
                # "a singer from Tanzania": whatever the noun, the place says where they are from
                found: list = []
                self._countries_of_places_in(head, found, [])
                if found:
                    desc = ([found[0]], None, desc[2] if desc else None, f"'{head.text}' from {found[0]}",
                            desc[4] if desc else None)
            if desc:
                return (*desc, (left, head.i + 1))
        return None
