"""ACLED event type and sub-event type of a coded event: `acled_for`.

The PLOVER type and mode give the default (ontology.acled_default); the sentence's own
cues decide the sub-event: aircraft, artillery, IEDs, grenades, suicide attacks,
abductions, tear gas and killed protesters, armed or civilian recipients, territory
taken or retaken. The cue word lists are data beside this module
(data/acled_words.yaml); this module holds the decisions.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

import yaml

from chronicle.events.ontology import acled_default
from chronicle.events.sentence import CodedEvent, SentenceView, lemma_of, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _word_lists() -> dict[str, list[str] | dict[str, str]]:
    with resources.files("chronicle.events").joinpath("data/acled_words.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_WORDS = _word_lists()
# the ACLED sub-event of the PLOVER modes that name a weapon ("aerial" -> Air/drone strike)
MODE_SUB_EVENT: dict[str, str] = dict(_WORDS["MODE_SUB_EVENT"])
SUSPICION: set[str] = set(_WORDS["SUSPICION"])
AIR: set[str] = set(_WORDS["AIR"])
SHELLING: set[str] = set(_WORDS["SHELLING"])
IED: set[str] = set(_WORDS["IED"])
MINE_SET_OFF: set[str] = set(_WORDS["MINE_SET_OFF"])
GRENADE: set[str] = set(_WORDS["GRENADE"])
SUICIDE: set[str] = set(_WORDS["SUICIDE"])
SELF_KILLED: set[str] = set(_WORDS["SELF_KILLED"])
ABDUCT: set[str] = set(_WORDS["ABDUCT"])
SEXUAL: set[str] = set(_WORDS["SEXUAL"])
CROWD_FORCE: set[str] = set(_WORDS["CROWD_FORCE"])
LETHAL: set[str] = set(_WORDS["LETHAL"])
PROTEST_WORDS: set[str] = set(_WORDS["PROTEST_WORDS"])
VIOLENT_PROTEST: set[str] = set(_WORDS["VIOLENT_PROTEST"])
DEMONSTRATION_ACTS: set[str] = set(_WORDS["DEMONSTRATION_ACTS"])
MOB: set[str] = set(_WORDS["MOB"])
ARMED: set[str] = set(_WORDS["ARMED"])
CIVILIAN: set[str] = set(_WORDS["CIVILIAN"])
TWO_SIDED: set[str] = set(_WORDS["TWO_SIDED"])
REGAIN: set[str] = set(_WORDS["REGAIN"])
OVERTAKE: set[str] = set(_WORDS["OVERTAKE"])
RIOTER_SUBJECTS: set[str] = set(_WORDS["RIOTER_SUBJECTS"])
STRONG_RIOT: set[str] = set(_WORDS["STRONG_RIOT"])
DISAPPEARED: set[str] = set(_WORDS["DISAPPEARED"])
GROUP_CHANGE: set[str] = set(_WORDS["GROUP_CHANGE"])
STATE_FORCES: set[str] = set(_WORDS["STATE_FORCES"])
NONSTATE: set[str] = set(_WORDS["NONSTATE"])
WEAPON_CACHE: set[str] = set(_WORDS["WEAPON_CACHE"])
DISRUPT: set[str] = set(_WORDS["DISRUPT"])
DISRUPT_NEEDS_WEAPON: set[str] = set(_WORDS["DISRUPT_NEEDS_WEAPON"])
PRIMITIVE: set[str] = set(_WORDS["PRIMITIVE"])
GRIEVANCE_VERBS: set[str] = set(_WORDS["GRIEVANCE_VERBS"])
LOOT_DESTROY: set[str] = set(_WORDS["LOOT_DESTROY"])
AGREEMENT: set[str] = set(_WORDS["AGREEMENT"])
TERRITORY: set[str] = set(_WORDS["TERRITORY"])
AGREED_VERBS: set[str] = set(_WORDS["AGREED_VERBS"])
CAPTURE_VERBS: set[str] = set(_WORDS["CAPTURE_VERBS"])
PRONOUNS: set[str] = set(_WORDS["PRONOUNS"])
COUNTERFACTUAL: set[str] = set(_WORDS["COUNTERFACTUAL"])
FIGHTING_BACK: set[str] = set(_WORDS["FIGHTING_BACK"])
DETAINEES: set[str] = set(_WORDS["DETAINEES"])


def instrument_words(ev: "CodedEvent") -> set[str]:
    """Lemmas naming how an attack was done: its trigger words, its doer, its 'with'/'by' phrase."""
    words: set[str] = set()
    for trig in [ev.trigger, *ev.content]:
        doc = trig.head.doc
        words |= {lemma_of(t) for t in doc[trig.start:trig.end]}
        hosts = [trig.head]
        if trig.head.dep_ in ("dobj", "nsubjpass") and trig.head.head.pos_ == "VERB":
            hosts.append(trig.head.head)  # "helicopters dropped barrel bombs": the verb's doer
        for child in (c for h in hosts for c in h.children):
            if child.dep_ in ("nsubj", "agent", "compound") or (child.dep_ == "prep" and child.lower_ in ("with", "by")):
                sub = list(child.subtree)
                words |= {lemma_of(t) for t in sub} | {f"{lemma_of(a)} {lemma_of(b)}" for a, b in zip(sub, sub[1:])}
        # the weapon's own modifiers ("a guided bomb", "a barrel bomb")
        words |= {f"{lemma_of(c)} {lemma_of(trig.head)}" for c in trig.head.children if c.dep_ in ("amod", "compound")}
    return words


def cue_set(sent: "Span", view: SentenceView | None = None) -> set[str]:
    """Lower-cased lemmas, words and adjacent lemma pairs of a sentence: what the ACLED cues match."""
    # adjectival participles ("the detained leader") describe, they do not report an action; the topic
    # of a protest ("against the arrest of ...") and a suspicion ("a man suspected of kidnapping") are
    # not what happened here
    view = view if view is not None else SentenceView(sent)
    skip: set[int] = set()
    kept: list[tuple[str, str, bool]] = []  # (lemma, lower-cased word, is a stop word) of the tokens that count
    for t, lem in zip(view.tokens, view.lemmas):
        dep = t.dep_
        if dep == "prep":
            low = t.lower_
            topic = low in ("against", "over", "about") and lemma_of(t.head) in PROTEST_WORDS | {"demonstrate"}
            if topic or low in ("after", "following", "ahead", "before"):
                skip.update(x.i for x in t.subtree)
        elif dep == "advmod" and t.lower_ == "ahead":
            skip.update(x.i for x in t.subtree)  # "ahead of a planned rally": what has not happened yet
        elif dep in ("acl", "amod", "relcl") and lem in SUSPICION:
            skip.update(x.i for x in t.subtree)
        elif dep in ("advcl", "acl", "xcomp", "conj") and lem in GRIEVANCE_VERBS:
            # what a side clause accuses someone of is the grievance, not this event; the verb stays
            skip.update(x.i for c in t.children if c.dep_ in ("prep", "dobj", "ccomp", "xcomp") for x in c.subtree)
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in COUNTERFACTUAL for c in t.children):
            # "such a visit would have sparked a riot": what would (could, might) happen did not; the
            # verb's objects are skipped, the clauses it governs (where this event may be) are not
            skip.update(x.i for c in t.children if c.dep_ in ("dobj", "attr", "oprd") for x in c.subtree)
    forced = _force_on_crowd(view)
    for t, lem in zip(view.tokens, view.lemmas):
        if t.i in skip or (t.dep_ == "amod" and t.tag_ == "VBN"):
            continue
        if lem == "riot" and t.dep_ in ("compound", "amod", "nmod"):
            lem = "riot-unit"  # "riot police", "anti-riot units": who intervenes, not a riot
        elif t.i in forced:
            lem = "crowd-force"  # "police smashed the march": force used on demonstrators, not their violence
        kept.append((lem, t.lower_ if lem not in ("riot-unit", "crowd-force") else lem, t.is_stop))
    cues = {lem for lem, _, _ in kept} | {low for _, low, _ in kept}
    cues |= {f"{a[0]} {b[0]}" for a, b in zip(kept, kept[1:])}
    cues |= {f"{a[0]} {c[0]}" for a, b, c in zip(kept, kept[1:], kept[2:]) if b[2]}
    return cues


def _subject_words(verb: "Token") -> set[str]:
    """Lemmas of who does a verb's act: its subject, the agent of a passive, the noun a relative
    clause's pronoun stands for ("riot police, who smashed the march")."""
    words: set[str] = set()
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                c = verb.head
            words |= {lemma_of(g) for g in c.subtree if g.i < verb.i or g.i == c.i}
        elif c.dep_ == "agent":
            words |= {lemma_of(g) for g in c.subtree}
    return words


def _force_on_crowd(view: SentenceView) -> set[int]:
    """Positions of violent verbs done by state or armed forces to demonstrators or their protest
    ("police smashed the march", "a rally broken up by soldiers"): the words that describe a
    riot when demonstrators do them are the intervention of the codebook when done to them."""
    out: set[int] = set()
    for t, lem in zip(view.tokens, view.lemmas):
        if t.pos_ != "VERB" or lem not in STRONG_RIOT | VIOLENT_PROTEST | {"crush", "break", "storm", "raid"}:
            continue
        patients = {lemma_of(g) for c in t.children if c.dep_ in ("dobj", "nsubjpass")
                    for g in ([t.head] if c.lower_ in ("which", "that") and t.dep_ == "relcl" else c.subtree)}
        if patients & (PROTEST_WORDS - {"strike", "riot", "rioter"}) and _subject_words(t) & ARMED:
            out.add(t.i)
    return out


def _fired_back(tok: "Token") -> bool:
    """Whether the people an attack was aimed at were themselves shooting or attacking (a clause
    on them says so: "two men who opened fire on officers"): a fight between armed sides."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            for r in (r for r in c.children if r.dep_ in ("relcl", "acl")):
                if {lemma_of(g) for g in r.subtree if g.pos_ == "VERB"} & FIGHTING_BACK:
                    return True
    return False


def _burned_by_itself(tok: "Token", subjects: set[str]) -> bool:
    """Whether a destruction has no doer: an active verb with no object whose subject is the
    thing destroyed ("a factory and six warehouses burned"), not a person or a group."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in tok.children):
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return bool(subj) and not subjects & (ARMED | NONSTATE | MOB | RIOTER_SUBJECTS | CIVILIAN | PRONOUNS | {"who"}) and \
        not any(g.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for c in subj for g in c.subtree)


def _recipient_words(tok: "Token") -> set[str]:
    """Lemmas of who an attack is aimed at: objects, passive subjects, 'on'/'against' objects."""
    words: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            words |= {lemma_of(t) for t in child.subtree}
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "with"):
            words |= {lemma_of(t) for t in child.subtree}
    if tok.dep_ in ("dobj", "pobj", "nsubj") and tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "of"):
                words |= {lemma_of(t) for t in child.subtree}
    return words


# Words that say force on a crowd killed or was lethal: the codebook's excessive force against protesters
DEADLY_FORCE = frozenset({"kill", "dead", "death", "shoot", "live ammunition", "live fire", "die"})


def _protest_sub_type(t: str, mode: str | None, has) -> tuple[str, str] | None:
    """A protest (or force used on a crowd) where the sentence is about a protest: violent, put
    down, met with lethal force or peaceful, by the codebook's order; None outside a protest."""
    protest_context = t == "PROTEST" or has(PROTEST_WORDS)
    if protest_context:
        if mode == "riot" or has(STRONG_RIOT):
            return "Riots", "Violent demonstration"
        crowd_control = t == "ASSAULT"  # force used on a crowd (tear gas, warning shots, batons)
        if has(LETHAL) and has(ARMED | {"security"}) and (has(CROWD_FORCE) or t == "ASSAULT" or has({"fire", "open fire", "shoot"})):
            if has(DEADLY_FORCE):
                return "Protests", "Excessive force against protesters"
        if has({"clash"}):
            return "Riots", "Violent demonstration"  # demonstrators clashing with police: the codebook's riot
        if crowd_control or has(CROWD_FORCE) or (has({"police", "security", "troops", "soldier"}) and has({"arrest", "detain", "disperse"})):
            return "Protests", "Protest with intervention"
        if mode == "riot" or has(VIOLENT_PROTEST - {"attack"}):
            return "Riots", "Violent demonstration"
        return "Protests", "Peaceful protest"
    return None


def acled_for(ev: CodedEvent, sent: "Span", cues: set[str] | None = None) -> tuple[str | None, str | None]:
    """ACLED event type and sub-event type of a coded event, from its type/mode and the sentence's cues."""
    cues = cues if cues is not None else cue_set(sent)
    t, mode = ev.type, ev.mode
    has = lambda words: bool(cues & words)  # noqa: E731 - a local shorthand
    if t == "PROTEST" or (t == "ASSAULT" and mode == "crowd-control"):
        coded = _protest_sub_type(t, mode, has)
        if coded:
            return coded
    protest_scene = (has(PROTEST_WORDS - {"strike", "crowd", "march"}) or (has({"crowd"}) and has({"protest", "demonstrate", "rally"}))
                     or has(DEMONSTRATION_ACTS))
    thrown_bombs = has({"petrol bomb", "molotov", "fire bomb", "firebomb"})
    military_means = has(AIR | SHELLING | SUICIDE | {"grenade"}) or (has({"bomb"}) and not thrown_bombs)
    if t in ("ASSAULT", "COERCE") and protest_scene and not military_means:
        rioting = {"rioter", "riot", "stone", "rock", "molotov", "petrol bomb", "torch", "loot", "burn", "throw", "smash",
                   "vandalize", "vandalise", "set fire", "clash"}
        doers = _doers(ev)
        if has(rioting | STRONG_RIOT) and (not doers & (ARMED | NONSTATE) if doers else not has(ARMED - {"police", "security", "force", "forces"})):
            return "Riots", "Violent demonstration"
        if t == "ASSAULT" and has(DEADLY_FORCE):
            return "Protests", "Excessive force against protesters"
        if t == "COERCE" or mode == "crowd-control" or has(CROWD_FORCE):
            return "Protests", "Protest with intervention"
    if t == "ASSAULT":
        target = _recipient_words(ev.trigger.head)
        if _disrupts(has) and _clause_words(ev.trigger.head) & DISRUPT:
            return "Strategic developments", "Disrupted weapons use"  # "police safely detonated the bomb"
        taken = _taken_territory(ev)
        if taken:
            # "rebels seized the town": the capture is the event, whatever weapons the sentence names;
            # who gains the place decides the type (rebels "recapturing" a village overtake it), the
            # verb only when the doer is not known as either side
            return _territory_type(_doers(ev) or _clause_subject(ev.trigger.head), taken)
        if (mode in ("destroy", None) and target & (WEAPON_CACHE | {"explosives", "workshop"}) and not has(LETHAL)
                and not instrument_words(ev) & (AIR | SHELLING)):
            # destroying the other side's weapons; by aircraft or artillery it is that strike (the means decides)
            return "Strategic developments", "Disrupted weapons use"
        if has(SUICIDE) or (has(SELF_KILLED) and has(IED - {"mine"})):
            # the attacker killed by their own explosives: the codebook's suicide bomb
            return "Explosions/Remote violence", "Suicide bomb"
        # the means named by the event itself (its words, its doer, its instrument) before the sentence's
        local = instrument_words(ev)
        if local & AIR:
            return "Explosions/Remote violence", "Air/drone strike"
        if mode in MODE_SUB_EVENT:
            return "Explosions/Remote violence", MODE_SUB_EVENT[mode]
        if mode == "crowd-control":
            return "Protests", "Protest with intervention"  # tear gas and water cannon are used on crowds
        if mode in ("aerial", "drone") or has(AIR):
            return "Explosions/Remote violence", "Air/drone strike"
        if has(GRENADE):
            return "Explosions/Remote violence", "Grenade"
        if mode == "heavy-weapons" or has(SHELLING):
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if mode == "explosives" or has(IED - {"blast", "mine"}) or (has({"mine"}) and has(MINE_SET_OFF)):
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if mode == "abduct" or has(ABDUCT):
            return "Violence against civilians", "Abduction/forced disappearance"
        if mode == "sexual" or has(SEXUAL):
            return "Violence against civilians", "Sexual violence"
        capture = next(((t, d) for t in sent if not any(c.tag_ == "TO" for c in t.children) for d in [_place_taken(t)] if d),
                       None)
        if capture:
            # another verb of the sentence takes the place ("clashing with insurgents and capturing a
            # village"): whoever does it gains the place; an attempt "to capture" it takes nothing
            return _territory_type(_clause_subject(capture[0]), capture[1])
        if lemma_of(ev.trigger.head) in REGAIN | OVERTAKE and has(TERRITORY) and _doers(ev) & (STATE_FORCES | NONSTATE):
            # the event's verb takes a place the tagger did not name as one ("the group recaptured
            # Palmyra" read as a person): its doer still decides who gained it
            return _territory_type(_doers(ev), "regain" if lemma_of(ev.trigger.head) in REGAIN else "overtake")
        if has(REGAIN) and has(TERRITORY):
            return "Battles", "Government regains territory"
        if has(OVERTAKE) and has(TERRITORY) and has(NONSTATE):
            return "Battles", "Non-state actor overtakes territory"
        subjects = _doers(ev)
        if subjects & RIOTER_SUBJECTS and not subjects & (ARMED | NONSTATE) - {"group"} and not target & ARMED - {"police", "security"}:
            return "Riots", "Violent demonstration"  # supporters storming an office, students fighting the police
        unarmed_side = subjects and not subjects & (ARMED | NONSTATE | {"gunman", "bandit", "gang", "looter"}) - {"group"}
        if unarmed_side and target & {"police", "security", "policeman", "officer"}:
            return "Riots", "Violent demonstration"  # civilians fighting the police: rioters, not a mob
        if mode == "mob" or (subjects & MOB and not subjects & (ARMED | NONSTATE | {"herder", "gunman", "bandit"}) - {"group"}):
            return "Riots", "Mob violence"
        if mode == "destroy" and not has(LETHAL):
            if _burned_by_itself(ev.trigger.head, subjects):
                return None, None  # "a warehouse burned in a fire": harm with no doer is no political violence
            if (subjects & MOB or has({"mob", "crowd"})) and not has(ARMED):
                return "Riots", "Mob violence"  # a crowd burning houses
            return "Strategic developments", "Looting/property destruction"  # arson, looting, razing
        if target & CIVILIAN and _fired_back(ev.trigger.head):
            return "Battles", "Armed clash"  # "police shot two men who had opened fire on them": both sides armed
        if has(TWO_SIDED) or mode == "clash":
            if not (target & CIVILIAN) or (target & ARMED):
                return "Battles", "Armed clash"
        if target & ARMED and not target & CIVILIAN and has(ARMED - {"police", "security"} - target):
            # two armed sides: one named besides the target ("a policeman was shot dead" names one)
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if t == "COERCE":
        return _coercion(ev, mode, has)
    if t in ("AGREE", "SUPPORT", "RETREAT", "CONCEDE") and has(AGREEMENT) and has({"sign", "agree", "reach", "agreement", "deal", "accord", "ink", "conclude", "broker", "accept"}):
        return "Strategic developments", "Agreement"
    if t in ("COOPERATE", "MOBILIZE", "AGREE") and has(GROUP_CHANGE) and _group_doers(ev) & (NONSTATE | ARMED | {"faction", "movement"}):
        return "Strategic developments", "Change to group/activity"  # armed groups merging or splitting
    if t == "AGREE":
        # ACLED records agreements reached, not promises, offers or plans to meet
        if lemma_of(ev.trigger.head) in AGREED_VERBS and not ev.framed:
            return "Strategic developments", "Agreement"
        return None, None
    if t == "RETREAT" and object_words(ev.trigger.head) & TERRITORY:
        return "Strategic developments", "Non-violent transfer of territory"  # "handed over the town"
    if t == "RETREAT" and mode == "withdraw" and not has(TERRITORY):
        return "Strategic developments", "Other"
    return acled_default(t, mode)


def _coercion(ev: CodedEvent, mode: str | None, has) -> tuple[str | None, str | None]:
    """ACLED type and sub-type of a COERCE event: dispersals, seizures, arrests, looting."""
    if lemma_of(ev.trigger.head) in ("break", "scatter", "disperse"):
        return "Protests", "Protest with intervention"  # a crowd dispersed (the object was checked upstream)
    if _disrupts(has) or (mode == "seize" and has(WEAPON_CACHE)):
        return "Strategic developments", "Disrupted weapons use"
    if mode == "arrest":
        if has(DISAPPEARED):
            return "Violence against civilians", "Abduction/forced disappearance"  # detained, then not seen again
        return "Strategic developments", "Arrests"
    seized = object_words(ev.trigger.head)
    if mode == "seize" and not has(LOOT_DESTROY) and seized & (ARMED | NONSTATE | CIVILIAN | DETAINEES):
        # people seized or intercepted are detained, not looted: members of an armed group or suspects
        # are an arrest; migrants or travellers stopped at a border are no ACLED event
        return ("Strategic developments", "Arrests") if seized & (ARMED | NONSTATE | DETAINEES) else (None, None)
    subjects = _doers(ev)
    if has(LOOT_DESTROY) and subjects and not subjects & (ARMED | NONSTATE | {"gunman", "looter"}) - {"group"}:
        # burning and looting by people who are no armed group: a riot
        if subjects & RIOTER_SUBJECTS:
            return "Riots", "Violent demonstration"
        if subjects & MOB:
            return "Riots", "Mob violence"
    if has(LOOT_DESTROY):
        return "Strategic developments", "Looting/property destruction"
    return acled_default("COERCE", mode)


def _disrupts(has) -> bool:
    """Whether the sentence reports an attack prevented or a weapon stopped: a bomb defused, a
    missile intercepted ("intercepted" alone may be migrants, "neutralised" gunmen)."""
    return has(DISRUPT - DISRUPT_NEEDS_WEAPON) or (has(DISRUPT_NEEDS_WEAPON) and has(WEAPON_CACHE))


def _clause_words(tok: "Token") -> set[str]:
    """Lemmas and lemma pairs of the trigger's own clause (its governing verb for a noun), without
    relative and adverbial side clauses ("missiles, most of which were shot down")."""
    root = tok.head if tok.dep_ in ("dobj", "nsubjpass", "pobj") and tok.head.pos_ in ("VERB", "ADP") else tok
    if root.pos_ == "ADP":
        root = root.head
    toks: list = []
    stack = [root]
    while stack:
        cur = stack.pop()
        toks.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in ("relcl", "advcl", "ccomp", "acl", "conj"))
    toks.sort(key=lambda t: t.i)
    lemmas = [lemma_of(t) for t in toks]
    return set(lemmas) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])}


def object_words(tok: "Token") -> set[str]:
    return {lemma_of(g) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
            for g in [c, *(x for x in c.children if x.dep_ in ("compound", "amod"))]} | {
        lemma_of(g) for g in prep_objects(tok, ("of", "from"))}


def _territory_type(doers: set[str], taken: str) -> tuple[str, str]:
    """The territory sub-type of a capture: who gains the place decides. State forces, alone or
    with their affiliates ("the military and allied militias took the town"), regain it; a
    non-state group overtakes it; the verb ("recaptured", "overran") only when neither is known."""
    if doers & STATE_FORCES:
        return "Battles", "Government regains territory"
    if doers & NONSTATE:
        return "Battles", "Non-state actor overtakes territory"
    return "Battles", "Government regains territory" if taken == "regain" else "Non-state actor overtakes territory"


def _clause_subject(tok: "Token") -> set[str]:
    """Lemmas of the subject of a verb, looked up through the clauses it shares its subject with
    ("troops pushed in, clashing with insurgents and capturing a village")."""
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj:
            return {lemma_of(g) for c in subj for g in c.subtree}
        if tok.dep_ not in ("conj", "advcl", "xcomp") or tok.head.i == tok.i:
            break
        tok = tok.head
    return set()


def _taken_territory(ev: CodedEvent) -> str | None:
    """"regain" or "overtake" when the event itself is the capture of a place, else None."""
    return _place_taken(ev.trigger.head)


def _place_taken(tok: "Token") -> str | None:
    """"regain" or "overtake" when the verb takes a place ("seized the town", "took control of
    the port"), else None."""
    lemma = lemma_of(tok)
    takes_over = lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children)
    if not (lemma in REGAIN | OVERTAKE | CAPTURE_VERBS or takes_over):
        return None
    objects = object_words(tok)
    places = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if "control" in objects:  # "took control of the town": the place is the object of "control"
        places += [g for c in places if lemma_of(c) == "control"
                   for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        objects |= {lemma_of(g) for g in places}
    elif lemma in ("take", "gain") and not takes_over:
        return None  # "took part", "gained ground" without control of a place
    place_object = bool(objects & (TERRITORY - {"control"})) or any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in places)
    if not place_object:
        return None
    return "regain" if lemma in REGAIN else "overtake"


def _group_doers(ev: CodedEvent) -> set[str]:
    """The doers, looked up in the reporting clause when the event's own subject is a pronoun
    ("the militant group announced that it had formed an alliance")."""
    doers = _doers(ev)
    tok = ev.trigger.head
    if (not doers or doers <= PRONOUNS) and tok.dep_ in ("ccomp", "xcomp") and tok.head.i != tok.i:
        doers |= {lemma_of(g) for c in tok.head.children if c.dep_ == "nsubj" for g in c.subtree}
    return doers


def _doers(ev: CodedEvent) -> set[str]:
    """Lemmas of the subject of the event's clause (a shared subject for coordinated verbs)."""
    doer = ev.trigger.head
    if doer.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in doer.children):
        doer = doer.head  # "set fire to the office and clashed with police": a shared subject
    subjects = {lemma_of(g) for c in doer.children if c.dep_ == "nsubj" for g in c.subtree}
    if doer.dep_ == "acl" and not any(c.dep_ == "agent" for c in doer.children):
        subjects |= {lemma_of(doer.head)}  # "a crowd set upon two men" parsed as a noun phrase
    if "armed" in subjects and subjects & PRIMITIVE:
        subjects.discard("armed")  # "men armed with sticks": a crowd, not an armed group
    return subjects
