"""Choosing the place each toponym mention refers to, from the article's evidence.

Every mention of one name in an article gets the same place (its group is
resolved once, with the context of all its mentions). A candidate's score adds:

- a prior: its size (log population) and kind (a country or division name
  usually means the country or division, a capital is the likelier city);
- the article's country focus: the countries its unambiguous toponyms and its
  demonyms ("Iraqi", "Filipino") point to;
- containment: "Pandi, Bulacan", "Santa Ana, California", "Basra in Iraq":
  the following place holds the candidate;
- neighbours: other toponyms of the article that lie in the same division;
- spelling: an exact name beats a transliteration variant.

Groups are resolved twice: the first pass fixes the clear ones, the second
re-reads every group against those choices.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from chronicle.places.gazetteer import (
    F_ADMIN1,
    F_ADMIN2,
    F_CITY,
    F_CONTINENT,
    F_COUNTRY,
    F_REGION,
    FEATURES,
    Gazetteer,
)
from chronicle.places.normalise import exact_key
from chronicle.places.recognise import DIRECTION_ADJECTIVES, Mention

FEATURE_PRIOR = {F_COUNTRY: 4.0, F_CONTINENT: 4.0, F_REGION: 3.0, F_ADMIN1: 1.5, F_CITY: 0.0, F_ADMIN2: -0.5}
FOCUS_WEIGHT = 6.0
FOCUS_SMOOTHING = 2.0
CONTAINMENT_BONUS = 6.0
NEIGHBOUR_BONUS = 1.5
# A candidate that could hold, or be held by, a candidate of another name of
# the article ("Palestine" and "Anderson County": Palestine, Texas lies in
# Anderson County, Texas): the article's own geography, read before any choice.
POSSIBLE_CONTAINMENT_BONUS = 2.0
# A town or county candidate near the candidates of the article's other names
# ("Mansfield" with "Shreveport": Mansfield, Louisiana); each other name counts
# by how sure it is (1 / its number of town and county candidates).
NEARBY_BONUS = 2.0
CAPITAL_BONUS = 4.0
LOOSE_PENALTY = 1.0
OWN_NAME_BONUS = 1.0
HINT_BONUS = 4.0
# a division named like a town ("Bulacan"), both of which hold the same people
SAME_PLACE_KM = 30

CONTAINMENT_GAPS = frozenset({",", "in", ", in", "of"})
# Items of one list of places are mostly places of one kind ("Ohio, New York
# and Texas" are states; "Moonbi, Parkes and Wyong" towns).
LIST_BONUS = 3.0
LIST_GAPS = frozenset({",", "and", ", and", "or", ", or", "&"})


def _list_siblings(text: str, mentions: list) -> dict[str, set[str]]:
    """For each name, the other names of the lists it is an item of. A list is a
    run of three or more places joined by commas or "and" / "or", or two joined by
    "and" / "or" ("Ontario and Quebec"); two joined by a comma read as containment."""
    out: dict[str, set[str]] = {}
    run = [mentions[0]] if mentions else []
    joins: list[str] = []

    def close() -> None:
        if len(run) >= 3 or (len(run) == 2 and joins and joins[0] != ","):
            keys = {m.key for m in run}
            for m in run:
                out.setdefault(m.key, set()).update(keys - {m.key})

    for a, b in zip(mentions, mentions[1:]):
        gap = text[a.end:b.start].strip()
        if gap in LIST_GAPS:
            run.append(b)
            joins.append(gap)
        else:
            close()
            run, joins = [b], []
    if run:
        close()
    return out

# The vote of sums written in bare dollars for the United States (a demonym's is 0.5).
DOLLAR_VOTE = 0.5
_BARE_DOLLARS = re.compile(r"(?<![A-Za-z])\$\s?\d")
_OTHER_DOLLARS = re.compile(r"(?:US|U\.S\.|[ACNZHS]|NZ|HK|NT|R|Z)\$|\$\s?\d[\d.,]*\s*(?:million|billion)?\s*\((?:US|AU|CA)|"
                            r"(?:Canadian|Australian|Singapore|Hong Kong|New Zealand|Zimbabwe|Liberian|Namibian|Jamaican)"
                            r" dollars?")

PRECISION = {F_COUNTRY: "country", F_ADMIN1: "admin1", F_ADMIN2: "admin2", F_CITY: "point", F_REGION: "region", F_CONTINENT: "continent"}


@dataclass
class Choice:
    id: int
    score: float
    why: str


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


class Resolver:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def _holders(self, i: int) -> set[int]:
        """The entries that contain place i: its divisions and its country."""
        g = self.gaz
        out = {a for a in (g.admin1[i], g.admin2[i]) if a >= 0}
        cc = g.country_of(i)
        if cc and cc in g.country_entry and g.feature[i] != F_COUNTRY:
            out.add(g.country_entry[cc])
        if g.admin2[i] >= 0 and g.admin1[g.admin2[i]] >= 0:
            out.add(g.admin1[g.admin2[i]])
        return out

    def resolve(self, text: str, mentions: list[Mention], demonyms: list[tuple[int, int, int]]) -> tuple[dict[str, Choice], str | None]:
        g = self.gaz
        groups: dict[str, list[Mention]] = {}
        for m in mentions:
            groups.setdefault(m.key, []).append(m)

        # country evidence per group: before any choice, unambiguous names vote
        # fully and a name that may be a country half; later, each group votes
        # for the country of its choice. Demonyms always vote half.
        votes: dict[str, tuple[str, float]] = {}
        for key, ms in groups.items():
            cands = ms[0].candidates
            countries = {g.country_of(c) for c in cands}
            if len(countries) == 1 and None not in countries:
                votes[key] = (next(iter(countries)), float(len(ms)))
            elif any(g.feature[c] == F_COUNTRY for c in cands):
                votes[key] = (next(g.country_of(c) for c in cands if g.feature[c] == F_COUNTRY), 0.5 * len(ms))
        demonym_votes: Counter[str] = Counter()
        for _s, _e, country in demonyms:
            cc = g.country_of(country)
            if cc:
                demonym_votes[cc] += 0.5
        if _BARE_DOLLARS.search(text) and not _OTHER_DOLLARS.search(text):
            # sums in bare dollars are written by (and mostly for) US outlets:
            # a weak vote that only tips names nothing else decides ("MANSFIELD —
            # The City Council ... $10.3 million")
            demonym_votes["US"] += DOLLAR_VOTE

        # containment: a mention followed by ", X" or "in X" where X is a mention
        following: dict[str, list[str]] = {}
        preceding: dict[str, list[str]] = {}
        for a, b in zip(mentions, mentions[1:]):
            if a.key != b.key and text[a.end:b.start].strip() in CONTAINMENT_GAPS:
                following.setdefault(a.key, []).append(b.key)
                preceding.setdefault(b.key, []).append(a.key)
        siblings = _list_siblings(text, mentions)
        links = _PossibleContainment(g, groups)
        nearby = _Nearby(g, groups)

        choices: dict[str, Choice] = {}
        for _pass in range(2):
            evidence = _Evidence(demonym_votes, votes)
            for key, ch in choices.items():
                evidence.add_places(key, self._holders(ch.id) | {ch.id})
            choices = {key: self._choose(key, ms, groups, following, choices, evidence, preceding, siblings, links, nearby)
                       for key, ms in groups.items()}
            votes = {key: (g.country_of(ch.id), float(len(groups[key]))) for key, ch in choices.items() if g.country_of(ch.id)}
        counts: Counter[str] = Counter(demonym_votes)
        for cc, weight in votes.values():
            counts[cc] += weight
        top = counts.most_common(1)[0][0] if counts else None
        return choices, top

    def _choose(self, key, ms, groups, following, previous, evidence: "_Evidence", preceding=None, siblings=None,
                links: "_PossibleContainment | None" = None, nearby: "_Nearby | None" = None) -> Choice:
        g = self.gaz
        # places this name follows as their container ("Buffalo, New York")
        held = [previous[k].id for k in (preceding or {}).get(key, ()) if k in previous]
        # the kind of place the other items of its lists resolved to
        sibling_features = Counter(g.feature[previous[k].id] for k in (siblings or {}).get(key, ()) if k in previous)
        # the siblings are a set: a tie between features is broken by feature code, never by set order (string hashing)
        list_feature = min(sibling_features.items(), key=lambda kv: (-kv[1], kv[0]))[0] if sibling_features else None
        division_context = False
        # one mention's cue ("New York state") tells what every mention of the name is
        group_hint = next((m.hint for m in ms if m.hint), None)
        cands = ms[0].candidates
        exact = ms[0].exact
        contained_by: set[int] = set()
        for nxt in following.get(key, ()):
            if nxt in previous:
                contained_by.add(previous[nxt].id)
            else:
                contained_by.update(groups[nxt][0].candidates)
        has_country = any(g.feature[c] == F_COUNTRY for c in cands)
        countries, total = evidence.countries_without(key)
        admins = evidence.places_without(key)
        best: Choice | None = None
        for c in cands:
            f = g.feature[c]
            pop = g.population[c]
            why = []
            # named regions have no population figure: rank them as a large place
            size = pop if pop or f not in (F_REGION, F_CONTINENT) else 10_000_000
            score = math.log10(size + 10) + FEATURE_PRIOR.get(f, 0.0)
            if f == F_CITY and c in g.capitals and not has_country:
                # "Mexico" is the country, not its capital; "Washington" the capital
                score += CAPITAL_BONUS
                why.append("capital")
            cc = g.country_of(c)
            if cc and total:
                # smoothed: one other mention of a country is weaker evidence
                # than ten ("PARIS ... The United States said" is still France)
                share = countries.get(cc, 0) / (total + FOCUS_SMOOTHING)
                if share > 0:
                    score += FOCUS_WEIGHT * share
                    if share >= 0.2:
                        why.append(f"article about {cc}")
            holders = self._holders(c)
            if contained_by & holders:
                score += CONTAINMENT_BONUS
                why.append("inside the place named next to it")
            neighbours = sum(admins[h] for h in holders if g.feature[h] in (F_ADMIN1, F_ADMIN2))
            if neighbours > 0:
                score += NEIGHBOUR_BONUS * min(2, neighbours)
                why.append("near other places named")
            if f in (F_ADMIN1, F_ADMIN2, F_COUNTRY) and admins[c] > 0:
                score += NEIGHBOUR_BONUS * min(2, admins[c])
                why.append("holds other places named")
            linked = links.weight(c, key) if links is not None else 0.0
            if linked > 0:
                score += POSSIBLE_CONTAINMENT_BONUS * min(2.0, linked)
                why.append("holds or lies in a place the article names")
            close = nearby.weight(c, key) if nearby is not None else 0.0
            if close > 0.2:
                score += NEARBY_BONUS * min(1.5, close)
                why.append("near places the article names")
            if held and f != F_CITY and any(c in self._holders(h) for h in held):
                score += CONTAINMENT_BONUS
                why.append("holds the place named before it")
            if list_feature is not None and f == list_feature and sum(sibling_features.values()) >= 1:
                score += LIST_BONUS
                why.append(f"listed with other {FEATURES[f]} names")
            hint = group_hint
            if hint == "division" and f in (F_ADMIN1, F_ADMIN2) or hint == "city" and f == F_CITY:
                score += HINT_BONUS
                why.append(f"called a {hint}")
            if exact and exact_key(g.names[c]) == key:
                # "Riverside" is the city's own name, an alias of Riverside County
                score += OWN_NAME_BONUS
            if not exact:
                score -= LOOSE_PENALTY
                why.append("spelling variant")
            if best is None or score > best.score:
                best = Choice(c, score, ", ".join([FEATURES[f]] + why + ([f"population {pop:,}"] if pop else [])))
                division_context = "holds the place named before it" in why or "listed with other" in " ".join(why)
        return self._same_place_as_town(best, cands, "division" if division_context else group_hint)

    def _same_place_as_town(self, choice: Choice, cands: tuple[int, ...], hint: str | None) -> Choice:
        """A division named after its chief town ("Karbala", "Basra"): unless the
        text calls it a division, the town is the more precise reading when it
        holds a good share of the division's people (and, for a district, its point)."""
        g = self.gaz
        f = g.feature[choice.id]
        if f not in (F_ADMIN1, F_ADMIN2) or hint == "division":
            return choice
        for c in cands:
            if g.feature[c] != F_CITY or g.population[c] * 4 < g.population[choice.id]:
                continue
            if f == F_ADMIN2 and g.admin2[c] == choice.id and _distance_km(g.lat[c], g.lon[c], g.lat[choice.id], g.lon[choice.id]) <= SAME_PLACE_KM:
                return Choice(c, choice.score, choice.why.replace("admin2", "city (named like its district)"))
            if f == F_ADMIN1 and g.admin1[c] == choice.id:
                return Choice(c, choice.score, choice.why.replace("admin1", "city (named like its province)"))
        return choice


def relative_point(gaz: Gazetteer, entry: int, direction: str) -> tuple[float, float]:
    """A point for "southern X": the middle of that part of X's box of places."""
    box = gaz.bbox.get(entry)
    lat, lon = gaz.lat[entry], gaz.lon[entry]
    if box is None:
        return lat, lon
    lat0, lat1, lon0, lon1 = box
    mid_lat, mid_lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    quarter_lat, quarter_lon = (lat1 - lat0) / 4, (lon1 - lon0) / 4
    # the middle of the outer half on that side
    if "north" in direction:
        mid_lat = lat1 - quarter_lat
    if "south" in direction:
        mid_lat = lat0 + quarter_lat
    if "east" in direction:
        mid_lon = lon1 - quarter_lon
    if "west" in direction:
        mid_lon = lon0 + quarter_lon
    return mid_lat, mid_lon


def relative_name(gaz: Gazetteer, entry: int, direction: str) -> str:
    return f"{DIRECTION_ADJECTIVES.get(direction, direction)} {gaz.names[entry]}"


class _Evidence:
    """The article's evidence, read by one name group without its own votes
    (or a name would only ever confirm itself)."""

    def __init__(self, demonym_votes: Counter, votes: dict[str, tuple[str, float]]):
        self.demonym_votes = demonym_votes
        self.votes = votes
        self.countries: Counter[str] = Counter(demonym_votes)
        for cc, weight in votes.values():
            self.countries[cc] += weight
        self.places: Counter[int] = Counter()
        self.own_places: dict[str, set[int]] = {}

    def add_places(self, key: str, ids: set[int]) -> None:
        self.own_places[key] = ids
        self.places.update(ids)

    def countries_without(self, key: str) -> tuple[Counter, float]:
        counts = Counter(self.countries)
        if key in self.votes:
            cc, weight = self.votes[key]
            counts[cc] -= weight
        return counts, sum(v for v in counts.values() if v > 0)

    def places_without(self, key: str) -> Counter:
        counts = Counter(self.places)
        counts.subtract(self.own_places.get(key, ()))
        return counts


class _PossibleContainment:
    """Which names of the article could hold which: for every candidate of every
    name, the names with a candidate it lies in or holds. A county link counts
    1, a state's or province's 0.5 (a state holds a town of most names)."""

    def __init__(self, g: Gazetteer, groups: dict[str, list[Mention]]):
        self.g = g
        self.holds: dict[int, set[str]] = {}  # division -> names with a candidate inside it
        self.named: dict[int, set[str]] = {}  # division -> names with it as a candidate
        for key, ms in groups.items():
            for c in ms[0].candidates:
                f = g.feature[c]
                if f in (F_ADMIN1, F_ADMIN2):
                    self.named.setdefault(c, set()).add(key)
                if f in (F_CITY, F_ADMIN2):
                    for h in (g.admin1[c], g.admin2[c]):
                        if h >= 0:
                            self.holds.setdefault(h, set()).add(key)

    def weight(self, c: int, key: str) -> float:
        g = self.g
        f = g.feature[c]
        total = 0.0
        if f in (F_ADMIN1, F_ADMIN2):
            inside = self.holds.get(c, set()) - {key}
            total += (1.0 if f == F_ADMIN2 else 0.5) * len(inside)
        if f in (F_CITY, F_ADMIN2):
            if g.admin2[c] >= 0:
                total += len(self.named.get(g.admin2[c], set()) - {key})
            if g.admin1[c] >= 0:
                total += 0.5 * len(self.named.get(g.admin1[c], set()) - {key})
        return total


class _Nearby:
    """Town and county candidates of all the article's names on a grid of
    one-degree cells: a candidate is near another name when that name has a
    candidate in its cell or the eight around it (about 100-300 km)."""

    def __init__(self, g: Gazetteer, groups: dict[str, list[Mention]]):
        self.g = g
        self.cells: dict[tuple[int, int], dict[str, float]] = {}
        for key, ms in groups.items():
            points = [c for c in ms[0].candidates if g.feature[c] in (F_CITY, F_ADMIN2)]
            if not points:
                continue
            w = 1.0 / len(points)
            for c in points:
                cell = self.cells.setdefault(self._cell(c), {})
                cell[key] = max(cell.get(key, 0.0), w)

    def _cell(self, c: int) -> tuple[int, int]:
        return math.floor(self.g.lat[c]), math.floor(self.g.lon[c])

    def weight(self, c: int, key: str) -> float:
        if self.g.feature[c] not in (F_CITY, F_ADMIN2):
            return 0.0
        y, x = self._cell(c)
        best: dict[str, float] = {}
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for other, w in self.cells.get((y + dy, x + dx), {}).items():
                    if other != key and w > best.get(other, 0.0):
                        best[other] = w
        return sum(best.values())
