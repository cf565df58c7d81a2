"""Candidate triggers in a sentence -> coded events (PLOVER type and mode, ACLED, score).

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
     AGREE; announced retreats are CONCEDE; hostile actions announced for
     the future are THREATEN; preparing an attack is MOBILIZE;
   * "X said Y must ..." is a REQUEST;
   * participant nouns ("protesters", "gunmen") strengthen the event they
     take part in instead of standing alone.
3. Sentences about sport, weather, markets or disasters with no political
   participant yield nothing.
4. ACLED sub-event types come from the PLOVER type/mode and the sentence's
   own cues (aircraft, artillery, IEDs, tear gas, killed protesters, armed
   recipients...): `acled_for`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from chronicle.events.detect import Lexicon, Sense, Trigger, detect_triggers, load_lexicon
from chronicle.events.ontology import acled_default

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
# subordinators that make a clause a circumstance rather than content
CIRCUMSTANCE_MARKS = {"after", "before", "as", "when", "while", "because", "since", "although", "though", "if", "unless", "until", "once"}
INTENT_VERBS = {"plan", "intend", "decide", "hope", "expect", "aim", "want", "wish", "set", "seek"}
PREPARE_VERBS = {"prepare", "poise", "gear", "ready"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
SPEECH_VERBS = {"say", "tell", "state", "declare", "announce", "conclude", "insist", "add", "write", "stress",
                "argue", "reiterate", "repeat", "warn", "remind"}
# Verbs that undo a measure: lifting a hostile one is a concession, stopping a cooperative one a sanction.
UNDO_VERBS = {"lift", "ease", "relax", "end", "remove", "cancel", "rescind", "revoke", "suspend", "halt",
              "stop", "drop", "call", "shorten", "scrap", "prohibit", "reduce", "cut", "freeze", "postpone", "abandon"}
# Verbs that put a measure in place: the measure is the event (a state's blockade is coercion).
IMPOSE_VERBS = {"impose", "reimpose", "extend", "tighten", "enforce", "declare", "maintain", "order"}
ACCEPT_VERBS = {"accept", "meet", "grant", "approve", "heed", "satisfy"}
# Things withdrawn that are non-military resources (PLOVER SANCTION withdraw, not RETREAT).
WITHDRAWN_RESOURCES = {"aid", "ambassador", "envoy", "inspector", "observer", "diplomat", "funding", "support",
                       "peacekeeper", "peacekeeping", "monitor", "mission", "staff", "worker", "recognition"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
OBLIGATION_AUX = {"must", "should"}

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
}
POLITICAL_PARTICIPANTS = {
    "police", "policeman", "officer", "troops", "troop", "soldier", "army", "military", "force", "forces",
    "militant", "militants", "rebel", "insurgent", "fighter", "militia", "gunman", "government", "regime",
    "minister", "president", "parliament", "protester", "demonstrator", "activist", "opposition", "party",
    "authorities", "authority", "official", "ministry", "court", "jihadist", "terrorist", "group",
    "embassy", "ambassador", "diplomat", "junta", "senator", "lawmaker", "union", "prime", "leader",
    "assailant", "attacker", "herder", "bandit", "councillor", "councilor", "mayor", "governor", "politician",
    "chief", "commander", "insurgency", "pirate", "kidnapper", "abductor",
}
# Weapons name political violence by themselves ("rockets struck a village").
WEAPON_WORDS = {"rocket", "missile", "mortar", "shell", "artillery", "bomb", "grenade", "airstrike", "drone", "gunfire",
                "landmine", "ied", "explosive", "rifle", "machete", "bullet", "ammunition", "warplane", "stick",
                "knife", "baton", "gun", "death", "tank", "helicopter", "jet"}
LABOUR = {"worker", "union", "teacher", "employee", "wage", "pay", "salary", "nurse", "doctor", "driver", "staff"}
SUSPICION = {"suspect", "accuse", "allege", "charge", "want"}
LIGHT_VERBS = {"hold", "stage", "launch", "carry", "conduct", "mount", "organise", "organize", "begin", "start", "make"}
PEOPLE = {"civilian", "villager", "resident", "woman", "child", "student", "worshipper", "farmer", "journalist",
          "activist", "engineer", "worker", "tourist", "foreigner", "national", "passenger", "teacher", "pupil",
          "girl", "boy", "man", "people", "person", "employee", "official", "soldier", "trader", "priest", "herder"}
MODE_SUB_EVENT = {"suicide-attack": "Suicide bomb", "aerial": "Air/drone strike", "drone": "Air/drone strike",
                  "grenade": "Grenade", "heavy-weapons": "Shelling/artillery/missile attack",
                  "explosives": "Remote explosive/landmine/IED", "unconventional": "Shelling/artillery/missile attack"}
ACCIDENT_HEADS = {"explosion", "blast", "fire", "blaze", "collapse", "attack"}
ACCIDENT_MODIFIERS = {"gas", "boiler", "factory", "industrial", "accidental", "chemical", "mine", "pipeline",
                      "tanker", "fuel", "cylinder", "kitchen", "electrical", "house", "forest", "building",
                      "heart", "panic", "asthma"}
ACCIDENT_VERBS = {"collide", "crash", "derail", "capsize", "sink", "collapse", "overturn", "plunge"}
WEAPON_MODES = {"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "grenade", "unconventional"}
HAZARD_SUBJECTS = {"wildfire", "bushfire", "flood", "flooding", "storm", "earthquake", "quake", "fire", "blaze", "landslide", "accident",
                   "crash", "disease", "virus", "lightning", "heat", "heatwave", "avalanche", "cyclone", "hurricane",
                   "typhoon", "tornado", "collision", "outbreak", "wave", "tsunami"}
# Triggers whose everyday senses are not political (a striker, a heart attack, a team
# beat its rival, a fire broke out): they need a political participant in the sentence.
AMBIGUOUS_TRIGGERS = {"strike", "attack", "beat", "fire", "shoot", "storm", "clash", "battle", "fight", "hit",
                      "target", "capture", "blast", "explosion", "explode", "burn", "destroy", "march",
                      "rally", "block", "halt", "suspend", "cancel", "end", "freeze", "release", "free", "support",
                      "back", "share", "exchange", "trade", "deliver", "provide", "supply", "fund", "search",
                      "mine", "rocket", "missile", "drill", "station", "offensive"}


@dataclass
class CodedEvent:
    """One coded event in a sentence, before roles, places and dates are attached."""

    trigger: Trigger
    type: str
    mode: str | None
    score: float  # rule weight plus model support, before calibration
    rule_weight: float
    model_prob: float
    margin: float  # best sense score minus the runner-up's
    depth: int  # dependency distance from the sentence root
    framed: bool = False  # type set by a frame rule (future, request, threat ...)
    content: list[Trigger] = field(default_factory=list)  # triggers folded in as this event's content
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None

    circumstance: bool = False  # inside "after ...", "as ..." clauses: the setting, not the news

    @property
    def salience(self) -> float:
        return self.score * (1.0 - 0.2 * min(self.depth, 3)) * (0.6 if self.circumstance else 1.0)


def _lemma(tok: "Token") -> str:
    return tok.lemma_.lower()


def _depth(tok: "Token") -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 12:
        tok = tok.head
        depth += 1
    return depth


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
        if cur.dep_ in ("acl", "relcl", "amod") and _lemma(cur) in SUSPICION:
            return None  # "a man suspected of kidnapping": a suspicion, not part of this event
        cur = cur.head
        if cur.i in heads:
            return heads[cur.i]
    return None


def _is_future(tok: "Token") -> bool:
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
            return True
    # "is going to meet", "plans to visit"
    if tok.dep_ == "xcomp" and (_lemma(tok.head) in INTENT_VERBS or _lemma(tok.head) == "go"):
        return True
    return False


def _is_prepared(tok: "Token") -> bool:
    return tok.dep_ in ("xcomp", "pobj", "pcomp") and _lemma(tok.head) in PREPARE_VERBS or (
        tok.dep_ == "pobj" and tok.head.dep_ == "prep" and _lemma(tok.head.head) in PREPARE_VERBS)


def _content_mode(frame_type: str, content_type: str, content_mode: str | None) -> str | None:
    """The frame's mode from what it is about (PLOVER REQUEST/REJECT/THREATEN modes)."""
    if frame_type in ("REQUEST", "REJECT"):
        if content_type == "CONSULT":
            return "meet"
        if content_type in ("AID", "COOPERATE", "SUPPORT"):
            return "assist"
        if content_type in ("RETREAT", "CONCEDE"):
            return "yield"
        return "change"
    if frame_type == "THREATEN":
        if content_type == "ASSAULT":
            return "territory" if content_mode == "clash" and False else "violence"
        if content_type == "COERCE":
            return {"arrest": "arrest", "deport": "expel"}.get(content_mode or "", "restrict")
        if content_type == "SANCTION":
            return "expel" if content_mode == "expel" else "relations"
        if content_type in ("PROTEST", "MOBILIZE"):
            return "restrict" if content_type == "PROTEST" else "violence"
        if content_type in ("CONSULT", "COOPERATE", "AID"):
            return "relations"
        return None
    return None


class RuleClassifier:
    """Codes the triggers of one sentence; `model_probs` is P(type | sentence) or None."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or load_lexicon()

    def code_sentence(self, sent: "Span", model_probs: dict[str, float] | None = None,
                      triggers: list[Trigger] | None = None, political: bool | None = None,
                      actor_spans: Iterable[tuple[int, int]] = ()) -> list[CodedEvent]:
        triggers = detect_triggers(sent, self.lexicon) if triggers is None else triggers
        probs = model_probs or {}
        lemmas = {_lemma(t) for t in sent}
        if political is None:
            political = sentence_is_political(sent, lemmas)
        # a named weapon ("an air strike", "a roadside bomb") or an unambiguous political act
        # ("rioted", "demonstrators") makes the sentence political by itself
        political = political or any(
            s.mode in WEAPON_MODES or (s.weight >= 0.75 and s.type in ("PROTEST", "COERCE", "ASSAULT")
                                       and _lemma(t.head) not in AMBIGUOUS_TRIGGERS)
            for t in triggers for s in t.senses)
        heads = {t.head.i: t for t in triggers}
        self._own_heads = set(heads)
        # "held a sit-in to demand ...": a light verb carries its event noun's clauses
        for t in triggers:
            verb = t.head.head
            if t.head.dep_ == "dobj" and _lemma(verb) in LIGHT_VERBS and verb.i not in heads:
                heads[verb.i] = t
        self._trigger_heads = heads
        events: dict[int, CodedEvent] = {}
        for trig in triggers:
            events[trig.head.i] = self._initial(trig, probs)
        # participant nouns strengthen the event they take part in
        for trig in triggers:
            if trig.text.lower() in PARTICIPANT_NOUNS or _lemma(trig.head) in PARTICIPANT_NOUNS:
                ev = events.get(trig.head.i)
                gov = self._participant_governor(trig.head, heads)
                if ev is None:
                    continue
                if gov is not None and gov.head.i in events:
                    target = events[gov.head.i]
                    if ev.type == "PROTEST" and target.type in ("REQUEST", "ACCUSE", "REJECT") and trig.head.dep_ == "nsubj":
                        # demands voiced by demonstrators are made by demonstrating (PLOVER PROTEST)
                        self._set(target, "PROTEST", "demo", max(ev.rule_weight, target.rule_weight), probs)
                        target.framed = True
                    elif ev.type == "PROTEST" and target.type == "ASSAULT" and trig.head.dep_ == "nsubj":
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
        # "without fighting", "instead of talks": events said not to happen are no events
        for k in [k for k, ev in events.items() if _under_without(ev.trigger.head)]:
            del events[k]
        # modes and tense first, so every frame below sees its final reading
        for ev in events.values():
            self._refine(ev, probs)
            self._apply_tense(ev)
        # frames, innermost first so content settles before its frame
        for trig in sorted(triggers, key=lambda t: -_depth(t.head)):
            ev = events.get(trig.head.i)
            if ev is None:
                continue
            gov = _governor(trig.head, heads)
            if gov is None or gov.head.i not in events:
                continue
            frame = events[gov.head.i]
            if frame is ev:
                continue
            if self._absorb(frame, ev, _lemma(gov.head)):
                frame.content.append(trig)
                del events[trig.head.i]
        # the same event named twice across a circumstance ("killed during the attacks")
        for k in sorted(events, key=lambda k: -_depth(events[k].trigger.head)):
            ev = events.get(k)
            cur = ev.trigger.head if ev else None
            for _ in range(2):
                if cur is None or cur.head.i == cur.i:
                    break
                cur = cur.head
                other = events.get(cur.i)
                if other is not None and other is not ev and other.type == ev.type:
                    if _mode_specificity(ev.mode) > _mode_specificity(other.mode):
                        other.mode = ev.mode
                    other.content.append(ev.trigger)
                    del events[k]
                    break
        # demands voiced by the protesters of a coded protest are its topic (PLOVER 3.12.2)
        if any(ev.type == "PROTEST" for ev in events.values()):
            for k in [k for k, ev in events.items() if ev.type in ("REQUEST", "ACCUSE") and _voiced_by_participants(ev.trigger.head)]:
                del events[k]
        self._speech_requests(sent, events, heads)
        for k, ev in list(events.items()):
            ev.circumstance = _in_circumstance(ev.trigger.head)
            if _lemma(ev.trigger.head) == "warn" and ev.type == "THREATEN" and not ev.content and not any(
                    c.dep_ == "prep" and c.lower_ in ("of", "against") for c in ev.trigger.head.children):
                del events[k]  # "scientists warned that ...": a statement, not a threat
        coded = list(events.values())
        if not political:
            coded = [ev for ev in coded if not self._needs_political_context(ev)]
        coded = [ev for ev in coded if not _hazard_subject(ev.trigger.head)]
        def ambiguous(ev: CodedEvent) -> bool:
            # a content trigger with a political sense ("marched ... to demand") settles it
            return all(t.kind == "word" and _lemma(t.head) in AMBIGUOUS_TRIGGERS for t in [ev.trigger, *ev.content])

        if any(ambiguous(ev) for ev in coded) and not has_political_participant(sent, actor_spans):
            # words with everyday senses ("cancelled flights", "hit by a ball") need a political participant
            coded = [ev for ev in coded if not ambiguous(ev)]
        # "a man accused of witchcraft": a description of a person, not an accusation made here
        coded = [ev for ev in coded if not (ev.type == "ACCUSE" and ev.trigger.head.dep_ in ("acl", "amod")
                                            and ev.trigger.head.head.pos_ in ("NOUN", "PROPN"))]
        coded.sort(key=lambda e: -e.salience)
        return coded

    # -- pieces ------------------------------------------------------------
    def _refine(self, ev: CodedEvent, probs: dict[str, float]) -> None:
        """Readings that depend on the trigger's own arguments."""
        tok = ev.trigger.head
        if ev.type == "PROTEST" and not ev.framed and any(s.type == "ASSAULT" for s in ev.trigger.senses):
            # "strikes" by aircraft, not by workers: the company a word keeps decides its sense
            company = {_lemma(t) for t in tok.sent}
            if company & (AIR | SHELLING | ARMED | {"military", "coalition"}) and not company & LABOUR:
                sense = max((x for x in ev.trigger.senses if x.type == "ASSAULT"), key=lambda x: x.weight)
                ev.type, ev.mode = "ASSAULT", sense.mode
        subj = {_lemma(c) for c in tok.children if c.dep_ == "nsubj"} | {
            _lemma(g) for c in tok.children if c.dep_ == "nsubj" for g in c.subtree}
        if _lemma(tok) == "charge" and tok.pos_ == "VERB" and subj & ARMED and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            ev.type, ev.mode = "ASSAULT", "crowd-control"  # riot police charging a crowd, not a court charge
        if ev.type == "COERCE" and ev.mode == "seize":
            objects = {_lemma(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
            places = {_lemma(g) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                      for g in [c, *(x for x in c.children if x.dep_ in ("compound", "amod"))]}
            if places & TERRITORY - {"control"} or any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in tok.children):
                ev.type, ev.mode = "ASSAULT", "clash"  # seizing a town is taking territory by force
            if objects & PEOPLE or any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ in ("PERSON", "NORP") for c in tok.children):
                ev.type, ev.mode = "ASSAULT", "abduct"  # seizing people is abduction
        if ev.type == "RETREAT" and ev.mode == "withdraw":
            objects = {_lemma(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
            if objects & WITHDRAWN_RESOURCES:
                ev.type, ev.mode = "SANCTION", "withdraw"
        verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else (tok.head.head if tok.dep_ == "compound" and tok.head.dep_ == "dobj" else None)
        if verb is not None and verb.i not in self._own_heads and verb.pos_ == "VERB":
            # a measure undone or put in place by a verb the lexicon does not list ("shortened the curfew")
            measure = ev.type in ("COERCE", "SANCTION", "THREATEN") or (
                ev.type == "PROTEST" and _lemma(verb) in ("call", "suspend", "end", "postpone", "abandon"))
            if _lemma(tok) in PARTICIPANT_NOUNS:
                measure = False  # people are stopped, not lifted
            if _undoes(verb) and measure:
                ev.type, ev.mode, ev.framed = "CONCEDE", None, True
            elif _undoes(verb) and ev.type in COOPERATIVE:
                ev.type, ev.mode, ev.framed = "SANCTION", "discontinue", True
            elif _lemma(verb) in IMPOSE_VERBS and ev.type == "PROTEST" and ev.mode in ("obstruct", "boycott"):
                ev.type, ev.mode, ev.framed = "COERCE", "restrict", True
        if _negated(tok) and ev.type in ("AGREE", "CONCEDE", "SUPPORT"):
            # "will not accept", "refuses to back": a refusal (PLOVER REJECT)
            ev.type, ev.mode, ev.framed = "REJECT", None, True

    def _absorb(self, frame: CodedEvent, ev: CodedEvent, frame_lemma: str) -> bool:
        """Fold `ev` into the frame it hangs from, setting the frame's reading; False to keep both."""
        if frame.type == "PROTEST" and ev.type in ("REQUEST", "ACCUSE", "REJECT"):
            return True  # the topic of a protest is not an event of its own (PLOVER 3.12.2)
        if _undoes(frame.trigger.head) and frame.trigger.kind == "word" and _is_object_of(ev.trigger.head, frame.trigger.head):
            if ev.type in HOSTILE or ev.type == "THREATEN":
                frame.type, frame.mode, frame.framed = "CONCEDE", None, True
                return True
            if ev.type in COOPERATIVE:
                frame.type, frame.mode, frame.framed = "SANCTION", "discontinue", True
                return True
        if frame_lemma in IMPOSE_VERBS and ev.type in HOSTILE | {"REQUEST"}:
            if ev.type == "PROTEST" and ev.mode in ("obstruct", "boycott"):
                ev.type, ev.mode = "COERCE", "restrict"  # a blockade imposed by authorities
            if frame_lemma == "order" and ev.type == "REQUEST":
                return False
            self._adopt(frame, ev)
            return True
        if frame_lemma in ACCEPT_VERBS and ev.type in ("REQUEST", "PROTEST"):
            frame.type, frame.mode, frame.framed = ("REJECT" if _negated(frame.trigger.head) else "CONCEDE"), None, True
            return True
        if frame.type == "COERCE" and frame.mode == "seize" and ev.type == "ASSAULT" and ev.trigger.head.pos_ == "NOUN":
            return True  # "defused a bomb", "seized rockets": the weapon is what was disrupted
        if frame.type in ("COERCE", "ASSAULT") and ev.type == "PROTEST" and ev.trigger.head.pos_ == "NOUN":
            return True  # "police dispersed the demonstration": the intervention is the event
        if frame.type == "AGREE" and ev.type in HOSTILE and ev.trigger.head.dep_ == "xcomp" and ev.trigger.head.head.i == frame.trigger.head.i:
            # vowing or pledging violence is a threat
            frame.type, frame.mode, frame.framed = "THREATEN", _content_mode("THREATEN", ev.type, ev.mode), True
            return True
        if frame.type in FRAME_TYPES:
            mode = _content_mode(frame.type, ev.type, ev.mode)
            if frame.type in ("REQUEST", "REJECT", "THREATEN") and mode:
                frame.mode = mode
            return True
        if frame.type == ev.type:
            # the same event named twice ("fired tear gas", "attack with mortars")
            if _mode_specificity(ev.mode) > _mode_specificity(frame.mode):
                frame.mode = ev.mode
            frame.score = max(frame.score, ev.score) + 0.05
            return True
        return False

    @staticmethod
    def _adopt(frame: CodedEvent, ev: CodedEvent) -> None:
        frame.type, frame.mode, frame.framed = ev.type, ev.mode, True
        frame.rule_weight = max(frame.rule_weight, ev.rule_weight)
        frame.model_prob = ev.model_prob
        frame.score = max(frame.score, ev.score)

    def _initial(self, trig: Trigger, probs: dict[str, float]) -> CodedEvent:
        scored = sorted(((s.weight + MODEL_WEIGHT * probs.get(s.type, 0.0), s) for s in trig.senses),
                        key=lambda x: -x[0])
        best_score, best = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0.0
        return CodedEvent(trig, best.type, best.mode, best_score, best.weight, probs.get(best.type, 0.0),
                          best_score - runner, _depth(trig.head))

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
            if tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "VERB" and tok.head.i not in self._own_heads:
                if ev.type == "ASSAULT" and _is_prepared(tok.head):
                    ev.type, ev.mode, ev.framed = "MOBILIZE", "troops", True
                elif _is_future(tok.head):
                    if ev.type in COOPERATIVE:
                        ev.type, ev.mode, ev.framed = "AGREE", None, True
                    elif ev.type in HOSTILE and ev.type != "PROTEST":
                        ev.type, ev.mode, ev.framed = "THREATEN", _content_mode("THREATEN", ev.type, ev.mode), True
            return
        if _is_prepared(tok) and ev.type == "ASSAULT":
            ev.type, ev.mode, ev.framed = "MOBILIZE", "troops", True
            return
        if not _is_future(tok):
            return
        if ev.type in COOPERATIVE:
            ev.type, ev.mode, ev.framed = "AGREE", None, True
        elif ev.type == "RETREAT":
            ev.type, ev.mode, ev.framed = "CONCEDE", None, True
        elif ev.type in HOSTILE:
            mode = _content_mode("THREATEN", ev.type, ev.mode)
            ev.type, ev.mode, ev.framed = "THREATEN", mode, True

    def _speech_requests(self, sent: "Span", events: dict[int, CodedEvent], heads: dict[int, Trigger]) -> None:
        """"X said Y must do Z" is X's REQUEST (unless Z is itself coded as a frame)."""
        for tok in sent:
            if tok.dep_ != "ccomp" or _lemma(tok.head) not in SPEECH_VERBS:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
                continue
            if tok.head.i in events:
                continue  # the speech verb is itself coded ("warned", "insisted")
            inner = events.pop(tok.i, None)
            for other in [k for k in events if tok.left_edge.i <= k <= tok.right_edge.i]:
                inner = inner or events[other]
                del events[other]
            speech = tok.head
            trig = Trigger(speech, speech.i, speech.i + 1, [Sense("REQUEST", None, 0.6)], "frame")
            ev = CodedEvent(trig, "REQUEST", _content_mode("REQUEST", inner.type, inner.mode) if inner else "change",
                            0.6, 0.6, 0.0, 0.6, _depth(speech), framed=True)
            if inner:
                ev.content.append(inner.trigger)
            events[speech.i] = ev

    def _needs_political_context(self, ev: CodedEvent) -> bool:
        return True


def _armed_hazard(tok: "Token") -> bool:
    """"Mortar fire", "rocket fire": a weapon, not a blaze."""
    return any(c.dep_ in ("compound", "amod") and _lemma(c) in WEAPON_WORDS | {"sniper", "tank", "gun"} for c in tok.children)


def _accidental(tok: "Token") -> bool:
    return any(c.dep_ in ("compound", "amod") and _lemma(c) in ACCIDENT_MODIFIERS for c in tok.children)


def _in_circumstance(tok: "Token") -> bool:
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


def _instrument_words(ev: "CodedEvent") -> set[str]:
    """Lemmas naming how an attack was done: its trigger words, its doer, its 'with'/'by' phrase."""
    words: set[str] = set()
    for trig in [ev.trigger, *ev.content]:
        doc = trig.head.doc
        words |= {_lemma(t) for t in doc[trig.start:trig.end]}
        hosts = [trig.head]
        if trig.head.dep_ in ("dobj", "nsubjpass") and trig.head.head.pos_ == "VERB":
            hosts.append(trig.head.head)  # "helicopters dropped barrel bombs": the verb's doer
        for child in (c for h in hosts for c in h.children):
            if child.dep_ in ("nsubj", "agent", "compound") or (child.dep_ == "prep" and child.lower_ in ("with", "by")):
                sub = list(child.subtree)
                words |= {_lemma(t) for t in sub} | {f"{_lemma(a)} {_lemma(b)}" for a, b in zip(sub, sub[1:])}
    return words


def _voiced_by_participants(tok: "Token") -> bool:
    if tok.dep_ in ("acl", "relcl") and _lemma(tok.head) in PARTICIPANT_NOUNS:
        return True
    return any(c.dep_ == "nsubj" and _lemma(c) in PARTICIPANT_NOUNS for c in tok.children)


def _undoes(verb: "Token") -> bool:
    """Verbs that lift, end or suspend something ("call" only as "call off")."""
    lemma = _lemma(verb)
    if lemma == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return lemma in UNDO_VERBS


def _is_object_of(tok: "Token", verb: "Token") -> bool:
    """Is tok what the verb acts on: its object, a compound in its object, or 'the ban on X'?"""
    for _ in range(3):
        if tok.head.i == verb.i:
            return tok.dep_ in ("dobj", "nsubjpass", "compound")
        if tok.dep_ not in ("compound", "pobj", "prep", "dobj", "nsubjpass"):
            return False
        tok = tok.head
    return False


def _under_without(tok: "Token") -> bool:
    return tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in ("without", "instead")


def _negated(tok: "Token") -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children)


def _mode_specificity(mode: str | None) -> int:
    if mode in ("aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "grenade", "crowd-control",
                "unconventional", "abduct", "sexual", "torture"):
        return 2
    return 0 if mode in (None, "clash", "firearms", "targeted", "beat", "destroy") else 1


def _hazard_subject(tok: "Token") -> bool:
    """"Floods killed 12 people": the doer is a natural hazard or an accident."""
    if _lemma(tok) in ACCIDENT_HEADS and _accidental(tok):
        return True  # "a gas explosion": the trigger itself names an accident
    if tok.dep_ == "acl" and _lemma(tok.head) in HAZARD_SUBJECTS:
        return True  # "a wildfire burned through the forest" parsed as a noun phrase
    if tok.dep_ == "conj" and tok.head.i != tok.i and _hazard_subject(tok.head):
        return True  # "a crash killed nine and injured 15": the subject is shared
    if tok.dep_ == "advcl" and _lemma(tok.head) in ACCIDENT_VERBS:
        return True  # "two trains collided, injuring dozens"
    for child in tok.children:
        if child.dep_ in ("nsubj", "agent") and _lemma(child) in HAZARD_SUBJECTS and not _armed_hazard(child):
            return True
        if child.dep_ == "nsubj" and _lemma(child) in ACCIDENT_HEADS and _accidental(child):
            return True
        if child.dep_ == "agent":
            for grand in child.children:
                if _lemma(grand) in HAZARD_SUBJECTS:
                    return True
    return False


def sentence_is_political(sent: "Span", lemmas: set[str] | None = None, actor_spans: Iterable[tuple[int, int]] = ()) -> bool:
    """Does the sentence name a political participant (or is it free of non-political cues)?

    Named countries, nationalities, organisations and people count as political
    participants, as do the actors the actor stage found in the sentence."""
    lemmas = lemmas if lemmas is not None else {_lemma(t) for t in sent}
    nouns = {_lemma(t) for t in sent if t.pos_ in ("NOUN", "PROPN")}
    if nouns & (POLITICAL_PARTICIPANTS | WEAPON_WORDS):
        return True
    if not (lemmas & NON_POLITICAL_CUES):
        return True
    # with sport, weather or market words about, only a state, armed or named political actor counts
    for a_start, a_end in actor_spans:
        if a_start < sent.end_char and a_end > sent.start_char:
            return True
    return any(ent.label_ in ("NORP",) for ent in sent.ents)


def has_political_participant(sent: "Span", actor_spans: Iterable[tuple[int, int]] = ()) -> bool:
    """A named state, nationality, armed or political group, weapon or political actor in the sentence."""
    nouns = {_lemma(t) for t in sent if t.pos_ in ("NOUN", "PROPN", "ADJ")}
    if nouns & (POLITICAL_PARTICIPANTS | WEAPON_WORDS | ARMED | {"election", "vote", "protest"}):
        return True
    if any(ent.label_ in ("NORP", "GPE") for ent in sent.ents):
        return True
    return any(a < sent.end_char and b > sent.start_char for a, b in actor_spans)


# -- ACLED ------------------------------------------------------------------
AIR = {"airstrike", "air strike", "warplane", "jet", "fighter jet", "aircraft", "helicopter", "drone", "air raid",
       "air force", "aerial", "gunship", "uav"}
SHELLING = {"shell", "shelling", "artillery", "mortar", "rocket", "missile", "bombard", "bombardment", "howitzer",
            "katyusha", "tank", "projectile", "barrage"}
IED = {"ied", "roadside bomb", "landmine", "mine", "car bomb", "explosive device", "booby", "improvised",
       "bomb", "detonate", "explosive", "blast", "explode", "explosion"}
GRENADE = {"grenade"}
SUICIDE = {"suicide", "explosive belt", "explosive vest", "blow himself", "blow herself", "suicide vest"}
ABDUCT = {"abduct", "abduction", "kidnap", "kidnapping", "hostage", "disappear", "disappearance", "hijack", "captive"}
SEXUAL = {"rape", "sexual"}
CROWD_FORCE = {"tear gas", "teargas", "water cannon", "rubber bullet", "baton", "disperse", "truncheon",
               "pellet", "stun grenade", "live ammunition", "live fire", "break up", "arrest", "detain", "beat",
               "charge"}
LETHAL = {"kill", "shoot", "dead", "death", "live ammunition", "live fire", "wound", "injure", "die"}
PROTEST_WORDS = {"protest", "protester", "protestor", "demonstrator", "demonstration", "rally", "march",
                 "marcher", "crowd", "sit-in", "strike", "striker", "picket", "vigil", "gathering", "disperse",
                 "riot", "rioter", "occupy"}
VIOLENT_PROTEST = {"riot", "rioter", "stone", "rock", "molotov", "torch", "set fire", "burn", "vandalize",
                   "vandalise", "loot", "smash", "clash", "storm", "throw", "petrol bomb", "ransack", "attack"}
MOB = {"mob", "lynch", "villager", "resident", "vigilante", "crowd", "community", "youth", "clan", "neighbour"}
ARMED = {"soldier", "troops", "troop", "army", "military", "militant", "rebel", "insurgent", "fighter", "militia",
         "police", "policeman", "officer", "force", "forces", "gunman", "jihadist", "guard", "combatant",
         "soldiers", "militants", "rebels", "fighters", "security", "militiaman", "militiamen", "paramilitary",
         "separatist", "bandit", "armed"}
CIVILIAN = {"civilian", "villager", "resident", "woman", "child", "student", "worshipper", "farmer", "journalist",
            "activist", "unarmed", "family", "passenger", "shopkeeper", "teacher", "worker", "pupil", "aid worker",
            "people", "refugee", "man", "men", "women", "children", "protester", "demonstrator"}
TWO_SIDED = {"clash", "fight", "fighting", "battle", "skirmish", "exchange", "firefight", "gun battle", "shootout",
             "offensive", "counterattack", "repel", "repulse"}
REGAIN = {"recapture", "retake", "retook", "retaken", "regain", "liberate", "reclaim"}
OVERTAKE = {"seize", "capture", "overrun", "take control", "take over", "fall"}
STATE_FORCES = {"army", "troops", "troop", "soldier", "government", "military", "force", "forces"}
NONSTATE = {"militant", "rebel", "insurgent", "jihadist", "militia", "fighter", "group", "islamist", "extremist", "gang"}
WEAPON_CACHE = {"weapon", "arm", "arms", "explosive", "ammunition", "cache", "bomb", "ied", "mine", "missile",
                "rocket", "drone", "grenade", "rifle"}
DISRUPT = {"defuse", "dismantle", "intercept", "shoot down", "neutralize", "neutralise", "detonate safely"}
LOOT_DESTROY = {"loot", "looting", "torch", "raze", "set fire", "burn", "vandalize", "vandalise", "destroy",
                "demolish", "ransack", "pillage", "plunder"}
AGREEMENT = {"agreement", "deal", "accord", "treaty", "ceasefire", "truce", "peace", "memorandum", "pact"}
TERRITORY = {"town", "city", "village", "district", "territory", "area", "region", "base", "province", "border",
             "position", "checkpoint", "control", "neighbourhood", "neighborhood", "crossing", "airport", "port",
             "camp", "valley", "hill", "island", "county", "capital", "stronghold"}


def _cue_set(sent: "Span") -> set[str]:
    """Lower-cased lemmas, words and adjacent lemma pairs of a sentence: what the ACLED cues match."""
    # adjectival participles ("the detained leader") describe, they do not report an action; the topic
    # of a protest ("against the arrest of ...") and a suspicion ("a man suspected of kidnapping") are
    # not what happened here
    skip: set[int] = set()
    for t in sent:
        topic = t.dep_ == "prep" and t.lower_ in ("against", "over", "about") and _lemma(t.head) in PROTEST_WORDS | {"demonstrate"}
        background = t.dep_ == "prep" and t.lower_ in ("after", "following")
        if topic or background or (t.dep_ in ("acl", "amod", "relcl") and _lemma(t) in SUSPICION):
            skip.update(x.i for x in t.subtree)
    toks = [t for t in sent if t.i not in skip and not (t.dep_ == "amod" and t.tag_ == "VBN")]
    cues = {_lemma(t) for t in toks} | {t.lower_ for t in toks}
    cues |= {f"{_lemma(a)} {_lemma(b)}" for a, b in zip(toks, toks[1:])}
    cues |= {f"{_lemma(a)} {_lemma(c)}" for a, b, c in zip(toks, toks[1:], toks[2:]) if b.is_stop}
    return cues


def _recipient_words(tok: "Token") -> set[str]:
    """Lemmas of who an attack is aimed at: objects, passive subjects, 'on'/'against' objects."""
    words: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            words |= {_lemma(t) for t in child.subtree}
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "with"):
            words |= {_lemma(t) for t in child.subtree}
    if tok.dep_ in ("dobj", "pobj", "nsubj") and tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "of"):
                words |= {_lemma(t) for t in child.subtree}
    return words


def acled_for(ev: CodedEvent, sent: "Span", cues: set[str] | None = None) -> tuple[str | None, str | None]:
    """ACLED event type and sub-event type of a coded event, from its type/mode and the sentence's cues."""
    cues = cues if cues is not None else _cue_set(sent)
    t, mode = ev.type, ev.mode
    has = lambda words: bool(cues & words)  # noqa: E731 - a local shorthand
    if t == "PROTEST" or (t == "ASSAULT" and mode == "crowd-control"):
        protest_context = t == "PROTEST" or has(PROTEST_WORDS)
        if protest_context:
            if has(LETHAL) and has(ARMED | {"security"}) and (has(CROWD_FORCE) or t == "ASSAULT" or has({"fire", "open fire", "shoot"})):
                if has({"kill", "dead", "death", "shoot", "live ammunition", "live fire", "die"}):
                    return "Protests", "Excessive force against protesters"
            if has(CROWD_FORCE) or (has({"police", "security", "troops", "soldier"}) and has({"arrest", "detain", "disperse", "clash"})):
                return "Protests", "Protest with intervention"
            if mode == "riot" or has(VIOLENT_PROTEST - {"attack"}):
                return "Riots", "Violent demonstration"
            return "Protests", "Peaceful protest"
    protest_scene = has(PROTEST_WORDS - {"strike", "crowd", "march"}) or (has({"crowd"}) and has({"protest", "demonstrate", "rally"}))
    thrown_bombs = has({"petrol bomb", "molotov", "fire bomb", "firebomb"})
    military_means = has(AIR | SHELLING | SUICIDE | {"grenade"}) or (has({"bomb"}) and not thrown_bombs)
    if t in ("ASSAULT", "COERCE") and protest_scene and not military_means:
        rioting = {"rioter", "riot", "stone", "rock", "molotov", "petrol bomb", "torch", "loot", "burn", "throw", "smash",
                   "vandalize", "vandalise", "set fire"}
        if has(rioting) and not has(ARMED - {"police", "security", "force", "forces"}):
            return "Riots", "Violent demonstration"
        if t == "ASSAULT" and has({"kill", "dead", "death", "shoot", "live ammunition", "live fire", "die"}):
            return "Protests", "Excessive force against protesters"
        if t == "COERCE" or mode == "crowd-control" or has(CROWD_FORCE):
            return "Protests", "Protest with intervention"
    if t == "ASSAULT":
        target = _recipient_words(ev.trigger.head)
        if mode in ("destroy", None) and target & (WEAPON_CACHE | {"explosives", "workshop"}) and not has(LETHAL):
            return "Strategic developments", "Disrupted weapons use"  # destroying the other side's weapons
        if has(SUICIDE):
            return "Explosions/Remote violence", "Suicide bomb"
        # the means named by the event itself (its words, its doer, its instrument) before the sentence's
        local = _instrument_words(ev)
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
        if mode == "explosives" or has(IED - {"blast"}):
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if mode == "abduct" or has(ABDUCT):
            return "Violence against civilians", "Abduction/forced disappearance"
        if mode == "sexual" or has(SEXUAL):
            return "Violence against civilians", "Sexual violence"
        if has(REGAIN) and has(TERRITORY):
            return "Battles", "Government regains territory"
        if has(OVERTAKE) and has(TERRITORY) and has(NONSTATE):
            return "Battles", "Non-state actor overtakes territory"
        doer = ev.trigger.head
        if doer.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in doer.children):
            doer = doer.head  # "set fire to the office and clashed with police": a shared subject
        subjects = {_lemma(g) for c in doer.children if c.dep_ == "nsubj" for g in c.subtree}
        if doer.dep_ == "acl" and not any(c.dep_ == "agent" for c in doer.children):
            subjects |= {_lemma(doer.head)}  # "a crowd set upon two men" parsed as a noun phrase
        if mode == "mob" or (subjects & MOB and not subjects & (ARMED | NONSTATE | {"herder", "gunman", "bandit"}) - {"group"}):
            return "Riots", "Mob violence"
        unarmed_side = subjects and not subjects & (ARMED | NONSTATE | {"gunman", "bandit", "gang", "looter"}) - {"group"}
        if (has(TWO_SIDED) or mode in ("clash", "destroy")) and unarmed_side and target & {"police", "security", "policeman", "officer"}:
            return "Riots", "Violent demonstration"  # civilians fighting the police
        if mode == "destroy" and not has(LETHAL):
            if has(ARMED) or has({"loot", "looting", "looter"}):
                return "Strategic developments", "Looting/property destruction"
            return "Riots", "Mob violence"
        if has(TWO_SIDED) or mode == "clash":
            if not (target & CIVILIAN) or (target & ARMED):
                return "Battles", "Armed clash"
        if target & ARMED and not target & CIVILIAN and has(ARMED - {"police", "security"}):
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if t == "COERCE":
        if has(DISRUPT) or (mode == "seize" and has(WEAPON_CACHE)):
            return "Strategic developments", "Disrupted weapons use"
        if mode == "arrest":
            return "Strategic developments", "Arrests"
        if has(LOOT_DESTROY):
            return "Strategic developments", "Looting/property destruction"
        return acled_default(t, mode)
    if t in ("AGREE", "SUPPORT", "RETREAT", "CONCEDE") and has(AGREEMENT) and has({"sign", "agree", "reach", "agreement", "deal", "accord", "ink", "conclude", "broker", "accept"}):
        return "Strategic developments", "Agreement"
    if t == "RETREAT" and mode == "withdraw" and not has(TERRITORY):
        return "Strategic developments", "Other"
    if t == "SUPPORT":
        return "Strategic developments", "Other"
    return acled_default(t, mode)


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


def code_sentences(sents: list["Span"], rules: RuleClassifier, model: SentenceModel,
                   actor_spans: list[tuple[int, int]] = ()) -> list[tuple["Span", list[CodedEvent]]]:
    """Code every sentence (model probabilities computed in one batch for those with triggers)."""
    found = [(sent, detect_triggers(sent, rules.lexicon)) for sent in sents]
    with_triggers = [(sent, trigs) for sent, trigs in found if trigs]
    probs = model.probs([sent.text for sent, _ in with_triggers])
    out = []
    for (sent, trigs), p in zip(with_triggers, probs):
        political = sentence_is_political(sent, None, actor_spans)
        coded = rules.code_sentence(sent, p, trigs, political, actor_spans)
        cues = _cue_set(sent) if coded else set()
        for ev in coded:
            ev.acled_event_type, ev.acled_sub_event_type = acled_for(ev, sent, cues)
        out.append((sent, coded))
    return out
