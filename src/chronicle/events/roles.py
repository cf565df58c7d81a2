"""Who did it and to whom: an event's actor and recipient from the sentence's parse.

`find_roles(ann, sent, trigger, event_type)` walks the dependency parse that the
pipeline already made (nothing is re-parsed) from the event's trigger to its
syntactic arguments, and maps each argument to the article's actors through the
character spans of `Actor.mentions`.

How arguments become roles
--------------------------
Verb triggers
    active      nsubj -> actor; dative, dobj, then a recipient preposition
                ("against", "on", "at", "to", ...) -> recipient
    passive     agent ("by" X) -> actor; nsubjpass -> recipient
    no subject  xcomp ("police moved to arrest"), conj ("fired and arrested"),
                participles ("..., killing 30") take the subject of the verb
                they hang from; object-control verbs ("called on X to",
                "urged X to", "ordered X to") give their object instead;
                relative clauses ("forces who killed") and participial
                modifiers ("protesters killed by police") take the noun they
                modify.
Noun triggers   "the attack by militants on a convoy", "Iran's strike on",
                "Israeli airstrikes", "protests against the government", the
                subject of a light verb ("militants launched an attack on").
Orders          "by the order of X", "on the orders of X", "at X's behest",
                "X ordered forces to fire": the forces stay the actor; X is
                appended to the actor list as an ActorRef with role="ordered"
                (direct agents always come first).
Coordination    "Iran and Syria condemned": one ActorRef per conjunct.

Which types need a recipient (PLOVER 2.0 manual, chapter 3)
-----------------------------------------------------------
    type        requires recipient   note
    AGREE       no
    CONSULT     no                   reciprocal meetings: all parties are actors
    SUPPORT     no
    CONCEDE     no
    COOPERATE   yes
    AID         yes
    RETREAT     no
    REQUEST     no
    ACCUSE      no
    REJECT      no
    THREATEN    no
    PROTEST     no                   often only a protester actor
    SANCTION    yes
    MOBILIZE    no
    COERCE      no (usually one)     "most cases have a clear intended recipient"
    ASSAULT     no (one-sided: yes)  one-sided: perpetrator actor, victim recipient;
                                     two-sided ("clashes between X and Y"): all actors
The recipient search, in order, stops at the first step that names an actor:
the trigger's own arguments (dative, object, recipient prepositions, the object's
own "of"/"by"/target phrases, and one level further when that phrase names no one:
"protests against abuses by X", "a strike over a law signed by X", "reneged on his
promise to X", where the actor's own possession is skipped); "in protest of X" and
other stance phrases; its clausal complements, three levels deep ("said it would
release X", "threatened to shell X", "demanded that X ease"); for THREATEN the
subject of an "if/unless" condition; CAMEO-style, the actor named where the act is
done ("lifted the curfew in X", on a noun trigger also through its verb: "remained
on alert in X"); only for the types in DIRECTED (those PLOVER says require a
recipient, plus COERCE, ASSAULT, THREATEN, ACCUSE, REQUEST), any actor in an object
slot of the clause. A protest is "directed toward ... government authorities"
(PLOVER codebook): with no stated target, what it presses for ("calling for the
removal of X", "a drive to convince X") and then the place where it happens give
its recipient. Last, for every typed event, the state of a resolved place where the
act is done ("imposed a curfew in Abidjan" -> Ivory Coast), as CAMEO and the PLOVER
gold code it: the article's actor for that country, or a new country actor whose
mention is the place. An object that is an unresolved pronoun ("gave him weapons")
stops the search: someone further away must not take its place.

CONSULT: the one who meets, calls, visits or hosts is the actor and the one met,
called, visited or hosted the recipient (CAMEO 036/040/042/043, as the gold codes
them: "X hosted Y" is X -> Y); parties written together ("X and Y met") are all
actors. Deaths ("a prisoner died in police custody"): the one who died is the
recipient, the custodian the actor. Receiving verbs ("enjoys the support of X",
"received aid from X"): the giver is the actor, the subject the recipient.

When `ann.actors` is empty (or no argument overlaps a mention) both lists are
empty: roles are never invented from words that no actor covers (the one
addition is the state of a place, above, and only when some actor is present).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.record import Actor, ActorRef, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations

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
# Reciprocal types: coordinated or "between" parties are all actors (PLOVER 2.4.2).
RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
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
# Nouns about an event, not taking part in it: "details of the killings".
INFO_NOUNS = {
    "detail", "report", "news", "footage", "image", "video", "evidence", "account", "photo", "picture", "story",
    "record", "anniversary", "memory", "memorial", "commemoration", "investigation", "inquiry", "probe", "trial",
    "documentary", "book", "film", "list", "number", "toll", "wave", "history", "aftermath", "pretext", "victim",
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


# The token index of the article being coded: built once per article (EventStage calls
# find_roles once per event), reused while the same doc and actor list come back.
_LAST_INDEX: tuple | None = None


def _token_index(ann: "Annotations") -> dict[int, list[tuple[int, int, int]]]:
    global _LAST_INDEX
    cached = _LAST_INDEX
    if cached is not None and cached[0] is ann.doc and cached[1] is ann.actors and cached[2] == len(ann.actors):
        return cached[3]
    doc = ann.doc
    by_token: dict[int, list[tuple[int, int, int]]] = {}
    for index, actor in enumerate(ann.actors):
        pairs = {(m.start, m.end) for m in actor.mentions or []} | {(actor.start, actor.end)}
        for start, end in sorted(pairs):
            if end <= start:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            mention = (start, end, index)
            for tok in span:
                by_token.setdefault(tok.i, []).append(mention)
    _LAST_INDEX = (doc, ann.actors, len(ann.actors), by_token)
    return by_token


def _register_mention(ann: "Annotations", index: int, start: int, end: int) -> None:
    """Add a mention made here (a place standing for its state) to the cached token index."""
    global _LAST_INDEX
    by_token = _token_index(ann)
    span = ann.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        for tok in span:
            entries = by_token.setdefault(tok.i, [])
            if (start, end, index) not in entries:
                entries.append((start, end, index))
    _LAST_INDEX = (ann.doc, ann.actors, len(ann.actors), by_token)


_LAST_PLACES: tuple | None = None


def _place_index(ann: "Annotations") -> dict[int, object]:
    """Token index -> the resolved place (not a name part of something else) covering it."""
    global _LAST_PLACES
    cached = _LAST_PLACES
    if cached is not None and cached[0] is ann.doc and cached[1] is ann.places:
        return cached[2]
    by_token: dict[int, object] = {}
    for place in ann.places or []:
        if place.associative or not place.country_code:
            continue
        span = ann.doc.char_span(place.start, place.end, alignment_mode="expand")
        for tok in span if span is not None else []:
            by_token.setdefault(tok.i, place)
    _LAST_PLACES = (ann.doc, ann.places, by_token)
    return by_token


def _country_of_place(ann: "Annotations", place) -> ActorRef | None:
    """The state a place stands for, as an actor of the article.

    CAMEO, whose conventions the PLOVER gold follows, codes the state where an act is
    done as the party acted on when no other is named ("imposed a curfew in Abidjan",
    "arrived in Amman"). A city is not an actor by itself (the actors stage keeps "in
    Tehran" a place), so its country becomes one here: the article's existing actor for
    that country when there is one, else a new country actor with the place as mention.
    """
    try:
        from chronicle.places.countries import country_by_iso2
    except ImportError:  # pragma: no cover - places owner's module
        return None
    country = country_by_iso2(place.country_code)
    if country is None:
        return None
    from chronicle.actors.resolve import country_on
    from chronicle.places.countries import country_by_iso3

    then = country_on(country.iso3, ann.published or "9999")
    if then != country.iso3:
        country = country_by_iso3(then) or country  # "Juba" in 2000 is in Sudan
    index = next((k for k, a in enumerate(ann.actors) if a.kind == "country" and a.country == country.iso3 and not a.sector), None)
    why = f"{country.name}: the state where the act was done ({place.text})"
    if index is None:
        ann.actors.append(Actor(
            text=place.text, start=place.start, end=place.end, name=country.name, country=country.iso3,
            kind="country", mentions=[Span(text=place.text, start=place.start, end=place.end)], why=why,
        ))
        index = len(ann.actors) - 1
    else:
        actor = ann.actors[index]
        if all((m.start, m.end) != (place.start, place.end) for m in actor.mentions):
            actor.mentions.append(Span(text=place.text, start=place.start, end=place.end))
            actor.mentions.sort(key=lambda m: (m.start, m.end))
    _register_mention(ann, index, place.start, place.end)
    return ActorRef(actor=index, text=place.text, start=place.start, end=place.end)


class _Mentions:
    """Actor mentions inside one sentence, indexed by token."""

    def __init__(self, ann: "Annotations", sent: "SpacySpan"):
        self.by_token = _token_index(ann)
        self.lo, self.hi = sent.start, sent.end

    def __bool__(self) -> bool:
        return any(i in self.by_token for i in range(self.lo, self.hi))

    def at(self, tok: "Token") -> list[tuple[int, int, int]]:
        if not self.lo <= tok.i < self.hi:
            return []
        return self.by_token.get(tok.i, [])


def _ref(ann: "Annotations", mention: tuple[int, int, int], role: str | None = None) -> ActorRef:
    start, end, index = mention
    ref = ActorRef(actor=index, text=ann.text[start:end], start=start, end=end)
    if role is not None:
        ref.role = role
    return ref


def _outermost(mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop mentions nested in another one ("Iran" inside "Iran's ambassador to Iraq")."""
    uniq = sorted(set(mentions), key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, int]] = []
    for m in uniq:
        if any(k[0] <= m[0] and m[1] <= k[1] and k != m for k in kept):
            continue
        kept.append(m)
    return kept


def _core_tokens(head: "Token") -> tuple[list["Token"], list["Token"]]:
    """A nominal's own words (name, modifiers, possessor) and the words of its "of" phrases."""
    core, of_part = [head], []
    stack = [(c, False) for c in head.children]
    while stack:
        tok, under_of = stack.pop()
        dep = tok.dep_
        if dep in CORE_DEPS:
            (of_part if under_of else core).append(tok)
            stack.extend((c, under_of) for c in tok.children)
        elif dep == "prep" and tok.lower_ in MEMBER_PREPS and tok.head.lower_ not in ORDER_NOUNS:
            for c in tok.children:
                if c.dep_ == "pobj":
                    of_part.append(c)
                    stack.extend((g, True) for g in c.children)
                    stack.extend((g, True) for g in c.conjuncts)
                    of_part.extend(c.conjuncts)
        elif dep == "conj" and under_of:
            of_part.append(tok)
            stack.extend((c, True) for c in tok.children)
        elif dep == "conj" and tok.head.dep_ in ("amod", "compound", "poss", "nmod"):
            core.append(tok)  # "Hungarian and Romanian officials"
            stack.extend((c, False) for c in tok.children)
    return core, of_part


def _affiliation_tokens(head: "Token") -> list["Token"]:
    """Words naming who a group belongs to: "workers affiliated with X", "settlers in Hebron"."""
    out: list["Token"] = []
    for c in head.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in AFFILIATION_WORDS:
            for g in c.children:
                if g.dep_ == "prep":
                    out.extend(t for t in g.subtree if t.i != g.i)
        elif c.dep_ == "prep" and ((c.lower_ == "for" and head.lemma_.lower() not in ASKING_NOUNS)
                                   or (c.lower_ in ("in", "inside", "within") and head.lemma_.lower() not in PLACE_NOUNS)):
            # people placed somewhere stand for it ("demonstrators in Baghdad"); places in a
            # place do not ("streets in Hong Kong")
            out.extend(t for t in c.subtree if t.i != c.i)
    return out


def _nominal_refs(ann, mentions: _Mentions, head: "Token", role: str | None = None, _depth: int = 0) -> list[ActorRef]:
    """The actors a noun phrase (with its conjuncts) names."""
    refs: list[ActorRef] = []
    heads = [head] + [c for c in head.conjuncts if c.i > head.i]
    for h in heads:
        if h.lower_ in RELATIVE_PRONOUNS and h.head.dep_ == "relcl" and _depth < 3:
            refs.extend(_nominal_refs(ann, mentions, h.head.head, role, _depth + 1))
            continue
        own = mentions.at(h)
        if own:
            chosen = _outermost(own)
            # the appositive of a named head is the same referent: keep only the head's mention
            refs.extend(_ref(ann, m, role) for m in chosen)
            continue
        core, of_part = _core_tokens(h)
        found = [m for t in core for m in mentions.at(t)]
        if not found and h.lemma_.lower() not in RELATIONAL_NOUNS:
            # "members of X" name X; "the end of the Paris march" does not
            found = [m for t in of_part for m in mentions.at(t)]
        if not found:
            found = [m for t in _affiliation_tokens(h) for m in mentions.at(t)]
        chosen = _outermost(found)
        # one referent per distinct actor inside one noun phrase
        seen_actor: set[int] = set()
        for m in chosen:
            if m[2] in seen_actor:
                continue
            seen_actor.add(m[2])
            refs.append(_ref(ann, m, role))
    return refs


def _pobj(prep: "Token") -> "Token | None":
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    if prep.n_rights == 0 and prep.i + 1 < len(prep.doc):
        # a preposition the parser left without an object ("granted asylum to five officers
        # holed up ..." with "officers" made the subject of "holed"): the noun phrase that
        # starts right after it
        tok = prep.doc[prep.i + 1]
        while tok.head.i != tok.i and tok.head.left_edge.i == prep.i + 1 and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
            tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.left_edge.i == prep.i + 1:
            return tok
    return None


def _main_verb_misparsed_as_modifier(verb: "Token") -> bool:
    """ "An official newspaper called on Arabs ...": the parser hung the sentence's only verb
    on its subject noun as a modifier; that noun is the root of the sentence."""
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _own_instrument(obj: "Token", verb: "Token") -> bool:
    """ "offered its troops to X", "withdrew their forces from X", "will send 4,000 troops":
    the subject's own people or means, not the party acted on."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return True
    if obj.lemma_.lower() in POSTS and verb.lemma_.lower() in OPENING_VERBS:
        # "opened an embassy in X": its own, unless another owner is named ("the US embassy")
        return not any(c.dep_ in ("poss", "compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_) for c in obj.children)
    return obj.lemma_.lower() in INSTRUMENT_NOUNS and verb.lemma_.lower() in MOVING_VERBS


def _is_passive(verb: "Token") -> bool:
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children):
        return False
    if _main_verb_misparsed_as_modifier(verb):
        return False
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not any(c.dep_ == "aux" for c in verb.children)
        and not _takes_object(verb)
    )


def _takes_object(verb: "Token") -> bool:
    """A participle with its own direct object, or joined to a verb with one, is active: "aid
    groups donated and delivered goods" is not "groups (that were) donated"."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "captives held hostage by the group"
    return any(c.dep_ in ("dobj", "dative") for v in [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
               for c in v.children)


def _orderers_in(ann, mentions, tok: "Token") -> list[ActorRef]:
    """X in "the order of X", "X's orders", "X's command"."""
    refs: list[ActorRef] = []
    for c in tok.children:
        if c.dep_ == "poss":
            refs.extend(_nominal_refs(ann, mentions, c, "ordered"))
        elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
            p = _pobj(c)
            if p is not None:
                refs.extend(_nominal_refs(ann, mentions, p, "ordered"))
    return refs


class _Roles:
    def __init__(self, ann, mentions: _Mentions, event_type: str):
        self.ann = ann
        self.mentions = mentions
        self.type = TYPE_ALIASES.get(event_type, event_type) if event_type else ""
        self.actor: list[ActorRef] = []
        self.recipient: list[ActorRef] = []
        self.ordered: list[ActorRef] = []
        # set when the trigger's object is a pronoun no mention covers: no fallback search then
        self.recipient_slot_unresolved = False
        self._location_cache: dict[int, list] = {}

    # -- helpers -------------------------------------------------------------------
    def refs(self, tok, role=None) -> list[ActorRef]:
        return _nominal_refs(self.ann, self.mentions, tok, role)

    def prep_ok(self, word: str, governor_lemma: str = "") -> bool:
        if word == "with" and self.type == "PROTEST":
            return False  # "protests with thousands of people": company, not a target
        if word in RECIPIENT_PREPS:
            return True
        if word == "from" and governor_lemma in FROM_VERBS:
            return True
        types = TYPE_PREPS.get(word)
        return bool(types and self.type in types)

    def prep_targets(self, tok: "Token", depth: int = 0) -> list[ActorRef]:
        """Recipients introduced by prepositions on `tok` ("fired at X", "sanctions on X")."""
        out: list[ActorRef] = []
        # prepositions on a particle too ("kidnapped up to 16 advisers" parsed as up + to)
        children = list(tok.children)
        children += [g for c in children if c.dep_ == "prt" for g in c.children]
        if self.type in GRIEVANCE and depth == 0:
            # "complained to the UN over the raids by X": what is complained of before whom
            children.sort(key=lambda c: c.lower_ not in ("against", "over", "about", "at", "on"))
        actor_ids = {r.actor for r in self.actor}
        for c in children:
            if c.dep_ == "prep" and c.lower_ == "in":
                # "in protest of X", "in defiance of X", "in retaliation against X"
                p = _pobj(c)
                if p is not None and p.lemma_.lower() in STANCE_NOUNS:
                    out.extend(self.stance_targets(p, depth + 1))
                continue
            if c.dep_ in ("prep", "dative") and (self.prep_ok(c.lower_, tok.lemma_.lower()) or (c.lower_ in ("by", "of") and depth > 0)):
                # a by-phrase one level down names who did what is targeted:
                # "protests against violations by the military"
                if c.lower_ == "by" and depth == 0:
                    continue
                p = _pobj(c)
                if p is not None and p.lemma_.lower() in INSTRUMENT_NOUNS and any(g.dep_ == "poss" and g.pos_ == "PRON" for g in p.children):
                    continue  # "a call for its peacekeepers to be deployed": its own means
                if p is not None:
                    # the actor's own possession is not what it acts on: "reneged on his
                    # commitment to the people" is aimed at the people
                    refs = [r for r in self.refs(p) if r.actor not in actor_ids]
                    if not refs and depth < 2:
                        refs = self.prep_targets(p, depth + 1) or self.makers(p)
                    if refs:
                        # the first phrase that names someone: "clashed with X at the rally of Y"
                        return out + refs
        return out

    def stance_targets(self, stance: "Token", depth: int = 1) -> list[ActorRef]:
        """X in "in protest of X", "in protest against abuses by X", "in retaliation for X's raid"."""
        actor_ids = {r.actor for r in self.actor}
        refs = [r for r in self.prep_targets(stance, depth) if r.actor not in actor_ids]
        return refs or [r for r in self.of_targets(stance) if r.actor not in actor_ids]

    def makers(self, noun: "Token") -> list[ActorRef]:
        """Who made or did a thing: "a bill signed by X", "abuses committed by X"."""
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                refs = self.agents(c)
                if refs:
                    return refs
        return []

    def of_targets(self, noun: "Token") -> list[ActorRef]:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = _pobj(c)
                if p is not None:
                    return self.refs(p)
        return []

    # -- verbs ---------------------------------------------------------------------
    def subject_of(self, verb: "Token", depth: int = 0) -> list[ActorRef]:
        """The actor of a verb: its own subject, or the one it inherits."""
        if depth > 4:
            return []
        passive = _is_passive(verb)
        if passive:
            refs = self.agents(verb)
            if refs:
                return refs
            if verb.lemma_.lower() in RAISING_PASSIVES:
                # "X was quoted as saying", "X is reported to have fired": X speaks or acts
                for c in verb.children:
                    if c.dep_ in PASSIVE_SUBJECT_DEPS:
                        return self.refs(c)
        else:
            subjects = [
                c for c in verb.children
                if c.dep_ in SUBJECT_DEPS
                or (c.dep_ in PASSIVE_SUBJECT_DEPS and verb.lemma_.lower() in STATIVE_PARTICIPLES)
                # a misparsed subject left of the verb ("Qatar's emir, Sheikh Hamad launched")
                or (c.dep_ == "dep" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN"))
            ]
            # nearest first: a dateline the parser also calls a subject ("KYIV, Ukraine —
            # Russian forces shelled") is further away
            subjects.sort(key=lambda c: abs(verb.i - c.i))
            for c in subjects:
                refs = self.refs(c)
                if refs:
                    return refs
            for c in subjects:
                if c.pos_ == "PRON" and c.lower_ not in RELATIVE_PRONOUNS:
                    # "Hungary said it will support": an unresolved pronoun under a
                    # speech verb is most often its speaker
                    if verb.dep_ in ("ccomp", "xcomp") and verb.head.i != verb.i:
                        return self.subject_of(verb.head, depth + 1)
                    return []
            if any(c.lower_ not in RELATIVE_PRONOUNS for c in subjects):
                return []
            if not subjects and verb.dep_ in ("ROOT", "ccomp") and verb.tag_ != "VB":
                refs = self.preceding_subject(verb)
                if refs:
                    return refs
        head = verb.head
        dep = verb.dep_
        if head.i == verb.i:
            return []
        if dep == "xcomp" or (dep in ("advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            if head.lemma_.lower() in OBJECT_CONTROL:
                ctrl = self.controller(head)
                if ctrl:
                    if head.lemma_.lower() in ORDER_VERBS:
                        self.ordered.extend(self._as_ordered(self.subject_of(head, depth + 1)))
                    return ctrl
            return self.subject_of(head, depth + 1) if head.pos_ in ("VERB", "AUX", "ADJ") else self.noun_head_actor(head)
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            if _is_passive(head) and not passive:
                # "the minister was indicted ... and will resign": the passive's subject acts
                for c in head.children:
                    if c.dep_ in PASSIVE_SUBJECT_DEPS:
                        refs = self.refs(c)
                        if refs:
                            return refs
            return self.subject_of(head, depth + 1)
        if dep in ("acomp", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
            return self.subject_of(head, depth + 1)
        if dep in ("advcl", "pcomp") and verb.tag_ == "VBG":
            anchor = head.head if dep == "pcomp" else head
            if anchor.pos_ in ("VERB", "AUX") and (not _is_passive(anchor) or anchor.lemma_.lower() in RAISING_PASSIVES):
                return self.subject_of(anchor, depth + 1)
        if dep in ("relcl", "acl") and not passive:
            refs = self.refs(head)
            if not refs and dep == "acl" and head.dep_ in OBJECT_DEPS and head.head.pos_ in ("VERB", "AUX"):
                return self.subject_of(head.head, depth + 1)
            return refs
        return []

    def preceding_subject(self, verb: "Token") -> list[ActorRef]:
        """A finite verb the parser left without a subject ("..., the government and the
        rebels have agreed"): the noun phrase between the last comma and the verb."""
        doc = verb.doc
        i = verb.i - 1
        while i >= verb.sent.start and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
            i -= 1
        if i < verb.sent.start or doc[i].pos_ not in ("NOUN", "PROPN"):
            return []
        boundary = i
        while boundary > verb.sent.start and doc[boundary].text not in (",", ";", ":"):
            boundary -= 1
        node = doc[i]
        while boundary < node.head.i < verb.i and node.head.i != node.i:
            node = node.head
        if node.i <= boundary:
            return []
        return self.refs(node)

    def _as_ordered(self, refs: list[ActorRef]) -> list[ActorRef]:
        for r in refs:
            r.role = "ordered"
        return refs

    def controller(self, verb: "Token") -> list[ActorRef]:
        """The object that carries out an object-control verb's complement ("urged X to")."""
        for c in verb.children:
            if c.dep_ in ("dobj", "dative"):
                refs = self.refs(c)
                if refs:
                    return refs
            if c.dep_ == "prep" and c.lower_ in ("on", "upon") :
                p = _pobj(c)
                if p is not None:
                    refs = self.refs(p)
                    if refs:
                        return refs
        return []

    def agents(self, verb: "Token") -> list[ActorRef]:
        """Passive agents; "by the order of X" goes to the ordering party."""
        refs: list[ActorRef] = []
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                p = _pobj(c)
                if p is None:
                    continue
                if p.lower_ in ORDER_NOUNS:
                    self.ordered.extend(_orderers_in(self.ann, self.mentions, p))
                    continue
                refs.extend(self.refs(p))
                # "by the forces by order of X" misattached under the agent noun
                for g in p.children:
                    if g.dep_ == "prep" and g.lower_ in ("by", "on", "at", "under"):
                        q = _pobj(g)
                        if q is not None and q.lower_ in ORDER_NOUNS:
                            self.ordered.extend(_orderers_in(self.ann, self.mentions, q))
        if not refs:
            # "were killed during the attacks by the regime's forces": the agent of the
            # attack the victims fell in; "killed in a car bomb explosion": an unclaimed
            # means of attack the actors stage made an unidentified armed group
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "amid", "under"):
                    p = _pobj(c)
                    if p is None:
                        continue
                    for g in p.children:
                        if g.dep_ == "prep" and g.lower_ == "by":
                            q = _pobj(g)
                            if q is not None:
                                refs.extend(self.refs(q))
                    if not refs:
                        refs.extend(r for r in self.refs(p) if self.ann.actors[r.actor].sector == "UAF")
        return refs

    def verb_orderers(self, verb: "Token") -> None:
        """"on the orders of X", "at X's behest", "under X's command" attached to the verb."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "at", "under", "upon", "following", "after"):
                p = _pobj(c)
                if p is not None and p.lower_ in ORDER_NOUNS:
                    self.ordered.extend(_orderers_in(self.ann, self.mentions, p))

    def verb_recipients(self, verb: "Token") -> list[ActorRef]:
        if _is_passive(verb):
            for c in verb.children:
                if c.dep_ in PASSIVE_SUBJECT_DEPS:
                    refs = self.refs(c)
                    if refs:
                        return refs
            if verb.dep_ == "acl":  # "protesters killed by police"
                refs = self.refs(verb.head)
                if refs:
                    return refs
            return self.prep_targets(verb)
        for c in verb.children:
            if c.dep_ == "dative":
                p = _pobj(c) if c.pos_ == "ADP" else c
                if p is not None:
                    refs = self.refs(p)
                    if refs:
                        return refs
                    if p.pos_ == "PRON":
                        self.recipient_slot_unresolved = True
                        return []
        for c in verb.children:
            if c.dep_ in OBJECT_DEPS:
                refs = [] if _own_instrument(c, verb) else self.refs(c)
                if not refs and c.lemma_.lower() in RELATIONAL_NOUNS:
                    # "captured part of X's stronghold", "shelled the outskirts of X"
                    refs = self.of_targets(c)
                if refs:
                    return refs
                # "fired tear gas at X", "imposed sanctions on X", "launched an attack on X"
                refs = self.prep_targets(c)
                if refs:
                    return refs
                for g in c.children:
                    # "a suspension of air links with X"
                    if g.dep_ == "prep" and g.lower_ == "of":
                        p = _pobj(g)
                        refs = self.prep_targets(p, 1) if p is not None else []
                        if refs:
                            return refs
                        # "demanded the return of property seized by X"
                        for q in p.children if p is not None else []:
                            if q.dep_ == "acl" and q.tag_ == "VBN":
                                refs = self.agents(q)
                                if refs:
                                    return refs
                    # "prevented the demonstration staged by X"
                    if g.dep_ == "acl" and g.tag_ == "VBN":
                        refs = self.agents(g)
                        if refs:
                            return refs
                if c.pos_ == "PRON" and c.lower_ not in ("it", "this", "that", "which", "what"):
                    # "provide him with ...": the object is there, only unresolved;
                    # looking further would put someone else in its place
                    self.recipient_slot_unresolved = True
                    return []
                if True:  # "rejected calls by X", "will not tolerate rallies by X"
                    for g in c.children:
                        if g.dep_ == "prep" and g.lower_ == "by":
                            p = _pobj(g)
                            refs = self.refs(p) if p is not None else []
                            if refs:
                                return refs
        # "demand reforms by X" with the by-phrase hung on the (active) verb: the object's maker
        if any(c.dep_ in OBJECT_DEPS for c in verb.children):
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    p = _pobj(c)
                    refs = self.refs(p) if p is not None else []
                    if refs:
                        return refs
        if verb.dep_ == "relcl" and _is_passive(verb) is False and any(c.dep_ in ("dobj",) and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
            return self.refs(verb.head)
        return self.prep_targets(verb)

    def _complements(self, tok: "Token") -> list["Token"]:
        """Clauses that carry on what `tok` says or intends: complements, purpose clauses,
        clauses on its object ("issued a declaration demanding that ...")."""
        out = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                out.append(c)
            elif c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "VERB"):
                out.extend(g for g in c.children if g.dep_ in ("xcomp", "ccomp"))
            elif c.dep_ == "advcl" and (c.tag_ in ("VB", "VBG") or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                out.append(c)
            elif c.dep_ in OBJECT_DEPS or c.dep_ == "pobj":
                out.extend(g for g in c.children if g.dep_ in ("acl", "ccomp", "relcl") and g.pos_ in ("VERB", "AUX"))
            elif c.dep_ == "prep" and c.lower_ in ("to", "for", "on"):
                p = _pobj(c)
                if p is not None:
                    out.extend(g for g in p.children if g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX"))
        for c in list(out):
            out.extend(g for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX"))
        return out

    def demand_recipients(self, trigger: "Token") -> list[ActorRef]:
        """Whom a protest presses: the party of what it demands or opposes, in a clause on the
        trigger or on a noun beside it ("rioted after a march calling for the removal of X",
        "a drive to convince X to amend the law")."""
        actor_ids = {r.actor for r in self.actor}
        top = trigger
        if trigger.pos_ not in ("VERB", "AUX"):
            verb, _ = self.governing_verb(trigger)
            top = verb if verb is not None else trigger
        clauses = [t for t in top.subtree if t.i != trigger.i and t.pos_ == "VERB" and t.lemma_.lower() in PRESSING_VERBS
                   and t.dep_ in ("acl", "relcl", "advcl", "xcomp", "pcomp", "conj")]
        clauses.sort(key=lambda t: abs(t.i - trigger.i))
        for verb in clauses:
            refs = [r for r in self.verb_recipients(verb) if r.actor not in actor_ids]
            if not refs:
                refs = [r for r in self.complement_recipients(verb) if r.actor not in actor_ids]
            if refs:
                return refs
        return []

    def counterpart_recipients(self, trigger: "Token") -> list[ActorRef]:
        """The other side named in the circumstances of the act: "called off the strike after
        talks with X", "declined to resign despite pressure from X"."""
        actor_ids = {r.actor for r in self.actor}
        nodes = [trigger] + self._complements(trigger)
        if trigger.pos_ not in ("VERB", "AUX"):
            verb, _ = self.governing_verb(trigger)
            if verb is not None:
                nodes.append(verb)
        for node in nodes:
            for c in node.children:
                if c.dep_ != "prep":
                    continue
                p = _pobj(c)
                if p is None:
                    continue
                lemma = p.lemma_.lower()
                if lemma in TALK_NOUNS:
                    parties = ("with", "between")
                elif lemma in PRESSURE_NOUNS:
                    parties = ("by", "from", "of")
                else:
                    continue
                refs = [r for g in p.children if g.dep_ == "poss" and lemma in PRESSURE_NOUNS for r in self.refs(g)]
                for g in p.children:
                    if g.dep_ == "prep" and g.lower_ in parties:
                        q = _pobj(g)
                        refs.extend(self.refs(q) if q is not None else [])
                refs = [r for r in refs if r.actor not in actor_ids]
                if refs:
                    return refs
        return []

    def complement_recipients(self, verb: "Token") -> list[ActorRef]:
        """Recipient from a clausal complement: "threatened to shell X", "demanded that X ease",
        "said it will release X" (breadth first, three levels)."""
        actor_ids = {r.actor for r in self.actor}
        level = self._complements(verb)
        for _ in range(3):
            nxt: list["Token"] = []
            for c in level:
                if c.dep_ == "ccomp" or (c.dep_ in ("acl",) and self.type == "REQUEST"):
                    subj = [s for s in c.children if s.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
                    for s in subj:
                        refs = [r for r in self.refs(s) if r.actor not in actor_ids]
                        if refs:
                            return refs
                        addressed = self.type in ADDRESSED and c.head.lemma_.lower() not in REPORTING_VERBS
                        if addressed and s.pos_ == "PRON" and s.lower_ not in ("there",):
                            # "demanded that it reopen schools": the one asked is that pronoun
                            self.recipient_slot_unresolved = True
                            return []
                refs = [r for r in self.verb_recipients(c) if r.actor not in actor_ids]
                if refs:
                    return refs
                nxt.extend(self._complements(c))
            level = nxt
            if not level:
                break
        return []

    def condition_recipients(self, trigger: "Token") -> list[ActorRef]:
        """A threat's target is who must meet its condition: "... unless Israel rescinds"."""
        actor_ids = {r.actor for r in self.actor}
        nodes = [trigger] + self._complements(trigger)
        for node in nodes:
            for c in node.children:
                if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
                    for g in c.children:
                        if g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                            refs = [r for r in self.refs(g) if r.actor not in actor_ids]
                            if refs:
                                return refs
        return []

    def custodians(self, verb: "Token") -> list[ActorRef]:
        """X in "in X custody", "in the custody of X", "at the hands of X"."""
        for tok in verb.subtree:
            if tok.lower_ in ("custody", "hands", "detention") and tok.dep_ == "pobj":
                refs: list[ActorRef] = []
                for c in tok.children:
                    if c.dep_ in ("compound", "poss", "amod", "nmod"):
                        refs.extend(self.refs(c))
                    elif c.dep_ == "prep" and c.lower_ == "of":
                        p = _pobj(c)
                        if p is not None:
                            refs.extend(self.refs(p))
                if refs:
                    return refs
        return []

    def clause_recipients(self, trigger: "Token") -> list[ActorRef]:
        """Last widening, for types that need or nearly always have a recipient: the actor
        named nearest the trigger in an object or prepositional slot of its clause."""
        actor_ids = {r.actor for r in self.actor}
        # not inside side clauses: "demanded elections after a court cleared him in X's trial"
        skipped: set[int] = set()
        for c in trigger.children:
            if c.dep_ in ("relcl", "acl", "parataxis", "advcl") and (c.dep_ != "advcl" or any(g.dep_ == "mark" for g in c.children)):
                skipped.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ in ("after", "before", "since", "despite", "following", "during", "amid"):
                skipped.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and (p := _pobj(c)) is not None and p.lemma_.lower() in PRETEXT_NOUNS:
                skipped.update(t.i for t in c.subtree)  # "under the pretext of fighting X"
        candidates = [
            t for t in trigger.subtree
            if t.i != trigger.i and t.i not in skipped and t.dep_ in ("pobj", "dobj", "dative", "obj")
        ]
        candidates.sort(key=lambda t: abs(t.i - trigger.i))
        for t in candidates:
            refs = [r for r in self.refs(t) if r.actor not in actor_ids]
            if refs:
                return refs
        return []

    def _location_objects(self, trigger: "Token") -> list["Token"]:
        """The places where the act is done, nearest clause first: "in/into/inside X" on the
        trigger, its complements, its objects and prepositional objects ("fired shells at
        targets in X", "remained on alert in X"), and for a noun trigger the verb it is an
        argument of ("held talks in X")."""
        cached = self._location_cache.get(trigger.i)
        if cached is not None:
            return cached
        nodes = [trigger] + self._complements(trigger)
        # "established ties with and opened an embassy in X": verbs joined to the trigger
        nodes += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  and not any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in c.children)]
        if trigger.pos_ not in ("VERB", "AUX"):
            verb, _ = self.governing_verb(trigger)
            if verb is not None and verb.i != trigger.i:
                nodes.append(verb)
        out: list["Token"] = []
        for node in nodes:
            holders = [node] + [c for c in node.children if c.dep_ in OBJECT_DEPS]
            holders += [p for c in node.children if c.dep_ == "prep" and c.lower_ not in ("by", "of") for p in [_pobj(c)] if p is not None]
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS:
                        p = _pobj(c)
                        if p is not None and p.i not in {o.i for o in out} and self._is_place_phrase(p):
                            out.append(p)
        self._location_cache[trigger.i] = out
        return out

    def _is_place_phrase(self, noun: "Token") -> bool:
        """A name or a noun of place: "in Abidjan", "in the capital city of X", not "in
        exchange for X" or "in response to X"."""
        places = _place_index(self.ann)

        def named(tok: "Token") -> bool:
            return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.i in places

        if named(noun) or noun.lemma_.lower() in PLACE_NOUNS or noun.lemma_.lower() in WHERE_NOUNS:
            return True
        # "a Bangui courtroom", "the archipelago of Kiribati"
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and named(c):
                return True
            if c.dep_ == "prep" and c.lower_ == "of":
                p = _pobj(c)
                if p is not None and named(p):
                    return True
        return False

    def location_recipients(self, trigger: "Token") -> list[ActorRef]:
        """CAMEO-style: the actor named where the act is done to ("lifted the curfew in
        Montenegro", "will evacuate settlements in Gaza")."""
        actor_ids = {r.actor for r in self.actor}
        for p in self._location_objects(trigger):
            refs = [r for r in self.refs(p) if r.actor not in actor_ids]
            if refs:
                return refs
        return []

    def place_recipients(self, trigger: "Token") -> list[ActorRef]:
        """Last resort: the state of a resolved place where the act is done when no actor is
        named there ("imposed a curfew in Abidjan" -> Ivory Coast; see _country_of_place).
        A meeting's place is only where it was held; a visit's is its host."""
        places = _place_index(self.ann)
        if not places or (self.type == "CONSULT" and trigger.lemma_.lower() not in VISIT_VERBS):
            return []
        # and, last, the place of what happens at the same time: "imposed martial law as
        # battles raged in X"
        meanwhile = [c for c in trigger.children if c.dep_ == "advcl"
                     and any(g.dep_ == "mark" and g.lower_ in ("as", "while", "when") for g in c.children)]
        for p in self._location_objects(trigger) + [q for c in meanwhile for q in self._location_objects(c)]:
            core, of_part = _core_tokens(p)
            for tok in sorted(core, key=lambda t: t.i) + of_part:
                place = places.get(tok.i)
                if place is None:
                    continue
                ref = _country_of_place(self.ann, place)
                if ref is None:
                    break
                return [] if ref.actor in {r.actor for r in self.actor} else [ref]
        return []

    # -- nouns ---------------------------------------------------------------------
    def noun_head_actor(self, noun: "Token") -> list[ActorRef]:
        """The actor of a noun trigger: by-phrase, possessor, modifier, or a light verb's subject."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                p = _pobj(c)
                if p is not None:
                    if p.lower_ in ORDER_NOUNS:
                        self.ordered.extend(_orderers_in(self.ann, self.mentions, p))
                        continue
                    refs = self.refs(p)
                    if refs:
                        return refs
        mods = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                mods.extend(self.refs(c))
        if mods:
            return mods
        head = noun.head
        if noun.dep_ == "conj" and head.i != noun.i:
            # "the landing and the arrest of X" share an actor; a noun the parser joined
            # to a verb ("imposed sanctions ... and the arrest") does not take its subject
            return self.noun_head_actor(head) if head.pos_ in ("NOUN", "PROPN") else []
        verb, role = self.governing_verb(noun)
        if verb is None or role == "subject":
            return []
        if verb.lemma_.lower() in RECEIVE_VERBS:
            # "enjoys the support of X", "received aid from X": the giver is in the phrase
            for c in list(noun.children) + list(verb.children):
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    p = _pobj(c)
                    refs = self.refs(p) if p is not None else []
                    if refs:
                        return refs
            return []
        if _is_passive(verb):
            return self.agents(verb)
        return self.subject_of(verb)

    def describing_clause(self, noun: "Token") -> "Token | None":
        """A relative clause that tells the event itself: "where/when ..." or "in which ..."
        hung on the noun or on a place after it."""
        for tok in noun.subtree:
            if tok.dep_ != "relcl" or tok.pos_ not in ("VERB", "AUX") or tok.i - noun.i > 25:
                continue
            for c in tok.children:
                if c.lower_ in ("where", "when") and c.dep_ == "advmod":
                    return tok
                if c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children):
                    return tok
        return None

    def governing_verb(self, noun: "Token") -> tuple["Token | None", str]:
        """The verb a noun trigger is an argument of, through compounds and "of" phrases:
        "launched a mediation effort", "10 days of war games", "put under investigation"."""
        node = noun
        for _ in range(5):
            dep, head = node.dep_, node.head
            if head.i == node.i:
                return None, ""
            if dep in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
                node = head
                continue
            if dep in OBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
                # only a verb that carries the act ("launched an attack"), not one that acts on
                # it ("police banned the rally", "condemned the attack")
                if head.lemma_.lower() in ACTS_ON_EVENTS:
                    return None, ""
                return head, "object"
            if dep in SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
                return head, "subject"
            if dep in PASSIVE_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
                return head, "object"
            if dep == "pobj" and head.dep_ == "prep":
                prep, above = head.lower_, head.head
                if above.pos_ in ("NOUN", "PROPN") and prep in ("of", "for"):
                    if above.lemma_.lower() in INFO_NOUNS:
                        return None, ""  # "details of the killings", "the anniversary of the massacre"
                    node = above
                    continue
                if above.pos_ in ("VERB", "AUX"):
                    participates = above.lemma_.lower() in (
                        "join", "take", "participate", "engage", "resort", "put", "place", "converge", "gather", "assemble", "march", "turn", "rally"
                    )
                    if prep in ("into", "to", "under") or participates or (prep in ("in", "on", "for") and self.type != "PROTEST"):
                        return above, "prep"
                return None, ""
            return None, ""
        return None, ""

    def noun_recipients(self, noun: "Token") -> list[ActorRef]:
        out: list[ActorRef] = []
        verb, _ = self.governing_verb(noun)
        received = verb is not None and verb.lemma_.lower() in RECEIVE_VERBS
        for c in noun.children:
            if c.dep_ == "prep":
                word = c.lower_
                if word == "of" and (self.type in ("PROTEST", "MOBILIZE", "CONSULT", "AGREE") or received):
                    continue
                if word == "from" and received:
                    continue
                p = _pobj(c)
                if p is None:
                    continue
                if word == "in" and p.lemma_.lower() in STANCE_NOUNS:
                    out.extend(self.stance_targets(p))  # "a strike in protest of X"
                elif word == "of" or self.prep_ok(word):
                    # "protests against abuses by X": who did what the act is aimed at
                    out.extend(self.refs(p) or self.prep_targets(p, 1) or self.makers(p))
            elif c.dep_ in ("acl", "ccomp") and self.type in ("REQUEST", "THREATEN", "ACCUSE") and any(g.dep_ == "mark" for g in c.children):
                for g in c.children:  # "its demands that X grant ..."
                    if g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                        out.extend(self.refs(g))
            elif c.dep_ == "acl" and c.lemma_.lower() in ("target", "against", "aim", "direct"):
                for g in c.children:
                    if g.dep_ in OBJECT_DEPS:
                        out.extend(self.refs(g))
        if not out:
            # "by militants on a convoy": the target's prep often hangs off the by-phrase noun
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    p = _pobj(c)
                    if p is not None:
                        out.extend(self.prep_targets(p))
        if not out and noun.dep_ in SUBJECT_DEPS and noun.head.pos_ == "VERB" and not self.mentions.at(noun):
            # "The attack killed three soldiers" (not "Protesters honoured X": people acting)
            out = self.verb_recipients(noun.head)
        if not out:
            # the verb the noun hangs from: "gave the Ivory Coast 5 million dollars of aid",
            # "was put under investigation", "staged protests to demand reforms by X"
            verb, role = self.governing_verb(noun)
            if verb is not None and role != "subject":
                trigger_ids = {t.i for t in noun.subtree}
                if verb.lemma_.lower() in RECEIVE_VERBS and not _is_passive(verb):
                    return self.subject_of(verb)  # who receives it is acted on
                if _is_passive(verb):
                    for c in verb.children:
                        if c.dep_ in PASSIVE_SUBJECT_DEPS:
                            out = self.refs(c)
                else:
                    out = [r for r in self.verb_recipients(verb) if not self._inside(r, trigger_ids)]
                    if not out:
                        out = self.complement_recipients(verb)
        return out

    def _inside(self, ref: ActorRef, token_ids: set[int]) -> bool:
        span = self.ann.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        return span is not None and span.root.i in token_ids

    # -- entry -----------------------------------------------------------------------
    def run(self, trigger: "Token") -> None:
        is_verb = trigger.pos_ in ("VERB", "AUX") or (trigger.pos_ == "ADJ" and trigger.dep_ in ("ROOT", "xcomp", "ccomp", "acomp"))
        if is_verb and trigger.lemma_.lower() in DEATH_VERBS:
            # "a prisoner died in police custody": the one who died is acted on
            self.recipient = self.subject_of(trigger)
            self.actor = self.custodians(trigger)
            self.tidy(trigger)
            return
        if is_verb:
            self.actor = self.subject_of(trigger)
            self.verb_orderers(trigger)
            self.recipient = self.verb_recipients(trigger)
            if not self.recipient and not self.recipient_slot_unresolved:
                self.recipient = self.complement_recipients(trigger)
            if not self.recipient and self.type == "THREATEN":
                self.recipient = self.condition_recipients(trigger)
            if not self.recipient and not self.recipient_slot_unresolved:
                self.recipient = self.counterpart_recipients(trigger)
            if not self.recipient and self.type and self.type not in LATE_LOCATION and not self.recipient_slot_unresolved:
                self.recipient = self.location_recipients(trigger)
            if not self.recipient and self.type in DIRECTED and not self.recipient_slot_unresolved:
                self.recipient = self.clause_recipients(trigger)
            if not self.recipient and not self.recipient_slot_unresolved:
                # "donated and delivered goods to X", "arrested and beat X": a verb joined to
                # the trigger that shares its subject carries the object they share
                actor_ids = {r.actor for r in self.actor}
                for conj in (c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"
                             and not any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in c.children)):
                    self.recipient = [r for r in self.verb_recipients(conj) if r.actor not in actor_ids]
                    if self.recipient:
                        break
            if not self.recipient and self.type in LATE_LOCATION and not self.recipient_slot_unresolved:
                self.recipient = self.demand_recipients(trigger) or self.location_recipients(trigger)
            if not self.recipient and self.type and not self.recipient_slot_unresolved:
                self.recipient = self.place_recipients(trigger)
        else:
            self.actor = self.noun_head_actor(trigger)
            self.recipient = self.noun_recipients(trigger)
            if not self.actor:
                # "the massacre in Camp X, where 52 members were killed by the forces"
                clause = self.describing_clause(trigger)
                if clause is not None:
                    self.actor = self.subject_of(clause)
                    self.verb_orderers(clause)
                    if not self.recipient:
                        self.recipient = self.verb_recipients(clause)
            if not self.recipient:
                self.recipient = self.counterpart_recipients(trigger)
            if not self.recipient and self.type and self.type not in LATE_LOCATION:
                self.recipient = self.location_recipients(trigger)
            if not self.recipient and self.type in DIRECTED:
                verb, _ = self.governing_verb(trigger)
                self.recipient = self.clause_recipients(verb if verb is not None else trigger)
            if not self.recipient and self.type in LATE_LOCATION:
                self.recipient = self.demand_recipients(trigger) or self.location_recipients(trigger)
            if not self.recipient and self.type:
                self.recipient = self.place_recipients(trigger)
            if not self.actor:
                own = self.mentions.at(trigger)
                if own:  # "Protesters gathered": the trigger word names the actor
                    self.actor = [_ref(self.ann, m) for m in _outermost(own)]
                    self.recipient = [r for r in self.recipient if (r.start, r.end) != (self.actor[0].start, self.actor[0].end)]
        if not self.actor and self.type in STATE_ACTS and (not is_verb or _is_passive(trigger)):
            # "was arrested in Lebanon", "put under investigation in Italy": with no agent
            # named, the state where it was done did it
            self.actor = [r for r in self.location_recipients(trigger) if r.actor not in {x.actor for x in self.recipient}]
        self.two_sided(trigger)
        self.tidy(trigger)

    def two_sided(self, trigger: "Token") -> None:
        """Reciprocal and two-sided events: "clashes between X and Y", "X and Y met" -> all actors."""
        if self.type == "CONSULT":
            # the one who meets, calls, visits or hosts acts on the one met, called, visited
            # or hosted (CAMEO 036/040/042/043, as the gold codes them); parties written
            # together ("X and Y met") are all actors through the coordination
            return
        if self.type not in RECIPROCAL and not (self.type == "ASSAULT" and trigger.lemma_.lower() in TWO_SIDED):
            return
        if self.type == "ASSAULT" and self.recipient and trigger.lemma_.lower() in TWO_SIDED:
            self.actor = self.actor + self.recipient
            self.recipient = []
        if not self.actor and self.recipient and any(c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children):
            self.actor, self.recipient = self.recipient, []

    def _actor_phrases(self, actor: list[ActorRef], trigger: "Token") -> list[tuple[int, int]]:
        """Character ranges of the subject phrases the actors head ("The UN envoy for Syria,
        X,"): what they hold names who the actor is, not who is acted on. A phrase that holds
        the trigger ("Palestinian riots against Israeli policies") is the event's own."""
        doc = self.ann.doc
        out = []
        for r in actor:
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            tok = span.root
            for _ in range(3):  # up through the name's own nouns to the subject slot
                if tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
                    break
                tok = tok.head
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            if tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and not lo <= trigger.idx < hi:
                out.append((lo, hi))
        return out

    def tidy(self, trigger: "Token") -> None:
        seen: set[int] = set()
        actor = []
        for r in self.actor:
            if r.actor not in seen:
                seen.add(r.actor)
                actor.append(r)
        recipient = []
        rseen: set[int] = set()
        inside = self._actor_phrases(actor, trigger) if self.recipient else []
        for r in self.recipient:
            if r.actor in seen or r.actor in rseen:
                continue
            if any(lo <= r.start and r.end <= hi for lo, hi in inside):
                continue  # "the UN envoy for Syria condemned ...": Syria describes the actor
            rseen.add(r.actor)
            recipient.append(r)
        for r in self.ordered:
            if r.actor not in seen:
                seen.add(r.actor)
                r.role = "ordered"
                actor.append(r)
        self.actor, self.recipient = actor, recipient


def requires_recipient(event_type: str) -> bool:
    """PLOVER's "Requires recipient" for a type (older GSR names accepted)."""
    return REQUIRES_RECIPIENT.get(TYPE_ALIASES.get(event_type, event_type), False)


def find_roles(ann: "Annotations", sent: "SpacySpan", trigger: "Token", event_type: str) -> tuple[list[ActorRef], list[ActorRef]]:
    """(actor, recipient) of the event whose trigger is `trigger` in `sent`.

    Direct agents come first in the actor list; a party that ordered the act
    follows them with `role="ordered"`.
    """
    if not ann.actors:
        return [], []
    mentions = _Mentions(ann, sent)
    if not mentions:
        return [], []
    roles = _Roles(ann, mentions, event_type)
    roles.run(trigger)
    return roles.actor, roles.recipient
