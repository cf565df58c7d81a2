"""The places stage: toponyms found in the article and resolved against the gazetteer.

    PlaceStage(places_demonyms=False)(ann) -> list[Place]

Sets ann.notes["focus_country"]: the ISO alpha-2 code of the country the
article is mostly about (its toponyms and demonyms), or None. Events fall
back to it when their own sentence names no place (chronicle/events/location.py).

Settings:
  places_demonyms  list demonyms and place adjectives ("Iraqi", "South Ossetian") as
                   places of mention_kind "demonym", resolved to their country or
                   region and marked associative: they say whose, not where, so they
                   never locate an event, except before a noun of land ("Lebanese
                   farmlands"), where they say where (default True; False: focus evidence only)
"""

from __future__ import annotations

from chronicle.places.demonyms import names_its_land
from chronicle.places.gazetteer import F_CITY, F_REGION, FEATURES, Gazetteer, load_gazetteer
from chronicle.places.recognise import find_mentions
from chronicle.places.resolve import PRECISION, Resolver, relative_name, relative_point
from chronicle.record import Place
from chronicle.stage import Annotations

__all__ = ["PlaceStage", "geoparse"]


class PlaceStage:
    name = "places"

    def __init__(self, gazetteer: Gazetteer | None = None, places_demonyms: bool = True):
        self.gaz = gazetteer or load_gazetteer()
        self.resolver = Resolver(self.gaz)
        self.demonyms = places_demonyms

    def __call__(self, ann: Annotations) -> list[Place]:
        places, focus = geoparse(ann.doc, self.gaz, self.resolver, self.demonyms, text=ann.text)
        ann.notes["focus_country"] = focus
        return places


def geoparse(doc, gaz: Gazetteer, resolver: Resolver | None = None, demonyms: bool = True,
             text: str | None = None) -> tuple[list[Place], str | None]:
    """Places of a parsed text, in text order, and the text's focus country
    (`text` is the doc's text when the caller has it: Doc.text is rebuilt per access)."""
    resolver = resolver or Resolver(gaz)
    text = doc.text if text is None else text
    mentions, demonym_hits = find_mentions(doc, gaz, text)
    choices, focus = resolver.resolve(text, mentions, demonym_hits)
    places: list[Place] = []
    for m in mentions:
        choice = choices[m.key]
        e = gaz.entry(choice.id)
        why = "; ".join(m.reasons + [choice.why])
        feature, precision = e.feature, PRECISION.get(gaz.feature[choice.id], "point")
        name, lat, lon = e.name, e.lat, e.lon
        if m.direction is not None and gaz.feature[choice.id] != F_CITY:
            name = relative_name(gaz, choice.id, m.direction)
            lat, lon = (round(v, 5) for v in relative_point(gaz, choice.id, m.direction))
            feature, precision = FEATURES[F_REGION], "region"
            why += f"; {m.direction} part of {e.name}"
        places.append(
            Place(
                text=m.text,
                start=m.start,
                end=m.end,
                name=name,
                geonameid=e.geonameid if m.direction is None else None,
                lat=lat,
                lon=lon,
                country_code=e.country_code,
                admin1=gaz.admin1_name(choice.id),
                feature=feature,
                population=e.population or None,
                precision=precision,
                score=round(choice.score, 3),
                why=why,
                associative=m.associative,
            )
        )
    if demonyms:
        for start, end, entry in demonym_hits:
            e = gaz.entry(entry)
            # "Lebanese farmlands" says where, as the country's name would
            land = names_its_land(doc, start, end)
            places.append(Place(text=text[start:end], start=start, end=end, name=e.name, geonameid=e.geonameid,
                                lat=e.lat, lon=e.lon, country_code=e.country_code, admin1=gaz.admin1_name(entry),
                                feature=e.feature, precision=PRECISION.get(gaz.feature[entry], "point"),
                                why=f"demonym of {e.name}" + ("; its land" if land else ""),
                                associative=not land, mention_kind="demonym"))
        places.sort(key=lambda p: p.start)
    return places, focus
