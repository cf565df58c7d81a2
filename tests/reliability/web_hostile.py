"""A store of records whose every string field is an attack: script tags,
attribute-breaking quotes, event handlers, javascript: URLs, template syntax,
SQL, and Unicode tricks. Written by the project for the web security tests."""

from __future__ import annotations

from chronicle.record import Actor, ActorRef, ArticleRecord, Event, Place, SentenceRef, Span, Time

TOKEN = "reliability-token-93d0"

# Each payload sets window.__pwned if it ever runs; the browser test looks for it.
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "\"><img src=x onerror=\"window.__pwned='img'\">",
    "'><svg onload=window.__pwned='svg'>",
    "</textarea></title></style><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "<a href=\"javascript:window.__pwned='href'\">click</a>",
    "{{ 7*7 }}{% raw %}<b>jinja</b>",
    "\u202e<details open ontoggle=window.__pwned='toggle'>",
    "'; DROP TABLE articles; --",
]


def _at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def hostile_record(n: int) -> ArticleRecord:
    payload = PAYLOADS[n % len(PAYLOADS)]
    actor = f"Gunmen {payload}"
    place = f"Basra{payload}"
    text = (f"{actor} attacked a checkpoint in {place} on Friday, police said {payload}. "
            f"Hundreds of protesters marched in Basra on 3 March 2021 {payload}.")
    a_start, a_end = _at(text, actor)
    p_start, p_end = _at(text, place)
    t_start, t_end = _at(text, "attacked")
    d_start, d_end = _at(text, "3 March 2021")
    m_start, m_end = _at(text, "marched")
    first_end = text.index(". ") + 1
    return ArticleRecord(
        id=f"hostile-{n}{payload[:12]}" if n % 2 else f"hostile-{n}",
        title=f"Title {payload}", outlet=f"Outlet {payload}", url=f"javascript:window.__pwned='url{n}'",
        published="2021-03-05", text=text, byline=f"By {payload}", section=payload, tags=[payload],
        places=[Place(text=place, start=p_start, end=p_end, name=f"Basra {payload}", lat=30.5 + n / 100, lon=47.8,
                      country_code="IQ", admin1=payload, feature="city")],
        times=[Time(text="3 March 2021", start=d_start, end=d_end, type="DATE", value="2021-03-03")],
        actors=[Actor(text=actor, start=a_start, end=a_end, name=actor, country="IRQ", sector="UAF",
                      mentions=[Span(actor, a_start, a_end)], why=payload)],
        events=[
            Event(type="ASSAULT", mode="attack", acled_event_type="Battles", acled_sub_event_type="Armed clash",
                  cameo_root="19", actor=[ActorRef(0, actor, a_start, a_end)], location=0, date="2021-03-05",
                  date_precision="day", attributed_to=f"police {payload}", sentence=SentenceRef(0, first_end),
                  trigger=Span("attacked", t_start, t_end), confidence=0.8),
            Event(type="PROTEST", mode="demonstrate", acled_event_type="Protests",
                  acled_sub_event_type="Peaceful protest", location=0, date="2021-03-03", date_precision="day",
                  date_evidence=0, sentence=SentenceRef(first_end + 1, len(text)),
                  trigger=Span("marched", m_start, m_end), confidence=0.7),
        ],
    )


def hostile_corpus(n: int = 16) -> list[ArticleRecord]:
    return [hostile_record(i) for i in range(n)]
