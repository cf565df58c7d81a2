"""Generate a store of synthetic coded articles for the web benchmark.

The records are built directly with the contract's dataclasses (no NLP), so a
store of 100,000 events is made in a minute or two: varied types, countries,
actors, dates over two years and places with coordinates, like a real store
after months of coding news. As in real news, some events are placed only at
country level (about 15%: "in Iraq") or province level (about 10%: "in Basra
province"), with the gazetteer's centre point for the area; a tenth are
background (history the article recalls, dated a year or more earlier);
assaults state deaths.

    python benchmarks/web_events.py --events 100000 --db /tmp/bench-web.db
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from chronicle.record import Actor, ActorRef, ArticleRecord, Event, Place, SentenceRef, Size, Span, Time  # noqa: E402

CITIES = [
    ("Baghdad", 33.34, 44.40, "IQ", "IRQ"), ("Basra", 30.51, 47.78, "IQ", "IRQ"), ("Mosul", 36.34, 43.12, "IQ", "IRQ"),
    ("Kabul", 34.53, 69.17, "AF", "AFG"), ("Kandahar", 31.61, 65.71, "AF", "AFG"), ("Damascus", 33.51, 36.29, "SY", "SYR"),
    ("Aleppo", 36.20, 37.16, "SY", "SYR"), ("Beirut", 33.89, 35.50, "LB", "LBN"), ("Cairo", 30.04, 31.24, "EG", "EGY"),
    ("Khartoum", 15.55, 32.53, "SD", "SDN"), ("Tripoli", 32.89, 13.19, "LY", "LBY"), ("Sanaa", 15.35, 44.21, "YE", "YEM"),
    ("Tehran", 35.69, 51.42, "IR", "IRN"), ("Kyiv", 50.45, 30.52, "UA", "UKR"), ("Kharkiv", 49.99, 36.23, "UA", "UKR"),
    ("Moscow", 55.75, 37.62, "RU", "RUS"), ("Nairobi", -1.29, 36.82, "KE", "KEN"), ("Lagos", 6.45, 3.40, "NG", "NGA"),
    ("Abuja", 9.06, 7.50, "NG", "NGA"), ("Addis Ababa", 9.02, 38.75, "ET", "ETH"), ("Mogadishu", 2.04, 45.34, "SO", "SOM"),
    ("Bamako", 12.65, -8.00, "ML", "MLI"), ("Kinshasa", -4.32, 15.31, "CD", "COD"), ("Dhaka", 23.71, 90.41, "BD", "BGD"),
    ("Karachi", 24.86, 67.01, "PK", "PAK"), ("Lahore", 31.55, 74.34, "PK", "PAK"), ("Delhi", 28.65, 77.23, "IN", "IND"),
    ("Yangon", 16.80, 96.16, "MM", "MMR"), ("Manila", 14.60, 120.98, "PH", "PHL"), ("Jakarta", -6.21, 106.85, "ID", "IDN"),
    ("Lima", -12.04, -77.03, "PE", "PER"), ("Bogota", 4.61, -74.08, "CO", "COL"), ("Caracas", 10.49, -66.88, "VE", "VEN"),
    ("Santiago", -33.46, -70.65, "CL", "CHL"), ("Mexico City", 19.43, -99.13, "MX", "MEX"), ("Port-au-Prince", 18.54, -72.34, "HT", "HTI"),
    ("Paris", 48.85, 2.35, "FR", "FRA"), ("London", 51.51, -0.13, "GB", "GBR"), ("Washington", 38.90, -77.04, "US", "USA"),
    ("Beijing", 39.91, 116.40, "CN", "CHN"),
]

# country centres (the gazetteer's point for a country) and provinces with theirs
COUNTRIES = {"IQ": ("Iraq", 33.0, 44.0), "AF": ("Afghanistan", 33.0, 66.0), "SY": ("Syria", 35.0, 38.0),
             "UA": ("Ukraine", 49.0, 32.0), "NG": ("Nigeria", 10.0, 8.0), "SD": ("Sudan", 15.0, 30.0),
             "YE": ("Yemen", 15.5, 47.5), "ML": ("Mali", 17.0, -4.0), "CO": ("Colombia", 4.0, -72.0),
             "MM": ("Myanmar", 22.0, 98.0), "PK": ("Pakistan", 30.0, 70.0), "ET": ("Ethiopia", 9.0, 39.5)}
PROVINCES = [("Basra Governorate", 30.5, 47.5, "IQ"), ("Nineveh Governorate", 36.0, 42.5, "IQ"),
             ("Helmand", 31.0, 64.0, "AF"), ("Idlib Governorate", 35.8, 36.6, "SY"), ("Donetsk Oblast", 48.0, 37.8, "UA"),
             ("Borno", 11.5, 13.0, "NG"), ("Darfur", 13.0, 24.0, "SD"), ("Rakhine", 19.5, 94.0, "MM"),
             ("Tigray", 14.0, 39.0, "ET"), ("Khyber Pakhtunkhwa", 34.5, 72.0, "PK")]

# (type, mode, ACLED type, ACLED sub-type, verb)
KINDS = [
    ("PROTEST", "demonstrate", "Protests", "Peaceful protest", "marched against"),
    ("PROTEST", "riot", "Riots", "Violent demonstration", "rioted against"),
    ("ASSAULT", "firearms", "Battles", "Armed clash", "clashed with"),
    ("ASSAULT", "bombing", "Explosions/Remote violence", "Air/drone strike", "bombed positions of"),
    ("ASSAULT", "beat", "Violence against civilians", "Attack", "attacked"),
    ("COERCE", "arrest", "Strategic developments", "Arrests", "arrested members of"),
    ("COERCE", "seize", None, None, "seized property of"),
    ("CONSULT", "meet", None, None, "met"),
    ("AGREE", "agree-negotiate", "Strategic developments", "Agreement", "agreed with"),
    ("ACCUSE", "allege", None, None, "accused"),
    ("THREATEN", "threaten-force", None, None, "threatened"),
    ("SUPPORT", "praise", None, None, "praised"),
    ("COOPERATE", "cooperate", None, None, "worked with"),
    ("AID", "humanitarian", None, None, "sent aid to"),
    ("REQUEST", "ask", None, None, "called on"),
    ("MOBILIZE", "troops", "Strategic developments", "Headquarters or base established", "deployed troops against"),
    ("SANCTION", "economic", None, None, "imposed sanctions on"),
    ("REJECT", "refuse", None, None, "rejected demands of"),
]

SECTORS = [("government", "GOV"), ("army", "MIL"), ("police", "COP"), ("rebels", "REB"), ("protesters", "CVL"),
           ("opposition", "OPP"), ("judges", "JUD"), ("parliament", "LEG")]


def make_records(n_events: int, events_per_article: int = 4, seed: int = 7):
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    n_articles = (n_events + events_per_article - 1) // events_per_article
    made = 0
    for a in range(n_articles):
        city, lat, lon, cc, iso3 = rng.choice(CITIES)
        feature, jitter = "city", 0.05
        level = rng.random()
        if level < 0.15:  # the text names only the country
            cc = rng.choice(sorted(COUNTRIES))
            city, lat, lon = COUNTRIES[cc]
            iso3 = next(c[4] for c in CITIES if c[3] == cc)
            feature, jitter = "country", 0.0
        elif level < 0.25:  # only the province
            city, lat, lon, cc = rng.choice(PROVINCES)
            iso3 = next(c[4] for c in CITIES if c[3] == cc)
            feature, jitter = "admin1", 0.0
        other = rng.choice(CITIES)
        day = start + dt.timedelta(days=rng.randrange(730))
        sentences, events, actors = [], [], []
        text = ""
        places = []
        for e in range(min(events_per_article, n_events - made)):
            etype, mode, acled, sub, verb = rng.choice(KINDS)
            s1, c1 = rng.choice(SECTORS)
            s2, c2 = rng.choice(SECTORS)
            iso_b = other[4] if rng.random() < 0.3 else iso3
            subj, obj = f"{iso3.title()} {s1}", f"{iso_b.title()} {s2}"
            sentence = f"The {subj} {verb} the {obj} in {city} on {day.isoformat()}."
            base = len(text)
            text += sentence + " "
            if not places:
                places.append(Place(text=city, start=base + sentence.index(city), end=base + sentence.index(city) + len(city),
                                    name=city, lat=lat + rng.uniform(-jitter, jitter), lon=lon + rng.uniform(-jitter, jitter),
                                    country_code=cc, admin1=city if feature == "admin1" else None, feature=feature))
            refs = []
            for name, code, iso, find in ((subj, c1, iso3, sentence.index), (obj, c2, iso_b, sentence.rindex)):
                off = base + find(name)
                actors.append(Actor(text=name, start=off, end=off + len(name), name=name, country=iso, sector=code,
                                    mentions=[Span(name, off, off + len(name))]))
                refs.append(ActorRef(actor=len(actors) - 1, text=name, start=off, end=off + len(name)))
            v = base + sentence.index(verb.split()[0])
            historical = rng.random() < 0.1
            sizes = []
            if etype == "ASSAULT" and rng.random() < 0.6:
                killed = rng.choice([1, 1, 2, 3, 5, 8, 12, 20, 40])
                sizes.append(Size(kind="killed", value=killed, text=f"{killed} killed", start=base, end=base + 1))
            events.append(Event(sizes=sizes, type=etype, mode=mode, acled_event_type=acled, acled_sub_event_type=sub,
                                actor=[refs[0]], recipient=[refs[1]], location=0,
                                date=(day - dt.timedelta(days=400 if historical else 0)).isoformat(), date_precision="day",
                                historical=historical, sentence=SentenceRef(base, base + len(sentence)),
                                trigger=Span(verb.split()[0], v, v + len(verb.split()[0])),
                                confidence=round(rng.uniform(0.3, 0.99), 2)))
            made += 1
        times = [Time(text=day.isoformat(), start=text.index(day.isoformat()), end=text.index(day.isoformat()) + 10,
                      type="DATE", value=day.isoformat())]
        yield ArticleRecord(id=f"bench-{a:06d}", title=f"{events[0].type.title()} in {city}", outlet=f"Outlet {a % 50}",
                            url=f"https://news.example/{a}", language="en", published=day.isoformat(),
                            published_evidence="input", text=text.strip(), places=places, times=times, actors=actors,
                            events=events)


def build(db: str, n_events: int) -> float:
    from chronicle.store import open_store

    t0 = time.perf_counter()
    store = open_store(db)
    batch = []
    for record in make_records(n_events):
        batch.append(record)
        if len(batch) >= 500:
            store.save_many(batch)
            batch = []
    if batch:
        store.save_many(batch)
    store.close()
    return time.perf_counter() - t0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/chronicle-bench-web.db")
    args = ap.parse_args()
    seconds = build(args.db, args.events)
    print(f"stored {args.events} events in {seconds:.1f}s ({args.events / seconds:.0f} events/s) -> {args.db}")
