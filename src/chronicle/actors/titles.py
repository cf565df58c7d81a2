"""Actor resolution (resolve.py): an office written without a name ("the president", "the
minister", "the governor") is a person, its holder on the article's date where the text or
the knowledge base names one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.actors.names import fold
from chronicle.actors.units import Unit, iso3_of

if TYPE_CHECKING:
    from spacy.tokens import Token


class OfficeTitles:
    """Who "the president" is: the nearest person named before with that office, else the
    knowledge base's holder in the country the sentence (or the one before) names, else the
    office of that country. A mixin of `ArticleResolver` (resolve.py)."""

    def _office_holder(self, head: "Token", left: int, title: str, sector: str | None) -> tuple[bool, str | None, str]:
        """Resolve an unnamed office to its holder when the text or the knowledge base names
        one: (True, ...) when done; else (False, the office's country, where it came from)."""
        holder = self._named_holder(head, title)
        if holder is not None:
            self._add(holder.key, left, head.i + 1, f"the {title} named before: {holder.name}")
            return True, None, ""
        country, where = self._title_country(head, local=self._is_local(sector, left, head))
        holders = self.kb.holders(country, title, self.day) if country else []
        if len(holders) != 1:
            return False, country, where
        entry, role = holders[0]
        key = f"kb:{entry.id}"
        c, i, s, _, _ = entry.status_on(self.day)
        self._unit(key, entry.name, c, s, "named", wikidata=entry.wikidata, international=i, role=role.title,
                   why=f"{title} of {country} on {self.day}", is_person=True)
        self._add(key, left, head.i + 1, f"{title}; {where}; holder on {self.day}: {entry.name}")
        return True, None, ""

    def _named_holder(self, head: "Token", title: str) -> Unit | None:
        """The most recent person before `head` who holds `title` in the text ("The governor
        of Texas, Greg Abbott, ... The governor") or in the knowledge base on the date
        ("Donald Trump ... the president")."""
        return self._antecedent(head.idx, lambda u: u.is_person and self._holds(u, title), window=None)

    def _holds(self, unit: Unit, title: str) -> bool:
        words = title.split()
        if unit.role and _same_office(unit.role, words):
            return True
        text = self.ann.text
        return any(_same_office(text[s:e].lower(), words) for s, e, _ in unit.mentions)

    def _title_country(self, head: "Token", local: bool = False) -> tuple[str | None, str]:
        """The country of an unnamed office: a country word or resolved place in its sentence,
        else in the sentence before; the article's focus country only when the article names no
        other country. Never the focus country over a country the text names. `local`: a
        regional office ("the regional governor") belongs to the town or province of its
        sentence first."""
        country = self._context_country(head.i, places_only=True, local=local)
        if country:
            return country, f"country of its sentence ({country})"
        si = self.sent_of.get(head.i, 0)
        for k, label in ((si, "its sentence"), (si - 1, "the sentence before")):
            if k < 0 or not self.sentences:
                continue
            if k != si:
                country = self._context_country(self.sentences[k].end - 1, places_only=True)
            if not country:
                orgs = self._sentence_index(k)[2]  # "the Iraqi parliament met ...": a body of one country
                country = orgs[-1] if orgs else None
            if country:
                return country, f"country of {label} ({country})"
        named = self._article_countries()
        focus = iso3_of(self.ann.notes.get("focus_country"))
        if focus and named <= {focus}:
            return focus, f"the only country of the article ({focus})"
        return None, "no country named near it"


    def _titled_holder(self, title: str | None, countries: list[str | None], surname: str):
        """The knowledge-base person a titled name the aliases missed stands for: the one
        holder of that office on the article's date, in the title's country or else a
        country the article names, whose own surname is the name's ("Foreign Minister
        Ahmed Abul Gheit" in a 2009 story naming Egypt is Ahmed Aboul Gheit). The office
        and the date pin the person; the surname only has to agree, so a transliteration
        of the given names or a spelling of a particle does not lose them."""
        if not title or not surname:
            return None
        own = [c for c in countries if c]
        candidates = own or sorted(self._article_countries())
        found = {}
        key = fold(surname)
        for country in candidates:
            for entry, _role in self.kb.holders(country, title.lower(), self.day):
                names = [entry.name, *entry.aliases]
                if any(fold(n.replace("-", " ").split()[-1]) == key for n in names if n.split()):
                    found[entry.id] = entry
        return next(iter(found.values())) if len(found) == 1 else None


def _same_office(written: str, title_words: list[str]) -> bool:
    """ "interior minister" holds "minister"; "prime minister" holds "prime minister" but
    "minister" alone is not the prime minister (who is called "the prime minister")."""
    words = written.replace("-", " ").split()
    if not words or not title_words:
        return False
    if len(title_words) == 1:
        return title_words[0] in words[-2:] and not (title_words[0] == "minister" and "prime" in words)
    n = len(title_words)
    return any(words[k:k + n] == title_words for k in range(len(words) - n + 1))
