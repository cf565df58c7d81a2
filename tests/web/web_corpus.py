"""A few dozen small articles the project wrote, as records built with the
contract's dataclasses (offsets found in the text, never typed), plus one
hostile article whose every field carries markup and attribute-breaking quotes."""

from __future__ import annotations

from chronicle.record import Actor, ActorRef, ArticleRecord, Event, Place, SentenceRef, Span, Time

# the bearer token the test apps are configured with
TOKEN = "test-token-5f1c"

# (city, lat, lon, country alpha-2, admin1, actor country alpha-3)
CITIES = [
    ("Basra", 30.508, 47.783, "IQ", "Basra", "IRQ"),
    ("Mosul", 36.335, 43.119, "IQ", "Nineveh", "IRQ"),
    ("Nairobi", -1.283, 36.817, "KE", "Nairobi", "KEN"),
    ("Lima", -12.043, -77.028, "PE", "Lima", "PER"),
    ("Dhaka", 23.710, 90.407, "BD", "Dhaka", "BGD"),
    ("Kyiv", 50.450, 30.523, "UA", "Kyiv City", "UKR"),
]

# (sentence with {actor} {trigger} {recipient} {city}, type, mode, ACLED type, ACLED sub-type, actor, sector, recipient, sector)
TEMPLATES = [
    ("{actor} {trigger} through central {city} to demand higher wages.", "marched", "PROTEST", "demonstrate",
     "Protests", "Peaceful protest", "Teachers", "CVL", None, None),
    ("{actor} {trigger} {recipient} near the market in {city}.", "attacked", "ASSAULT", "beat",
     "Violence against civilians", "Attack", "Gunmen", "UAF", "traders", "CVL"),
    ("{actor} {trigger} {recipient} in {city} on the budget.", "met", "CONSULT", "meet",
     None, None, "The finance minister", "GOV", "union leaders", "CVL"),
    ("{actor} {trigger} {recipient} of corruption at a rally in {city}.", "accused", "ACCUSE", "allege",
     None, None, "Opposition leaders", "OPP", "the governor", "GOV"),
    ("{actor} {trigger} {recipient} outside the parliament in {city}.", "arrested", "COERCE", "arrest",
     "Strategic developments", "Arrests", "Police", "COP", "student activists", "CVL"),
]


def _at(text: str, phrase: str) -> tuple[int, int]:
    s = text.index(phrase)
    return s, s + len(phrase)


def make_record(n: int) -> ArticleRecord:
    city, lat, lon, cc, admin1, iso3 = CITIES[n % len(CITIES)]
    sentence, trig, etype, mode, acled, sub, actor, a_sec, recip, r_sec = TEMPLATES[n % len(TEMPLATES)]
    day = f"2024-03-{1 + (n * 7) % 28:02d}"
    first = sentence.format(actor=actor, trigger=trig, recipient=recip or "", city=city).replace("  ", " ")
    text = first + f" The report was published on {day}."
    places = [Place(text=city, start=_at(text, city)[0], end=_at(text, city)[1], name=city, lat=lat, lon=lon,
                    country_code=cc, admin1=admin1, feature="city", geonameid=1000 + n % len(CITIES))]
    times = [Time(text=day, start=_at(text, day)[0], end=_at(text, day)[1], type="DATE", value=day)]
    actors = [Actor(text=actor, start=_at(text, actor)[0], end=_at(text, actor)[1],
                    name=f"{actor} ({iso3})", country=iso3, sector=a_sec, mentions=[Span(actor, *_at(text, actor))])]
    refs_r = []
    if recip:
        actors.append(Actor(text=recip, start=_at(text, recip)[0], end=_at(text, recip)[1], name=f"{recip} ({iso3})",
                            country=iso3, sector=r_sec, mentions=[Span(recip, *_at(text, recip))]))
        refs_r = [ActorRef(actor=1, text=recip, start=_at(text, recip)[0], end=_at(text, recip)[1])]
    event = Event(type=etype, mode=mode, acled_event_type=acled, acled_sub_event_type=sub,
                  actor=[ActorRef(actor=0, text=actor, start=_at(text, actor)[0], end=_at(text, actor)[1])],
                  recipient=refs_r, location=0, date=day, date_precision="day",
                  sentence=SentenceRef(0, len(first)), trigger=Span(trig, *_at(text, trig)),
                  confidence=round(0.5 + (n % 5) / 10, 2), historical=(n % 9 == 8), date_evidence=0)
    return ArticleRecord(id=f"art-{n:03d}", title=f"{etype.title()} in {city}", outlet="Chronicle Test Wire",
                         url=f"https://example.org/{n}", language="en", published=day, published_evidence="input",
                         text=text, places=places, times=times, actors=actors, events=[event])


HOSTILE_ACTOR = "<script>window.__pwned=1</script>\"'><img src=x onerror=\"window.__pwned=2\">"
HOSTILE_TITLE = "Title \"><script>window.__pwned=3</script><b onmouseover='window.__pwned=4'>bold</b>"


def hostile_record() -> ArticleRecord:
    actor = HOSTILE_ACTOR
    text = (f"{actor} stormed the building in Springfield\"><svg onload=window.__pwned=5>. "
            "</div></td><script>window.__pwned=6</script> Witnesses said it was over by noon.")
    place_txt = "Springfield\"><svg onload=window.__pwned=5>"
    places = [Place(text=place_txt, start=_at(text, place_txt)[0], end=_at(text, place_txt)[1],
                    name="Springfield\" onmouseover=\"window.__pwned=7", lat=39.8, lon=-89.64, country_code="US",
                    feature="city")]
    actors = [Actor(text=actor, start=0, end=len(actor), name=actor, country="USA", sector="CVL",
                    mentions=[Span(actor, 0, len(actor))])]
    s, e = _at(text, "stormed")
    event = Event(type="ASSAULT", mode="storm", acled_event_type="Riots", acled_sub_event_type="Violent demonstration",
                  actor=[ActorRef(0, actor, 0, len(actor))], location=0, date="2024-03-30", date_precision="day",
                  sentence=SentenceRef(0, text.index(". ") + 1), trigger=Span("stormed", s, e), confidence=0.9,
                  attributed_to="<i>unnamed</i> \"sources\"")
    return ArticleRecord(id="hostile-1", title=HOSTILE_TITLE, outlet="<b>Evil</b> Outlet", url="javascript:window.__pwned=8",
                         published="2024-03-30", text=text, places=places, actors=actors, events=[event])


def corpus(n: int = 36) -> list[ArticleRecord]:
    return [make_record(i) for i in range(n)] + [hostile_record()]
