"""What a place's name inside a longer name stands for: the place a local body,
building or event is named after ("Laurel County Sheriff's Office", "Amherst
College"), a saint a church is dedicated to ("the church of St. Peter and St.
Paul"), a seat of government speaking for it ("the White House"), or the town of
an upper-case dateline ("CHARLESTON, S.C. \u2014"). The word lists and tests here
are read by recognise.py's judgement of each match.
"""

from __future__ import annotations

from chronicle.places.gazetteer import F_ADMIN1, F_CONTINENT, F_COUNTRY, F_REGION

STRONG_FEATURES = frozenset({F_COUNTRY, F_ADMIN1, F_REGION, F_CONTINENT})
# Words that join the items of a list of places ("Pandi, Bulacan", "Basra and Najaf").
LIST_JOINS = frozenset({",", "and", "or", "&"})

# Words after a place name that show it names something else ("Washington Post").
NAME_CONTINUATIONS = frozenset(
    "times post journal herald tribune news daily gazette courier sentinel chronicle fc united "
    "city's airways airlines bank group club corp corporation company inc ltd".split()
)
# Words of the bodies, buildings and events a town, county or state names after
# itself ("Laurel County Sheriff's Office", "Amherst College", "Paris High School",
# "Walker County Fair"): the name is a toponym there, marked associative.
CIVIC_WORDS = frozenset(
    "sheriff sheriff's clerk coroner jail prosecutor attorney commissioner commissioners commission council "
    "police fire rescue ems school schools high elementary middle academy college university library chamber "
    "fair fairgrounds museum hospital medical board court courthouse mayor supervisors treasurer assessor "
    "auditor recorder highway patrol transit airport zoo parks symphony utilities water housing services "
    "house representatives legislature assembly senate general district department city township parish "
    "regional memorial stadium arena post division facility foundation community association society "
    "coalition league federation chapter agency bureau authority office center centre institute".split()
)
# Bodies named "X of <place>" for the place they serve ("University of Cincinnati",
# "City of Gainesville"); not "Chamber of Commerce" (Commerce, Georgia).
CIVIC_OF_WORDS = frozenset(
    "university college city town village township borough county diocese archdiocese district state "
    "commonwealth mayor".split()
)
# Seats of government named for the government ("the White House said"):
# never the towns of the same name (White House, Tennessee).
GOVERNMENT_SEATS = frozenset({"white house", "kremlin", "pentagon", "elysee", "elysee palace", "downing street",
                              "capitol hill", "whitehall", "blue house", "zhongnanhai", "quai d orsay"})
# A saint's name before these is a dedication, not the town named after the
# saint ("the church of St. Peter and St. Paul", "St. Mary's Hospital").
DEDICATION_WORDS = frozenset(
    "church churches cathedral basilica chapel monastery abbey convent parish school hospital college "
    "academy day feast mission".split()
)
CHURCH_WORDS = frozenset("church churches cathedral basilica chapel monastery abbey convent parish".split())
# Words before a place name that make an area of it ("Metro Nashville", "Greater Manchester").
AREA_PREFIXES = frozenset({"metro", "greater", "downtown", "metropolitan", "uptown", "midtown", "suburban"})
# The words right after a place's name that make it the name of a local body or
# office of that place ("Alexandria Police", "Laurel County Clerk", "Paris High School").
CIVIC_HEAD_WORDS = frozenset(
    "police sheriff sheriff's fire mayor council clerk commissioner commissioners coroner prosecutor jail "
    "township schools school college university library high elementary city county board".split()
)
SAINT_WORDS = frozenset({"st", "st.", "saint", "ste", "ste.", "sainte", "san", "santa", "santo", "sao"})
# Organisation words after which a leading place name says whose body it is
# ("U.S. Army", "California Department of Public Health").
INSTITUTION_WORDS = frozenset(
    "department ministry army navy air forces force police government embassy consulate agency centers centres "
    "center centre institute institutes council administration office bureau authority authorities parliament "
    "congress senate court military guard coast health food national federal state public minister "
    "ministers premier governor president officials official secretary commissioner mayor police "
    "hall airport board district laboratory census house representatives attorney postal service services "
    "forest survey marshals customs border patrol highway association coalition commission society foundation "
    "federation league chapter post division facility judge magistrate immigration wildlife citizenship marshal"
    .split()
)
# ("\x97" and "\x96": the dashes of a Windows-1252 feed read as Latin-1)
DATELINE_MARKS = frozenset({",", "\u2014", "\u2013", "--", "---", "-", ":", "(", "\u2015", "\x97", "\x96"})
# Party letters before a lawmaker's home town ("Rep. Jane Roe, R-Elbow Lake").
PARTY_LETTERS = frozenset({"R", "D", "I", "DFL", "Ind", "Ind.", "GOP", "Dem", "Rep", "L", "G"})


def upper_dateline(doc, i: int, j: int, context) -> bool:
    """'CHARLESTON, S.C. —', 'NEWARK --', 'BEIRUT:': an upper-case name opening the
    story (a sentence, a line, or after the byline's date) and followed by its state
    or by the dash that ends a dateline."""
    # (a run of spaces where the feed dropped the dash: "NEWARK  Wess Henry, who ...")
    if j >= len(doc) or not (doc[j].text in DATELINE_MARKS or doc[j].is_space and "\n" not in doc[j].text
                             and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
        return False
    if not all(t.is_alpha or t.text in {".", "-", "'"} for t in doc[i:j]):
        return False
    prev = doc[i - 1] if i > 0 else None
    return (prev is None or i in context.starts or prev.text in {".", "\u2022", "|"} or prev.like_num
            or "\n" in prev.whitespace_ + prev.text)


def civic_words_after(doc, j: int, end: int) -> bool:
    """Whether the words j..end after a place name make it a local body's,
    building's or event's name ("County Sheriff's Office", "High School", "Fair")."""
    words = {doc[k].lower_ for k in range(j, min(end, j + 6))}
    return bool(words & CIVIC_WORDS)


def saint_dedication(doc, i: int, j: int) -> bool:
    """A saint's name used for a church, school or feast, not for the town named
    after the saint: "the church of St. Peter and St. Paul", "St. Patrick's Day",
    "St. Mary's Hospital"."""
    if doc[i].lower_ not in SAINT_WORDS:
        if i > 0 and doc[i - 1].lower_ in SAINT_WORDS:  # "Patrick" of "St. Patrick's Day"
            return saint_dedication(doc, i - 1, j)
        return False
    k = j
    while k < len(doc) and k < j + 4 and (doc[k].text in {"'s", "\u2019s", "and", "&"} or doc[k].lower_ in SAINT_WORDS
                                           or (doc[k].text[:1].isupper() and doc[k].lower_ not in DEDICATION_WORDS)):
        k += 1
    english = doc[i].lower_ in {"st", "st.", "saint"}  # "Santa Ana school district" is the city's
    if k < len(doc) and doc[k].lower_ in (DEDICATION_WORDS if english else CHURCH_WORDS):
        return True
    if english and j < len(doc) and doc[j].text in {"'s", "\u2019s"} and not (j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
        return True  # "St. John's", "St. Michael's": a church or school named for the saint ("St. Peter's Square" is a place)
    # back over the saints listed before it ("St. Peter and St. Paul")
    while i >= 3 and doc[i - 1].lower_ in {"and", "&"} and doc[i - 2].text[:1].isupper():
        k = i - 2
        while k > 0 and doc[k].lower_ not in SAINT_WORDS and doc[k].text[:1].isupper() and k > i - 5:
            k -= 1
        if doc[k].lower_ not in SAINT_WORDS:
            break
        i = k
    before = {doc[k].lower_ for k in range(max(0, i - 6), i)}
    return bool(before & DEDICATION_WORDS) and any(doc[k].lower_ == "of" for k in range(max(0, i - 3), i))


def only_lowercase_beside(doc, ent, i: int, j: int) -> bool:
    """An entity that runs past the name only over lower-case words and
    punctuation ("Sri Lanka - approximately") is the model's slip, not a longer name."""
    return not any(doc[k].text[:1].isupper() or doc[k].text in {"'s", "\u2019s"}
                   for k in range(ent[0], ent[1]) if not i <= k < j)  # "McDonald's" is a name


def longer_entity_verdict(doc, i: int, j: int, ent: tuple[int, int, str], feature: int, own_name: bool,
                          well_known: bool) -> str | bool | None:
    """A match inside a longer entity: False when the entity makes it no place
    ("George Washington", "Camp Ashraf"), the reason when it names the place of a
    body ("U.S. Army", "Laurel County Sheriff's Office"), None when the entity
    says nothing against it ("Nairobi, Kenya" tagged as one, "Angola's worst outbreak")."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    possessive = ent is not None and all(doc[k].text in {"'s", "\u2019s"} for k in range(ent[0], ent[1]) if not i <= k < j)
    # "Gainesville's VFW Post": the town owns the post the model ran the name into
    # ("McDonald's" alone is the firm's name)
    possessor = (own_name and nxt is not None and nxt.text in {"'s", "\u2019s"} and ent is not None and ent[0] == i
                 and ent[1] > j + 1)
    # "Lutheran School in Lombard": the model ran the body's name over "in"
    run_over = ent is not None and ent[0] < i and prev is not None and prev.lower_ in {"in", "at", "near", "outside"}
    # "Metro Nashville", "Greater Manchester"
    area = ent is not None and ent[1] == j and ent[0] == i - 1 and prev is not None and prev.lower_ in AREA_PREFIXES
    if ((ent[1] - ent[0]) > (j - i) and not only_lowercase_beside(doc, ent, i, j)
            and not possessor and not run_over and not area
            and not (possessive and feature in STRONG_FEATURES and own_name)):  # "Angola's worst outbreak"
        inner = doc[ent[0]:ent[1]]
        # "Nairobi, Kenya" or "Cattai and Wilberforce" tagged as one entity
        # (an organisation's "and" joins words of its name: "Bureau of Animal and Plant Health")
        listed = any(t.text == "," or (t.lower_ in LIST_JOINS and ent[2] != "ORG") for t in inner)
        if ent[2] == "PERSON" and not listed:
            return False  # "George Washington"
        if ent[2] in {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"} and not listed:
            # a well-known place heading an institution's name, or closing an
            # organisation's, says whose it is: "U.S. Centers for Disease
            # Control", "SOS Children's Villages Sudan"
            inner_words = {t.lower_ for t in inner}
            closing = ent[1] == j and ent[2] == "ORG" and feature in STRONG_FEATURES  # "Taco Bell" is no town's
            # the place a local body serves: "Laurel County Sheriff's Office", "Amherst College"
            heading = ent[0] == i or (ent[0] == i - 1 and doc[ent[0]].lower_ == "the")
            civic_head = own_name and heading and civic_words_after(doc, j, ent[1])
            # "University of Cincinnati", "City of Gainesville": the place closes the body's name
            civic_of = (own_name and ent[1] == j and prev is not None and prev.lower_ == "of"
                        and doc[i - 2].lower_ in CIVIC_OF_WORDS if i >= 2 else False)
            if well_known and own_name and (inner_words & INSTITUTION_WORDS or closing):
                return f"names the home of the {ent[2]} '{inner.text}'"
            elif civic_head or civic_of:
                return f"names the place the {ent[2]} '{inner.text}' serves"
            else:
                return False  # "Camp Ashraf", "Agent Orange" lookalikes
    return None


# People a place of origin qualifies ("a tourist from Canada", "nationals of Iraq"):
# where they come from, not where anything happened.
PERSON_NOUNS = frozenset(
    "tourist tourists visitor visitors man men woman women boy boys girl girls national nationals citizen "
    "citizens native natives immigrant immigrants migrant migrants refugee refugees pilgrim pilgrims student "
    "students worker workers delegation delegations delegate delegates envoy envoys volunteer volunteers "
    "family families couple player players soldier soldiers expatriate expatriates".split()
)


def qualifies_a_person(doc, i: int) -> bool:
    """'a tourist from Canada', 'two nationals of Jordan': the name at token i is
    the place a person comes from (the object of 'from' / 'of' hanging on a noun of people)."""
    if i == 0 or doc[i - 1].lower_ not in {"from", "of"}:
        return False
    head = doc[i - 1].head
    return head.i < i - 1 and head.pos_ in {"NOUN", "PROPN"} and head.lower_ in PERSON_NOUNS



def named_again_inside(doc, i: int, j: int, key: str, ents, person_words: set[str], titles: frozenset[str],
                       eponym_nouns: frozenset[str]) -> str | None:
    """A name the article has already taken for a place, turned down here only
    because it runs into a longer name ("the Harwinton Senior Center", "Rodeo
    Gainesville", "Fargo-Moorhead", "the Dublin Singers"): the same place, named
    as the home of a body, building, event or paper (the reason), unless the
    longer name is a person's ("George Washington"), a title's ("Mr Jordan"), a
    saint's or a disease's, or the name a seat of government ("the Kremlin")."""
    ent = ents[i]
    if ent is not None and ent[2] == "PERSON" and ent[0] <= i and ent[1] >= j:
        return None
    if key in person_words or key in GOVERNMENT_SEATS:
        return None
    span = doc[i:j]
    if span.text.isupper() and len(key.replace(" ", "")) <= 3 or len(key) <= 2:
        return None  # "US" in "USA Hauling", initials
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    if prev is not None and (prev.lower_ in titles or prev.text in {"$", "\u20ac", "\u00a3"}):
        return None
    if nxt is not None and nxt.lower_ in eponym_nouns or saint_dedication(doc, i, j):
        return None
    if prev is not None and prev.text[:1].isupper() and prev.lower_ in SAINT_WORDS:
        return None
    return "names again a place of the article, inside a longer name"


def party_home(doc, i: int) -> bool:
    """'Rep. Jane Roe, R-Elbow Lake', '(D-Charleston)': the name at token i is a
    lawmaker's home town, written after the party's letter and a hyphen."""
    if i < 3 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    return doc[i - 2].text in PARTY_LETTERS and doc[i - 3].text in {",", "("}


# Nouns that put the name of a newspaper, agency or channel after them ("the daily Al-Ahram").
MEDIA_NOUNS = frozenset("newspaper newspapers daily weekly paper magazine tabloid broadcaster channel agency".split())


def name_run(words: list[str], k: int) -> str:
    """The capitalised words (joined by hyphens) from k on: "Al - Ahram" -> "Al-Ahram"."""
    out = []
    while k < len(words) and (words[k][:1].isupper() or words[k] == "-" and out and k + 1 < len(words)
                              and words[k + 1][:1].isupper()):
        out.append(words[k])
        k += 1
    return "".join(w if w == "-" or not i or out[i - 1] == "-" else " " + w for i, w in enumerate(out))
