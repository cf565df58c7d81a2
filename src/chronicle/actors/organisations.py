"""Actor resolution (resolve.py): named organisations and country words, and pass 4,
organisations and groups the knowledge base lacks."""

from __future__ import annotations

from chronicle.actors.kb import CountryForm, Entry
from chronicle.actors.names import fold
from chronicle.actors.units import NameMatch, country_name
from chronicle.actors.words import GROUP_SHORT_FORMS, LOCATIVE_PREPS, ORG_ROLE_WORDS
from chronicle.record import Actor

class OrganisationResolver:
    """Named organisations and country words the knowledge base knows (pass 1's matches),
    and pass 4: organisations and groups it lacks. A mixin of `ArticleResolver` (resolve.py)."""

    def resolve_named(self, match_list: list[NameMatch], organisations: bool) -> None:
        for m in match_list:
            target = m.target
            if isinstance(target, Entry):
                if organisations and not target.is_person:
                    self._organisation(m, target)
            elif not organisations:
                self._country_word(m, target)

    def _organisation(self, m: NameMatch, entry: Entry) -> None:
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

    def _dateline_country(self, m: NameMatch) -> bool:
        """The country after a dateline's city ("BEIRUT, Lebanon (AP) --"): where the story
        was filed, not an actor of it."""
        k = m.start - 1
        if k < 1 or self.text_[k] != ",":
            return False
        j = k
        while j > 0 and self.text_[j - 1].isupper() and self.text_[j - 1].isalpha():
            j -= 1  # "GAZA CITY, Gaza Strip"
        if j == k or not self._is_dateline(NameMatch(j, k, None)):
            return False
        nxt = self.text_[m.end] if m.end < len(self.text_) else ""
        return nxt in ("(", "-", "--", "—", "–", ":", "_")

    def _country_word(self, m: NameMatch, form: CountryForm) -> None:
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
        if (self._is_dateline(m) and (form.form == "capital" or self.text_[m.start].isupper())) or self._dateline_country(m):
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
            self._unit(key, f"{country_name(iso3)} civilians", iso3, "CVL", "agent", why=why)
            self._add(key, start, m.end, why)
            return
        key = f"country:{form.iso3}"
        why = f"{form.form} of {form.name}"
        self._unit(key, form.name, form.iso3, None, "country", why=why)
        self._add(key, m.start, m.end, why)

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
            if self.text_[start].isupper() and len(self.text_[start]) > 1 and self._is_dateline(NameMatch(start, end, None)):
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
            if not sector and not countries and self._qualifies_a_thing(ent.root):
                continue  # "the Muharram mourning ceremonies", "a Walmart store": a name on a thing ("Army units" act)
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

    def _qualifies_a_thing(self, root: "Token") -> bool:
        """An unknown organisation's name that only qualifies a common noun naming no one and no
        act (no sector word, no member or role word, no event word after it): the name of a
        festival, brand or firm on a thing, not a party to anything ("a Chevron spokesman" and
        "the Aramco attacks" still name the firm)."""
        head = root
        while head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        if head.i == root.i or head.pos_ != "NOUN":
            return False
        from chronicle.events.detect import load_lexicon  # (cached) "the Aramco attacks": a party to the act

        lemma = head.lemma_.lower()
        return not self._lexicon_at(head) and lemma not in ORG_ROLE_WORDS | GROUP_SHORT_FORMS and lemma not in load_lexicon().words
