"""A synthetic news corpus for throughput benchmarks, written from the project's own templates.

The articles read like wire copy about political events (protests, strikes,
air strikes, arrests, talks, sanctions, agreements) with varied actors,
places and dates, so every stage of the pipeline has real work to do. They
are meant for measuring speed and memory, not accuracy: nothing here is a
gold label.

Deterministic: the same (count, seed, words) always yields the same corpus,
and article i does not depend on how many articles come after it.

    python benchmarks/corpus.py --articles 500 --out corpus.jsonl
    python benchmarks/corpus.py --articles 50 --format txt --out corpus_dir/
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path
from typing import Iterator

# (city, country name, demonym, region) -- real toponyms so the gazetteer resolves them
PLACES = [
    ("Basra", "Iraq", "Iraqi", "southern Iraq"),
    ("Baghdad", "Iraq", "Iraqi", "central Iraq"),
    ("Nasiriyah", "Iraq", "Iraqi", "Dhi Qar province"),
    ("Nairobi", "Kenya", "Kenyan", "central Kenya"),
    ("Mombasa", "Kenya", "Kenyan", "the Kenyan coast"),
    ("Lyon", "France", "French", "eastern France"),
    ("Marseille", "France", "French", "southern France"),
    ("Karachi", "Pakistan", "Pakistani", "Sindh province"),
    ("Lahore", "Pakistan", "Pakistani", "Punjab province"),
    ("Khartoum", "Sudan", "Sudanese", "the Sudanese capital"),
    ("Kharkiv", "Ukraine", "Ukrainian", "north-eastern Ukraine"),
    ("Odesa", "Ukraine", "Ukrainian", "southern Ukraine"),
    ("Santiago", "Chile", "Chilean", "central Chile"),
    ("Caracas", "Venezuela", "Venezuelan", "the Venezuelan capital"),
    ("Dhaka", "Bangladesh", "Bangladeshi", "central Bangladesh"),
    ("Lagos", "Nigeria", "Nigerian", "south-western Nigeria"),
    ("Maiduguri", "Nigeria", "Nigerian", "Borno state"),
    ("Yangon", "Myanmar", "Burmese", "southern Myanmar"),
    ("Tbilisi", "Georgia", "Georgian", "the Georgian capital"),
    ("La Paz", "Bolivia", "Bolivian", "western Bolivia"),
    ("Aden", "Yemen", "Yemeni", "southern Yemen"),
    ("Goma", "Democratic Republic of the Congo", "Congolese", "North Kivu province"),
    ("Jakarta", "Indonesia", "Indonesian", "the Indonesian capital"),
    ("Colombo", "Sri Lanka", "Sri Lankan", "western Sri Lanka"),
]

# Invented people: (office, first name, last name)
PEOPLE = [
    ("Interior Minister", "Karim", "Haddad"),
    ("Prime Minister", "Elena", "Varga"),
    ("President", "Samuel", "Okonjo"),
    ("Foreign Minister", "Amira", "Nasser"),
    ("opposition leader", "Tomas", "Ribeiro"),
    ("Defence Minister", "Oleh", "Marchenko"),
    ("union leader", "Fatima", "Rahman"),
    ("army spokesman", "Colonel Idris", "Bello"),
    ("police chief", "Anan", "Somchai"),
    ("Finance Minister", "Claire", "Dubois"),
    ("rebel commander", "Ahmed", "Jalal"),
    ("human rights lawyer", "Nadia", "Kovac"),
]

GROUPS = ["protesters", "students", "teachers", "farmers", "doctors", "dock workers", "residents",
          "truck drivers", "opposition supporters", "garment workers", "pensioners", "miners"]
DEMANDS = ["higher wages", "an end to power cuts", "the release of detained activists", "early elections",
           "lower fuel prices", "clean water", "jobs for graduates", "the resignation of the governor",
           "an inquiry into police violence", "unpaid salaries"]
FORCES = ["security forces", "police", "riot police", "soldiers", "the army", "border guards"]
ARMED = ["rebel fighters", "militants", "an armed group", "insurgents", "a militia"]
ORGS = ["the United Nations", "the European Union", "the African Union", "the World Bank",
        "the International Monetary Fund", "the Red Cross", "Amnesty International", "Human Rights Watch"]
OUTLETS = ["Chronicle Wire", "Daily Ledger", "Evening Courier", "Global Dispatch"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# One template family per event kind; {slots} are filled per article.
EVENT_SENTENCES = {
    "protest": [
        "Thousands of {group} marched through {city} on {weekday}, demanding {demand}.",
        "{Group} rallied outside the governor's office in {city}, chanting slogans against the government.",
        "Around {n} {group} staged a sit-in near the main square of {city} {when}.",
        "The demonstrations spread to {city2} and other towns in {region}, witnesses said.",
        "{Forces} fired tear gas and rubber bullets to disperse the crowd, injuring at least {small} people.",
        "Organisers said the protests would continue until the authorities met their call for {demand}.",
    ],
    "strike": [
        "{Group} across {country} walked off the job {when}, demanding {demand}.",
        "The {days}-day strike shut ports and schools in {city} and {city2}.",
        "The union said more than {n} members had joined the strike by {weekday} evening.",
        "{office} {last} called the strike illegal and urged workers to return to work.",
    ],
    "airstrike": [
        "{Demonym} warplanes struck positions held by {armed} near {city} {when}, killing at least {small} people.",
        "A drone strike hit a convoy on the road between {city} and {city2}, local officials said.",
        "The air raids destroyed a bridge and damaged a hospital in {region}.",
        "The army said the strikes targeted weapons depots used by {armed}.",
    ],
    "arrest": [
        "{Forces} arrested {small} activists in {city} on {weekday}, accusing them of inciting unrest.",
        "{role} {first} {last} was detained at {city} airport {when} and taken to an unknown location.",
        "Prosecutors charged the detainees with disturbing public order, their lawyers said.",
        "{org} called for the immediate release of everyone held since the protests began.",
    ],
    "talks": [
        "{office} {last} met {office2} {last2} in {city} on {weekday} to discuss the crisis.",
        "Delegations from {country} and {country2} held talks in {city} {when} on a ceasefire.",
        "Both sides described the meeting as constructive and agreed to meet again next month.",
        "Mediators from {org} said the negotiations would resume in {city2} after the holiday.",
    ],
    "sanctions": [
        "{org} imposed sanctions on {n_small} {demonym} officials {when} over the crackdown.",
        "The measures freeze their assets and ban them from travelling to member states.",
        "{country} condemned the sanctions as interference in its internal affairs.",
        "Diplomats said further penalties against the {demonym} government were under discussion.",
    ],
    "agreement": [
        "The government of {country} and the opposition signed an agreement in {city} {when} to end months of unrest.",
        "Under the deal, {n_small} political prisoners will be freed and elections held within a year.",
        "{office} {last} welcomed the accord, saying it opened a new chapter for {country}.",
        "{org} pledged to monitor the ceasefire agreed by {armed} and the army near {city2}.",
    ],
}

# Sentences without an event: context, quotes, background, attribution.
FILLER = [
    "\"We have nothing left to lose,\" said {first2} {last2}, a {age}-year-old resident of {city}.",
    "\"The people will not be silenced,\" {role} {first} {last} told reporters.",
    "The ministry did not respond to a request for comment.",
    "According to a report by {org}, the situation in {region} has worsened since {month} {year_past}.",
    "In {year_past}, similar protests in {city} ended after {small} people were killed by {forces}.",
    "Analysts said the unrest reflected years of frustration over corruption and unemployment.",
    "Prices of bread and fuel have risen sharply in {country} over the past year.",
    "The capital, {capital_city}, remained calm, although shops closed early as a precaution.",
    "Officials said the situation was under control and urged residents to stay at home after dark.",
    "Local media reported that internet access was cut in parts of {region} for several hours.",
    "The {demonym} government has blamed foreign interference for the unrest.",
    "Hospitals in {city} said they had treated dozens of people for breathing problems.",
    "The events of {weekday} were the most serious since the government took office in {year_past}.",
    "{org} urged all sides to show restraint and respect the right to peaceful assembly.",
    "The interior ministry said {small} members of the security forces were hurt in the clashes.",
    "Residents described hearing gunfire late into the night near the central market.",
    "Many of the demonstrators were young people who said they could not find work.",
    "The governor of the province promised an investigation into the deaths.",
]


def _date_words(rng: random.Random, published: dt.date) -> str:
    choice = rng.random()
    if choice < 0.3:
        return "on " + WEEKDAYS[(published.weekday() - rng.randint(1, 5)) % 7]
    if choice < 0.5:
        day = published - dt.timedelta(days=rng.randint(1, 20))
        return f"on {MONTHS[day.month - 1]} {day.day}"
    if choice < 0.7:
        return rng.choice(["last week", "on Tuesday night", "earlier this month", "over the weekend"])
    return rng.choice(["yesterday", "this week", "on Monday morning", "late on Sunday"])


class _Slots(dict):
    """Template slots drawn once per article; a capitalised key gives the capitalised value."""

    def __missing__(self, key: str) -> str:
        value = self[key[0].lower() + key[1:]]
        return value[:1].upper() + value[1:]


def _slots(rng: random.Random, published: dt.date) -> _Slots:
    city, country, demonym, region = rng.choice(PLACES)
    others_here = [p for p in PLACES if p[1] == country and p[0] != city]
    city2 = rng.choice(others_here)[0] if others_here else region
    country2 = rng.choice([p[1] for p in PLACES if p[1] != country])
    capital = {"Iraq": "Baghdad", "Kenya": "Nairobi", "France": "Paris", "Pakistan": "Islamabad", "Sudan": "Khartoum",
               "Ukraine": "Kyiv", "Chile": "Santiago", "Venezuela": "Caracas", "Bangladesh": "Dhaka", "Nigeria": "Abuja",
               "Myanmar": "Naypyidaw", "Georgia": "Tbilisi", "Bolivia": "La Paz", "Yemen": "Sanaa",
               "Democratic Republic of the Congo": "Kinshasa", "Indonesia": "Jakarta", "Sri Lanka": "Colombo"}[country]
    (office, first, last), (office2, _f2, last2), (role, _f3, _l3) = rng.sample(PEOPLE, 3)
    return _Slots(
        city=city, city2=city2, country=country, country2=country2, demonym=demonym, region=region,
        capital_city=capital, office=office, first=first, last=last, office2=office2, last2=last2,
        role=role, first2=rng.choice(["Ali", "Grace", "Pierre", "Maryam", "Juan", "Thandi"]),
        group=rng.choice(GROUPS), demand=rng.choice(DEMANDS), forces=rng.choice(FORCES), armed=rng.choice(ARMED),
        org=rng.choice(ORGS), weekday=WEEKDAYS[(published.weekday() - rng.randint(1, 3)) % 7],
        when=_date_words(rng, published), n=f"{rng.randint(2, 90) * 100:,}", small=str(rng.randint(3, 40)),
        n_small=rng.choice(["three", "five", "seven", "12", "20"]), days=str(rng.randint(2, 10)),
        age=str(rng.randint(19, 70)), month=rng.choice(MONTHS), year_past=str(published.year - rng.randint(2, 12)),
    )


def make_article(index: int, seed: int = 0, words: int = 600) -> dict:
    """Article `index` of the corpus for `seed`: a dict with id, title, published, outlet, text."""
    rng = random.Random(f"{seed}:{index}")
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 5 * 365))
    slots = _slots(rng, published)
    kinds = rng.sample(sorted(EVENT_SENTENCES), k=rng.randint(2, 3))
    lead_kind = kinds[0]
    paragraphs: list[str] = []
    count = 0
    dateline = f"{slots['city'].upper()}, {MONTHS[published.month - 1]} {published.day} ({slots['org'] if rng.random() < 0.2 else rng.choice(OUTLETS)}) -"
    while count < words:
        kind = kinds[len(paragraphs) % len(kinds)] if paragraphs else lead_kind
        sentences = rng.sample(EVENT_SENTENCES[kind], k=min(2, len(EVENT_SENTENCES[kind])))
        sentences += rng.sample(FILLER, k=rng.randint(1, 3))
        if rng.random() < 0.5:
            slots = _reroll(rng, slots, published)  # later paragraphs mention other people, days, numbers
        paragraph = " ".join(_capitalised(s.format_map(slots)) for s in sentences)
        if not paragraphs:
            paragraph = f"{dateline} {paragraph}"
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    text = "\n\n".join(paragraphs)
    title = {
        "protest": "Protesters rally in {city} demanding {demand}",
        "strike": "Strike spreads across {country}",
        "airstrike": "Air strikes hit {region}",
        "arrest": "Activists arrested in {city}",
        "talks": "Talks on {country} crisis held in {city}",
        "sanctions": "{org} sanctions {demonym} officials",
        "agreement": "Government and opposition sign deal in {city}",
    }[lead_kind].format_map(slots)
    return {
        "id": f"bench-{seed}-{index:07d}",
        "title": title[:1].upper() + title[1:],
        "published": published.isoformat(),
        "outlet": rng.choice(OUTLETS),
        "text": text,
    }


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _reroll(rng: random.Random, slots: _Slots, published: dt.date) -> _Slots:
    """New people, numbers and dates for a later paragraph; the article keeps its country."""
    fresh = _slots(rng, published)
    for key in ("city", "city2", "country", "demonym", "region", "capital_city"):
        fresh[key] = slots[key]
    return fresh


def iter_articles(count: int, seed: int = 0, words: int = 600) -> Iterator[dict]:
    for index in range(count):
        yield make_article(index, seed=seed, words=words)


def write_corpus(path: str | Path, count: int, seed: int = 0, words: int = 600, fmt: str = "jsonl") -> Path:
    """Write the corpus as JSON lines (one file) or a folder of .txt files; returns the path."""
    path = Path(path)
    if fmt == "jsonl":
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh:
            for article in iter_articles(count, seed, words):
                fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    elif fmt == "txt":
        path.mkdir(parents=True, exist_ok=True)
        for article in iter_articles(count, seed, words):
            (path / f"{article['id']}.txt").write_text(article["text"] + "\n", encoding="utf-8")
    else:
        raise ValueError(f"unknown corpus format {fmt!r} (jsonl or txt)")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600, help="approximate words per article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    parser.add_argument("--out", required=True, help="a .jsonl file, or a folder for --format txt")
    args = parser.parse_args(argv)
    out = write_corpus(args.out, args.articles, args.seed, args.words, args.format)
    print(f"wrote {args.articles} articles to {out}")


if __name__ == "__main__":
    main()
