"""The words the role search reads: which types need a recipient, the dependency relations
and prepositions that carry each role, and the verbs and nouns that change who acts on whom."""

from __future__ import annotations


# PLOVER 2.0, chapter 3 "Requires recipient". Older GSR names map to their 2.0 type.
REQUIRES_RECIPIENT: dict[str, bool] = {
    "AGREE": False,
    "CONSULT": False,
    "SUPPORT": False,
    "CONCEDE": False,
    "COOPERATE": True,
    "AID": True,
    "RETREAT": False,
    "REQUEST": False,
    "ACCUSE": False,
    "REJECT": False,
    "THREATEN": False,
    "PROTEST": False,
    "SANCTION": True,
    "MOBILIZE": False,
    "COERCE": False,
    "ASSAULT": False,
}
# Types that need a recipient (PLOVER) or have one in nearly every report: for these
# alone the search widens, last, to any actor in an object slot of the trigger's clause.
DIRECTED = {t for t, required in REQUIRES_RECIPIENT.items() if required} | {"COERCE", "ASSAULT", "THREATEN", "ACCUSE", "REQUEST"}
# Types whose place names the party acted on only when nothing else does: a protest is
# "directed toward ... government authorities" (PLOVER codebook), so with no stated target
# the state where it happens is its recipient, as the CAMEO-coded gold has it.
LATE_LOCATION = {"PROTEST"}
# Names used by the PLOVER GSR and earlier drafts.
TYPE_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE", "YIELD": "CONCEDE"}
# Reciprocal types: of coordinated or "between" parties the first named is the actor, the
# others the recipient (roles.py `two_sided`).
RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
# Focus adverbs that open an elaboration of a noun named before (", most notably X and
# Y"): what follows them lists members of that noun, never the object of the verb.
FOCUS_ADVERBS = {"notably", "particularly", "especially", "chiefly", "mainly", "primarily", "principally"}
# Prepositions that introduce the party an act is directed at.
RECIPIENT_PREPS = {"against", "on", "upon", "at", "to", "toward", "towards", "into", "with", "over", "targeting", "for", "among", "about"}
# Types aimed at a wrongdoer rather than at whoever hears them.
GRIEVANCE = {"ACCUSE", "PROTEST", "REJECT"}
# Prepositions whose object is a recipient only for some types.
TYPE_PREPS = {"from": {"RETREAT", "REQUEST", "CONCEDE", "AID", "REJECT"}, "between": RECIPROCAL | {"ASSAULT"}}
# Nouns whose "of"/possessor names the party that ordered an act.
ORDER_NOUNS = {"order", "orders", "command", "commands", "behest", "instruction", "instructions", "directive", "direction", "directions", "orchestration", "approval", "auspices"}
# Verbs whose object (not subject) carries out their complement ("urged X to ...").
OBJECT_CONTROL = {
    "urge", "ask", "call", "order", "force", "compel", "instruct", "tell", "direct", "command",
    "encourage", "persuade", "allow", "permit", "authorize", "authorise", "pressure", "press", "push",
    "demand", "request", "invite", "appeal", "lead", "send", "deploy", "dispatch", "mobilize", "mobilise",
}
# Of those, the ones where the subject commands the act (recorded as role="ordered").
ORDER_VERBS = {"order", "command", "instruct", "direct", "send", "deploy", "dispatch", "authorize", "authorise", "force", "compel"}
# Verbs whose subject acts on an event rather than carrying it out: the subject of "banned
# the rally" or "condemned the attack" is not the rally's or the attack's actor.
ACTS_ON_EVENTS = {
    "prevent", "ban", "forbid", "outlaw", "bar", "block", "thwart", "foil", "stop", "halt", "end", "suspend",
    "cancel", "postpone", "delay", "lift", "disperse", "break", "crush", "quell", "suppress", "condemn", "denounce",
    "criticize", "criticise", "deplore", "protest", "oppose", "reject", "deny", "welcome", "praise", "hail", "support",
    "back", "endorse", "investigate", "probe", "report", "witness", "see", "watch", "describe", "say", "confirm",
    "claim", "blame", "allow", "permit", "authorize", "authorise", "approve", "tolerate", "survive", "escape", "avoid",
    "fear", "warn", "predict", "expect", "discuss", "debate", "mark", "commemorate", "remember", "recall", "cover",
    "film", "document", "monitor", "observe", "face", "suffer", "resist", "repel", "repulse", "counter", "answer",
    "reveal", "expose", "uncover", "disclose", "detail", "publish", "show", "highlight", "recount", "deny", "admit",
    "acknowledge", "investigate", "examine", "review", "recall", "mourn", "honour", "honor", "remember",
    "cite", "mention", "note", "invoke", "follow", "prompt", "trigger", "spark", "provoke", "justify",
}
# Nouns about an event, not taking part in it: "details of the killings", "gave no motive
# for the attack", "expressed condolences for the bombing".
INFO_NOUNS = {
    "detail", "report", "news", "footage", "image", "video", "evidence", "account", "photo", "picture", "story",
    "record", "anniversary", "memory", "memorial", "commemoration", "investigation", "inquiry", "probe", "trial",
    "documentary", "book", "film", "list", "number", "toll", "wave", "history", "aftermath", "pretext", "victim",
    "motive", "reason", "explanation", "cause", "condolence", "condolences", "sympathy", "blame", "warning",
}
# Verbs whose subject receives the act named by their object ("enjoys the support of X").
RECEIVE_VERBS = {"enjoy", "receive", "win", "gain", "get", "obtain", "secure", "lose", "attract", "draw", "earn", "garner"}
# "in protest of X", "in defiance of X": the stance's object is the recipient.
STANCE_NOUNS = {"protest", "defiance", "opposition", "retaliation", "revenge", "response", "reprisal", "solidarity"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
# Dependents of a noun that belong to the same referent (its name, adjectives, possessor).
CORE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "flat", "appos", "npadvmod", "nn", "predet"}
# Prepositions that tie people to the group they belong to ("members of X", "diplomats from X").
MEMBER_PREPS = {"of", "from"}
# Verbs of taking away: "withdraw troops from X", "confiscated weapons from X".
FROM_VERBS = {"withdraw", "remove", "pull", "evacuate", "confiscate", "seize", "take", "expel", "recall", "demand",
              "withhold", "cut", "suspend", "ban", "bar", "exclude", "strip", "wrest", "capture", "retake", "recapture",
              "return", "release", "free", "demobilize", "extract", "steal", "loot", "demand", "request", "seek"}
# Words that tie a group to the organisation it belongs to.
AFFILIATION_WORDS = {"affiliate", "affiliated", "belong", "belonging", "loyal", "link", "linked", "tie", "tied", "associate", "associated", "ally", "allied", "back", "backed", "close"}
# The means a party moves or gives: its troops are not the recipient of "sent troops to X".
INSTRUMENT_NOUNS = {
    "troop", "troops", "force", "soldier", "peacekeeper", "unit", "personnel", "battalion", "brigade", "contingent",
    "observer", "monitor", "inspector", "ship", "warship", "jet", "plane", "aircraft", "weapon", "arm", "tank",
    "reinforcement", "envoy", "delegation", "team", "mission", "official", "diplomat", "ambassador",
}
MOVING_VERBS = {
    "send", "deploy", "dispatch", "offer", "contribute", "withdraw", "pull", "strengthen", "reinforce", "move",
    "station", "provide", "supply", "give", "commit", "mobilize", "mobilise", "redeploy", "recall", "evacuate",
    "return", "bring", "lend", "train", "equip", "arm", "sell",
}
# Verbs that say what a protest presses for or against, and on whom.
PRESSING_VERBS = {"call", "demand", "urge", "seek", "press", "push", "protest", "denounce", "condemn", "oppose",
                  "reject", "convince", "persuade", "force", "pressure", "pressurize", "pressurise", "compel", "oust",
                  "overthrow", "topple", "remove"}
# Circumstances that name the other side: "after talks with X", "despite pressure from X".
TALK_NOUNS = {"talk", "talks", "negotiation", "deliberation", "consultation", "discussion", "meeting", "dialogue",
              "agreement", "deal", "accord", "understanding", "mediation"}
PRESSURE_NOUNS = {"pressure", "demand", "call", "appeal", "request", "ultimatum", "urging", "insistence"}
# CONSULT triggers whose place is the host visited ("arrived in Amman").
VISIT_VERBS = {"visit", "arrive", "travel", "fly", "tour", "come", "go", "land", "return", "head"}
# Verbs of going or sending somewhere, whose destination hosts the meeting they are for
# ("sent his envoy to Khartoum to discuss ...", "flew to Moscow for talks").
TRAVEL_VERBS = VISIT_VERBS | {"send", "dispatch", "despatch", "travel", "fly", "rush", "leave", "set", "summon"}
# Meeting verbs whose object is the topic, not a party ("discuss the crisis over X").
TOPIC_VERBS = {"discuss", "debate", "review", "examine", "consider", "address", "negotiate"}
# Prepositions that say where an act is done.
LOCATIVE_PREPS = ("in", "into", "inside", "across", "throughout")
# Nouns whose "for" phrase is what is asked or planned, not whom they belong to
# ("a call for its troops to be deployed", unlike "a spokesman for X").
ASKING_NOUNS = {"call", "demand", "request", "appeal", "plea", "proposal", "plan", "bid", "campaign", "push", "support",
                "aid", "help", "need", "reason", "pressure", "vote", "motion", "resolution", "order", "warrant"}
# Stated reasons, not parties: "under the pretext of fighting X", "in the name of X".
PRETEXT_NOUNS = {"pretext", "guise", "excuse", "name", "banner", "cover", "pretence", "pretense"}
# A state's posts abroad, and the verbs by which it opens its own.
POSTS = {"embassy", "consulate", "mission", "office", "representation", "liaison"}
OPENING_VERBS = {"open", "reopen", "establish", "set", "upgrade", "install"}
# Nouns that locate in time or space rather than name a group: "at the end of X".
RELATIONAL_NOUNS = {
    "end", "beginning", "start", "height", "middle", "edge", "time", "day", "night", "week", "month", "year",
    "part", "rest", "side", "top", "bottom", "centre", "center", "outskirts", "heart", "course", "wake", "eve",
    "anniversary", "aftermath", "site", "scene", "area", "front",
}
# Nouns for places and things: "streets in X" does not make X a participant.
PLACE_NOUNS = {
    "street", "road", "highway", "bridge", "square", "area", "town", "city", "village", "region", "district",
    "province", "office", "building", "house", "home", "site", "zone", "facility", "border", "post", "position",
    "base", "port", "airport", "station", "market", "school", "hospital", "prison", "jail", "mosque", "church",
    "embassy", "consulate", "headquarters", "compound", "territory", "part", "capital", "centre", "center", "neighbourhood",
}
# More nouns that name where something is done ("in the occupied territories", "across the north").
WHERE_NOUNS = {"country", "nation", "state", "sector", "quarter", "suburb", "camp", "neighborhood", "settlement", "land",
               "island", "coast", "north", "south", "east", "west", "countryside", "territory", "territories", "enclave",
               "outskirts", "heart", "streets", "provinces", "regions", "cities", "towns", "villages", "areas"}
# Participles that describe the subject's stance, not something done to it ("is opposed to").
STATIVE_PARTICIPLES = {"oppose", "commit", "determine", "prepare", "dedicate", "devote", "involve", "engage", "interest", "concern", "poise", "set", "resolve", "disposed", "inclined"}
# Passives whose subject is the one who speaks or acts: "X was quoted as saying",
# "X was reported to have fired".
RAISING_PASSIVES = {"quote", "report", "say", "believe", "think", "understand", "know", "reckon", "allege", "rumour", "rumor", "see"}
# Intransitive deaths coded as ASSAULT: the subject is the victim.
DEATH_VERBS = {"die", "perish", "succumb"}
# Types whose "that"-clause subject is the party addressed ("demanded that X ...").
ADDRESSED = {"REQUEST", "ACCUSE"}
# Plain reporting verbs: "announced that it will ..." speaks of the speaker, not an addressee.
REPORTING_VERBS = {"say", "announce", "confirm", "state", "add", "tell", "report", "declare", "insist", "claim"}
# Acts only a state performs (arrest, try, expel, investigate): an agentless one was done
# by the state where it happened.
STATE_ACTS = {"COERCE", "ACCUSE", "SANCTION"}
# Two-sided violence verbs: "X clashed with Y" makes both actors (PLOVER ASSAULT).
TWO_SIDED = {"clash", "fight", "battle", "skirmish", "exchange", "clashes", "fighting", "battles", "skirmishes"}
