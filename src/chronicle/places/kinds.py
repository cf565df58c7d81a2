"""Words around a name that say what kind of place it is: "the town of Camborne",
"Mbomo district", "a Longview woman", "New York Governor" (a division's office),
"the mayor of X" (a town's).
"""

from __future__ import annotations

# Nouns a place name qualifies ("a Longview woman", "the Pirbright laboratory").
QUALIFIED_NOUNS = frozenset(
    "resident residents woman women man men family families spokesperson spokesman spokeswoman official officials "
    "laboratory lab farm farms mine hospital school schools residents' council teenager teenagers teen teens boy "
    "boys girl girls student students couple driver drivers motorist motorists native natives businessman "
    "businesswoman homeowner homeowners voters".split()
)
# Nouns after a name that make it a place ("the Glasgow area").
PLACE_NOUNS = frozenset("area region city town province state district county border suburbs outskirts".split())
# Of those, the ones that say it outright, whatever the place's size ("Mbomo
# district", "the Dadaab camps"); "area" and "border" also follow other words.
KIND_PLACE_NOUNS = frozenset(
    "region regions city town village villages province provinces district districts county camp camps municipality".split()
)
# "the island of Java", "a resident of Torun": "of" after these introduces a place
OF_PLACE_NOUNS = frozenset(
    "island islands city town village province state region county district capital resident residents "
    "people outskirts north south east west centre center".split()
)
DIVISION_WORDS = frozenset("state province governorate region county district department prefecture oblast territory".split())
SETTLEMENT_WORDS = frozenset("city town village capital port".split())
KIND_NOUNS = frozenset("province state governorate region county district city town village".split())
# Offices that belong to one kind of place: a governor's or premier's is a
# division ("New York Governor", "the premier of Ontario"), a mayor's a town.
DIVISION_OFFICES = frozenset("governor gov. governors premier legislature lawmakers statehouse".split())
# (and a town's are its police, fire service, library and elementary schools:
# "Jordan Elementary School", "Paris Police Department")
SETTLEMENT_OFFICES = frozenset("mayor mayors police policemen fire library elementary".split())


# Plural kind nouns shared by a list of names ("Barrow and Jackson counties").
PLURAL_DIVISION_WORDS = frozenset("counties parishes townships provinces districts states governorates regions".split())
PLURAL_SETTLEMENT_WORDS = frozenset("cities towns villages".split())
LIST_WORDS = frozenset({",", "and", "or", "&"})


def _shared_kind(doc, j: int) -> str:
    """The plural kind noun closing the list this name is an item of ("Barrow
    and Jackson counties", "Clarke, Oconee and Madison counties"), or ""."""
    joined = False
    for k in range(j, min(len(doc), j + 12)):
        t = doc[k]
        if t.text in LIST_WORDS:
            joined = True
        elif not t.text[:1].isupper():
            return t.lower_ if k > 0 and (joined or k == j) and doc[k - 1].text not in LIST_WORDS else ""
    return ""


def kind_hint(doc, i: int, j: int) -> str | None:
    """'Washington state', 'the province of Bulacan' / 'the city of Karbala', 'Karbala city'."""
    nxt = doc[j].lower_ if j < len(doc) else ""
    before = doc[i - 2].lower_ if i >= 2 and doc[i - 1].lower_ in {"of", "called", "named"} else ""
    if not before and i >= 1 and doc[i - 1].lower_ in KIND_NOUNS and i >= 2 and doc[i - 2].lower_ in {"the", "a"}:
        before = doc[i - 1].lower_  # "in the province Gauteng"
    shared = _shared_kind(doc, j)
    if nxt in DIVISION_WORDS or before in DIVISION_WORDS or nxt in DIVISION_OFFICES or before in DIVISION_OFFICES \
            or shared in PLURAL_DIVISION_WORDS:
        return "division"
    if shared in PLURAL_SETTLEMENT_WORDS:
        return "city"
    if nxt in SETTLEMENT_WORDS or before in SETTLEMENT_WORDS or nxt in SETTLEMENT_OFFICES or before in SETTLEMENT_OFFICES:
        return "city"
    return None
