"""Demonyms and place adjectives ("Russian", "Sri Lankan", "South Ossetians"):
found as the longest run of capitalised words the gazetteer knows as one
(countries' from the country table, regions' and divisions' from
data/demonyms.tsv), and kept only where they say whose people or things a place
has, not a person's surname, a company, a people, a language or a cuisine.
They are listed as places of mention_kind "demonym", always associative.
"""

from __future__ import annotations

from chronicle.places.bodies import INSTITUTION_WORDS
from chronicle.places.gazetteer import Gazetteer
from chronicle.places.normalise import exact_key

# The longest demonym ("South Ossetian", "Sri Lankan") in tokens.
MAX_DEMONYM_TOKENS = 3
# Nouns after a demonym that make it a culture's, not a place's ("Italian food", "Irish pub").
CULTURE_NOUNS = frozenset(
    "food foods cuisine restaurant restaurants pub bar grill cafe dish dishes sausage sausages bread music song songs "
    "rock dance dancing heritage immersion language languages class classes lessons literature descent ancestry "
    "accent fries toast dressing style".split()
)
# Verbs after which a demonym is a language ("spoke only French").
SPEAKING_VERBS = frozenset("speak speaks spoke spoken speaking teach teaches taught learn learned learning fluent".split())
# Words before a demonym that make it part of a people's name ("Native American").
PEOPLE_PREFIXES = frozenset({"native", "anglo", "african", "asian", "arab"})


def demonym_at(ctx, i: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """The longest demonym starting at token i, every word capitalised:
    (end token, place entry). A plural ("Palestinians") counts."""
    words, offsets, text = ctx.words, ctx.offsets, ctx.text
    for j in range(min(len(words), i + MAX_DEMONYM_TOKENS), i, -1):
        if any(not words[k][:1].isupper() or k in ctx.starts and k > i for k in range(i, j)):
            continue
        key = exact_key(text[offsets[i]:offsets[j - 1] + len(words[j - 1])])
        entry = gaz.demonyms.get(key)
        if entry is None and key.endswith("s"):
            entry = gaz.demonyms.get(key[:-1])
        if entry is not None:
            return j, entry
    return None


def demonym_is_place(doc, i: int, j: int, ents, context) -> bool:
    """Whether the demonym at i..j names the people or things of a place ("Russian
    officials", "the Palestinian problem"), and not a person ("Monica French"),
    a company ("American Airlines"), a people's name ("Native American",
    "African-American"), a language ("spoke only French") or a cuisine ("Italian food")."""
    ent = ents[i]
    if ent is not None and ent[2] == "PERSON" and ent[1] - ent[0] > j - i:
        return False
    key = exact_key(doc[i:j].text)
    if key in context.person_words or key.rstrip("s") in context.person_words:
        return False  # the surname of a person named in full
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    if ent is not None and ent[2] == "LANGUAGE":
        return False
    if prev is not None and prev.lower_ in PEOPLE_PREFIXES:
        return False
    if any(doc[k].lower_ in SPEAKING_VERBS for k in range(max(0, i - 2), i)):
        return False  # "spoke only Italian"
    if prev is not None and prev.text == "-" and not prev.whitespace_ and i >= 2 and doc[i - 2].text[:1].isupper():
        return False  # "African-American", "Anglo-Americans"
    if nxt is not None and nxt.text == "-" and not nxt.whitespace_ and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() \
            and doc[j + 1].lower_ in {"american", "americans"}:
        return False  # "Mexican-American"
    if nxt is not None and nxt.lower_ in CULTURE_NOUNS:
        return False
    if ent is not None and ent[2] in {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"} and ent[0] == i and ent[1] > j:
        # heading a name: a state's body is the place's ("the Georgian Interior
        # Ministry"), a company's or a club's is not ("American Airlines")
        return bool({doc[k].lower_ for k in range(j, ent[1])} & INSTITUTION_WORDS)
    return True


# Nouns of land and settlement: after a demonym they make a place of the
# country itself ("Lebanese farmlands", "Iraqi territory", "Afghan villages").
LAND_NOUNS = frozenset(
    "territory territories soil land lands farmland farmlands border borders border-crossing airspace waters "
    "coast coastline village villages town towns city cities province provinces region regions countryside "
    "capital mainland side".split()
)


def names_its_land(doc, start: int, end: int) -> bool:
    """Whether the demonym at characters start..end qualifies a noun of land
    ("Lebanese farmlands", "the Syrian side of the border"): there it says where."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in LAND_NOUNS
