"""What changes an event's meaning: negation and hypothetical/future (and, through
attribution.py, who claims it).

`find_modifiers(ann, sent, trigger)` reads the parse around the trigger (no
re-parsing). It climbs from the trigger through the clauses that embed it
(infinitive and clausal complements, a light verb's object, "of"/"for" phrases)
and reads each level:

negated
    "not"/"n't"/"never" on the trigger or an embedding verb ("did not try to
    attack"); embedding verbs that deny the act ("denied attacking", "failed
    to", "refused to", "avoided"); "no"/"nobody"/"no one" as the trigger's
    subject or object ("no one was arrested", "there was no attack");
    "without arresting" (and "without (Israel) halting ...", which the parser hangs
    on the gerund). Cues along the chain cancel in pairs ("failed to stop
    the attack", "did not prevent the raid": it happened); "stopped"/"ended" count
    only under another negation (what was stopped had happened); a verb's
    negation does not reach a noun under its preposition ("did not respond to
    requests").
hypothetical
    modals on the trigger or an embedding verb (may, might, could, would, will,
    shall, should, must, can); embedding verbs of intent, threat, plan or
    request ("threatened to", "plans to", "vowed to", "called for", "urged",
    "is expected to", "warned that ... would"); conditionals ("if", "unless");
    nouns of intent ("calls for", "the threat of", "plans for"); an event noun
    with no definite determiner as the subject of a verb of consequence ("a
    refusal to adopt it means ...": a condition put).
refusals
    an event coded REJECT from a negated verb of assent said now ("Iran will not
    accept any limits", "does not accept"), in a clause of its own, is the
    refusal itself: neither negated nor a plan ("did not reject" stays negated;
    "has not ratified" is a state; "cannot agree more" agrees).
directives
    the infinitive of "instructed", "told", "authorized", "allowed" ... ("was
    instructed to reach a deal") has not happened.
factive verbs
    a "that"-clause of "forget", "know", "regret" ... is taken as true: the
    negation or modal on "we must not forget that Hamas seized power" stops there.

Who claims it (attributed_to, attributed_span, attributed_actor) is read by
attribution.py along the same chain of clauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chronicle.events.attribution import attribution_of
from chronicle.events.sentence import lemma_of
from chronicle.record import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


@dataclass
class Modifiers:
    negated: bool = False
    hypothetical: bool = False
    attributed_to: str | None = None
    attributed_span: Span | None = None
    attributed_actor: int | None = None  # index into ann.actors
    cues: list[str] = field(default_factory=list)  # the words that set the flags, for explanations


NEGATION_WORDS = {"not", "n't", "never", "no", "nor", "neither"}
NEGATIVE_QUANTIFIERS = {"no", "nobody", "none", "nothing", "neither", "no-one"}
# Embedding verbs whose complement did not happen.
# ("stopped the march", "ended the strike" are not here: what was stopped had happened;
# they count only under another negation: "failed to stop the attack" -> it happened.)
STOPPING_VERBS = {"stop", "halt", "end", "block"}
NEGATING_VERBS = {"deny", "fail", "refuse", "decline", "avoid", "reject", "prevent", "thwart", "foil", "cancel", "abandon", "forgo", "forego", "refrain"}
MODALS = {"may", "might", "could", "would", "will", "shall", "should", "must", "can", "'ll", "'d", "wo", "ca"}
# Embedding verbs whose complement has not happened (yet).
INTENT_VERBS = {
    "threaten", "plan", "intend", "vow", "promise", "pledge", "want", "seek", "aim", "prepare", "hope", "expect",
    "propose", "consider", "offer", "agree", "call", "urge", "demand", "ask", "request", "warn",
    "schedule", "set", "due", "likely", "ready", "willing", "wish", "mull", "weigh", "push", "press", "appeal",
    "order", "vote", "insist", "recommend", "suggest", "advocate", "need", "about", "poise", "going",
    "persuade", "convince", "encourage", "pressure", "lobby", "invite",
    "await", "anticipate",  # what is awaited has not happened: "as they await trial"
}
# Directives and leave: what someone is told or allowed to do is not yet done ("was instructed to reach a
# deal"); only their infinitive is ("told reporters that police fired" reports the firing)
DIRECTIVE_VERBS = {"instruct", "direct", "tell", "authorize", "authorise", "mandate", "task", "commission", "permit",
                   "allow"}
INTENT_NOUNS = {"call", "calls", "demand", "demands", "plan", "plans", "threat", "threats", "proposal", "bid", "appeal", "appeals", "push", "pledge", "promise", "vow", "request", "ultimatum", "warning", "possibility", "prospect", "risk", "fear", "fears",
                "likelihood", "chance", "chances", "danger", "odds", "spectre", "specter"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
# Links by which a clause or phrase is the complement of the word above it.
COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "obj", "pcomp", "pobj", "prep", "acomp", "oprd", "attr", "csubj", "csubjpass", "nsubjpass"}



def clause_chain(trigger: "Token") -> list[tuple["Token", str]]:
    """The trigger and the words that embed it, with the link each was reached by."""
    out = [(trigger, "self")]
    node = trigger
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            break
        dep = node.dep_
        if dep in COMPLEMENT_DEPS or dep == "conj" or (dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)):
            out.append((head, dep))
            node = head
            continue
        if dep in ("advcl", "relcl", "acl", "parataxis", "ROOT", "nsubj", "appos", "npadvmod"):
            out.append((head, dep))
            break
        break
    return out


def _clause_children(tok: "Token"):
    return [c for c in tok.children]


def _negation(chain, cues: list[str]) -> bool:
    """Negation cues on the trigger and on the verbs that embed it; an even number cancels
    out ("did not stop the attack", "failed to prevent the raid": the act happened)."""
    trigger = chain[0][0]
    found: list[str] = []
    stops: list[tuple[int, str]] = []  # "stop"/"halt" under a failure: "failed to stop the attack"
    levels: list[int] = []
    for level, (tok, dep) in enumerate(chain):
        if level > 0 and dep in ("advcl", "relcl", "acl", "parataxis", "ROOT", "nsubj", "appos", "npadvmod"):
            break
        if level > 1 and chain[level - 1][1] == "pobj" and chain[level - 1][0].lower_ not in ("without",):
            # a noun under a preposition: "did not respond to requests" does not negate the requests
            break
        if level > 0 and dep == "conj":
            # "did not attack or arrest" shares the negation; "did not attack but arrested" does not
            cc = {c.lower_ for c in chain[level - 1][0].children if c.dep_ == "cc"} | {c.lower_ for c in tok.children if c.dep_ == "cc"}
            if not cc & {"or", "nor"}:
                continue
        before = len(found)
        for c in tok.children:
            if c.dep_ == "neg" or (c.lower_ in ("never",) and c.dep_ in ("neg", "advmod")):
                found.append(c.text)
            elif c.dep_ == "det" and c.lower_ == "no" and (level == 0 or c.head.i == trigger.i):
                found.append(c.text)
        if level > 0 and lemma_of(tok) in NEGATING_VERBS and dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"):
            found.append(tok.text)
        if level > 0 and lemma_of(tok) in STOPPING_VERBS and dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"):
            stops.append((level, tok.text))
        if level > 0 and tok.lower_ == "without":
            found.append(tok.text)
        levels.extend([level] * (len(found) - before))
    # "without Israel halting settlement": the parser hangs "without" and the gerund's subject on the
    # gerund itself; what is done "without" has not been done
    if trigger.tag_ == "VBG" and any(c.dep_ == "prep" and c.lower_ == "without" and c.i < trigger.i
                                     for c in trigger.children):
        found.append("without")
    # "no one was arrested", "nobody was hurt", "there was no attack"
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (c.lower_ in NEGATIVE_QUANTIFIERS or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            found.append(c.text)
    # a stopping verb negates only when it is itself negated or failed from above
    for level, word in stops:
        if any(lv >= level for lv in levels):
            found.append(word)
    cues.extend(found)
    return len(found) % 2 == 1


# Words that make an event noun a plan or a fear, not a happening: "planned rallies", "a possible strike"
PLAN_ADJECTIVES = {"planned", "proposed", "upcoming", "expected", "scheduled", "possible", "potential", "future",
                   "threatened", "intended", "anticipated", "promised", "rumoured", "rumored", "feared",
                   "prospective", "imminent", "looming", "mooted", "would-be"}


# Verbs of going and sending: their purpose ("flew to Cairo to meet Mubarak") is what the trip was for
# and what the article reports as done; the purpose of any other act is only its aim
MOTION_VERBS = {"go", "come", "travel", "fly", "arrive", "return", "visit", "send", "dispatch", "head", "gather",
                "assemble", "march", "rally", "meet", "converge", "take", "use", "deploy", "mobilize", "mobilise",
                "fire", "sit", "stage", "hold", "turn", "move"}
# Nouns of a trip: the infinitive on one that is made ("paying visits to their homes to protest the bonuses",
# the noun a verb's object) is what the trip was made to do, done by making it, like the purpose of a
# verb of going ("his visit to present the plan", under an intent, is not)
TRIP_NOUNS = {"visit", "trip", "journey", "tour", "march", "drive", "ride", "procession", "convoy"}
# Determiners and possessives that make an event noun one particular happening ("the attack would be ...")
DEFINITE_DETS = {"the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"}


def _purpose(trigger: "Token", cues: list[str]) -> bool:
    """"Reopened the road to allow residents in", "missiles there to intercept ...": the purpose of an
    act is an aim, not a second act (a trip's purpose, "flew to Cairo to meet", is the trip's point)."""
    if trigger.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    if any(c.dep_ in ("nsubj", "mark") and c.lower_ not in ("in", "order", "so") for c in trigger.children):
        return False  # "for them to ..." / a clause with its own subject or subordinator
    if lemma_of(trigger.head) in MOTION_VERBS or any(c.dep_ == "dobj" and lemma_of(c) in TRIP_NOUNS
                                                      for c in trigger.head.children):
        return False  # "flew to Cairo to meet ...", "paid visits to their homes to protest ..."
    cues.append(f"to {trigger.text}")
    return True


def _asked(trigger: "Token", cues: list[str]) -> bool:
    """In a question ("Why do you say it is approved?", "Did police fire first?"): asked, not asserted.
    The question is the stretch of the sentence around the trigger up to the next end mark."""
    sent = trigger.sent
    for t in sent.doc[trigger.i:sent.end]:
        if t.text in (".", "!"):
            return False
        if t.text == "?":
            cues.append("?")
            return True
    return False


def _generic_subject_of_modal(chain, cues: list[str]) -> bool:
    """"Tacit agreement to do nothing would be dangerous", "the cost of withholding aid might be high":
    an event noun with no determiner that makes it one happening, in the subject of a modal clause,
    is an act considered, not one reported ("the attack would be the deadliest" is a real attack); any
    event noun, definite too, in the subject of a counterfactual ("the release would have created a
    headache") did not happen."""
    trigger, (head, dep) = chain[0][0], chain[-1]
    if dep not in ("nsubj", "nsubjpass", "csubj") or trigger.pos_ != "NOUN":
        return False
    counterfactual = next((c for c in head.children if c.dep_ == "aux" and c.tag_ == "MD"
                           and c.lower_ in ("would", "could", "might", "'d")), None)
    if counterfactual is not None and any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children):
        cues.append(f"{counterfactual.text} have")
        return True  # "the release of the prisoners would have created a headache": it did not happen
    if any(c.dep_ in ("det", "poss", "predet") and (c.lower_ in DEFINITE_DETS or c.dep_ == "poss") for c in trigger.children):
        return False
    modal = next((c for c in head.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in MODALS - {"will", "'ll"}), None)
    if modal is None:
        return False
    cues.append(modal.text)
    return True


# Verbs that state what one thing brings about: "a refusal means isolation", "a strike would cost ..."
CONSEQUENCE_VERBS = {"mean", "entail", "spell", "imply", "cost", "risk", "trigger", "invite", "require"}


def _generic_condition(chain, cues: list[str]) -> bool:
    """"A refusal to adopt the plan means freezing ties": an event noun with an indefinite article or
    none, as the subject of a verb of consequence in the present, is a condition put, not an act reported
    ("the refusal means ..." speaks of one that happened)."""
    trigger, (head, dep) = chain[0][0], chain[-1]
    if dep != "nsubj" or trigger.pos_ != "NOUN" or lemma_of(head) not in CONSEQUENCE_VERBS:
        return False
    if head.tag_ not in ("VBZ", "VBP", "VB"):
        return False
    if any(c.dep_ == "poss" or c.dep_ in ("det", "predet") and c.lower_ not in ("a", "an", "any", "every")
           for c in trigger.children):
        return False
    cues.append(head.text)
    return True


def _condition(clause: "Token") -> str | None:
    """The conditional subordinator of an adverbial clause ("if", "unless"; not "even if": that concedes)."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")), None)
    if mark is None or any(c.lower_ == "even" for c in list(mark.children) + list(clause.children)):
        return None
    return mark.text


def _hypothetical(chain, cues: list[str]) -> bool:
    trigger = chain[0][0]
    if trigger.pos_ in ("NOUN", "PROPN"):
        plan = next((c for c in trigger.children if c.dep_ in ("amod", "compound") and c.lower_ in PLAN_ADJECTIVES), None)
        if plan is not None:
            cues.append(plan.text)
            return True
    if _purpose(trigger, cues) or _generic_subject_of_modal(chain, cues) or _generic_condition(chain, cues) \
            or _asked(trigger, cues):
        return True
    for level, (tok, dep) in enumerate(chain):
        if level > 0 and dep in ("relcl", "acl", "parataxis", "ROOT", "nsubj", "appos", "npadvmod"):
            break
        if level > 0 and dep == "advcl":
            break
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or lemma_of(c) in MODALS) and c.tag_ == "MD":
                cues.append(c.text)
                return True
            if c.dep_ == "aux" and c.lower_ == "going" and level == 0:
                cues.append(c.text)
                return True
            # an infinitive on a noun: "the authority to order", "plans to attack"
            if c.dep_ == "aux" and c.lower_ == "to" and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") \
                    and not (lemma_of(tok.head) in TRIP_NOUNS and tok.head.dep_ == "dobj"):
                cues.append(f"{tok.head.text} to")
                return True
            # "if they attack", "unless the demands are met" on the trigger's clause
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS and tok.dep_ == "advcl":
                cues.append(c.text)
                return True
            # the consequence of a condition: "if the south secedes, we are ready to accept it"
            if c.dep_ == "advcl" and _condition(c):
                cues.append(_condition(c))
                return True
        if level > 0 and dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acomp", "advcl", "csubj"):
            lem = lemma_of(tok)
            called_off = lem == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children)
            below = chain[level - 1][0]
            if lem in DIRECTIVE_VERBS and dep == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children):
                cues.append(tok.text)
                return True
            if not called_off and (lem in INTENT_VERBS and tok.pos_ in ("VERB", "ADJ", "AUX", "ADP") or (tok.lower_ in INTENT_NOUNS and tok.pos_ == "NOUN")):
                # "agreed", "called", "ordered" only embed a future act through a complement clause
                cues.append(tok.text)
                return True
        if level > 0 and tok.lower_ == "for" and dep == "pobj" and lemma_of(tok.head) in ("call", "push", "appeal", "press", "campaign", "demand", "plan", "ask", "pray", "hope"):
            cues.append(f"{tok.head.text} {tok.text}")
            return True
    # the trigger inside a conditional clause, one level up
    node = trigger
    for _ in range(3):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            cues.append(next(c.text for c in node.children if c.dep_ == "mark"))
            return True
        if node.dep_ in ("conj", "xcomp", "dobj", "ccomp"):
            node = node.head
            continue
        break
    return False


def _not_done_instead(trigger: "Token", cues: list[str]) -> bool:
    """What was not done: "too paranoid to accept", "rather than cancelling it", "instead of
    arresting them" (the act named is the one that did not happen)."""
    if trigger.dep_ == "xcomp" and trigger.head.pos_ in ("ADJ", "ADV") and any(
            c.dep_ == "advmod" and c.lower_ == "too" for c in trigger.head.children):
        cues.append(f"too {trigger.head.text} to")
        return True
    link = trigger.head if trigger.dep_ in ("pcomp", "pobj", "conj") else None
    if link is not None and link.lower_ in ("than", "of") and any(
            c.dep_ == "advmod" and c.lower_ in ("rather", "instead") for c in link.children):
        cues.append(f"{next(c.text for c in link.children if c.dep_ == 'advmod')} {link.text}")
        return True
    if trigger.dep_ == "conj" and any(c.lower_ == "than" and any(g.lower_ == "rather" for g in c.children)
                                      for c in trigger.head.children):
        cues.append("rather than")  # "chose to negotiate rather than attack"
        return True
    return False


# Verbs whose "that"-clause is taken as true whatever is said of the verb: "we must not forget that
# Hamas seized power", "he did not know that troops had fired" (the seizure, the firing happened)
# (only verbs whose own negation keeps the clause true: "did not find that police fired" leaves it open)
FACTIVE_VERBS = {"forget", "know", "remember", "regret", "realise", "realize", "recall", "notice", "ignore",
                 "overlook", "deplore", "lament", "resent"}


def _factive_scope(chain: list[tuple["Token", str]]) -> list[tuple["Token", str]]:
    """The chain up to a factive verb whose finite clause holds the trigger: the negation or modal on
    "must not forget" is about remembering, not about what the clause says happened."""
    for level in range(1, len(chain)):
        tok, dep = chain[level]
        below = chain[level - 1][0]
        if dep == "ccomp" and lemma_of(tok) in FACTIVE_VERBS and below.pos_ in ("VERB", "AUX") and (
                below.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP")
                                                          for c in below.children)):
            return chain[:level]
    return chain


# Words that refuse by themselves: "did not reject the offer" negates a refusal ("will not accept" is one)
REFUSING_VERBS = NEGATING_VERBS | {"reject", "refuse", "deny", "decline", "dismiss", "oppose", "veto", "rebuff",
                                   "spurn", "boycott", "resist", "defy", "rule", "renounce", "repudiate", "condemn"}
# Modals with which a refusal is made now, by saying it: "will not accept", "cannot accept", "won't sign"
REFUSAL_MODALS = {"will", "'ll", "wo", "would", "can", "ca", "shall"}


def _refusal(trigger: "Token") -> "Token | None":
    """The negation that makes a refusal of a verb of assent ("Iran will not accept any limits", "we won't
    sign"): the event coded from it is the REJECT itself, neither negated nor only a plan."""
    if lemma_of(trigger) in REFUSING_VERBS or trigger.pos_ not in ("VERB", "AUX"):
        return None
    if trigger.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
        return None  # "even when one doesn't agree with it": a circumstance, not a refusal made
    if any(c.dep_ == "nsubj" and c.lower_ in ("one", "you") for c in trigger.children):
        return None  # what anyone would do
    if any(c.dep_ in ("advmod", "dobj", "npadvmod") and c.lower_ in ("more", "less") for c in trigger.children):
        return None  # "I cannot agree more": full agreement
    # said now: with a modal of will or ability, or in the present ("does not accept"); "has not ratified"
    # is a standing state, not a refusal made
    now = any(c.dep_ == "aux" and (c.tag_ == "MD" and c.lower_ in REFUSAL_MODALS or lemma_of(c) == "do" and c.tag_ in ("VBZ", "VBP"))
              for c in trigger.children)
    return next((c for c in trigger.children if c.dep_ == "neg"), None) if now else None


def find_modifiers(ann: "Annotations", sent: "SpacySpan", trigger: "Token", event_type: str | None = None) -> Modifiers:
    """Negation, hypothetical/future and attribution of the event triggered by `trigger` (coded as
    `event_type`: a REJECT coded from a negated verb of assent is not negated by that negation)."""
    mods = Modifiers()
    chain = clause_chain(trigger)
    scope = _factive_scope(chain)
    refusal = _refusal(trigger) if event_type == "REJECT" else None
    mods.negated = _negation(scope, mods.cues) or _not_done_instead(trigger, mods.cues)
    if refusal is not None and mods.negated:
        mods.negated = False  # the "not" of "will not accept" is the refusal, the act reported
    hypothetical_cues: list[str] = []
    mods.hypothetical = _hypothetical(scope, hypothetical_cues)
    modal = next((c for c in trigger.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if refusal is not None and mods.hypothetical and modal is not None and modal.lower_ in REFUSAL_MODALS \
            and hypothetical_cues == [modal.text]:
        mods.hypothetical = False  # "will not accept": refused now, in so saying
    else:
        mods.cues.extend(hypothetical_cues)
    found = attribution_of(ann, sent, chain)
    if found is not None:
        mods.attributed_to, mods.attributed_span, mods.attributed_actor = found
    return mods
