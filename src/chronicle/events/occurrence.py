"""Does a trigger report something that happened, here, in politics?

The tests the classifier (classify.py) applies to every coded trigger: a figure of
speech ("an attack on press freedom"), a habit ("police routinely beat"), a comment on
an event named before ("these protests showed"), a bare toll, an accident or a hazard
("a gas explosion", "floods killed"), a sport result, a state rather than an act ("troops
are currently stationed in", "prisoners jailed in", "has always been ready to", "Egypt's
solidarity with Sudan"), an act told as another's grounds or topic ("forced out for
supporting", "a conflict over support of"), an agreement kept or broken ("compliance with
its commitments"); and whether the sentence names a
political participant at all (sport, weather and markets vocabulary with none yields
nothing).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from chronicle.events.acled import ARMED, PROTEST_WORDS, object_words
from chronicle.events.detect import Trigger
from chronicle.events.sentence import CodedEvent, SentenceView, lemma_of, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# subordinators that make a clause a circumstance rather than content
CIRCUMSTANCE_MARKS = {"after", "before", "as", "when", "while", "because", "since", "although", "though", "if", "unless", "until", "once"}
# Verbs that undo a measure: lifting a hostile one is a concession, stopping a cooperative one a sanction.
UNDO_VERBS = {"lift", "ease", "relax", "end", "remove", "cancel", "rescind", "revoke", "suspend", "halt",
              "stop", "drop", "call", "shorten", "scrap", "prohibit", "reduce", "cut", "freeze", "postpone", "abandon"}
# Nouns that name the participants of an event rather than the event itself.
PARTICIPANT_NOUNS = {"protester", "protestor", "demonstrator", "rioter", "marcher", "gunman", "inspector",
                     "suicide bomber", "striker"}

# Vocabulary of stories that are not political events (sport, weather, markets,
# disasters); a sentence with these and no political participant yields nothing.
NON_POLITICAL_CUES = {
    "match", "game", "season", "league", "championship", "tournament", "goal", "striker", "midfielder",
    "coach", "team", "club", "cup", "olympic", "olympics", "medal", "scorer", "innings", "wicket",
    "company", "firm", "giant", "pricing", "advertising", "brand", "customer", "product", "film", "premiere",
    "festival", "concert", "orchestra", "album", "fan", "fans", "celebrity",
    "champion", "penalty", "final", "semi-final", "qualifier", "squad", "derby", "fixture", "referee", "kick-off",
    "weather", "rain", "rainfall", "storm", "hurricane", "typhoon", "cyclone", "tornado", "forecast",
    "temperature", "heatwave", "snow", "flood", "flooding", "earthquake", "quake", "landslide", "wildfire",
    "airline", "flight", "avalanche", "climber", "museum", "exhibition", "stadium",
    "lightning", "drought", "wildfire", "bushfire", "stock", "stocks", "share", "shares", "index", "investor",
    "earnings", "profit", "revenue", "nasdaq", "dow", "bond", "yields", "currency", "oil price",
    "accident", "crash", "collision", "derailment", "blaze", "outbreak", "virus", "patient",
    # science, technology, business and entertainment reports
    "scientist", "researcher", "astronomer", "telescope", "planet", "species", "fossil", "vaccine", "clinical",
    "efficacy", "smartphone", "iphone", "gadget", "software", "subscriber", "shareholder", "quarterly", "sales",
    "singer", "actor", "actress", "rapper", "box office", "tennis", "football", "soccer", "cricket", "rugby",
    "basketball", "golf", "athlete", "grand prix", "batsman", "bowler", "batter", "goalkeeper", "quarterback",
    "pitcher", "boxer", "jockey", "cyclist", "sprinter", "swimmer",
}
NON_POLITICAL_VERBS = {"crash", "derail", "collide", "capsize", "score", "rain", "snow", "flood"}
# the sport vocabulary among those cues: a city in a team's name is no political participant next to it
SPORT_CUES = {
    "match", "game", "season", "league", "championship", "tournament", "goal", "striker", "midfielder", "coach",
    "team", "club", "cup", "olympic", "olympics", "medal", "scorer", "innings", "wicket", "champion", "penalty",
    "final", "semi-final", "qualifier", "squad", "derby", "fixture", "referee", "kick-off", "stadium", "tennis",
    "football", "soccer", "cricket", "rugby", "basketball", "golf", "athlete", "grand prix", "title", "point",
    "batsman", "bowler", "batter", "goalkeeper", "quarterback", "pitcher", "boxer", "jockey", "cyclist", "sprinter",
    "swimmer",
}
ELECTORAL = {"election", "vote", "ballot", "electoral", "candidate", "poll", "polling", "referendum"}
POLITICAL_PARTICIPANTS = {
    "police", "policeman", "officer", "troops", "troop", "soldier", "army", "military", "force", "forces",
    "militant", "militants", "rebel", "insurgent", "fighter", "militia", "gunman", "government", "regime",
    "minister", "president", "parliament", "protester", "demonstrator", "activist", "opposition", "party",
    "authorities", "authority", "official", "ministry", "court", "jihadist", "terrorist", "group",
    "embassy", "ambassador", "diplomat", "junta", "senator", "lawmaker", "union", "prime", "leader",
    "assailant", "attacker", "herder", "bandit", "councillor", "councilor", "mayor", "governor", "politician",
    "chief", "commander", "insurgency", "pirate", "kidnapper", "abductor",
    # the organs of a state: "the Bush administration declared that China must drop barriers or face
    # tariff penalties" is politics whatever trade or sport words it uses
    "administration", "cabinet", "congress", "senate", "legislature", "parliamentarian", "negotiator", "envoy",
}
# Weapons name political violence by themselves ("rockets struck a village").
WEAPON_WORDS = {"rocket", "missile", "mortar", "shell", "artillery", "bomb", "grenade", "airstrike", "drone", "gunfire",
                "landmine", "ied", "explosive", "rifle", "machete", "bullet", "ammunition", "warplane", "stick",
                "knife", "baton", "gun", "death", "tank", "helicopter", "jet"}
PEOPLE = {"civilian", "villager", "resident", "woman", "child", "student", "worshipper", "farmer", "journalist",
          "activist", "engineer", "worker", "tourist", "foreigner", "national", "passenger", "teacher", "pupil",
          "girl", "boy", "man", "people", "person", "employee", "official", "soldier", "trader", "priest", "herder"}
ACCIDENT_HEADS = {"explosion", "blast", "fire", "blaze", "collapse", "attack"}
ACCIDENT_MODIFIERS = {"gas", "boiler", "factory", "industrial", "accidental", "chemical", "mine", "pipeline",
                      "tanker", "fuel", "cylinder", "kitchen", "electrical", "house", "forest", "building",
                      "heart", "panic", "asthma", "plant", "refinery", "warehouse", "depot", "furnace", "reactor",
                      "fireworks", "firework", "propane", "methane", "coal"}
ACCIDENT_VERBS = {"collide", "crash", "derail", "capsize", "sink", "collapse", "overturn", "plunge"}
HAZARD_SUBJECTS = {"rain", "rains", "downpour", "snow", "snowfall", "wind", "mudslide", "drought", "wildfire", "bushfire", "flood", "flooding", "storm", "earthquake", "quake", "fire", "blaze", "landslide", "accident",
                   "crash", "disease", "virus", "lightning", "heat", "heatwave", "avalanche", "cyclone", "hurricane",
                   "typhoon", "tornado", "collision", "outbreak", "wave", "tsunami"}
# -- what a sentence says about an event it names ------------------------------
# Nouns whose infinitive names a capacity, not a deed: "the authority to order arrests".
CAPACITY_NOUNS = {"authority", "power", "right", "ability", "capacity", "cover", "means", "freedom", "permission",
                  "licence", "license", "mandate", "opportunity", "chance", "tool", "pretext", "excuse", "reason",
                  "legitimacy", "resources", "leeway", "capability", "way"}
# Verbs whose infinitive names what someone is enabled to do, not what they did.
ENABLING_VERBS = {"provide", "give", "allow", "enable", "empower", "authorize", "authorise", "permit", "equip",
                  "grant", "entitle"}
# What one "fights for" figuratively: a cause, not a battle.
# Ideals: what one fights for, and what an attack strikes only in a figure of speech.
IDEALS = {"freedom", "right", "justice", "independence", "democracy", "equality", "dignity", "liberty", "truth"}
CAUSES = IDEALS | {"survival", "life", "recognition", "change", "reform", "cause", "future", "title", "place", "spot",
                   "seat", "job", "wage", "pay", "people", "country"}
# What an "attack on ..." can strike only in a figure of speech: "an attack on press freedom".
ABSTRACT_TARGETS = IDEALS | {"sovereignty", "constitution", "law", "values", "value", "principle", "speech",
                             "expression", "journalism", "pluralism", "autonomy", "integrity", "reputation",
                             "credibility", "legitimacy", "rule", "peace", "science"}
# Verbs that say what an event is taken for: "condemned the detention as an attack on ...".
CHARACTERISING_VERBS = {"condemn", "denounce", "describe", "call", "brand", "label", "characterise", "characterize",
                        "see", "view", "regard", "decry", "criticise", "criticize", "slam", "dismiss", "portray",
                        "term", "consider", "treat", "reject"}
# Verbs of having: "enjoys the support of", "lacks the backing of" name a state, not an act of support.
STATE_VERBS = {"enjoy", "have", "lack", "retain", "command", "need", "deserve", "win", "earn"}
# What is seized without force: "seize power" (a coup or a slow takeover), not a confiscation.
ABSTRACT_SEIZED = {"power", "initiative", "momentum", "influence", "lead", "limelight", "reins", "helm"}
# what security forces break up or scatter
CROWDS = {"crowd", "gathering", "meeting", "rally", "supporter", "mourner", "group", "assembly", "procession", "them",
          "march", "sit-in", "vigil", "demonstration", "picket", "camp", "encampment", "blockade"}
# Determiners that point back at an event already reported: "these protests", "such attacks".
ANAPHORIC_DETS = {"these", "those", "this", "that", "such"}
# Predicates by which an outlet comments on an event rather than reporting it.
EVALUATIVE_VERBS = {"show", "indicate", "prove", "mark", "represent", "reflect", "signal", "suggest",
                    "demonstrate", "highlight", "underline", "underscore", "mean", "illustrate", "expose",
                    "confirm", "be", "become", "seem", "remain", "consider", "call", "regard", "view", "deem",
                    "constitute", "symbolize", "symbolise", "embody"}
# Adverbs of habit: "police routinely beat detainees" is a pattern, not one event.
HABITUAL_ADVERBS = {"gradually", "increasingly", "often", "usually", "regularly", "routinely", "frequently",
                    "always", "constantly", "traditionally", "typically", "generally", "sometimes",
                    "occasionally", "normally", "habitually", "systematically", "continually"}


def not_an_occurrence(ev: CodedEvent) -> bool:
    """Words that name an event without reporting that it happened here."""
    tok = ev.trigger.head
    if ev.type == "CONSULT" and lemma_of(tok) == "meet" and any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" or c.dep_ == "agent" for c in tok.children):
        return True  # "protesters were met with tear gas", "they were met by guards": a reception, not a meeting
    if _standing_state(ev, tok):
        return True  # "troops are currently stationed in ...", "prisoners jailed in ...", "has always backed"
    if ev.type == "SUPPORT" and tok.pos_ == "NOUN" and _held_stance(tok):
        return True  # "the purpose of Egypt's solidarity with Sudan": a stance held, not one voiced
    if ev.type in STANCE_TYPES and tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "for" \
            and tok.head.head.pos_ in ("VERB", "AUX"):
        return True  # "forced out of office for supporting a rival": the grounds of another act, told as its reason
    if ev.type in STANCE_TYPES and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("over", "about") \
            and lemma_of(tok.head.head) in DISPUTES:
        return True  # "a conflict with the party over support of a candidate": what a dispute is about
    if ev.type in KEPT_AGREEMENT_TYPES and tok.pos_ == "NOUN" and _kept_or_broken(tok):
        return True  # "compliance with its commitments", "violated the accord": an agreement already in force
    if lemma_of(tok) in STANDING_MEASURES and tok.pos_ == "NOUN" and _kept_or_broken(tok, MEASURE_BREAKING):
        return True  # "the ship breached a UN ban", "defied the curfew": a measure in force, not one imposed
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and lemma_of(tok.head.head) in WORTH_NOUNS:
        return True  # "believes in the power of dialogue", "the importance of talks": a kind of act, none held
    if ev.type not in SAID_TYPES and _generic_present(tok):
        return True  # "'We negotiate everything,' he said": what someone does as a rule, not one act
    cur = tok
    for _ in range(6):
        # "the authority ... to order his agents to massacre": a capacity and everything inside it
        infinitive = cur.dep_ in ("acl", "advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if infinitive and (lemma_of(cur.head) in CAPACITY_NOUNS or lemma_of(cur.head) in ENABLING_VERBS):
            return True  # "gave them the means to strike", "provided him with cover to order ...": a capacity
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if ev.type == "ASSAULT" and any(lemma_of(g) in CAUSES for g in prep_objects(tok, ("for",))) and not any(
            c.dep_ in ("dobj", "prep") and c.lower_ in ("with", "against") for c in tok.children):
        return True  # "fought for freedom"
    if ev.type in ("SUPPORT", "AID", "COOPERATE") and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and lemma_of(tok.head) in STATE_VERBS:
        return True  # "enjoys the support of"
    if ev.type == "AID" and tok.pos_ == "VERB" and (object_words(tok) | {
            lemma_of(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children}) & CAPACITY_NOUNS:
        return True  # "the posts provide him with the authority": standing, not aid
    if ev.type == "COERCE" and lemma_of(tok) in ("break", "scatter", "disperse"):
        objects = {lemma_of(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if objects and not objects & (PROTEST_WORDS | PEOPLE | CROWDS):
            return True  # "broke up the old ship": not a crowd dispersed
    if tok.pos_ == "NOUN" and _anaphoric(tok) and not _own_details(tok):
        return True  # "details of these killings": the event was reported before, nothing new here
    if ev.type == "ASSAULT" and _figurative_attack(tok):
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "as" and lemma_of(tok.head.head) in CHARACTERISING_VERBS:
        return True  # "condemned the detention as an attack": what an act is called, not another act
    if ev.type in STANCE_TYPES and tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True  # "a group that opposes the amendment", "a party which backs independence": a stance held
    if tok.pos_ == "NOUN" and lemma_of(tok) not in STANDING_MEASURES and _habitual_noun(tok):
        return True  # "the almost daily torrent of bombings", "nightly raids": a pattern, no one happening
    if ev.type == "REQUEST" and lemma_of(tok) in NECESSITY_VERBS and tok.dep_ == "ROOT" and not _quoted(tok):
        return True  # "engineers need to inspect the road": the writer says what is necessary; nobody asks
    return False


# Verbal acts that, in the simple present of a relative clause, describe a standing position
STANCE_TYPES = {"REJECT", "SUPPORT", "ACCUSE", "AGREE", "COOPERATE"}
# Verbs that keep someone where they are: in the present passive ("are stationed", "are held") a state
HOLDING_VERBS = {"station", "base", "garrison", "house", "hold", "keep", "imprison", "jail", "intern", "confine",
                 "detain", "deploy", "post", "position", "incarcerate"}
# Adverbs that say a state holds now: "are currently deployed", "are still held"
STATE_ADVERBS = {"currently", "still", "now", "presently", "permanently", "already"}
# Nouns that name people by their captivity: "prisoners jailed in ...", "hostages held by ..." describe
# who they are, not an arrest
CAPTIVES = {"prisoner", "detainee", "inmate", "captive", "hostage", "convict", "internee", "pow"}
# Adverbs that make a stance a trait: "has always backed", "has long opposed"
TRAIT_ADVERBS = {"always", "long", "consistently", "steadfastly", "forever"}
# An agreement one complies with or breaks is already in force: its keeping is not a new act of agreeing
KEPT_AGREEMENT_TYPES = {"AGREE", "COOPERATE"}
KEEPING_WORDS = {"comply", "compliance", "honour", "honor", "respect", "fulfil", "fulfill", "fulfilment",
                 "fulfillment", "abide", "adhere", "adherence", "violate", "violation", "breach", "uphold", "observe",
                 "observance", "implement", "implementation", "keep", "break", "accordance", "line", "contravene",
                 "contravention", "renege", "default"}
# Verbs of necessity: a demand only when someone says it ("'the law needs to change,' she said")
NECESSITY_VERBS = {"need", "require"}
QUOTE_MARKS = "\"\u201c\u201d"


# Adjectives of recurrence: "daily bombings", "a constant stream of arrests" name a pattern
HABITUAL_ADJECTIVES = {"daily", "nightly", "weekly", "monthly", "frequent", "constant", "regular", "routine",
                       "incessant", "endless", "ceaseless", "perennial", "habitual", "everyday"}


# Measures that last by nature: "the nightly curfew" is one measure, not a pattern of events
STANDING_MEASURES = {"curfew", "ban", "blockade", "siege", "embargo", "lockdown", "closure", "restriction", "patrol",
                     "checkpoint", "sanction", "sanctions"}


def _habitual_noun(tok: "Token") -> bool:
    """An event noun said to recur, or counted by a noun that is ("a daily torrent of bombings")."""
    nouns = [tok]
    if tok.dep_ in ("pobj", "conj"):
        of = tok.head if tok.dep_ == "pobj" else tok.head.head
        if of.lower_ == "of" and of.dep_ == "prep":
            nouns.append(of.head)
    # (the parser often hangs "daily" on the verb: the word just before the noun counts too)
    return any(c.dep_ == "amod" and c.lower_ in HABITUAL_ADJECTIVES for n in nouns for c in n.children) or any(
        n.i > 0 and n.doc[n.i - 1].lower_ in HABITUAL_ADJECTIVES for n in nouns)


def _standing_state(ev: CodedEvent, tok: "Token") -> bool:
    """A state that holds, not an act: troops or prisoners where they are kept ("1,500 troops are currently
    stationed in ...", "prisoners jailed in ..."), or a stance held as a trait ("has always been ready to")."""
    if ev.type in ("MOBILIZE", "COERCE") and tok.tag_ == "VBN":
        if tok.dep_ == "acl" and lemma_of(tok.head) in CAPTIVES:
            return True  # "prisoners jailed in Israel": who they are
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        present = any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in aux) and not any(
            c.lower_ in ("being", "been") or c.tag_ == "MD" for c in aux)
        if present and lemma_of(tok) in HOLDING_VERBS and (
                lemma_of(tok) not in ("deploy", "post", "position", "detain")
                or any(c.dep_ == "advmod" and c.lower_ in STATE_ADVERBS for c in tok.children)):
            return True  # "are stationed in", "are currently deployed": where they are now
    if ev.type in STANCE_TYPES:
        holders = [tok] + ([tok.head] if tok.dep_ in ("acomp", "xcomp") and tok.head.i != tok.i else [])
        if any(c.dep_ in ("advmod", "neg") and c.lower_ in TRAIT_ADVERBS for h in holders for c in h.children):
            return True
    return False


# Nouns of a quarrel: what one is "over" or "about" is its topic ("a row over his backing of the plan")
DISPUTES = {"conflict", "dispute", "row", "quarrel", "spat", "feud", "controversy", "standoff", "stand-off", "rift",
            "disagreement", "tension", "tensions", "wrangle", "squabble", "fight", "battle", "argument", "uproar",
            "outcry", "furore", "furor", "debate"}
# Verbs that voice a stance: "expressed its solidarity", "pledged his support" report an act
VOICING_VERBS = {"express", "voice", "declare", "pledge", "offer", "reaffirm", "reiterate", "announce", "show",
                 "extend", "convey", "proclaim", "affirm", "stress", "confirm", "give", "lend", "throw", "state"}


def _held_stance(tok: "Token") -> bool:
    """"Egypt's solidarity with Sudan", "Iran's support for the group": a possessed stance noun names a
    relation that holds, unless a verb voices it ("expressed its solidarity")."""
    if not any(c.dep_ == "poss" for c in tok.children):
        return False
    return not (tok.dep_ in ("dobj", "nsubjpass") and lemma_of(tok.head) in VOICING_VERBS)


# What a measure in force undergoes: kept, broken or got round
MEASURE_BREAKING = {"breach", "violate", "violation", "defy", "flout", "evade", "circumvent", "break", "bust",
                    "contravene", "ignore", "enforce", "respect", "observe", "comply", "compliance", "abide"}
# Nouns that speak of what a kind of act is worth or can do: "the power of dialogue", "the importance of talks"
WORTH_NOUNS = {"power", "importance", "value", "virtue", "merit", "benefit", "benefits", "efficacy",
               "effectiveness", "usefulness", "futility", "necessity", "primacy", "role", "path", "language"}
# Acts done by saying them: in the present they are said now ("we reject this plan"), not habits
SAID_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}


def _generic_present(tok: "Token") -> bool:
    """A verb in the simple present inside a quotation, with a first-person subject ("'We negotiate the
    relations, the water and everything else'"): the speaker says what they do as a rule. (A headline's
    present, "Protesters visit homes", reports; it is not quoted.)"""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBP", "VBZ") or not _quoted(tok):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in tok.children)


def _kept_or_broken(tok: "Token", words: set[str] = KEEPING_WORDS) -> bool:
    """Is an agreement noun what someone keeps or breaks ("compliance with its commitments", "honour
    the accords", "in violation of the truce")? Looks at the word it hangs on, and for a phrase the parser
    hung on the verb ("monitor Russia's compliance with its commitments"), at that verb's object too."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    governors = [head] + [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
    return any(lemma_of(g) in words for g in governors)


def _quoted(tok: "Token") -> bool:
    """Is the word inside quotation marks, or the main verb of a sentence that is someone's quote?"""
    sent = tok.sent
    before = sent.doc.text[sent.start_char:tok.idx]
    after = sent.doc.text[tok.idx:sent.end_char]
    return sum(before.count(q) for q in QUOTE_MARKS) % 2 == 1 or any(q in after for q in QUOTE_MARKS)


def _figurative_attack(tok: "Token") -> bool:
    """"An attack on press freedom", "assaulting democracy": nothing struck but an idea."""
    targets = prep_objects(tok, ("on", "upon", "against")) + [c for c in tok.children if c.dep_ == "dobj"]
    return any(lemma_of(t) in ABSTRACT_TARGETS for t in targets)


TOLL_VERBS = {"kill", "wound", "injure", "die", "dead", "hurt"}


def bare_toll(ev: CodedEvent) -> bool:
    """"At least nine people were killed", "two died": casualties with no doer, weapon or scene of their own."""
    tok = ev.trigger.head
    if ev.type != "ASSAULT" or lemma_of(tok) not in TOLL_VERBS or ev.content:
        return False
    if lemma_of(tok) in ("kill", "wound", "injure", "hurt") and not any(c.dep_ == "nsubjpass" for c in tok.children):
        return False  # active "gunmen killed ...": the doer is named
    return not any(c.dep_ in ("agent", "advcl") or c.dep_ == "prep" and c.lower_ in ("in", "by", "during", "when")
                   for c in tok.children)


def _anaphoric(tok: "Token") -> bool:
    return any(c.dep_ in ("det", "amod", "predet") and c.lower_ in ANAPHORIC_DETS for c in tok.children)


def names_an_earlier_event(tok: "Token") -> bool:
    """"The attack came a day after ...": a definite event noun with nothing of its own (no
    place, time, participants or numbers). After an event of its type in the same article it
    is that event named again, not a new one; identity.py makes it one more mention of it."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the",) or c.dep_ in ("det", "predet") and c.lower_ in ANAPHORIC_DETS
        for c in tok.children) and not _own_details(tok)


def _own_details(tok: "Token") -> bool:
    """Does an event noun carry its own place, time, participants or numbers ("these protests in Basra")?"""
    return any(c.dep_ in ("prep", "acl", "relcl", "nummod", "appos", "compound") for c in tok.children)


def _habitual(tok: "Token") -> bool:
    """"Routinely beat", "have been assassinating activists since ...": a pattern over time."""
    kids = list(tok.children)
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in kids):
        return True
    if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in kids) and any(
            c.dep_ == "aux" and lemma_of(c) == "have" for c in kids):
        return True
    return tok.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in tok.head.children)


def mark_commentary(ev: CodedEvent, view: SentenceView | None = None) -> None:
    """Lower the standing of an event the outlet comments on or describes as a pattern:
    "these protests in Basra showed ...", "the protests were a blow to ...", "routinely tortured"."""
    tok = ev.trigger.head
    commented = tok.pos_ == "NOUN" and (
        _anaphoric(tok) or tok.dep_ in ("nsubj", "nsubjpass") and lemma_of(tok.head) in EVALUATIVE_VERBS
        or tok.dep_ == "attr" and lemma_of(tok.head) == "be")  # "... were a warning to the government"
    words = view.lemma_set if view is not None else None
    habit = words is None or bool(words & HABITUAL_ADVERBS) or tok.tag_ == "VBG"
    since = words is None or "since" in words
    if commented or habit and _habitual(tok) or since and _ongoing_since(tok):
        ev.commentary = True
        ev.score *= 0.7
        ev.rule_weight *= 0.7


def _ongoing_since(tok: "Token") -> bool:
    """"The country has been gripped by protests since the election": a state that has lasted, the
    background of the news rather than the news."""
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    kids = list(verb.children)
    perfect = any(c.dep_ in ("aux", "auxpass") and lemma_of(c) == "have" for c in kids)
    since = any(c.lower_ == "since" and c.dep_ == "prep" or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in kids)
    return perfect and since


def joined_to_protest(tok: "Token", events: dict[int, CodedEvent], heads: dict[int, Trigger]) -> bool:
    """"Held a vigil ... and called on the government to ...": a demand made by the protest it is joined to;
    "stoned the police station, accusing officers of ...": the grievance given for a protest or an attack."""
    if tok.dep_ == "conj":
        acts = ("PROTEST",)
    elif tok.dep_ == "advcl" and tok.tag_ == "VBG":
        acts = ("PROTEST", "ASSAULT")
    else:
        return False
    trig = heads.get(tok.head.i)
    other = events.get(trig.head.i) if trig is not None else None
    return other is not None and other.type in acts


# a match score ("4-0", "112-104"), not a year range or a percentage
_SCORE = re.compile(r"(?<![\d.,])\d{1,3} ?[-\u2013] ?\d{1,3}(?![\d.,%])")


def sport_result(view: SentenceView) -> bool:
    """A match score ("beat Madrid 4-0", "won 112-104") outside an electoral count."""
    return bool(_SCORE.search(view.sent.text)) and not view.lemma_set & ELECTORAL


def _armed_hazard(tok: "Token") -> bool:
    """"Mortar fire", "rocket fire": a weapon, not a blaze."""
    return any(c.dep_ in ("compound", "amod") and lemma_of(c) in WEAPON_WORDS | {"sniper", "tank", "gun"} for c in tok.children)


def _accidental(tok: "Token") -> bool:
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    # "an explosion at a fertiliser plant": the site counts like a modifier
    mods += prep_objects(tok, ("at", "in", "inside"))
    mods += [g for c in mods if c.dep_ in ("compound", "pobj") for g in c.children if g.dep_ in ("compound", "amod")]
    return any(lemma_of(c) in ACCIDENT_MODIFIERS for c in mods)


def in_circumstance(tok: "Token") -> bool:
    cur = tok
    for _ in range(6):
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in cur.children):
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "following", "amid", "despite"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def voiced_by_participants(tok: "Token") -> bool:
    if tok.dep_ in ("acl", "relcl") and lemma_of(tok.head) in PARTICIPANT_NOUNS:
        return True
    return any(c.dep_ == "nsubj" and lemma_of(c) in PARTICIPANT_NOUNS for c in tok.children)


def undoes(verb: "Token") -> bool:
    """Verbs that lift, end or suspend something ("call" only as "call off")."""
    lemma = lemma_of(verb)
    if lemma == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return lemma in UNDO_VERBS


def is_object_of(tok: "Token", verb: "Token") -> bool:
    """Is tok what the verb acts on: its object, a compound in its object, or 'the ban on X'?"""
    for _ in range(3):
        if tok.head.i == verb.i:
            return tok.dep_ in ("dobj", "nsubjpass", "compound")
        if tok.dep_ not in ("compound", "pobj", "prep", "dobj", "nsubjpass"):
            return False
        tok = tok.head
    return False


def under_without(tok: "Token") -> bool:
    return tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in ("without", "instead")


def is_negated(tok: "Token") -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children)


def mode_specificity(mode: str | None) -> int:
    if mode in ("aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "grenade", "crowd-control",
                "unconventional", "abduct", "sexual", "torture"):
        return 2
    return 0 if mode in (None, "clash", "firearms", "targeted", "beat", "destroy") else 1


def _clause_subject_is_hazard(tok: "Token") -> bool:
    """A verb without a subject of its own shares the one of the clause it hangs from (participles,
    coordinated verbs): is that subject a natural hazard?"""
    cur = tok
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if subj:
            return cur is not tok and any(lemma_of(c) in HAZARD_SUBJECTS and not _armed_hazard(c) for c in subj)
        if cur.head.i == cur.i or cur.dep_ not in ("advcl", "conj", "dobj", "xcomp"):
            return False
        cur = cur.head
    return False


def hazard_subject(tok: "Token") -> bool:
    """"Floods killed 12 people": the doer is a natural hazard or an accident."""
    if lemma_of(tok) in ACCIDENT_HEADS and _accidental(tok):
        return True  # "a gas explosion": the trigger itself names an accident
    if tok.dep_ == "acl" and lemma_of(tok.head) in HAZARD_SUBJECTS:
        return True  # "a wildfire burned through the forest" parsed as a noun phrase
    if _clause_subject_is_hazard(tok):
        return True  # "rains triggered landslides, killing 14 and blocking highways": the rain did it
    if tok.dep_ == "conj" and tok.head.i != tok.i and hazard_subject(tok.head):
        return True  # "a crash killed nine and injured 15": the subject is shared
    if tok.dep_ == "advcl" and lemma_of(tok.head) in ACCIDENT_VERBS:
        return True  # "two trains collided, injuring dozens"
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i != tok.i and any(
            c.dep_ == "nsubj" and lemma_of(c) in HAZARD_SUBJECTS and not _armed_hazard(c) for c in tok.head.children):
        return True  # "floods swept through the province, killing 300": the participle shares the flood as subject
    for child in tok.children:
        if child.dep_ in ("nsubj", "agent") and lemma_of(child) in HAZARD_SUBJECTS and not _armed_hazard(child):
            return True
        if child.dep_ == "nsubj" and lemma_of(child) in ACCIDENT_HEADS and _accidental(child):
            return True
        if child.dep_ == "agent":
            for grand in child.children:
                if lemma_of(grand) in HAZARD_SUBJECTS:
                    return True
    return False


def sentence_is_political(sent: "Span", lemmas: set[str] | None = None, actor_spans: Iterable[tuple[int, int]] = (),
                          view: SentenceView | None = None) -> bool:
    """Does the sentence name a political participant (or is it free of non-political cues)?

    Named countries, nationalities, organisations and people count as political
    participants, as do the actors the actor stage found in the sentence."""
    view = view if view is not None else SentenceView(sent)
    lemmas = lemmas if lemmas is not None else view.lemma_set
    if view.noun_set & (POLITICAL_PARTICIPANTS | WEAPON_WORDS):
        return True
    # the cues are things (a storm, a match, shares); as verbs they are often the event itself
    # ("supporters stormed the office"), so only nouns, adjectives and a few telling verbs count
    if not (view.content_set & NON_POLITICAL_CUES or lemmas & NON_POLITICAL_VERBS):
        return True
    # with sport, weather or market words about, only a state, armed or named political actor counts
    for a_start, a_end in actor_spans:
        if a_start < sent.end_char and a_end > sent.start_char:
            return True
    return "NORP" in view.ent_types


def has_political_participant(sent: "Span", actor_spans: Iterable[tuple[int, int]] = (),
                              view: SentenceView | None = None) -> bool:
    """A named state, nationality, armed or political group, weapon or political actor in the sentence."""
    nouns = (view if view is not None else SentenceView(sent)).content_set
    if nouns & (POLITICAL_PARTICIPANTS | WEAPON_WORDS | ARMED | ELECTORAL | {"protest"}):
        return True
    if (view if view is not None else SentenceView(sent)).ent_types & {"NORP", "GPE"}:
        # a city in a team's name ("Real Madrid") is no political participant in a sports report
        return not (view is not None and view.lemma_set & SPORT_CUES)
    return any(a < sent.end_char and b > sent.start_char for a, b in actor_spans)
