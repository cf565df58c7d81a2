"""Finding toponyms in a parsed article: gazetteer matches checked against context.

The spaCy model's entities alone miss places (the small model calls many
towns ORG) and invent some, so every capitalised token n-gram is looked up in
the gazetteer (a dict probe per n-gram, no regex per name), and each match is
then kept or dropped on evidence from its context:

- kept when the model calls it GPE, LOC or FAC, or when it is a country,
  division or named region, or a sizeable town written as a name (PROPN);
- kept when a locative word comes before it ("in", "near", "outside") or a
  known place follows it after a comma ("Pandi, Bulacan");
- dropped inside a longer person or organisation name ("George Washington",
  "University of Texas", "The Washington Times"), after a title ("Mr Jordan"),
  or as an ordinary word that starts a sentence ("Police said").

Entities the model calls GPE or LOC that no exact name matches are looked up
by their loose (transliteration) key: "Nassiriya" finds Nasiriyah.
Direction words make relative regions: "southern Iraq", "Iraq's southern
provinces".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH, SENT_START

from chronicle.places.gazetteer import F_ADMIN1, F_ADMIN2, F_CITY, F_CONTINENT, F_COUNTRY, F_REGION, Gazetteer
from chronicle.places.bodies import (
    AREA_PREFIXES,
    CIVIC_HEAD_WORDS,
    CIVIC_WORDS,
    GOVERNMENT_SEATS,
    INSTITUTION_WORDS,
    LIST_JOINS,
    MEDIA_NOUNS,
    NAME_CONTINUATIONS,
    STRONG_FEATURES,
    civic_words_after,
    longer_entity_verdict,
    name_run,
    named_again_inside,
    only_lowercase_beside,
    party_home,
    qualifies_a_person,
    saint_dedication,
    upper_dateline,
)
from chronicle.places.demonyms import demonym_at, demonym_is_place
from chronicle.places.kinds import (  # DIVISION_WORDS: also read by actors.name_matches
    DIVISION_WORDS,
    KIND_PLACE_NOUNS,
    OF_PLACE_NOUNS,
    PLACE_NOUNS,
    QUALIFIED_NOUNS,
    kind_hint,
)
from chronicle.places.normalise import ARTICLES, close_spelling, exact_key, loose_key, strip_article

# The most spaCy tokens one place name spans ("Saint Vincent and the Grenadines").
MAX_NAME_TOKENS = 7

LOCATIVE_WORDS = frozenset(
    "in at near outside inside from to into across throughout around towards toward via of "
    "between within along off beyond neighbouring neighboring north south east west "
    "northern southern eastern western central".split()
)
TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sir lord lady president minister senator sen. gov. governor "
    "judge general gen. col. captain capt. king queen prince princess saint st. rep. sheikh pope emir".split()
)
DIRECTIONS = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west", "central": "central",
    "north": "north", "south": "south", "east": "east", "west": "west",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast", "southwestern": "southwest",
    "north-eastern": "northeast", "north-western": "northwest", "south-eastern": "southeast", "south-western": "southwest",
    "northeast": "northeast", "northwest": "northwest", "southeast": "southeast", "southwest": "southwest",
}
DIRECTION_ADJECTIVES = {
    "north": "northern", "south": "southern", "east": "eastern", "west": "western", "central": "central",
    "northeast": "northeastern", "northwest": "northwestern", "southeast": "southeastern", "southwest": "southwestern",
}
# "Iraq's southern provinces": the nouns that make a possessive a part of the place
PART_NOUNS = frozenset(
    "province provinces region regions part parts city cities town towns area areas governorate "
    "governorates state states district districts border borders coast countryside villages desert "
    "highlands regions' suburbs outskirts".split()
)

# Division aliases that are ordinary words ("Southern", "Capital", "Central"):
# a place only when the model also calls them one.
GENERIC_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center capital coast coastal "
    "lakes lake upper lower plateau mountain mountains river valley island islands border mid middle far "
    "greater federal national interior littoral highlands lowlands delta north-east north-west south-east "
    "south-west northeast northwest southeast southwest orient oriental occidental sud nord est ouest "
    "sea bay gulf union square park fort mount hills county city town village beach springs falls creek "
    "heights point harbor harbour bridge republic kingdom state province district region area airport "
    "church university college hospital school station".split()
) | {"north western", "north eastern", "south western", "south eastern", "north west", "north east",
     "south west", "south east", "far north", "far east", "far west", "upper east", "upper west"}
# Verbs whose subject, when a capital city, is its government ("Washington said").
REPORTING_VERBS = frozenset(
    "say said says announce announced announces warn warned warns accuse accused accuses deny denied denies "
    "claim claimed claims insist insisted insists urge urged urges demand demanded demands respond responded "
    "reject rejected rejects condemn condemned condemns welcome welcomed welcomes threaten threatened threatens "
    "agree agreed agrees refuse refused refuses confirm confirmed confirms".split()
)

# Places of this size are known enough to be kept as bare names without other evidence.
KNOWN_TOWN_POPULATION = 100_000
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})



@dataclass
class Mention:
    start: int  # character offsets in the text
    end: int
    tok_start: int  # token offsets in the doc
    tok_end: int
    text: str
    key: str  # exact key of the name as written (the consistency group)
    candidates: tuple[int, ...]
    exact: bool = True  # False: found by the loose key
    label: str | None = None  # the NER label over it, if any
    direction: str | None = None  # relative region: "south", "northeast", ...
    hint: str | None = None  # "division" ("Washington state") or "city" ("the city of Karbala")
    associative: bool = False  # qualifies an organisation ("U.S. Army")
    reasons: list[str] = field(default_factory=list)  # why it was taken for a place


def _entity_labels(doc) -> list[tuple[int, int, str] | None]:
    """For each token, the (start, end, label) of the entity it is in."""
    per_token: list[tuple[int, int, str] | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            per_token[i] = (ent.start, ent.end, ent.label_)
    return per_token


def _best_feature(gaz: Gazetteer, ids: tuple[int, ...]) -> int:
    features = [gaz.feature[i] for i in ids]
    for f in (F_COUNTRY, F_CONTINENT, F_REGION, F_ADMIN1):
        if f in features:
            return f
    return F_CITY if F_CITY in features else (F_ADMIN2 if F_ADMIN2 in features else features[0])


def _max_population(gaz: Gazetteer, ids: tuple[int, ...]) -> int:
    return max(gaz.population[i] for i in ids)


def _match_at(ctx: "_DocContext", i: int, gaz: Gazetteer) -> tuple[int, str, tuple[int, ...]] | None:
    """The longest gazetteer name starting at token i: (end token, key, ids).
    A name ends on a capitalised word ("Bosnia and Herzegovina", not "Bosnia and").
    Reads the context's plain token arrays: spaCy Token objects are costly to make."""
    words, offsets, text = ctx.words, ctx.offsets, ctx.text
    n = len(words)
    first = exact_key(words[i])
    if not first or first == "the":
        return None  # "the United States" is matched from "United"
    longest = gaz.longest_name_from(first.split(" ")[0])
    if i + 1 < n and words[i + 1] in {"'s", "\u2019s"}:
        # "People's Republic of China" (keyed "peoples ...") as well as "Vietnam's"
        glued = gaz.longest_name_from(exact_key(words[i] + words[i + 1]).split(" ")[0])
        if glued is not None:
            longest = max(longest or 0, glued)
    if longest is None:
        return None
    best = None
    start = offsets[i]
    for j in range(i + 1, min(n, i + MAX_NAME_TOKENS) + 1):
        last = words[j - 1]
        if j > i + 1 and (j - 1 in ctx.starts or last in _NAME_BREAKS or not last.strip()):
            break
        key = exact_key(text[start:offsets[j - 1] + len(last)])
        if key.count(" ") + 1 > longest:
            break
        if j > i + 1 and last.lower() == "city" and j < n and words[j].lower() in CIVIC_WORDS:
            continue  # "Dublin City Council" is the council of the city of Dublin, not of Dublin City
        if last[:1].isupper() or _PARTICLE_NAME.match(last):
            ids = gaz.exact_ids(key)
            if not ids and j > i + 1:
                # "Al-Nasiriyah" where the index knows "Nasiriyah"
                bare = strip_article(key)
                ids = gaz.exact_ids(bare) if bare != key else ()
            if ids:
                best = (j, key, ids)
    if best is not None and best[0] == i + 1 and first in ARTICLES and i + 1 < n and words[i + 1] in {"-", "\u2010"}:
        return None  # the article of a longer name, not the Norwegian village "Ål"
    return best


# A name's last word may open with an elided particle: "Cote d'Ivoire", "Val d'Or".
_PARTICLE_NAME = re.compile(r"^[a-z]{1,2}['\u2019][A-Z]")
_NAME_BREAKS = frozenset({",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "/"})
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "LANGUAGE"})


def find_mentions(doc, gaz: Gazetteer, text: str | None = None) -> tuple[list[Mention], list[tuple[int, int, int]]]:
    """Toponym mentions in the doc, and demonym hits (start, end, country entry)."""
    ents = _entity_labels(doc)
    context = _DocContext(doc, text)
    words, offsets = context.words, context.offsets
    mentions: list[Mention] = []
    demonyms: list[tuple[int, int, int]] = []
    turned_down: list[tuple[int, int, str, tuple[int, ...]]] = []
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        if not word[:1].isupper():
            i += 1
            continue
        hit = _match_at(context, i, gaz)
        demonym = demonym_at(context, i, gaz)
        if demonym is not None and (hit is None or hit[0] <= demonym[0]):
            # "Russian", "Sri Lankan", "South Ossetians": whose, said with a place
            j, entry = demonym
            if demonym_is_place(doc, i, j, ents, context):
                demonyms.append((offsets[i], offsets[j - 1] + len(words[j - 1]), entry))
                context.demonym_tokens.update(range(i, j))
            i = j
            continue
        if hit is None:
            i += 1
            continue
        j, key, ids = hit
        mention = _judge(doc, i, j, key, ids, gaz, ents, context, mentions[-1].tok_end if mentions else -1)
        if mention is not None and _is_capital_speaking(doc, i, j, ids, gaz):
            # "Washington said", "Tbilisi has denied": the government, named by
            # its seat; a toponym, but never where anything happened
            mention.associative = True
            mention.reasons.append("a capital speaking for its government")
        if mention is not None:
            mentions.append(mention)
            i = j
        else:
            turned_down.append((i, j, key, ids))
            i += 1
    # one sense per article: a name taken for a place once, on its own evidence,
    # is the same place where it stands with less ("Esperance residents ...
    # Esperance recorded 400 mm"); the hard rules (titles, longer names) still apply
    placed = {m.key for m in mentions if not m.associative and (
        m.label in {"GPE", "LOC"} or m.hint or "dateline" in m.reasons)}
    covered = {t for m in mentions for t in range(m.tok_start, m.tok_end)}
    for i, j, key, ids in turned_down:
        if key in placed and not covered.intersection(range(i, j)):
            mention = _judge(doc, i, j, key, ids, gaz, ents, context, -1, known=True)
            if mention is not None:
                if _is_capital_speaking(doc, i, j, ids, gaz):
                    mention.associative = True
                    mention.reasons.append("a capital speaking for its government")
                mentions.append(mention)
                covered.update(range(i, j))
    mentions.extend(_named_again(doc, gaz, ents, context, mentions, turned_down, placed, covered))
    mentions.sort(key=lambda m: m.start)
    mentions = [m for m in mentions if not (m.key in context.eponyms and not _locative_before(doc, m.tok_start))
                and not (m.key in context.media and m.label not in {"GPE", "LOC"})]
    mentions = _merge_into_entities(doc, context.text, mentions, gaz)
    for m in mentions:
        if not m.associative and qualifies_a_person(doc, m.tok_start):
            m.associative = True  # "a tourist from Canada": where a person comes from
            m.reasons.append("where a person comes from")
    mentions.extend(_loose_entities(doc, context.text, gaz, mentions, demonyms, context.demonym_tokens))
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        _relative_region(doc, context.text, m, gaz)
    return mentions, demonyms


def _named_again(doc, gaz: Gazetteer, ents, context: "_DocContext", mentions: list[Mention], turned_down,
                 placed: set[str], covered: set[int]) -> list[Mention]:
    """What is still turned down of a name placed elsewhere in the article names
    that place inside a longer name ("the Harwinton Senior Center"): a toponym,
    associative. Only a name that stood as a place on good evidence anchors its
    echoes ("Council" or "Pack" found once is no anchor)."""
    found = placed | {m.key for m in mentions if not m.associative and (
        _held_by_next(context, m.tok_end, m.candidates, gaz) or any(r in _ANCHOR_REASONS for r in m.reasons)
        and any(exact_key(gaz.names[c]) == m.key for c in m.candidates))}
    lower: dict[str, bool] = {}
    out = []
    for i, j, key, ids in turned_down:
        if key not in found or covered.intersection(range(i, j)):
            continue
        if key not in lower:
            lower[key] = _written_lower(context.text, key)
        why = None if lower[key] else named_again_inside(doc, i, j, key, ents, context.person_words, TITLES, EPONYM_NOUNS)
        if why is not None:
            start, end = context.offsets[i], context.offsets[j - 1] + len(context.words[j - 1])
            out.append(Mention(start, end, i, j, context.text[start:end], key, ids, associative=True,
                               reasons=[why], hint=kind_hint(doc, i, j)))
            covered.update(range(i, j))
    return out


# A locative before a town's own name anchors it for its other mentions.
_ANCHOR_REASONS = frozenset(f"after '{w}'" for w in ("in", "near", "outside", "inside", "throughout", "In", "Near"))


def _written_lower(text: str, key: str) -> bool:
    """Whether the name is also written as an ordinary lower-case word in the article
    ("the council", "in March"): then its capitalised uses inside names are that word's."""
    return re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text) is not None


# Nouns that make a place name the name of a disease or pathogen ("Marburg virus").
EPONYM_NOUNS = frozenset(
    "virus viruses fever disease strain strains flu influenza syndrome encephalitis vaccine haemorrhagic hemorrhagic".split()
)
class _DocContext:
    """Facts about the whole article that single matches are judged by."""

    def __init__(self, doc, text: str | None = None):
        # Plain arrays of the tokens, read in one call: making spaCy Token objects
        # (and Token.is_sent_start, which rescans the doc) costs more than the lookups.
        self.text: str = text if text is not None else doc.text
        columns = doc.to_array([IDX, LENGTH, SENT_START]).tolist() if len(doc) else []
        self.offsets: list[int] = [c[0] for c in columns]
        self.words: list[str] = [self.text[c[0]:c[0] + c[1]] for c in columns]
        self.starts: frozenset[int] = frozenset(k for k, c in enumerate(columns) if c[2] == 1 or k == 0)
        # names used as a disease's ("Marburg virus"): elsewhere too they name the disease
        self.eponyms: set[str] = set()
        # surnames of people named in full ("Maya Harden" ... "Harden said")
        self.person_words: set[str] = set()
        # names the article gives a newspaper, agency or channel: not places anywhere in it
        self.media: set[str] = set()
        for k, word in enumerate(self.words):
            if k > 0 and word.lower() in EPONYM_NOUNS and self.words[k - 1][:1].isupper():
                self.eponyms.add(exact_key(self.words[k - 1]))
            if word.lower() in MEDIA_NOUNS and k + 1 < len(self.words) and self.words[k + 1][:1].isupper():
                self.media.add(exact_key(name_run(self.words, k + 1)))  # "the newspaper Al-Ahram"
        # first names of people named in full ("Chad Smith"): alone, they may name him
        self.first_names: set[str] = set()
        # tokens read as demonyms ("Sri Lankan"): no place name is looked for in them
        self.demonym_tokens: set[int] = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                self.person_words.add(exact_key(ent[-1].text))
                self.first_names.add(exact_key(ent[0].text))


def _held_by_next(ctx: "_DocContext", j: int, ids: tuple[int, ...], gaz: Gazetteer) -> bool:
    """Whether ", <state or country>" follows and holds one of the candidates."""
    if j + 1 >= len(ctx.words) or ctx.words[j] != ",":
        return False
    following = _match_at(ctx, j + 1, gaz)
    if following is None:
        return False
    holders = {x for x in following[2] if gaz.feature[x] in (F_ADMIN1, F_COUNTRY)}
    if not holders:
        return False
    return any(gaz.admin1[c] in holders or gaz.country_entry.get(gaz.country_of(c)) in holders
               for c in ids if gaz.feature[c] in (F_CITY, F_ADMIN2))


def _locative_before(doc, i: int) -> bool:
    """'in Basra', 'in the Glasgow area', 'near the town of Torun'."""
    if i > 0 and doc[i - 1].lower_ in LOCATIVE_WORDS:
        return True
    return i > 1 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in LOCATIVE_WORDS


def _plain_reason(doc, i: int, j: int, key: str, gaz: Gazetteer, context: _DocContext, label: str | None,
                  feature: int, population: int, locative: bool, hint: str | None, known: bool,
                  in_list: bool, own_name: bool) -> str | None:
    """Why a match no entity label vouches for is a place (its feature, a locative before it,
    a kind word after it, a list of places ...), or None when nothing does."""
    span, first = doc[i:j], doc[i]
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    sentence_initial = first.i in context.starts or (prev is not None and prev.text in {'"', "\u201c", "("})
    is_name = all(t.pos_ == "PROPN" or not t.is_alpha or t.is_stop for t in span) and any(t.pos_ == "PROPN" for t in span)
    kind_after = nxt is not None and nxt.lower_ in KIND_PLACE_NOUNS and not first.is_stop
    if sentence_initial and not is_name and not label and not kind_after and not known:
        return None  # "Police said": an ordinary word that starts the sentence ("Heze city" is a name)
    is_name = is_name or (sentence_initial and kind_after)
    if feature in STRONG_FEATURES and (is_name or label == "ORG" or len(key) > 3):
        return FEATURE_REASON[feature]
    elif locative and (is_name or label):
        return f"after '{prev.text}'"
    elif hint and (is_name or label):
        return f"called a {hint}"
    elif is_name and nxt is not None and nxt.lower_ in KIND_PLACE_NOUNS:
        return f"followed by '{nxt.text}'"
    elif is_name and nxt is not None and nxt.lower_ in QUALIFIED_NOUNS and key not in gaz.demonyms \
            and not (label == "ORG" and nxt.lower_ in SPEAKER_NOUNS):
        # (a name the model calls an organisation before "spokesman" is the firm's: "a Chevron spokesman")
        return f"qualifies '{nxt.text}'"
    elif known and (is_name or label or sentence_initial):
        return "taken for a place elsewhere in the article"
    elif in_list and (is_name or label):
        return "in a list of places"
    elif label == "ORG" and population >= KNOWN_TOWN_POPULATION and own_name:  # "Hamas" is no spelling of Hama
        return "known town the model called ORG"
    elif is_name and population >= KNOWN_TOWN_POPULATION and not first.i in context.starts \
            and (label != "ORG" or own_name):
        # an organisation's name that is only another spelling of a town ("Hamas", Hamm) is the organisation
        return "known town written as a name"
    else:
        return None


def _place_despite_label(doc, i: int, j: int, key: str, gaz: Gazetteer, context: _DocContext, label: str,
                         feature: int, locative: bool, well_known: bool, own_name: bool, hint: str | None,
                         known: bool, followed_by_place: bool, followed_by_name: bool, after_place: bool) -> bool:
    """A match the model labelled PERSON or NORP is a place only with support from its context."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    # the small model calls some places people or peoples ("in the Glasgow
    # area", "the town of Torun"); such a name is a place only with support
    place_noun = nxt is not None and nxt.lower_ in PLACE_NOUNS
    # "of" is too weak here: "his last name of Lu"
    strong_locative = locative and not (
        prev is not None and prev.lower_ == "of" and not (i >= 2 and doc[i - 2].lower_ in OF_PLACE_NOUNS)
    )
    # between two places of a list ("Moonbi, Parkes and Wyong") even a small
    # town is one: people are seldom listed among places
    between_places = after_place and followed_by_name
    # "the town of Camborne", "Mbomo districts", "the Dadaab camps": the text says what it is
    told_kind = key not in gaz.demonyms and (bool(hint) or (nxt is not None and nxt.lower_ in KIND_PLACE_NOUNS))
    # a country's or province's name the model calls a person ("Chad, which
    # borders...", "Minas Gerais"): the place, unless the article names a
    # person so or a title comes first (checked above)
    told_kind = told_kind or (feature in (F_COUNTRY, F_ADMIN1, F_REGION) and own_name and label == "PERSON"
                              and key not in context.person_words and key not in context.first_names)
    # "a Longview woman", "the Pirbright laboratory": a name qualifying a noun of people or sites
    told_kind = told_kind or (nxt is not None and nxt.lower_ in QUALIFIED_NOUNS and key not in gaz.demonyms
                              and (label == "NORP" or locative))
    return bool(well_known and (strong_locative or followed_by_place or after_place or place_noun) or between_places
                or told_kind or known)


def _names_something_else(doc, i: int, j: int, key: str, ids: tuple[int, ...], gaz: Gazetteer) -> bool:
    """A match whose neighbours make it a name of something else than the place."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    if key in GOVERNMENT_SEATS or (prev is not None and prev.lower_ == "the" and key in {"white", "white house"}):
        return True  # "the White House": the US government, not White House, Tennessee
    if saint_dedication(doc, i, j):
        return True  # "the church of St. Peter and St. Paul", "St. Patrick's Day"
    if key in gaz.acronyms and doc[i:j].text[1:].islower() and not any(exact_key(gaz.names[c]) == key for c in ids):
        return True  # "the Recovery Act": the word, not the ACT (Australian Capital Territory)
    if prev is not None and (prev.text in {"$", "\u20ac", "\u00a3"} or prev.lower_ in TITLES):
        return True  # "$US 15 billion", "Mr Jordan"
    if j == i + 1 and (key in TITLES or key + "." in TITLES) and nxt is not None and nxt.text[:1].isupper():
        return True  # a title before a name ("Pope John Paul II", "King Abdullah")
    # "Marburg virus", "The Washington Times", "Kenya Airways"
    return nxt is not None and (nxt.lower_ in EPONYM_NOUNS or nxt.lower_ in NAME_CONTINUATIONS and nxt.text[:1].isupper())


def _judge(doc, i: int, j: int, key: str, ids: tuple[int, ...], gaz: Gazetteer, ents, context: _DocContext,
           previous_end: int = -1, known: bool = False) -> Mention | None:
    """Keep the match i..j as a toponym, or None when the context says otherwise."""
    span = doc[i:j]
    first = doc[i]
    ent = ents[i]
    label = ent[2] if ent is not None and ent[0] <= i and ent[1] >= j else None
    feature = _best_feature(gaz, ids)
    population = _max_population(gaz, ids)
    reasons: list[str] = []
    associative = False
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    locative = _locative_before(doc, i)
    well_known = feature in STRONG_FEATURES or population >= KNOWN_TOWN_POPULATION
    hint = kind_hint(doc, i, j)
    # a name that qualifies an organisation must be the place's own English
    # name ("California", "U.S."), not one of its alternate names ("Quds Force")
    own_name = any(gaz.feature[c] == F_COUNTRY for c in ids) or key in gaz.acronyms or any(
        exact_key(gaz.names[c]) == key for c in ids
    )

    if j == i + 1 and key in GENERIC_WORDS and not (label in {"GPE", "LOC"} and ent[1] - ent[0] == 1):
        return None
    if j == i + 1 and key in DIRECTIONS:
        return None  # "Southern Iraq" is a relative region, made later
    if len(key.replace(" ", "")) <= 3 and first.is_stop:
        # "Us", "It", "IN": short function words; "US" and "UK" only in capitals
        if not (first.text.isupper() and F_COUNTRY in {gaz.feature[c] for c in ids}):
            return None
    dateline = i == 0 or not doc[i - 1].text.strip() or "\n" in doc[i - 1].whitespace_ + doc[i - 1].text
    caps_dateline = span.text.isupper() and upper_dateline(doc, i, j, context)
    if span.text.isupper() and len(span.text) > 1 and key not in gaz.acronyms and not (dateline or caps_dateline):
        return None  # "FAO", "HIV", "DOH": an acronym, not the town of the same letters ("PARIS, May 2 -" is a dateline)
    if caps_dateline and feature != F_ADMIN2:
        reasons.append("dateline")
    if _names_something_else(doc, i, j, key, ids, gaz):
        return None
    if party_home(doc, i) and not first.text.isupper():
        start, end = first.idx, doc[j - 1].idx + len(doc[j - 1].text)
        return Mention(start, end, i, j, context.text[start:end], key, ids, label=label, associative=True,
                       reasons=["a lawmaker's home town, after the party letter"])
    if j == i + 1 and key in context.person_words and not (locative and feature in STRONG_FEATURES) and population < KNOWN_TOWN_POPULATION:
        return None  # "Harden said" after "Maya Harden"
    tail = (prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN" and ent is not None and ent[0] < i
            and ent[2] not in {"GPE", "LOC"} and prev.lower_ not in DIRECTIONS and prev.lower_ not in AREA_PREFIXES)
    if own_name and not tail and nxt is not None and nxt.lower_ in CIVIC_HEAD_WORDS and (
            nxt.text[:1].isupper() or nxt.lower_ in {"police", "schools"}):
        # a local body or officer named after the place it serves: "Alexandria
        # Police", "Laurel County Clerk Dean Johnson", "Roselle police" (not the
        # tail of a longer name: "George Washington High School" is the president's)
        associative = True
        reasons.append(f"names the place of its '{nxt.text}'")
    if not associative and ent is not None and not caps_dateline:
        verdict = longer_entity_verdict(doc, i, j, ent, feature, own_name, well_known)
        if verdict is False:
            return None
        if verdict:
            associative = True
            reasons.append(verdict)
    if (not associative and prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN"
            and prev.i not in context.starts and label not in {"GPE", "LOC"} and prev.lower_ not in DIRECTIONS
            and prev.lower_ not in AREA_PREFIXES):
        if not (feature == F_COUNTRY and own_name and len(key) > 3):
            return None  # the tail of a longer name: "Agent Orange"
        # a country closing a body's name is its national branch ("SOS Children's Villages Sudan")
        associative = True
        reasons.append("names the country of the body before it")

    # "Greer, South Carolina", "Lanexa, Va.": the state after the comma holds a town of this name
    held_by_next = _held_by_next(context, j, ids, gaz)
    followed_by_place = followed_by_name = False
    if nxt is not None and nxt.lower_ in LIST_JOINS and j + 1 < len(doc):
        following = _match_at(context, j + 1, gaz)
        followed_by_name = following is not None
        followed_by_place = following is not None and (
            _best_feature(gaz, following[2]) in STRONG_FEATURES or (ents[j + 1] is not None and ents[j + 1][2] in {"GPE", "LOC"})
        )
    after_place = prev is not None and prev.lower_ in LIST_JOINS and i - 1 == previous_end
    if associative:
        pass
    elif label in {"PERSON", "NORP"}:
        if not (_place_despite_label(doc, i, j, key, gaz, context, label, feature, locative, well_known, own_name,
                                     hint, known, followed_by_place, followed_by_name, after_place)
                or caps_dateline or held_by_next):
            return None
        reasons.append(f"named {label} by NER, but a place in context")
    elif label in {"GPE", "LOC", "FAC"}:
        reasons.append(f"NER {label}")
    elif label in NON_PLACE_LABELS:
        return None
    if not reasons:
        reason = "inside the place named after it" if held_by_next else _plain_reason(
            doc, i, j, key, gaz, context, label, feature, population, locative, hint, known,
            followed_by_place or after_place, own_name)
        if reason is None:
            return None
        reasons.append(reason)
    if (not associative and nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and nxt.i not in context.starts
            and label not in {"GPE", "LOC"}):
        if ents[j] is None or (ents[j][2] not in {"GPE", "LOC"} and not (ents[j][2] == "PERSON" and ents[j][0] == j)):
            # (a person's name starting right after it is not part of the place's:
            # "the envoy for South Sudan David Shearer")
            # the head of a longer name: an office or body of that place ("NSW
            # Primary Industries Minister") is associative, anything else ("Quds
            # Force") is not a place at all
            chain = []
            k = j
            while k < len(doc) and k < j + 6 and (doc[k].text[:1].isupper() or doc[k].lower_ in {"of", "for", "and"}):
                chain.append(doc[k].lower_)
                k += 1
            if not (own_name and (well_known and set(chain) & INSTITUTION_WORDS or civic_words_after(doc, j, k))):
                return None
            associative = True
            reasons.append("names the home of an office or body")
    start = first.idx
    end = doc[j - 1].idx + len(doc[j - 1].text)
    # (a story is filed from a town: "WASHINGTON \u2014" is the capital, not a county)
    return Mention(start, end, i, j, context.text[start:end], key, ids, exact=True, label=label, reasons=reasons,
                   hint=hint or ("city" if "dateline" in reasons else None), associative=associative)


def _merge_into_entities(doc, text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A place entity longer than the one name found inside it ("Swat Valley",
    "Kasai Occidental"): the mention takes the entity's extent, resolved by that name."""
    by_entity: dict[int, list[Mention]] = {}
    ent_of: dict[int, object] = {}
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC", "FAC"} and len(ent) > 1 and not any(t.text in {",", "and", "&"} or not t.text.strip() for t in ent):
            for t in range(ent.start, ent.end):
                ent_of[t] = ent
    for m in mentions:
        ent = ent_of.get(m.tok_start)
        if m.associative:
            continue  # "Seoul City Hall": the toponym is Seoul, the rest names a body
        if ent is not None and ent.end > m.tok_end and civic_words_after(doc, m.tok_end, ent.end) \
                and not {doc[k].lower_ for k in range(m.tok_end, ent.end)} & KIND_PLACE_NOUNS:
            # "the Henderson County Jail": the place is Henderson County, the rest a building of it
            m.associative = True
            m.reasons.append(f"names the place of the {ent.label_} '{ent.text}'")
            continue
        if (ent is not None and ent.end >= m.tok_end and (ent.start, ent.end) != (m.tok_start, m.tok_end)
                and not only_lowercase_beside(doc, (ent.start, ent.end), m.tok_start, m.tok_end)):
            # (an entity that runs on over lower-case words only, "Linyi city alone", is a slip)
            by_entity.setdefault(ent.start, []).append(m)
    drop: set[int] = set()
    for start, ms in by_entity.items():
        ent = ent_of[ms[0].tok_start]
        # the most telling name inside: a division or country before a bare word
        ms.sort(key=lambda m: (m.key in GENERIC_WORDS, -(m.tok_end - m.tok_start)))
        keep = ms[0]
        for m in ms[1:]:
            drop.add(id(m))
        tokens = [t for t in ent if t.lower_ != "the"]
        keep.tok_start, keep.tok_end = tokens[0].i, ent.end
        keep.start, keep.end = tokens[0].idx, ent.end_char
        keep.text = text[keep.start:keep.end]
        keep.reasons.append(f"inside the {ent.label_} '{ent.text}'")
    return [m for m in mentions if id(m) not in drop]


FEATURE_REASON = {
    F_COUNTRY: "country name",
    F_ADMIN1: "first-level division name",
    F_REGION: "named region",
    F_CONTINENT: "continent",
}


def _is_capital_speaking(doc, i: int, j: int, ids: tuple[int, ...], gaz: Gazetteer) -> bool:
    if not any(c in gaz.capitals for c in ids) or any(gaz.feature[c] == F_COUNTRY for c in ids):
        return False  # a city-state ("Singapore said") is a country speaking, still a toponym
    head = doc[j - 1]
    return head.dep_ in {"nsubj", "nsubjpass"} and (head.head.lemma_.lower() in REPORTING_VERBS or head.head.lower_ in REPORTING_VERBS)




# Entity labels whose text may be a spelling variant of a place; the small
# model calls many unfamiliar place names ORG or PERSON ("from Menoufia").
LOOSE_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"})


def _loose_entities(doc, doc_text: str, gaz: Gazetteer, found: list[Mention], demonyms,
                    demonym_tokens: set[int] = frozenset()) -> list[Mention]:
    """GPE/LOC entities no exact name matched, looked up by their loose key."""
    countries = {gaz.country_of(c) for m in found for c in m.candidates if gaz.feature[c] == F_COUNTRY}
    countries.update(gaz.country_of(c) for _s, _e, c in demonyms)
    covered = set(demonym_tokens)  # "Sri Lankan" is the demonym, not a variant of a village
    for m in found:
        covered.update(range(m.tok_start, m.tok_end))
    out = []
    for ent in doc.ents:
        if ent.label_ not in LOOSE_LABELS or any(t in covered for t in range(ent.start, ent.end)):
            continue
        if ent.label_ not in {"GPE", "LOC"} and not (ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE_WORDS):
            continue  # a name the model calls a person or body is a place variant only after "in", "from"...
        tokens = list(ent)
        while tokens and tokens[0].lower_ == "the":
            tokens = tokens[1:]
        if not tokens or not tokens[0].text[:1].isupper():
            continue
        start = tokens[0].idx
        end = ent.end_char
        text = doc_text[start:end]
        key = exact_key(text)
        if gaz.exact_ids(key) or gaz.exact_ids(strip_article(key)):
            continue  # a known name the context already turned down ("Washington has refused")
        ids = tuple(c for c in gaz.loose_ids(loose_key(text)) if close_spelling(key, exact_key(gaz.names[c])))
        prev = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        locative = prev is not None and prev.lower_ in LOCATIVE_WORDS
        if not locative or ent.label_ not in {"GPE", "LOC"}:
            # with no locative word, only variants of places in countries the article names
            ids = tuple(c for c in ids if gaz.country_of(c) in countries)
        if not ids:
            continue
        out.append(Mention(start, end, tokens[0].i, ent.end, text, key, ids, exact=False, label=ent.label_,
                           reasons=[f"NER {ent.label_}, spelling variant"], hint=kind_hint(doc, tokens[0].i, ent.end)))
    return out


def _relative_region(doc, text: str, m: Mention, gaz: Gazetteer) -> None:
    """'southern Iraq' / 'Iraq's southern provinces': widen the mention to the region."""
    if not any(gaz.feature[c] in (F_COUNTRY, F_ADMIN1) for c in m.candidates):
        return
    if m.tok_start > 0:
        prev = doc[m.tok_start - 1]
        d = DIRECTIONS.get(prev.lower_)
        if d is not None:
            m.direction = d
            m.start = prev.idx
            m.tok_start = prev.i
            m.text = text[m.start:m.end]
            return
    j = m.tok_end
    if j + 2 < len(doc) and doc[j].text in {"'s", "\u2019s", "'"}:
        adj = DIRECTIONS.get(doc[j + 1].lower_)
        if adj is not None and doc[j + 2].lower_ in PART_NOUNS:
            m.direction = adj
            m.end = doc[j + 2].idx + len(doc[j + 2].text)
            m.tok_end = j + 3
            m.text = text[m.start:m.end]
