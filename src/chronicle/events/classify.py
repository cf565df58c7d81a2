"""Candidate triggers in a sentence -> coded events (PLOVER type and mode, score).

Rules first, learned model second, because they measure that way (docs/events.md):

1. Each trigger has lexicon senses (detect.py). A learned sentence model
   (TF-IDF + logistic regression trained on the synthetic PLOVER set, see
   train.py) adds `MODEL_WEIGHT * P(type | sentence)` to each sense, which
   decides between the senses of ambiguous words ("strike", "release").
2. The PLOVER rules about frames are applied on the dependency parse:
   * a trigger inside the complement of a request, refusal, threat, promise or
     accusation ("refused to *deploy*", "accused X of *killing*") is that
     event's content, not an event of its own, and sets its mode;
   * cooperative actions in the future or promised ("will *visit*") are
     AGREE, and so are concessions and retreats promised with "will"/"would"
     (THREATEN when held over someone: "will withdraw unless ..."); other
     announced retreats are CONCEDE; hostile actions announced for
     the future are THREATEN; preparing an attack is MOBILIZE;
   * "X said Y must ..." is a REQUEST;
   * participant nouns ("protesters", "gunmen") strengthen the event they
     take part in instead of standing alone;
   * who does an act and to what decides readings the verb leaves open: a
     crowd fighting police or throwing stones riots, a majority blocking a
     bill rejects it, relief handed over is aid (RuleClassifier._refine);
   * acts done by speaking without their usual verb (announced refusals,
     blame, one voice that "protested") are in speech_acts.py, the tense
     and offer frames in frames.py.
3. Sentences about sport, weather, markets or disasters with no political
   participant yield nothing, and words that name an event without reporting
   one ("an attack on press freedom", "these protests showed") are dropped or
   marked (occurrence.py).
4. ACLED event and sub-event types come from the PLOVER type/mode and the
   sentence's own cues (acled.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from chronicle.events.acled import AIR, ARMED, SHELLING, SUSPICION, TERRITORY, acled_for, cue_set
from chronicle.events.detect import Lexicon, Sense, Trigger, detect_triggers, load_lexicon
from chronicle.events.occurrence import (
    ABSTRACT_SEIZED, CIRCUMSTANCE_MARKS, PARTICIPANT_NOUNS, PEOPLE, bare_toll,
    has_political_participant, hazard_subject, in_circumstance, is_negated, is_object_of,
    joined_to_protest, mark_commentary, mode_specificity, not_an_occurrence, sentence_is_political,
    sport_result, under_without, undoes, voiced_by_participants,
)
from chronicle.events.frames import (
    FUTURE_AUX, SPEECH_VERBS, content_mode, is_conditional_threat, is_future, is_prepared, is_willing,
)
from chronicle.events.senses import keeps_people_out
from chronicle.events.sentence import CodedEvent, SentenceView, lemma_of, prep_objects, tree_depth
from chronicle.events.speech_acts import (
    SPEECH_ACT_CUES, announced_refusals, evidence_made_public, speech_blames, voiced_displeasure, voiced_objection,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# How much the learned sentence model's probability adds to a lexicon sense.
MODEL_WEIGHT = 0.35

FRAME_TYPES = {"REQUEST", "REJECT", "THREATEN", "AGREE", "ACCUSE"}
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
# dependency relations along which an event's content hangs from its frame
CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "relcl", "advcl", "attr", "oprd", "compound"}
# prepositions that introduce what a frame is about ("accused of", "call for", "talks on"); others
# ("after the fighting", "following the invasion") set the scene and end the content path
CONTENT_PREPS = {"of", "for", "to", "on", "against", "into", "about", "over", "with", "from", "in"}
# Verbs that put a measure in place: the measure is the event (a state's blockade is coercion).
IMPOSE_VERBS = {"impose", "reimpose", "extend", "tighten", "enforce", "declare", "maintain", "order"}
ACCEPT_VERBS = {"accept", "meet", "grant", "approve", "heed", "satisfy", "allow", "permit", "authorize", "authorise"}
# Things withdrawn that are non-military resources (PLOVER SANCTION withdraw, not RETREAT).
WITHDRAWN_RESOURCES = {"aid", "ambassador", "envoy", "inspector", "observer", "diplomat", "funding", "support",
                       "peacekeeper", "peacekeeping", "monitor", "mission", "staff", "worker", "recognition"}
# What a legislature or government blocks when it refuses something (PLOVER REJECT), not a road
PROPOSALS = {"attempt", "bill", "proposal", "resolution", "measure", "plan", "move", "law", "nomination", "legislation",
             "deal", "vote", "effort", "bid", "appointment", "motion", "amendment", "reform", "request", "initiative",
             "budget", "sale", "merger", "confirmation", "ratification", "treaty", "ban"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
OBLIGATION_AUX = {"must", "should"}
LEGAL_TEXTS = {"bill", "law", "constitution", "rule", "regulation", "provision", "clause", "article", "code",
               "legislation", "statute", "amendment", "treaty", "charter", "act"}
WISH_VERBS = {"hope", "wish", "trust"}
WISH_FORMS = {"hoped", "hopes", "hoping", "wished", "wishes"}  # the lemmatiser reads "hoped" as "hop"
SPEECH_NOUNS = {"reminder", "message", "statement", "note", "letter", "declaration", "announcement"}
LABOUR = {"worker", "union", "teacher", "employee", "wage", "pay", "salary", "nurse", "doctor", "driver", "staff"}
LIGHT_VERBS = {"hold", "stage", "launch", "carry", "conduct", "mount", "organise", "organize", "begin", "start", "make"}
# their inflected forms, for when the lemmatiser misses ("staged" -> "stag")
LIGHT_VERB_FORMS = {"held", "holding", "holds", "staged", "staging", "stages", "launched", "launching", "carried",
                    "conducted", "mounted", "organised", "organized", "began", "begun", "started", "made"}
WEAPON_MODES = {"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "grenade", "unconventional"}
# Triggers whose everyday senses are not political (a striker, a heart attack, a team
# beat its rival, a fire broke out): they need a political participant in the sentence.
AMBIGUOUS_TRIGGERS = {"strike", "attack", "beat", "fire", "shoot", "storm", "clash", "battle", "fight", "hit",
                      "target", "capture", "blast", "explosion", "explode", "burn", "destroy", "march",
                      "rally", "block", "halt", "suspend", "cancel", "end", "freeze", "release", "free", "support",
                      "back", "share", "exchange", "trade", "deliver", "provide", "supply", "fund", "search",
                      "mine", "rocket", "missile", "drill", "station", "offensive"}


def _governor(tok: "Token", heads: dict[int, Trigger], max_hops: int = 4) -> Trigger | None:
    """The nearest trigger that this token's clause hangs from as content."""
    cur = tok
    for _ in range(max_hops):
        if cur.dep_ not in CONTENT_DEPS or cur.head.i == cur.i:
            return None
        if cur.dep_ == "prep" and cur.lower_ not in CONTENT_PREPS:
            return None
        if cur.dep_ in ("advcl", "relcl") and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in cur.children):
            return None
        if cur.dep_ in ("acl", "relcl", "amod") and lemma_of(cur) in SUSPICION:
            return None  # "a man suspected of kidnapping": a suspicion, not part of this event
        cur = cur.head
        if cur.i in heads and heads[cur.i].head.i != tok.i:  # not the light verb of the token's own noun
            return heads[cur.i]
    return None


RELEASE_VERBS = {"free", "release"}


def _orders_release(order: "Token") -> bool:
    """Does an order's clause say to free someone ("... to be freed", "to release them")?"""
    return any(lemma_of(t) in RELEASE_VERBS and t.pos_ == "VERB"
               and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in order.subtree)


def _dated_on_its_own(tok: "Token") -> bool:
    """A time expression among the word's own dependents ("arrested last week", "over the past week")."""
    return any(t.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ in ("npadvmod", "prep", "advmod")
               for t in c.subtree)


# Civilians who, fighting the police, riot rather than wage an armed clash (ACLED: violent demonstration)
CROWD_DOERS = {"supporter", "student", "youth", "resident", "villager", "crowd", "mob", "protester", "demonstrator",
               "protestor", "worker", "fan", "activist", "farmer", "mourner", "rioter"}
POLICE = {"police", "policeman", "riot", "officer", "security", "guard", "gendarme", "gendarmerie"}
SCUFFLE_VERBS = {"fight", "clash", "battle", "scuffle", "brawl", "skirmish"}


def _crowd_against_police(verb: "Token") -> bool:
    """"his supporters fought running battles with police", "students clashed with riot police"."""
    if lemma_of(verb) not in SCUFFLE_VERBS:
        return False
    doers = {lemma_of(c) for c in verb.children if c.dep_ == "nsubj"}
    opponents = {lemma_of(g) for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
                 for g in c.children if g.dep_ == "pobj"}
    opponents |= {lemma_of(c) for c in verb.children if c.dep_ == "dobj"}
    return bool(doers & CROWD_DOERS) and bool(opponents & POLICE or any(
        lemma_of(g) in POLICE for c in verb.children if c.dep_ == "dobj" for p in c.children
        if p.dep_ == "prep" and p.lower_ == "with" for g in p.children))


# verbs that ease a measure without lifting it ("shortened the curfew by an hour")
EASE_VERBS = {"shorten", "ease", "relax", "loosen", "reduce", "scale"}
OBJECTING_VERBS = {"protest", "complain", "object", "disagree"}
STONE_WORDS = {"stone", "rock", "brick", "bottle", "molotov", "petrol"}


def _doers(verb: "Token") -> set[str]:
    """Lemmas of who does the act: its subject, the subject of the verbs it hangs from ("youths
    resorted to throwing stones"), or the noun a participle describes ("youths throwing stones")."""
    found, cur = set(), verb
    for _ in range(3):
        found |= {lemma_of(c) for c in cur.children if c.dep_ == "nsubj"}
        if cur.dep_ in ("acl", "relcl") or cur.head.i == cur.i:
            if cur.dep_ in ("acl", "relcl"):
                found.add(lemma_of(cur.head))
            break
        cur = cur.head
    return found


def _crowd_throws_stones(ev: "CodedEvent") -> bool:
    """Stones or bottles thrown by civilians, or during a demonstration: a riot (ACLED violent
    demonstration), not an armed assault."""
    tok = ev.trigger.head
    thrown = ev.mode == "primitive" and (lemma_of(tok) in ("pelt", "stone") or any(
        lemma_of(c) in STONE_WORDS for c in tok.children if c.dep_ in ("dobj", "prep")) or any(
        lemma_of(t) in STONE_WORDS for t in tok.doc[ev.trigger.start:ev.trigger.end]))
    if not thrown:
        return False
    during_demo = any(c.dep_ == "prep" and c.lower_ in ("during", "at", "in") and any(
        lemma_of(g) in PROTEST_NOUNS for g in c.children) for c in tok.children)
    return bool(_doers(tok) & CROWD_DOERS) or during_demo


PROTEST_NOUNS = {"demonstration", "protest", "rally", "march", "riot", "clash"}


# Goods handed over as relief (PLOVER AID), not captives or territory released
RELIEF_GOODS = {"medicine", "medication", "food", "aid", "supply", "grain", "flour", "rice", "blanket", "tent",
                "water", "fuel", "vaccine", "drug", "relief", "donation", "clothing", "shelter"}


def _hands_over_goods(verb: "Token") -> bool:
    """"handed over medicine", "handed over 500 kg of food": the object (or what a quantity is of)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    return any(lemma_of(o) in RELIEF_GOODS for o in objects)


# What a prison sentence is told in: "to five years in prison", "to life imprisonment", "a jail term"
PRISON_WORDS = {"prison", "jail", "gaol", "imprisonment", "incarceration", "detention", "custody", "penitentiary",
                "term", "life"}


def _to_prison(tok: "Token") -> bool:
    """Does a sentence or conviction send someone to prison: "sentenced to five years in prison",
    "a ten-year jail sentence", "convicted and jailed for life"?"""
    if tok.pos_ == "NOUN":
        return any(lemma_of(c) in PRISON_WORDS for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
    return any(lemma_of(t) in PRISON_WORDS for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
               for t in c.subtree)


class RuleClassifier:
    """Codes the triggers of one sentence; `model_probs` is P(type | sentence) or None."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or load_lexicon()

    def code_sentence(self, sent: "Span", model_probs: dict[str, float] | None = None,
                      triggers: list[Trigger] | None = None, political: bool | None = None,
                      actor_spans: Iterable[tuple[int, int]] = (), view: SentenceView | None = None) -> list[CodedEvent]:
        view = view if view is not None else SentenceView(sent)
        self._view = view
        triggers = detect_triggers(sent, self.lexicon, view.tokens, view.lemmas) if triggers is None else triggers
        probs = model_probs or {}
        if political is None:
            political = sentence_is_political(sent, view=view)
        # a named weapon ("an air strike", "a roadside bomb") or an unambiguous political act
        # ("rioted", "demonstrators") makes the sentence political by itself
        political = political or any(
            s.mode in WEAPON_MODES or (s.weight >= 0.75 and s.type in ("PROTEST", "COERCE", "ASSAULT")
                                       and lemma_of(t.head) not in AMBIGUOUS_TRIGGERS)
            for t in triggers for s in t.senses)
        heads = {t.head.i: t for t in triggers}
        self._own_heads = set(heads)
        # "held a sit-in to demand ...": a light verb carries its event noun's clauses
        for t in triggers:
            verb = t.head.head
            if t.head.dep_ == "dobj" and (lemma_of(verb) in LIGHT_VERBS or verb.lower_ in LIGHT_VERB_FORMS) and verb.i not in heads:
                heads[verb.i] = t
        self._trigger_heads = heads
        events: dict[int, CodedEvent] = {}
        for trig in triggers:
            events[trig.head.i] = self._initial(trig, probs)
        self._fold_participants(triggers, events, heads, probs)  # participant nouns strengthen their event
        # "without fighting", "instead of talks": events said not to happen are no events; nor are
        # capacities ("the authority to order arrests"), figurative struggles ("fought for freedom"),
        # states ("enjoys the support of"), seizures of abstractions ("seize power") by way of
        # gradual processes, and re-mentions of an event with nothing new ("details of these killings")
        for k in [k for k, ev in events.items() if under_without(ev.trigger.head) or not_an_occurrence(ev)]:
            del events[k]
        for ev in events.values():
            mark_commentary(ev, view)
            ev.outcome = bare_toll(ev)
        # modes and tense first, so every frame below sees its final reading
        for ev in events.values():
            self._refine(ev, probs)
            self._apply_tense(ev)
        # frames, innermost first so content settles before its frame
        for trig in sorted(triggers, key=lambda t: -view.depth(t.head)):
            ev = events.get(trig.head.i)
            if ev is None:
                continue
            gov = _governor(trig.head, heads)
            if gov is None or gov.head.i not in events:
                continue
            frame = events[gov.head.i]
            if frame is ev:
                continue
            if self._absorb(frame, ev, lemma_of(gov.head)):
                frame.content.append(trig)
                del events[trig.head.i]
        # the same event named twice across a circumstance ("killed during the attacks")
        for k in sorted(events, key=lambda k: -view.depth(events[k].trigger.head)):
            ev = events.get(k)
            cur = ev.trigger.head if ev else None
            if cur is not None and cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                continue  # "families clashed ... and gunmen opened fire": a clause with its own doers is another event
            conj = cur is not None and cur.dep_ == "conj"
            for _ in range(2):
                if cur is None or cur.head.i == cur.i:
                    break
                cur = cur.head
                other = events.get(cur.i)
                if conj and other is not None and ev.mode and other.mode and ev.mode != other.mode:
                    break  # "shut down the rallies and arrested 20 people": two acts of one kind, two events
                if other is not None and other is not ev and other.type == ev.type:
                    if mode_specificity(ev.mode) > mode_specificity(other.mode):
                        other.mode = ev.mode
                    other.content.append(ev.trigger)
                    del events[k]
                    break
        # demands voiced by the protesters of a coded protest are its topic (PLOVER 3.12.2)
        if any(ev.type == "PROTEST" for ev in events.values()):
            for k in [k for k, ev in events.items() if ev.type in ("REQUEST", "ACCUSE") and voiced_by_participants(ev.trigger.head)]:
                del events[k]
        # "held a vigil ... and called on the government to ...": demands made by demonstrating;
        # "pelted the police, accusing them of ...": the grievance behind the act
        if any(ev.type in ("PROTEST", "ASSAULT") for ev in events.values()):
            for k in [k for k, ev in events.items() if ev.type in ("REQUEST", "ACCUSE", "REJECT")
                      and joined_to_protest(ev.trigger.head, events, heads)]:
                del events[k]
        # "stormed a prison and freed the inmates": the freeing is part of the attack, not a concession
        for k in [k for k, ev in events.items() if ev.type == "RETREAT" and ev.trigger.head.dep_ == "conj"
                  and getattr(events.get(ev.trigger.head.head.i), "type", None) == "ASSAULT"]:
            del events[k]
        self._speech_requests(sent, events, heads)
        announced_refusals(self._view, events)
        speech_blames(self._view, events)
        evidence_made_public(self._view, events)
        voiced_displeasure(self._view, events)
        for k, ev in list(events.items()):
            ev.circumstance = in_circumstance(ev.trigger.head)
            if lemma_of(ev.trigger.head) == "warn" and ev.type == "THREATEN" and not ev.content and not any(
                    c.dep_ == "prep" and c.lower_ in ("of", "against") for c in ev.trigger.head.children):
                del events[k]  # "scientists warned that ...": a statement, not a threat
        # every type needs a political sentence (a state, armed, political or protesting party, or a weapon)
        coded = [ev for ev in events.values() if political and not hazard_subject(ev.trigger.head)]
        def ambiguous(ev: CodedEvent) -> bool:
            # a content trigger with a political sense ("marched ... to demand") settles it, and so
            # does a grievance ("marched against new taxes", "rallied over the killing")
            if ev.type == "PROTEST" and any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in ev.trigger.head.children):
                return False
            return all(t.kind == "word" and lemma_of(t.head) in AMBIGUOUS_TRIGGERS for t in [ev.trigger, *ev.content])

        if any(ambiguous(ev) for ev in coded) and (not has_political_participant(sent, actor_spans, view)
                                                   or sport_result(view) and not view.noun_set & ARMED):
            # words with everyday senses ("cancelled flights", "hit by a ball") need a political participant
            coded = [ev for ev in coded if not ambiguous(ev)]
        # "a man accused of witchcraft": a description of a person, not an accusation made here
        # (verbs of objecting have no passive reading: "a group protested here", mis-hung on its noun,
        # is still the group's act)
        coded = [ev for ev in coded if not (ev.type == "ACCUSE" and ev.trigger.head.dep_ in ("acl", "amod")
                                            and lemma_of(ev.trigger.head) not in OBJECTING_VERBS
                                            and ev.trigger.head.head.pos_ in ("NOUN", "PROPN"))]
        coded.sort(key=lambda e: -e.salience)
        return coded

    # -- pieces ------------------------------------------------------------
    def _fold_participants(self, triggers: list[Trigger], events: dict[int, CodedEvent], heads: dict[int, Trigger],
                           probs: dict[str, float]) -> None:
        """Participant nouns ("protesters", "gunmen") strengthen the event they take part in
        instead of standing alone: their own event is folded into it (or weakened)."""
        for trig in triggers:
            if trig.text.lower() in PARTICIPANT_NOUNS or lemma_of(trig.head) in PARTICIPANT_NOUNS:
                ev = events.get(trig.head.i)
                gov = self._participant_governor(trig.head, heads)
                if ev is None:
                    continue
                if gov is not None and gov.head.i in events:
                    target = events[gov.head.i]
                    # the participants are the governing event's own doers ("protesters stormed"), not
                    # the subject of a side clause ("soldiers opened fire after protesters tried to ...")
                    doers = trig.head.dep_ == "nsubj" and (trig.head.head.i == gov.head.i or (
                        gov.head.dep_ in ("conj", "xcomp") and gov.head.head.i == trig.head.head.i))
                    if ev.type == "PROTEST" and target.type in ("REQUEST", "ACCUSE", "REJECT") and doers:
                        # demands voiced by demonstrators are made by demonstrating (PLOVER PROTEST)
                        self._set(target, "PROTEST", "demo", max(ev.rule_weight, target.rule_weight), probs)
                        target.framed = True
                    elif ev.type == "PROTEST" and target.type == "ASSAULT" and doers:
                        # demonstrators who storm, smash or burn: a violent demonstration (PLOVER riot)
                        self._set(target, "PROTEST", "riot", max(ev.rule_weight, target.rule_weight), probs)
                        target.framed = True
                    elif ev.type in {s.type for s in gov.senses} and target.type != ev.type:
                        sense = max((s for s in gov.senses if s.type == ev.type), key=lambda s: s.weight)
                        self._set(target, sense.type, sense.mode, sense.weight + 0.2, probs)
                    elif target.type == ev.type:
                        target.score += 0.1
                    del events[trig.head.i]
                else:
                    ev.score *= 0.8

    def _refine(self, ev: CodedEvent, probs: dict[str, float]) -> None:
        """Readings that depend on the trigger's own arguments."""
        tok = ev.trigger.head
        if ev.type == "PROTEST" and not ev.framed and any(s.type == "ASSAULT" for s in ev.trigger.senses):
            # "strikes" by aircraft, not by workers: the company a word keeps decides its sense
            company = self._view.lemma_set
            if company & (AIR | SHELLING | ARMED | {"military", "coalition"}) and not company & LABOUR:
                sense = max((x for x in ev.trigger.senses if x.type == "ASSAULT"), key=lambda x: x.weight)
                ev.type, ev.mode = "ASSAULT", sense.mode
        if lemma_of(tok) == "charge" and tok.pos_ == "VERB" and {
                lemma_of(g) for c in tok.children if c.dep_ == "nsubj" for g in c.subtree} & ARMED and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            ev.type, ev.mode = "ASSAULT", "crowd-control"  # riot police charging a crowd, not a court charge
        if ev.type == "ASSAULT" and any(lemma_of(g) == "air" for g in prep_objects(tok, ("into", "in"))):
            ev.mode = "crowd-control"  # "fired into the air": warning shots, force short of shooting at people
        if ev.type == "COERCE" and ev.mode == "seize":
            objects = {lemma_of(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
            places = {lemma_of(g) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                      for g in [c, *(x for x in c.children if x.dep_ in ("compound", "amod"))]}
            if places & TERRITORY - {"control"} or any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in tok.children):
                ev.type, ev.mode = "ASSAULT", "clash"  # seizing a town is taking territory by force
            if objects & PEOPLE or any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ in ("PERSON", "NORP") for c in tok.children):
                ev.type, ev.mode = "ASSAULT", "abduct"  # seizing people is abduction
            elif objects & ABSTRACT_SEIZED:
                ev.mode = None  # "seized power": a takeover, not a confiscation of goods
        if ev.type == "ASSAULT" and not ev.framed and (tok.pos_ == "VERB" and _crowd_against_police(tok)
                                                       or _crowd_throws_stones(ev)):
            ev.type, ev.mode = "PROTEST", "riot"  # a crowd fighting the police: a violent demonstration
        named = tok
        while named.dep_ == "conj" and named.head.pos_ == "NOUN":  # "the number one threat ... and the greater threat"
            named = named.head
        if ev.type == "THREATEN" and tok.pos_ == "NOUN" and (named.dep_ == "attr" or named.dep_ == "dobj" and lemma_of(
                named.head) in ("pose", "represent", "constitute")):
            # "he is the greatest threat to the country", "poses a threat": calling someone a danger
            # is an accusation; the threat named is no threat made
            ev.type, ev.mode = "ACCUSE", "disapprove"
        if ev.type == "PROTEST" and lemma_of(tok) == "protest" and tok.pos_ == "VERB" and not ev.framed and voiced_objection(tok):
            ev.type, ev.mode = "ACCUSE", "disapprove"
        if ev.type == "PROTEST" and ev.mode == "obstruct" and tok.pos_ == "VERB" and not ev.framed:
            _read_blocking(ev)
        if ev.type == "SANCTION" and ev.mode == "discontinue" and tok.pos_ == "VERB" and _people_stopped(tok):
            ev.type, ev.mode = "COERCE", "restrict"  # "she was halted": a person stopped, not a programme
        if ev.type == "SANCTION" and ev.mode == "convict" and _to_prison(tok):
            # "sentenced to five years in prison": a conviction that imprisons is coded COERCE
            # arrest (PLOVER manual 3.13.2); a fine, a ban or a death sentence stays SANCTION
            ev.type, ev.mode = "COERCE", "arrest"
        if ev.type == "RETREAT" and ev.mode == "release" and _hands_over_goods(tok):
            ev.type, ev.mode = "AID", None  # "handed over 500 kg of medicine": relief, not a release
        objects = {lemma_of(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if ev.type == "RETREAT" and lemma_of(tok) == "evacuate" and objects & {"wounded", "wound", "injured", "sick", "casualty"}:
            ev.type, ev.mode = "AID", None  # "evacuated the wounded": rescue, not a withdrawal
        if ev.type == "SANCTION" and ev.mode == "expel" and ev.trigger.kind == "verb+child" and (
                objects & (PEOPLE | {"refugee", "resident", "family"}) or any(
                    c.dep_ == "dobj" and c.ent_type_ == "NORP" for c in tok.children)):
            ev.type, ev.mode = "ASSAULT", None  # "forced 1,000 refugees out of their homes": forced displacement
        if ev.type == "RETREAT" and ev.mode == "withdraw":
            objects = {lemma_of(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
            if objects & WITHDRAWN_RESOURCES:
                ev.type, ev.mode = "SANCTION", "withdraw"
        verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else (tok.head.head if tok.dep_ == "compound" and tok.head.dep_ == "dobj" else None)
        if verb is not None and verb.i not in self._own_heads and verb.pos_ == "VERB":
            # a measure undone or put in place by a verb the lexicon does not list ("shortened the curfew")
            measure = ev.type in ("COERCE", "SANCTION", "THREATEN") or (
                ev.type == "PROTEST" and lemma_of(verb) in ("call", "suspend", "end", "postpone", "abandon"))
            if lemma_of(tok) in PARTICIPANT_NOUNS:
                measure = False  # people are stopped, not lifted
            if (undoes(verb) or lemma_of(verb) in EASE_VERBS) and measure:
                ev.type, ev.mode, ev.framed = "CONCEDE", None, True
            elif undoes(verb) and ev.type in COOPERATIVE:
                ev.type, ev.mode, ev.framed = "SANCTION", "discontinue", True
            elif lemma_of(verb) in IMPOSE_VERBS and ev.type == "PROTEST" and ev.mode in ("obstruct", "boycott"):
                ev.type, ev.mode, ev.framed = "COERCE", "restrict", True
        if is_negated(tok) and ev.type in ("AGREE", "CONCEDE", "SUPPORT"):
            # "will not accept", "refuses to back": a refusal (PLOVER REJECT)
            ev.type, ev.mode, ev.framed = "REJECT", None, True

    def _absorb(self, frame: CodedEvent, ev: CodedEvent, frame_lemma: str) -> bool:
        """Fold `ev` into the frame it hangs from, setting the frame's reading; False to keep both."""
        if frame.type == "PROTEST" and ev.type in ("REQUEST", "ACCUSE", "REJECT"):
            return True  # the topic of a protest is not an event of its own (PLOVER 3.12.2)
        if undoes(frame.trigger.head) and frame.trigger.kind == "word" and is_object_of(ev.trigger.head, frame.trigger.head):
            if frame.type == "THREATEN" and is_conditional_threat(frame.trigger.head):
                return True  # "may halt its mediation if ...": the halt is threatened, not done
            if ev.type in HOSTILE or ev.type == "THREATEN":
                if not (frame.type == "AGREE" and frame.framed):  # "is prepared to lift the ban": offered, not done
                    frame.type, frame.mode, frame.framed = "CONCEDE", None, True
                return True
            if ev.type in COOPERATIVE:
                frame.type, frame.mode, frame.framed = "SANCTION", "discontinue", True
                return True
        if frame_lemma in IMPOSE_VERBS and (ev.type == "RETREAT" and ev.mode == "release"
                                            or ev.type == "COERCE" and _orders_release(frame.trigger.head)):
            # "ordered the release of ...", "ordered the activists arrested last week to be freed": an
            # order to free is the release, whatever the words that say who is freed ("arrested")
            frame.type, frame.mode, frame.framed = "RETREAT", "release", True
            # "the activists arrested over the past week": a participle with a time of its own tells
            # the arrests as a past happening of their own, kept beside the release
            return not (ev.type == "COERCE" and ev.trigger.head.dep_ == "acl" and _dated_on_its_own(ev.trigger.head))
        if frame_lemma in IMPOSE_VERBS and ev.type in HOSTILE and frame.type == "THREATEN" and frame.framed:
            # "plans to impose restrictions", "prepared to impose martial law": the measure is threatened
            frame.mode = content_mode("THREATEN", ev.type, ev.mode)
            return True
        if frame_lemma in IMPOSE_VERBS and ev.type in HOSTILE | {"REQUEST"}:
            if ev.type == "PROTEST" and ev.mode in ("obstruct", "boycott"):
                ev.type, ev.mode = "COERCE", "restrict"  # a blockade imposed by authorities
            if frame_lemma == "order" and ev.type == "REQUEST":
                return False
            _adopt(frame, ev)
            return True
        if frame_lemma in ACCEPT_VERBS and ev.type in ("REQUEST", "PROTEST"):
            frame.type, frame.mode, frame.framed = ("REJECT" if is_negated(frame.trigger.head) else "CONCEDE"), None, True
            return True
        if frame.type == "COERCE" and frame.mode == "seize" and ev.type == "ASSAULT" and ev.trigger.head.pos_ == "NOUN":
            return True  # "defused a bomb", "seized rockets": the weapon is what was disrupted
        if frame.type in ("COERCE", "ASSAULT") and ev.type == "PROTEST" and ev.trigger.head.pos_ == "NOUN":
            return True  # "police dispersed the demonstration": the intervention is the event
        if frame.type == "AID" and ev.type == "ASSAULT" and is_object_of(ev.trigger.head, frame.trigger.head):
            return True  # "evacuated the wounded": the people helped, not an attack told
        if frame.type in ("COERCE", "ASSAULT", "PROTEST") and ev.type == "MOBILIZE" and ev.trigger.head.pos_ == "NOUN":
            return True  # "opened fire on an army patrol", "ambushed a convoy": the forces are the target
        if frame.type == "AGREE" and ev.type in HOSTILE and ev.trigger.head.head.i == frame.trigger.head.i and (
                ev.trigger.head.dep_ == "xcomp" or ev.trigger.head.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in ev.trigger.head.children)):
            # vowing or pledging violence is a threat
            frame.type, frame.mode, frame.framed = "THREATEN", content_mode("THREATEN", ev.type, ev.mode), True
            return True
        if frame.type == "REQUEST" and frame_lemma in ("need", "must") and ev.type in COOPERATIVE and any(
                c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in frame.trigger.head.children):
            # "we need to conclude a serious dialogue": the speaker's own intent to talk, not a demand
            frame.type, frame.mode, frame.framed = "AGREE", None, True
            return True
        if frame.type in FRAME_TYPES:
            mode = content_mode(frame.type, ev.type, ev.mode)
            if frame.type in ("REQUEST", "REJECT", "THREATEN") and mode:
                frame.mode = mode
            return True
        if frame.type == ev.type:
            # the same event named twice ("fired tear gas", "attack with mortars")
            if mode_specificity(ev.mode) > mode_specificity(frame.mode):
                frame.mode = ev.mode
            frame.score = max(frame.score, ev.score) + 0.05
            return True
        return False

    def _initial(self, trig: Trigger, probs: dict[str, float]) -> CodedEvent:
        scored = sorted(((s.weight + MODEL_WEIGHT * probs.get(s.type, 0.0), s) for s in trig.senses),
                        key=lambda x: -x[0])
        best_score, best = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0.0
        return CodedEvent(trig, best.type, best.mode, best_score, best.weight, probs.get(best.type, 0.0),
                          best_score - runner, self._view.depth(trig.head))

    def _set(self, ev: CodedEvent, event_type: str, mode: str | None, weight: float, probs: dict[str, float]) -> None:
        ev.type, ev.mode = event_type, mode
        ev.rule_weight = max(ev.rule_weight, weight)
        ev.model_prob = probs.get(event_type, 0.0)
        ev.score = max(ev.score, weight + MODEL_WEIGHT * ev.model_prob)

    def _participant_governor(self, tok: "Token", heads: dict[int, Trigger]) -> Trigger | None:
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if cur.i in heads:
                return heads[cur.i]
        return None

    def _apply_tense(self, ev: CodedEvent) -> None:
        """PLOVER's rules for promised, future and prepared actions."""
        tok = ev.trigger.head
        if tok.pos_ != "VERB":
            # "will give a grant", "will hold talks": an event noun that is the object of a future verb
            # ("prepared to resume shelling": the noun hangs from an aspect verb as its complement)
            if tok.dep_ in ("dobj", "pobj", "xcomp") and tok.head.pos_ == "VERB" and tok.head.i not in self._own_heads:
                if ev.type == "ASSAULT" and is_prepared(tok.head):
                    ev.type, ev.mode, ev.framed = "MOBILIZE", "troops", True
                elif is_future(tok.head):
                    if ev.type in COOPERATIVE:
                        ev.type, ev.mode, ev.framed = "AGREE", None, True
                    elif ev.type in HOSTILE and ev.type != "PROTEST":
                        ev.type, ev.mode, ev.framed = "THREATEN", content_mode("THREATEN", ev.type, ev.mode), True
            return
        if is_prepared(tok) and ev.type == "ASSAULT":
            ev.type, ev.mode, ev.framed = "MOBILIZE", "troops", True
            return
        if ev.type in HOSTILE and is_conditional_threat(tok):
            # "may halt its mediation if the parties refuse": a hostile act held over a condition
            ev.type, ev.mode, ev.framed = "THREATEN", content_mode("THREATEN", ev.type, ev.mode), True
            return
        if not is_future(tok):
            return
        if ev.type in ("CONCEDE", "RETREAT") and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                for c in tok.children):
            # "will withdraw its troops unless ...": a withdrawal held over someone is an ultimatum
            ev.type, ev.mode, ev.framed = "THREATEN", None, True
        elif ev.type in COOPERATIVE or ev.type in ("CONCEDE", "RETREAT") and (any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in tok.children) or is_willing(tok)):
            # "will allow the refugees to return", "would release the hostages": a concession
            # promised is an agreement to make it (PLOVER AGREE), not one made ("decided to allow"
            # is a decision taken: it stays CONCEDE)
            ev.type, ev.mode, ev.framed = "AGREE", None, True
        elif ev.type == "RETREAT":
            ev.type, ev.mode, ev.framed = "CONCEDE", None, True
        elif ev.type in HOSTILE:
            mode = content_mode("THREATEN", ev.type, ev.mode)
            ev.type, ev.mode, ev.framed = "THREATEN", mode, True

    def _speech_requests(self, sent: "Span", events: dict[int, CodedEvent], heads: dict[int, Trigger]) -> None:
        """"X said Y must do Z" is X's REQUEST (unless Z is itself coded as a frame)."""
        view = self._view
        for tok, dep in zip(view.tokens, view.deps):
            said = dep == "ccomp" and lemma_of(tok.head) in SPEECH_VERBS
            # "issued a reminder to Iraq that it must cooperate": the noun names the saying
            said = said or dep in ("acl", "ccomp") and lemma_of(tok.head) in SPEECH_NOUNS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
            # "they hoped that the parliament would soon ratify the treaty": a wish for another's act
            wished = dep == "ccomp" and (lemma_of(tok.head) in WISH_VERBS or tok.head.lower_ in WISH_FORMS) and any(
                c.dep_ == "aux" and c.lower_ in ("would", "will") for c in tok.children) and not any(
                c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ == "PRON" or lemma_of(c) in
                                                      {lemma_of(s) for s in tok.head.children if s.dep_ == "nsubj"})
                for c in tok.children)
            if not (said and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children) or wished):
                continue
            if tok.head.i in events:
                continue  # the speech verb is itself coded ("warned", "insisted")
            if any(c.dep_ == "nsubj" and lemma_of(c) in LEGAL_TEXTS for c in tok.head.children):
                continue  # "the bill says the party should propose ...": a text's provisions, no one's demand
            inner = events.pop(tok.i, None)
            for other in [k for k in events if tok.left_edge.i <= k <= tok.right_edge.i]:
                inner = inner or events[other]
                del events[other]
            speech = tok.head
            trig = Trigger(speech, speech.i, speech.i + 1, [Sense("REQUEST", None, 0.6)], "frame")
            ev = CodedEvent(trig, "REQUEST", content_mode("REQUEST", inner.type, inner.mode) if inner else "change",
                            0.6, 0.6, 0.0, 0.6, tree_depth(speech), framed=True)
            if inner:
                ev.content.append(inner.trigger)
            events[speech.i] = ev


# -- the learned sentence model ---------------------------------------------
class SentenceModel:
    """P(PLOVER type | sentence) from the shipped model (train.py); absent -> no opinion."""

    def __init__(self, bundle: dict | None):
        self.bundle = bundle
        self.vectorizer = bundle["vectorizer"] if bundle else None
        self.model = bundle["model"] if bundle else None
        self.classes = list(self.model.classes_) if self.model is not None else []

    def __bool__(self) -> bool:
        return self.model is not None

    def probs(self, texts: list[str]) -> list[dict[str, float]]:
        if not self or not texts:
            return [{} for _ in texts]
        matrix = self.model.predict_proba(self.vectorizer.transform(texts))
        return [dict(zip(self.classes, row.tolist())) for row in matrix]


def _read_blocking(ev: CodedEvent) -> None:
    """Who blocks what: demonstrators blocking a road protest (PLOVER obstruct), a majority
    blocking a bill refuses it (REJECT), and people kept from going somewhere are restricted
    (COERCE: "was blocked from entering the camp", "blocked the reporters")."""
    tok = ev.trigger.head
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    doers = {lemma_of(c) for c in tok.children if c.dep_ in ("nsubj", "agent")} | {
        lemma_of(g) for c in tok.children if c.dep_ == "agent" for g in c.children}
    if doers & PARTICIPANT_NOUNS:
        return
    if {lemma_of(o) for o in objects} & PROPOSALS:
        ev.type, ev.mode = "REJECT", None
    elif _people_stopped(tok):
        ev.type, ev.mode = "COERCE", "restrict"


def _people_stopped(tok: "Token") -> bool:
    """People kept from going somewhere or stopped: "blocked the reporters", "she was halted"."""
    return keeps_people_out(tok) or any(lemma_of(c) in PEOPLE for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))


def _adopt(frame: CodedEvent, ev: CodedEvent) -> None:
    """The frame takes the reading of the act it imposes ("ordered arrests" is the arrest)."""
    frame.type, frame.mode, frame.framed = ev.type, ev.mode, True
    frame.rule_weight = max(frame.rule_weight, ev.rule_weight)
    frame.model_prob = ev.model_prob
    frame.score = max(frame.score, ev.score)


def code_sentences(sents: list["Span"], rules: RuleClassifier, model: SentenceModel,
                   actor_spans: list[tuple[int, int]] = (),
                   triggers_found: dict[int, list[Trigger]] | None = None) -> list[tuple["Span", list[CodedEvent]]]:
    """Code every sentence (model probabilities computed in one batch for those with triggers).
    `triggers_found`, when given, receives each sentence's detected triggers by its first token,
    for a caller that reads them again (the events stage's lead-sentence fallback)."""
    found = []
    for sent in sents:
        view = SentenceView(sent)  # every token attribute read once for the sentence
        found.append((sent, view, detect_triggers(sent, rules.lexicon, view.tokens, view.lemmas)))
        if triggers_found is not None:
            triggers_found[sent.start] = found[-1][2]
    # acts done by speaking that no lexicon word names ("is not happy with", "released recordings
    # allegedly showing") are read in sentences that hold their cue words, triggers or not
    with_triggers = [(sent, view, trigs) for sent, view, trigs in found if trigs or view.lemma_set & SPEECH_ACT_CUES]
    probs = model.probs([sent.text for sent, _, _ in with_triggers])
    out = []
    for (sent, view, trigs), p in zip(with_triggers, probs):
        political = sentence_is_political(sent, None, actor_spans, view)
        coded = rules.code_sentence(sent, p, trigs, political, actor_spans, view)
        cues = cue_set(sent, view) if coded else set()  # the sentence's ACLED cues, read once for its events
        for ev in coded:
            ev.acled_event_type, ev.acled_sub_event_type = acled_for(ev, sent, cues)
        out.append((sent, coded))
    return out
