"""Facts of the shipped knowledge base, read through the real loader: who held
an office on a date, that every entry has a source and sound dates, that no
two people hold the same sole office of a country at once, and that every UN
member has a head of state or government for every year since 2000."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from chronicle.actors.kb import DATA_DIR, SHIPPED_FILES, load_knowledge_base

# the 193 member states of the United Nations (ISO 3166-1 alpha-3)
UN_MEMBERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST
SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM
JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX
FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())

# titles that name a head of state or of government
HEAD_TITLES = frozenset({
    "president", "prime minister", "chancellor", "king", "queen", "emir", "sultan", "grand duke", "prince",
    "emperor", "supreme leader", "leader", "junta leader", "chief adviser", "head of the sovereignty council",
    "chairman of the presidential council", "chairman of the presidential leadership council",
    "chairman of the national transitional council", "president of the general national congress",
    "president of the council of ministers",
})
# offices one person holds at a time in a country
SOLE_TITLES = ("president", "prime minister", "chancellor", "foreign minister", "defence minister", "interior minister")

# two claimants recognised by different sides at once
DISPUTED = {
    ("CIV", "president", "Laurent Gbagbo", "Alassane Ouattara"),  # 2010-11 after the election
    ("MDG", "president", "Didier Ratsiraka", "Marc Ravalomanana"),  # 2002 after the election
}
# periods for which a UN member's head of state or government is not listed, and why
DOCUMENTED_GAPS = {
    "SMR": ("2000-01-01", "2025-12-31", "two captains regent every six months; not listed"),
    "BIH": ("2000-01-01", "2000-05-31", "co-chairs of the council of ministers and the tripartite presidency; not listed"),
    "IRQ": ("2003-04-09", "2004-06-28", "occupation: the coalition authority's administrator (a US official) and the "
            "Governing Council's monthly rotating presidency"),
    "NRU": ("2000-01-01", "2004-06-21", "presidents changed many times; not listed before Ludwig Scotty"),
    "SOM": ("2000-01-01", "2000-08-26", "no central government before the Transitional National Government"),
}
# members that joined the UN after 2000: covered from their admission
ADMITTED = {"TUV": "2000-09-05", "CHE": "2002-09-10", "TLS": "2002-09-27", "MNE": "2006-06-28", "SSD": "2011-07-14"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def _raw_precision() -> dict[tuple[str, str, str], tuple[int, int]]:
    """(name, title, start as written) -> (length of start, length of end) as
    written: 10 for a day, 7 for a month, 4 for a year. An overlap of two
    holders is only a fault where both bounds are known to the day."""
    out = {}
    for name in SHIPPED_FILES:
        data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
        for raw in (data or {}).get("actors") or []:
            for r in raw.get("roles") or []:
                start, end = str(r.get("start") or ""), str(r.get("end") or "")
                out[(raw["name"], str(r.get("title")), start[:len(start)])] = (len(start), len(end))
    return out


def _holder(kb, country, title, day):
    names = [e.name for e, _ in kb.holders(country, title, day)]
    assert len(names) == 1, f"{title} of {country} on {day}: {names}"
    return names[0]


@pytest.mark.parametrize("country, title, day, name", [
    ("GBR", "prime minister", "2008-06-01", "Gordon Brown"),
    ("GBR", "home secretary", "2012-06-01", "Theresa May"),
    ("FRA", "prime minister", "2010-01-01", "François Fillon"),
    ("DEU", "defence minister", "2014-01-01", "Ursula von der Leyen"),
    ("ITA", "prime minister", "2015-06-01", "Matteo Renzi"),
    ("UKR", "defence minister", "2016-01-01", "Stepan Poltorak"),
    ("CHE", "president", "2019-05-05", "Ueli Maurer"),
    ("PRT", "prime minister", "2000-01-01", "António Guterres"),
    ("JPN", "prime minister", "2005-01-01", "Junichiro Koizumi"),
    ("IND", "interior minister", "2010-01-01", "P. Chidambaram"),
    ("PAK", "prime minister", "2010-01-01", "Yousaf Raza Gillani"),
    ("TUR", "defence minister", "2020-01-01", "Hulusi Akar"),
    ("SYR", "defence minister", "2015-01-01", "Fahd Jassem al-Freij"),
    ("IRQ", "foreign minister", "2010-01-01", "Hoshyar Zebari"),
    ("ISR", "defence minister", "2017-01-01", "Avigdor Lieberman"),
    ("THA", "prime minister", "2012-01-01", "Yingluck Shinawatra"),
    ("KOR", "president", "2015-01-01", "Park Geun-hye"),
    ("SAU", "interior minister", "2014-01-01", "Muhammad bin Nayef"),
    ("NPL", "prime minister", "2009-01-01", "Pushpa Kamal Dahal"),
])
def test_office_holder_on_a_date(kb, country, title, day, name):
    assert _holder(kb, country, title, day) == name


def test_a_person_is_a_former_official_after_the_last_office(kb):
    fillon = kb.entry_named("François Fillon")
    assert fillon.status_on("2010-01-01")[2] == "GOV"
    assert fillon.status_on("2020-01-01")[2] == "ELI"


def test_every_entry_has_a_source_and_sound_dates(kb):
    for e in kb.entries:
        if e.kind == "territory" and not e.source:
            continue
        assert e.source, f"{e.name} ({e.file}) has no source"
        for r in e.roles:
            for d in (r.start, r.end):
                assert d is None or (len(d) == 10 and d[4] == "-" and d[7] == "-"), (e.name, r)
            assert r.start is None or r.end is None or r.start <= r.end, (e.name, r)
            assert r.start is None or "1900" <= r.start <= "2026", (e.name, r)


def test_no_two_holders_of_a_sole_office_at_once(kb):
    precision = _raw_precision()
    offices = defaultdict(list)
    for e in kb.entries:
        for r in e.roles:
            if r.title in SOLE_TITLES:
                offices[(r.country or r.international or e.country or e.international, r.title)].append((e, r))
    clashes = []
    for (country, title), held in offices.items():
        held.sort(key=lambda er: er[1].start or "")
        for (e1, r1), (e2, r2) in zip(held, held[1:]):
            if e1 is e2 or r1.end is None or r2.start is None or r2.start >= r1.end:
                continue
            if r1.end < "2000-01-01" or (country, title, e1.name, e2.name) in DISPUTED:
                continue  # the knowledge base covers offices since 2000
            exact = all(
                precision.get((e.name, r.title, (r.start or "")[:n]), (10, 10))[i] == 10
                for e, r, i in ((e1, r1, 1), (e2, r2, 0))
                for n in (10, 7, 4)
                if (e.name, r.title, (r.start or "")[:n]) in precision
            )
            if exact or r2.start < r1.end[:8] + "01" and r1.end[:7] != r2.start[:7] and r1.end[:4] != r2.start[:4]:
                clashes.append(f"{country} {title}: {e1.name} until {r1.end}, {e2.name} from {r2.start}")
    assert not clashes, "\n".join(clashes)


def test_every_un_member_has_a_head_of_state_or_government(kb):
    heads = defaultdict(list)
    for e in kb.entries:
        for r in e.roles:
            if r.title in HEAD_TITLES:
                heads[r.country or e.country].append(r)
    missing = []
    for iso3 in sorted(UN_MEMBERS):
        for year in range(2000, 2026):
            for day in (f"{year}-02-15", f"{year}-08-15"):
                gap = DOCUMENTED_GAPS.get(iso3)
                if day < ADMITTED.get(iso3, "") or (gap and gap[0] <= day <= gap[1]):
                    continue
                if not any(r.holds_on(day) for r in heads.get(iso3, [])):
                    missing.append(f"{iso3} {day}")
    assert not missing, f"{len(missing)} country-dates without a head: " + ", ".join(missing[:80])


def test_the_parse_cache_gives_the_same_knowledge_base(tmp_path, monkeypatch):
    from chronicle.actors.kb import KnowledgeBase

    monkeypatch.setenv("CHRONICLE_CACHE", str(tmp_path))
    parsed = KnowledgeBase()  # parses the files and fills the cache
    cached = list((tmp_path / "kb").glob("*.pickle"))
    assert len(cached) == len(SHIPPED_FILES)
    cached[0].write_bytes(b"not a pickle")  # a broken cache entry is parsed again
    again = KnowledgeBase()
    assert [(e.id, e.roles, e.aliases, e.source) for e in again.entries] == \
        [(e.id, e.roles, e.aliases, e.source) for e in parsed.entries]
