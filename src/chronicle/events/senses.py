"""Uses of a trigger word that do not report an event of a given type.

The trigger lexicon lists what a word *can* signal ("strike": a bombing or a
labour strike; "demonstrate": a protest; "take over": a seizure). Many uses of
the same words signal nothing of the kind, and the difference is in the words
around them, not in the word itself:

  a name         "March" (a month), "Grant" (a county), "Protest Street": part of a
                 date or a proper name, not an event word
  an idiom       "in charge of", "in force": a fixed phrase
  another sense  "demonstrating a belief" (showing), "the crisis struck" (a hazard
                 arriving), "took over the company" / "took over as chief"
                 (management), "committed several crimes" (not a commitment),
                 "released a statement" (publishing), "an abandoned mine" (a pit),
                 "growers gather for the show" (meeting, not protesting), "a trade
                 battle", "the fight against poverty" (figures of speech)
  anonymity      "asked not to be named", "on condition of anonymity": a source's
                 terms, not a request to anyone
  a thing        "missiles capable of reaching the coast": a weapon nothing is done with
  a document     "the act bars the state from ...", "the bill says ...": what a law or
                 a bill says is its content, not a happening
  commerce       "suppliers are cracking down on customers", "investors signed onto the
                 programme": a business's dealings with no state party in them
  obstruction    "troops blocked the road": the authorities blocking something is no protest

`excluded_reading(token, event_type)` says why a use is not that event (or None).
Every rule looks at the word's own syntactic neighbours; none at a particular text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Entity types whose words are a name or a date, never an event word ("March", "Grant County")
_NAME_ENTITIES = {"DATE", "TIME", "GPE", "LOC", "FAC", "PERSON", "NORP", "LAW", "WORK_OF_ART", "PRODUCT"}
# Fixed prepositional phrases: (preposition, noun)
_IDIOMS = {("in", "charge"), ("in", "force"), ("in", "effect")}
# Verbs that mean "show" when they take an object or a clause: "demonstrating a belief"
_SHOW_SENSE = {"demonstrate", "show"}
# What "strikes" or "hits" without anyone doing it: a hazard or a misfortune arriving
_HAZARDS = {"crisis", "recession", "downturn", "earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone",
            "tornado", "flood", "lightning", "disaster", "tragedy", "disease", "virus", "pandemic", "epidemic",
            "outbreak", "drought", "famine", "clock", "midnight", "idea", "thought", "inspiration", "fire", "wave",
            "tsunami", "blizzard", "heatwave", "misfortune", "bankruptcy"}
# Who goes on a labour strike
_WORKERS = {"worker", "union", "employee", "staff", "teacher", "doctor", "nurse", "driver", "miner", "pilot",
            "docker", "labourer", "laborer", "trucker", "farmer", "student", "lawyer", "journalist", "crew",
            "physician", "conductor", "cabbie", "porter", "steelworker", "workforce"}
# What is taken over by force: places, buildings, posts of armed control
_SEIZABLE = {"town", "city", "village", "base", "building", "parliament", "airport", "station", "area",
             "territory", "district", "province", "region", "camp", "compound", "checkpoint", "port", "headquarters",
             "palace", "border", "crossing", "road", "highway", "bridge", "field", "hill", "mountain", "prison",
             "jail", "embassy", "consulate", "mosque", "church", "school", "hospital", "island", "valley",
             "neighbourhood", "neighborhood", "street", "square", "ministry", "office", "facility", "oilfield",
             "refinery", "mine", "dam", "plant", "capital", "stronghold", "outpost", "garrison", "position"}
# Armed doers: whatever they take over is seized
_ARMED = {"rebel", "militant", "insurgent", "troop", "army", "soldier", "force", "militia", "fighter", "gunman",
          "jihadist", "guerrilla", "police", "protester", "demonstrator", "mob", "taliban", "military", "armed"}
# What one commits that is no commitment
_MISDEEDS = {"crime", "offence", "offense", "murder", "suicide", "atrocity", "fraud", "violation", "abuse", "error",
             "mistake", "sin", "act", "attack", "robbery", "theft", "genocide", "massacre", "felony", "misconduct",
             "slur", "insult", "slander", "libel", "blunder", "treason", "perjury", "sabotage", "breach",
             "infraction", "wrongdoing", "outrage", "injustice", "blasphemy", "sacrilege", "irregularity"}
# What is released that is no person: publishing, not freeing
_PUBLISHED = {"statement", "report", "video", "recording", "footage", "image", "photo", "photograph", "picture",
              "data", "figure", "list", "document", "detail", "result", "transcript", "tape", "album", "film",
              "record", "information", "version", "book", "plan", "budget", "text", "letter", "finding", "evidence",
              "study", "survey", "poll", "guideline", "communique", "communiqué", "audio", "clip", "memo", "map",
              "name", "single", "song", "movie", "game", "product", "fund", "funding", "money", "cash", "figures"}
# A mine is a weapon only where something sets it off or clears it
_MINE_CONTEXT = {"explode", "detonate", "blast", "explosion", "step", "hit", "strike", "kill", "wound", "injure",
                 "clear", "plant", "lay", "landmine", "sweep", "defuse", "demine", "anti", "roadside"}
# Purposes and places that make a gathering a protest
_PROTEST_PURPOSE = {"protest", "demand", "denounce", "condemn", "oppose", "demonstrate", "rally", "call", "mourn",
                    "voice", "express", "show", "support", "decry", "commemorate", "urge", "chant", "press"}
_PROTEST_EVENTS = {"protest", "demonstration", "rally", "vigil", "march", "sit-in", "strike", "demand", "funeral"}
_PROTEST_PEOPLE = {"protester", "demonstrator", "activist", "supporter", "opponent", "mourner", "crowd", "worker",
                   "student", "opposition"}
# Domains in which a "battle" or a "war" is a figure of speech
_FIGURATIVE_DOMAINS = {"trade", "price", "tariff", "currency", "legal", "court", "custody", "bidding", "turf",
                       "culture", "ratings", "pr", "media", "word", "budget", "bid", "takeover", "patent",
                       "copyright", "advertising", "marketing", "talent", "sales", "tax", "image",
                       "propaganda", "cola", "browser", "console", "streaming", "format"}
# What one fights or wars against in a figure of speech
_ABSTRACT_FOES = {"poverty", "drug", "crime", "corruption", "cancer", "inflation", "disease", "obesity", "hunger",
                  "unemployment", "illiteracy", "climate", "aids", "malaria", "pollution", "fraud", "addiction",
                  "smoking", "waste", "bureaucracy", "racism", "discrimination", "inequality", "deficit", "fire",
                  "illness", "depression", "virus", "time", "odds", "weight", "fatigue", "boredom"}
_FIGURATIVE_CONFLICT = {"battle", "war", "fight", "struggle", "combat", "crusade", "offensive", "campaign"}
# Weapons are things until something is done with them: "missiles capable of reaching ..."
_WEAPONS = {"missile", "rocket", "bomb", "shell", "mortar", "grenade", "warhead", "explosive", "ied", "drone",
            "munition", "artillery", "interceptor"}
_WEAPON_ACTS = {"fire", "launch", "drop", "hit", "strike", "explode", "detonate", "land", "rain", "fall", "kill",
                "wound", "injure", "target", "shoot", "lob", "slam", "smash", "destroy", "damage", "blast", "go",
                "attack", "pound", "shell", "plant", "throw", "hurl", "kill", "crash", "tear", "rip", "set"}
# Documents: what they say, require or bar is their content, not a happening
_DOCUMENTS = {"bill", "act", "law", "resolution", "protocol", "treaty", "constitution", "amendment", "convention",
              "rule", "regulation", "charter", "statute", "decree", "ordinance", "clause", "article", "provision",
              "code", "directive", "legislation", "measure", "text", "language", "draft", "document", "plan",
              "policy", "proposal", "guideline", "report", "reform", "program", "programme", "initiative", "scheme"}
# Anonymity: a source's terms for speaking, not a request to anyone
_NAMING = {"name", "identify", "quote", "cite", "disclose"}
# Commercial doers: what they do to customers or put money into is business, not a political act
# (not "producer", "exporter", "carrier": "the largest oil exporter" is often a state, a carrier a warship)
_COMMERCIAL = {"supplier", "company", "firm", "investor", "bank", "lender", "retailer", "utility", "provider",
               "manufacturer", "corporation", "creditor", "shareholder", "insurer", "distributor", "seller",
               "vendor", "landlord", "wholesaler", "automaker", "conglomerate", "startup", "broker", "developer"}
# Parties that make a business's act political: a state, its organs, its people as a nation
_STATE_PARTIES = {"government", "state", "ministry", "minister", "official", "authority", "regulator", "president",
                  "parliament", "congress", "senate", "court", "police", "army", "military", "union", "worker",
                  "council", "mayor", "governor", "agency", "regime", "administration", "protester", "activist"}
# The state's armed and civil authorities: what they block is obstructed, not protested
_AUTHORITIES = {"army", "troop", "soldier", "force", "police", "policeman", "military", "government", "authority",
                "official", "ministry", "court", "navy", "guard", "regime", "administration", "peacekeeper",
                "state", "municipality", "council", "city", "county", "department", "agency"}


def _lemma(tok: "Token") -> str:
    return tok.lemma_.lower()


def _children(tok: "Token", *deps: str) -> list["Token"]:
    return [c for c in tok.children if c.dep_ in deps]


def _subject(tok: "Token") -> "Token | None":
    """The doer of a verb, through "began to strike" and "were able to take over"."""
    for t in (tok, tok.head if tok.dep_ in ("xcomp", "conj") else None):
        if t is None:
            continue
        subjects = _children(t, "nsubj")
        if subjects:
            return subjects[0]
    return None


def _objects(tok: "Token") -> list["Token"]:
    """Direct objects (or the passive subject): what the verb is done to."""
    return _children(tok, "dobj", "nsubjpass")


def _owners(tok: "Token") -> list["Token"]:
    """What an event noun is of: its possessor or "of" object ("the film's release", "the release of
    the report")."""
    if tok.pos_ != "NOUN":
        return []
    of_objects = [g for c in _children(tok, "prep") if c.lower_ == "of" for g in _children(c, "pobj")]
    return _children(tok, "poss") + of_objects


# Nouns that name both an act of joining and the body it made: "formed an alliance" / "the alliance agreed"
_BODIES = {"alliance", "coalition", "bloc", "league", "partnership", "federation", "confederation", "union"}


def _names_a_body(tok: "Token") -> bool:
    """The body, not the act: a doer ("the alliance agreed to ..."), or a body set beside a name
    ("NORAD, the air defence alliance"; "the alliance, NATO")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        return True
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)


def _is_name_or_date(tok: "Token") -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "PROPN" and tok.ent_type_ in _NAME_ENTITIES)


def _in_idiom(tok: "Token") -> bool:
    head = tok.head
    return tok.dep_ == "pobj" and head.dep_ == "prep" and (head.lower_, _lemma(tok)) in _IDIOMS \
        and not _children(tok, "det")


def _strike_reading(tok: "Token", event_type: str) -> str | None:
    subject = _subject(tok)
    subject_lemma = _lemma(subject) if subject is not None else ""
    if subject_lemma in _HAZARDS:
        return "a hazard arriving, not an act"
    if event_type == "PROTEST" and tok.pos_ == "VERB" and subject_lemma not in _WORKERS:
        return "a strike by no workers"
    return None


def _take_over_reading(tok: "Token") -> str | None:
    if not any(c.dep_ in ("prt", "prep") and c.lower_ == "over" for c in tok.children):
        return None
    if _children(tok, "prep") and any(c.lower_ == "as" for c in _children(tok, "prep")):
        return "taking over a post"
    objects = _objects(tok) + [g for c in _children(tok, "prep") if c.lower_ == "over" for g in _children(c, "pobj")]
    subject = _subject(tok)
    if subject is not None and ({_lemma(subject)} | {_lemma(m) for m in _children(subject, "amod", "compound")}) & _ARMED:
        return None  # "rebels", "an armed group"
    if any(_lemma(o) in _SEIZABLE or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects):
        return None
    return "taking over something that is not seized"


def _gathering_reading(tok: "Token") -> str | None:
    subject = _subject(tok)
    if subject is not None and _lemma(subject) in _PROTEST_PEOPLE:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("against", "outside", "before"):
            return None
        if c.dep_ in ("xcomp", "advcl", "acl") and _lemma(c) in _PROTEST_PURPOSE:
            return None
        if c.dep_ == "prep" and c.lower_ in ("for", "in") and any(_lemma(g) in _PROTEST_EVENTS for g in _children(c, "pobj")):
            return None
    return "a gathering with no protest in it"


def _figure_of_speech(tok: "Token") -> bool:
    if _lemma(tok) not in _FIGURATIVE_CONFLICT:
        return False
    modifiers = _children(tok, "compound", "amod", "nmod")
    if any(_lemma(m) in _FIGURATIVE_DOMAINS for m in modifiers):
        return True
    foes = [g for c in _children(tok, "prep") if c.lower_ in ("against", "on") for g in _children(c, "pobj")]
    return any(_lemma(f) in _ABSTRACT_FOES for f in foes)


def _weapon_as_thing(tok: "Token") -> bool:
    """A weapon noun that nothing is done with: "missiles capable of reaching the coast"."""
    if tok.pos_ != "NOUN" or _lemma(tok) not in _WEAPONS:
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and _lemma(tok.head) in _WEAPON_ACTS:
        return False  # "a rocket hit", "fired a missile"
    if tok.dep_ == "pobj" and tok.head.head is not None and _lemma(tok.head.head) in _WEAPON_ACTS:
        return False  # "attacked with rockets"
    if any(c.dep_ in ("acl", "relcl") and _lemma(c) in _WEAPON_ACTS for c in tok.children):
        return False  # "missiles fired by ...", "a bomb that exploded"
    return not any(c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "into") for c in tok.children)


def _document_content(tok: "Token") -> bool:
    """What a law or a bill says, requires, bars or allows: "the act bars the state from ..."."""
    cur = tok
    for _ in range(4):
        subject = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in ("which", "that") and cur.dep_ == "relcl":
            subject = cur.head  # "an act, which bars ...": the act
        if subject is not None:
            return _lemma(subject) in _DOCUMENTS
        if cur.dep_ in ("acl", "relcl") and _lemma(cur.head) in _DOCUMENTS:
            return True  # "language ... allowing legislators to override"
        if cur.dep_ not in ("xcomp", "prep", "pcomp", "pobj", "dobj", "acl") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# Agreements as texts: "the accords signed by both sides contain ..."
_AGREEMENTS = {"agreement", "accord", "treaty", "pact", "deal", "protocol", "convention", "charter", "memorandum",
               "understanding", "arrangement", "compact", "declaration", "settlement", "truce", "ceasefire"}
# Verbs by which a text says what it holds: "the accords contain an obligation", "the deal stipulates ..."
_SAYING_OF_TEXTS = {"contain", "stipulate", "include", "provide", "oblige", "obligate", "require", "envisage",
                    "envision", "state", "specify", "guarantee", "forbid", "prohibit", "commit", "say", "grant"}


def _document_speaking(tok: "Token") -> bool:
    """"The agreements signed by Israel contain an obligation to ...": an agreement noun that is the subject
    of what a text says is the standing document, not an agreement reached here."""
    return tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and _lemma(tok.head) in _SAYING_OF_TEXTS


def _anonymity(tok: "Token") -> bool:
    """"asked not to be named", "spoke on condition of anonymity"."""
    for c in tok.subtree:
        if _lemma(c) in _NAMING and any(a.dep_ == "auxpass" for a in c.children):
            return True
        if _lemma(c) == "anonymity":
            return True
    return False


def excluded_reading(tok: "Token", event_type: str) -> str | None:
    """Why this use of a trigger word does not report an event of `event_type`, or None when it may."""
    lemma = _lemma(tok)
    if _is_name_or_date(tok):
        return "part of a name or a date"
    if _in_idiom(tok):
        return "a fixed phrase"
    if lemma in _SHOW_SENSE and event_type == "PROTEST" and _children(tok, "dobj", "ccomp"):
        return "showing something, not demonstrating"
    if lemma in ("strike", "hit"):
        return _strike_reading(tok, event_type)
    if lemma == "take" and event_type == "ASSAULT":
        return _take_over_reading(tok)
    if lemma in ("gather", "gathering", "assemble", "congregate") and event_type == "PROTEST":
        return _gathering_reading(tok)
    if lemma == "commit" and event_type == "AGREE" and any(_lemma(o) in _MISDEEDS for o in _objects(tok)):
        return "committing a misdeed, not a commitment"
    if lemma == "release" and event_type in ("RETREAT", "CONCEDE") and any(
            _lemma(o) in _PUBLISHED for o in _objects(tok) + _owners(tok)):
        return "publishing, not freeing anyone"
    if lemma == "mine" and event_type == "ASSAULT" and tok.pos_ == "NOUN" and not any(
            _lemma(t) in _MINE_CONTEXT for t in tok.sent):
        return "a pit, not a weapon set off"
    if event_type == "COOPERATE" and lemma in _BODIES and _names_a_body(tok):
        return "a body of members, not an act of cooperating"
    if event_type == "ASSAULT" and _figure_of_speech(tok):
        return "a figure of speech"
    if event_type == "REQUEST" and lemma in ("ask", "request", "speak", "talk", "insist") and _anonymity(tok):
        return "a source's terms, not a request"
    if event_type == "ASSAULT" and _weapon_as_thing(tok):
        return "a weapon nothing is done with"
    if _document_content(tok):
        return "what a document says, not a happening"
    if event_type in ("AGREE", "COOPERATE") and _document_speaking(tok):
        return "an agreement as a text that says something, not an act of agreeing"
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and _document_speaking(tok.head) and _lemma(tok.head) in _AGREEMENTS:
        return "how a standing agreement came about, said to name it"
    if event_type == "REQUEST" and lemma == "ask" and _asks_a_question(tok):
        return "asking a question, not for something"
    if event_type == "THREATEN" and lemma == "threat" and _danger(tok):
        return "a danger someone faces, not a threat made"
    if _plot(tok):
        return "the plot of a story, not a happening"
    if event_type not in ("ASSAULT", "PROTEST") and _business_dealing(tok):
        return "a business's dealings, not a political act"
    if event_type == "PROTEST" and lemma in ("block", "blockade", "barricade") and _by_authorities(tok) \
            and not keeps_people_out(tok):
        return "the authorities obstructing something, not a protest"
    return None


def _business_dealing(tok: "Token") -> bool:
    """"Suppliers are cracking down as customers default", "investors signed onto the programmes": a
    commercial doer whose act reaches no state party (the state, its organs, a union) is trading."""
    subject = _subject(tok)
    if tok.dep_ == "relcl" and subject is not None and subject.lower_ in ("which", "that", "who"):
        subject = tok.head
    if subject is None or _lemma(subject) not in _COMMERCIAL:
        return False
    reached = _objects(tok) + [g for c in _children(tok, "prep", "dative", "agent") for g in _children(c, "pobj")]
    reached += [g for t in list(reached) for g in t.children if g.dep_ == "conj"]
    return not any(_lemma(t) in _STATE_PARTIES or t.ent_type_ in ("GPE", "NORP") for t in reached)


def _by_authorities(tok: "Token") -> bool:
    """"The army tried to block the channels", "police blocked the road": blocking by the state."""
    subject = _subject(tok)
    if subject is None:
        return False
    doers = [subject] + [c for c in subject.children if c.dep_ == "conj"]
    return any(_lemma(d) in _AUTHORITIES or d.lower_ in _AUTHORITIES for d in doers)


def keeps_people_out(tok: "Token") -> bool:
    """"Police blocked the reporters from entering", "guards blocked them": people kept from going
    somewhere are restricted (classify reads that as COERCE restrict), not a road closed."""
    if any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children)
           for c in tok.children):
        return True
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ in ("PERSON", "NORP") or c.lower_ in (
        ("him", "her", "them", "us", "me") if c.dep_ == "dobj" else ("he", "she", "they", "we", "i"))) for c in tok.children)


# "the threat that faces the country", "faces a threat", "poses a threat to": a danger, nobody threatens
_DANGER_VERBS = {"face", "confront", "pose", "represent", "constitute", "counter", "meet", "tackle", "combat"}
# Narratives whose content is told, not reported: "the film tells the story of a lifeguard who meets ..."
# ("a series of attacks", "an episode of violence" are real happenings: not here)
_NARRATIVES = {"story", "film", "movie", "novel", "book", "play", "plot", "tale", "fiction", "screenplay", "opera",
               "musical", "sitcom", "thriller"}


def _asks_a_question(tok: "Token") -> bool:
    """'"Why now?" he asked', 'asked whether the vote was fair': a question put, nothing asked for
    (no one asked to do something, nothing asked for)."""
    kids = list(tok.children)
    if any(c.dep_ in ("dobj", "dative", "iobj", "xcomp") for c in kids):
        return False  # "asked the court to ...", "asked them for help"
    if any(c.dep_ == "prep" and c.lower_ in ("for", "about") for c in kids):
        return False
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    return all(_question_clause(c) for c in clauses)


def _question_clause(clause: "Token") -> bool:
    """A reported question: it ends in a question mark, or opens with "whether", "if" or a wh-word."""
    words = list(clause.subtree)
    return any(t.text == "?" for t in words) or words[0].lower_ in ("whether", "if", "why", "how", "what", "when",
                                                                    "where", "who", "which")


def _danger(tok: "Token") -> bool:
    if tok.dep_ in ("dobj", "nsubjpass") and _lemma(tok.head) in _DANGER_VERBS:
        return True
    return any(c.dep_ == "relcl" and _lemma(c) in _DANGER_VERBS and any(
        s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children) for c in tok.children)


def _plot(tok: "Token") -> bool:
    """Is the word inside what a story, film or book tells ("the story of a lifeguard who meets a
    young Kurd")? Climbs through the clauses and phrases that describe a noun."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ not in ("relcl", "acl", "pobj", "prep", "conj", "advcl", "xcomp", "dobj", "ccomp"):
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and _lemma(cur) in _NARRATIVES:
            return True
    return False
