"""Stated counts in a sentence: how many were killed, injured, arrested, or gathered.

`find_sizes(ann, sent)` walks the sentence's parse (no re-parsing) from every
number to the word it counts and from there to the verb or noun that says what
happened to them:

    "52 unarmed members were killed"      killed 52    (subject of a passive)
    "gunmen killed at least 12 people"    killed 12    (object), qualifier "at least"
    "at least 12 people died"             killed 12    (subject of die/perish)
    "..., wounding 30"                    injured 30   (a bare number as object)
    "twelve dead", "three wounded"        by the adjective on the number
    "the death toll rose to 40"           killed 40
    "dozens were detained"                arrested 24, qualifier "approximate"
    "thousands of protesters marched"     crowd 2000,  qualifier "approximate"
    "a crowd of about 5,000"              crowd 5000,  qualifier "about"
    "a journalist was killed"             killed 1     (a singular victim)

Conventions
-----------
* Numbers written as words ("three", "twenty-five", "a dozen") are read as numbers.
* Vague plurals get the smallest value they imply, flagged with
  qualifier="approximate": dozens 24, scores 40, hundreds 200, thousands 2000,
  tens of thousands 20000, hundreds of thousands 200000, millions 2000000.
  (A lower bound, as conflict datasets code "dozens".)
* Hedges ("at least", "about", "more than", "up to", "nearly", "some") keep the
  stated number as `value` and are reported in `qualifier`.
* One Size per stated number. Parts of a number already counted
  ("12 people, including 3 children") are left out, so sizes of the same kind
  in one sentence may be summed by the caller.
* A singular victim counts 1 only when the noun names a person ("a journalist was
  killed", not "a helicopter was shot down"); verbs that may hold things as well as
  people ("held", "seized", "captured", "claimed") count only people.
* Counts of acts that did not (yet) happen are left out: negated ("did not arrest
  30"), modal ("will detain 30", "may have killed 30"), attempted ("tried to kill").
* Armed people marching or gathering are no protest crowd.
* `text`/`start`/`end` cover the number phrase and the counted noun
  ("at least 12 people", "52 unarmed members of the MEK" stops at the noun:
  "52 unarmed members").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chronicle.record import Size

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
# Vague plural counts: the least they can mean (see module doc).
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000, "tens": 20}
HEDGES = (
    "at least", "at most", "more than", "less than", "fewer than", "up to", "as many as", "no fewer than",
    "about", "around", "approximately", "nearly", "almost", "some", "over", "roughly", "an estimated",
    "estimated", "close to", "under",
)
HEDGE_RE = re.compile(r"(?:^|\s)(" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\s*$", re.I)

KILL_VERBS = {"kill", "murder", "massacre", "slay", "execute", "behead", "assassinate", "slaughter", "shoot dead", "lynch", "gun", "claim"}
DIE_VERBS = {"die", "perish"}
INJURE_VERBS = {"injure", "wound", "hurt", "maim", "hospitalize", "hospitalise"}
ARREST_VERBS = {"arrest", "detain", "jail", "imprison", "apprehend", "round", "incarcerate", "hold", "nab", "seize", "capture"}
CROWD_VERBS = {
    "protest", "demonstrate", "rally", "march", "gather", "assemble", "converge", "chant", "join", "take",
    "flood", "throng", "fill", "pour", "block", "strike", "picket", "occupy", "parade", "riot", "mass",
}
KILLED_WORDS = {"dead", "killed", "slain", "death", "deaths", "fatality", "fatalities", "bodies", "toll"}
INJURED_WORDS = {"injured", "wounded", "hurt", "injury", "injuries", "casualty"}
ARRESTED_WORDS = {"arrested", "detained", "arrest", "arrests", "detention", "detentions"}
# Verbs that count people as arrested only when their object is people ("held 40 activists",
# not "held a general strike").
AMBIGUOUS_ARREST = {"hold", "seize", "capture", "take", "round", "claim"}
# What a crowd stages: "1,000 dockers began a hunger strike".
PROTEST_OBJECTS = {"strike", "walkout", "sit-in", "vigil", "boycott", "march", "rally", "demonstration", "protest", "picket", "blockade"}
# Armed people do not make a protest crowd when they march or gather.
ARMED_NOUNS = {"soldier", "troop", "trooper", "policeman", "officer", "fighter", "militant", "rebel", "insurgent",
               "gunman", "guerrilla", "militiaman", "marine", "sailor", "peacekeeper", "guard", "police", "force"}
# Singular nouns for one person: "a journalist was killed" counts 1, "a helicopter was shot down" does not.
PERSON_NOUNS = {
    "man", "woman", "child", "boy", "girl", "baby", "person", "people", "teenager", "youth", "civilian", "resident",
    "villager", "citizen", "national", "refugee", "migrant", "soldier", "officer", "policeman", "policewoman", "cop",
    "guard", "trooper", "fighter", "militant", "rebel", "insurgent", "gunman", "guerrilla", "militiaman", "commander",
    "general", "colonel", "captain", "sergeant", "prisoner", "detainee", "inmate", "hostage", "journalist", "reporter",
    "photographer", "editor", "blogger", "activist", "protester", "protestor", "demonstrator", "student", "teacher",
    "worker", "farmer", "doctor", "nurse", "lawyer", "judge", "priest", "imam", "cleric", "monk", "pastor", "bishop",
    "missionary", "politician", "lawmaker", "legislator", "senator", "deputy", "mp", "minister", "official", "leader",
    "mayor", "governor", "candidate", "diplomat", "ambassador", "envoy", "member", "supporter", "opponent", "dissident",
    "critic", "businessman", "businesswoman", "tourist", "pilgrim", "worshipper", "passenger", "driver", "pilot",
    "servicemen", "serviceman", "marine", "sailor", "peacekeeper", "volunteer", "aid worker", "engineer", "contractor",
    "employee", "chief", "president", "king", "prince", "spokesman", "spokeswoman", "suspect", "smuggler", "bomber",
    "attacker", "assailant", "victim", "survivor", "mother", "father", "son", "daughter", "brother", "sister", "wife",
    "husband", "relative", "family", "cameraman", "correspondent", "researcher", "academic", "professor", "athlete",
    "miner", "docker", "trucker", "pensioner", "retiree", "unionist", "trader", "vendor", "shopkeeper", "merchant",
    "labourer", "laborer", "physician", "medic", "taxi driver", "fisherman", "herder", "landowner", "tenant", "settler",
    "veteran", "conscript", "recruit", "cadet", "parent", "elder", "chief", "tribesman", "clansman", "inhabitant",
    "mourner", "marcher", "rioter", "striker", "picketer", "follower", "believer", "voter", "delegate", "observer",
    "life",
}
CROWD_NOUNS = {
    "protester", "protestor", "demonstrator", "marcher", "rioter", "striker", "picketer", "mourner",
    "crowd", "rally", "march", "demonstration", "protest", "gathering", "procession", "sit-in",
}
# Counted words that are not people: "three days", "ten percent", "two rounds".
NOT_PEOPLE = {
    "year", "month", "week", "day", "hour", "minute", "second", "time", "percent", "per", "cent", "dollar",
    "euro", "pound", "kilometre", "kilometer", "km", "mile", "meter", "metre", "ton", "tonne", "vote",
    "seat", "round", "shot", "bullet", "rocket", "missile", "shell", "bomb", "vehicle", "car", "house",
    "home", "building", "village", "town", "city", "province", "district", "country", "nation", "state",
    "point", "times", "article", "page", "decade", "century", "member state", "acre", "hectare", "degree",
}
SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
SUBSET_MARKERS = {"including", "among", "of whom", "incl"}
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def number_value(words: list[str]) -> tuple[int | None, bool]:
    """Value of a number phrase ("1.5 million", "twenty-five", "a dozen", "tens of thousands").

    Returns (value, approximate); value None when the words are not a count.
    """
    total, current, seen, approximate = 0, 0.0, False, False
    vague_base = None
    for raw in words:
        w = raw.lower().replace("-", " ")
        for part in w.split():
            if part in ("a", "an", "and", "of"):
                continue
            if DIGITS.match(part):
                current += float(part.replace(",", ""))
                seen = True
            elif part in UNITS:
                current += UNITS[part]
                seen = True
            elif part in TENS:
                current += TENS[part]
                seen = True
            elif part in SCALES:
                current = (current or 1) * SCALES[part]
                if SCALES[part] >= 1000:
                    total += current
                    current = 0
                seen = True
            elif part in VAGUE:
                approximate = True
                base = VAGUE[part]
                if vague_base is None:
                    vague_base = base
                else:  # "tens of thousands", "hundreds of thousands"
                    vague_base = vague_base * (base // 2)
                seen = True
            else:
                return None, False
    if not seen:
        return None, False
    if vague_base is not None:
        return int(vague_base), True
    return int(total + current), approximate


def _is_number(tok: "Token") -> bool:
    low = tok.lower_
    if low in VAGUE or low in UNITS or low in TENS or low in ("dozen",) or low in SCALES:
        return True
    if "-" in low and all(p in UNITS or p in TENS for p in low.split("-")):
        return True
    return tok.like_num and bool(DIGITS.match(low))


def _number_tokens(tok: "Token") -> list["Token"]:
    """The number phrase headed by `tok` ("1.5 million", "twenty five", "a dozen")."""
    toks = [tok]
    stack = list(tok.children)
    while stack:
        c = stack.pop()
        if c.dep_ in ("nummod", "compound", "quantmod", "det") and (_is_number(c) or c.lower_ in ("a", "an")) and abs(c.i - tok.i) <= 4:
            toks.append(c)
            stack.extend(c.children)
    return sorted(toks, key=lambda t: t.i)


def _hedge(sent_text_before: str) -> str | None:
    m = HEDGE_RE.search(sent_text_before)
    return m.group(1).lower() if m else None


def _of_object(tok: "Token") -> "Token | None":
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _lemma(tok: "Token") -> str:
    return tok.lemma_.lower()


def _kind_from_words(tok: "Token") -> str | None:
    low, lem = tok.lower_, _lemma(tok)
    if low in KILLED_WORDS or lem in KILLED_WORDS:
        return "killed"
    if low in INJURED_WORDS or lem in INJURED_WORDS:
        return "injured"
    if low in ARRESTED_WORDS or lem in ARRESTED_WORDS:
        return "arrested"
    return None


def _is_person(tok: "Token") -> bool:
    return tok.ent_type_ in ("PERSON", "NORP") or _lemma(tok) in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS


def _verb_kind(verb: "Token", role: str, people: bool = True) -> str | None:
    """What happened to the counted people, given their role under `verb`."""
    lem = _lemma(verb)
    if lem in AMBIGUOUS_ARREST and not people:
        return None
    if lem == "round" and not any(c.lower_ == "up" for c in verb.children):
        return None
    if lem == "shoot":
        if any(c.lower_ == "dead" for c in verb.children):
            return "killed"
        return "injured" if role == "object" else None
    if role == "object":
        if lem in KILL_VERBS:
            return "killed"
        if lem in INJURE_VERBS:
            return "injured"
        if lem in ARREST_VERBS:
            return "arrested"
    elif role == "subject":
        if lem in DIE_VERBS or (lem == "lose" and any(_lemma(c) == "life" for c in verb.children)):
            return "killed"
        if lem in CROWD_VERBS:
            return "crowd"
        # strikes: "500,000 workers stopped work", "walked out", "went on strike"
        kids = {c.lower_ for c in verb.children} | {g.lower_ for c in verb.children for g in c.children}
        if (lem == "stop" and "work" in kids) or (lem == "walk" and "out" in kids) or (lem == "go" and "strike" in kids):
            return "crowd"
    return None


def _kind(anchor: "Token", counted: "Token") -> str | None:
    kind = _kind_of(anchor, counted)
    if kind == "crowd" and _lemma(counted) in ARMED_NOUNS:
        return None  # "5,000 soldiers marched into the town" is no crowd of protesters
    return kind


def _kind_of(anchor: "Token", counted: "Token") -> str | None:
    # a bare number ("arresting 12") or a person noun counts people; "held a strike" does not
    people = counted.i == anchor.i and _is_number(anchor) or _is_person(counted)
    # words on the number or its noun: "twelve dead", "30 wounded people", "40 deaths"
    for t in (counted, anchor):
        kind = _kind_from_words(t)
        if kind and t.pos_ != "VERB":
            return kind
    for c in list(counted.children) + list(anchor.children):
        if c.dep_ in ("amod", "acl", "compound", "appos") and c.pos_ != "NUM":
            kind = _kind_from_words(c)
            if kind:
                return kind
            if c.dep_ == "acl" and c.tag_ == "VBN":
                kind = _verb_kind(c, "object")
                if kind:
                    return kind
    node = anchor
    for _ in range(3):  # conjuncts share their first conjunct's fate
        if node.dep_ == "conj":
            node = node.head
    dep, head = node.dep_, node.head
    if dep in ("nsubjpass", "csubjpass"):
        return _verb_kind(head, "object", people)
    if dep in ("dobj", "obj", "oprd"):
        kind = _verb_kind(head, "object", people)
        if kind:
            return kind
        # "left 7 dead", "left dozens injured"
        for c in head.children:
            if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.i > node.i:
                kind = _kind_from_words(c)
                if kind:
                    return kind
        return None
    if dep in ("nsubj",):
        kind = _verb_kind(head, "subject")
        if kind:
            return kind
        # "19 wounded" after "7 dead and": an elliptical passive participle
        if head.tag_ == "VBN" and not any(c.dep_ == "aux" for c in head.children):
            kind = _verb_kind(head, "object")
            if kind:
                return kind
        # "thousands staged demonstrations", "hundreds held a rally", "1,000 began a hunger strike"
        for c in head.children:
            if c.dep_ in ("dobj", "obj") and (_lemma(c) in CROWD_NOUNS or (people and _lemma(c) in PROTEST_OBJECTS)):
                return "crowd"
        if _lemma(head) == "be":  # "the dead were 12" is rare; "12 were dead" / "three are wounded"
            for c in head.children:
                if c.dep_ in ("acomp", "attr"):
                    kind = _kind_from_words(c)
                    if kind:
                        return kind
        for c in head.children:  # "12 were killed" parsed with an active subject
            if c.dep_ == "auxpass":
                return _verb_kind(head, "object")
    if dep == "pobj":
        prep = head
        gov = prep.head
        # "the death toll rose to 40", "the number of dead stood at 12"
        if prep.lower_ in ("to", "at") and gov.pos_ in ("VERB", "AUX"):
            for c in gov.children:
                if c.dep_ in ("nsubj", "nsubjpass") and (_kind_from_words(c) or any(_kind_from_words(g) for g in c.subtree)):
                    return _kind_from_words(c) or next(k for k in (_kind_from_words(g) for g in c.subtree) if k)
        # "a crowd of 5,000", "a rally of thousands"
        if prep.lower_ == "of" and _lemma(gov) in CROWD_NOUNS:
            return "crowd"
        # "the arrest of 12 activists", "the killing of 40 villagers"
        if prep.lower_ == "of":
            kind = _kind_from_words(gov)
            if kind:
                return kind
            lem = _lemma(gov)
            if lem in ("killing", "murder", "massacre", "execution"):
                return "killed"
            if lem in ("detention", "arrest"):
                return "arrested"
    return None


UNREAL_VERBS = {"attempt", "try", "plan", "threaten", "fail", "seek", "want", "vow", "intend", "aim", "plot", "prepare"}
UNREAL_MODALS = {"will", "would", "could", "may", "might", "shall", "should", "'ll", "can"}


def _unreal(anchor: "Token") -> bool:
    """The count belongs to something that did not (yet) happen: "tried to kill the minister",
    "did not arrest anyone", "will detain 30"."""
    node = anchor
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    verb = node.head
    for _ in range(4):
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        for c in verb.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in UNREAL_MODALS):
                return True
        if _lemma(verb) in UNREAL_VERBS and verb.i != node.head.i:
            return True
        if verb.dep_ in ("xcomp",) and verb.head.i != verb.i:
            verb = verb.head
            if _lemma(verb) in UNREAL_VERBS:
                return True
            continue
        return False
    return False


def _is_subset(anchor: "Token") -> bool:
    """ "including three children", "among them two women": part of a number already given."""
    node = anchor
    for _ in range(2):
        if node.dep_ == "pobj" and node.head.lower_ in SUBSET_MARKERS:
            return True
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    return node.head.lower_ in SUBSET_MARKERS and node.dep_ in ("pobj", "dobj")


def find_sizes(ann: "Annotations", sent: "SpacySpan") -> list[Size]:
    """Every stated count of killed, injured, arrested or crowd in `sent`."""
    sizes: list[Size] = []
    text = ann.text
    used: set[int] = set()
    for tok in sent:
        if tok.i in used:
            continue
        singular = False
        if _is_number(tok):
            if tok.ent_type_ in SKIP_ENTS and tok.lower_ not in VAGUE:
                continue
            if tok.dep_ in ("nummod", "compound", "quantmod") and _is_number(tok.head):
                continue  # part of a larger number phrase, read from its head
            numtoks = _number_tokens(tok)
        elif (
            tok.lower_ in ("a", "an", "the")
            and tok.dep_ == "det"
            and tok.head.tag_ == "NN"
            and _is_person(tok.head)
            and tok.head.dep_ in ("nsubjpass", "dobj", "nsubj")
        ):
            # "a journalist was killed", "killed the deputy chief"
            numtoks, singular = [tok], True
        elif tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and tok.dep_ in ("nsubjpass", "dobj") and not any(c.dep_ == "conj" for c in tok.children):
            # a named person: "troops killed Ali Hassan"
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            numtoks, singular = ([tok.doc[ent.start]] if ent is not None else [tok]), True
        else:
            continue
        used.update(t.i for t in numtoks)
        # the counted noun and the phrase's syntactic head
        if singular:
            counted = anchor = tok if tok.pos_ == "PROPN" else tok.head
        elif tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            counted = anchor = tok.head
        else:
            anchor = tok
            counted = _of_object(tok) or tok
            # "tens of thousands of people": the inner vague number counts the noun
            if _is_number(counted) and counted.i != tok.i:
                numtoks = numtoks + [counted]
                used.add(counted.i)
                counted = _of_object(counted) or counted
        if _lemma(counted) in NOT_PEOPLE or counted.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        if counted.lower_ in ("of",):
            continue
        if _is_subset(anchor) or _unreal(anchor):
            continue
        words = [t.text for t in numtoks]
        if singular:
            value, approximate = 1, False
        else:
            value, approximate = number_value(words)
        if value is None or value <= 0:
            continue
        kind = _kind(anchor, counted)
        if kind is None and not singular:
            # "thousands of protesters", "5,000 demonstrators": a crowd whatever the verb,
            # unless the sentence already says they were killed, hurt or held
            if _lemma(counted) in CROWD_NOUNS:
                kind = "crowd"
        if kind is None or (singular and kind == "crowd"):
            continue
        first = min(numtoks[0].i, counted.i)
        last = max(numtoks[-1].i, counted.i)
        start = ann.doc[first].idx
        end = ann.doc[last].idx + len(ann.doc[last].text)
        hedge = _hedge(text[sent.start_char : start])
        if hedge:
            start = start - len(text[sent.start_char : start]) + text[sent.start_char : start].lower().rindex(hedge)
        size = Size(kind=kind, value=value, text=text[start:end], start=start, end=end)
        qualifier = hedge or ("approximate" if approximate else None)
        if qualifier is not None:
            size.qualifier = qualifier
        sizes.append(size)
    return sizes
