"""Pass 3 of actor resolution, continued: what the words around an agent's head noun add to it.
The "of" phrase ("the people of Iraq", "President of Armenia"), places it is said to be in
("protesters in Baghdad"), modifiers that change its sector ("former minister", "opposition
forces"), a knowledge-base group written before it ("Hezbollah fighters"), and whether an ORG
entity is only sector and country words ("Serbian Parliament"). A mixin of `ArticleResolver`
(resolve.py), beside `AgentResolver` (agents.py), which describes the agent from these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.actors.kb import CountryForm, Entry

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


class AgentModifiers:
    """The words around an agent head; see the module's docstring."""

    def _of_countries(self, anchor: "Token", countries: list, whys: list[str]) -> str | None:
        """Countries named in the head's "of" phrase ("the people of Iraq", "President of
        Armenia"), added to `countries`; the international code of an "of" entry, if any."""
        intl = None
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
        return intl

    def _countries_of_places_in(self, anchor: "Token", countries: list, whys: list[str]) -> None:
        """Countries of the places in the head's "in"/"from" phrase ("protesters in Baghdad")."""
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
