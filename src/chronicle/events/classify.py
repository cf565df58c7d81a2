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

import re
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
}
# Weapons name political violence by themselves ("rockets struck a village").
WEAPON_WORDS = {"rocket", "missile", "mortar", "shell", "artillery", "bomb", "grenade", "airstrike", "drone", "gunfire",
                "landmine", "ied", "explosive", "rifle", "machete", "bullet", "ammunition", "warplane", "stick",
                "knife", "baton", "gun", "death", "tank", "helicopter", "jet"}
LABOUR = {"worker", "union", "teacher", "employee", "wage", "pay", "salary", "nurse", "doctor", "driver", "staff"}
SUSPICION = {"suspect", "accuse", "allege", "charge", "want"}
LIGHT_VERBS = {"hold", "stage", "launch", "carry", "conduct", "mount", "organise", "organize", "begin", "start", "make"}
# their inflected forms, for when the lemmatiser misses ("staged" -> "stag")
LIGHT_VERB_FORMS = {"held", "holding", "holds", "staged", "staging", "stages", "launched", "launching", "carried",
                    "conducted", "mounted", "organised", "organized", "began", "begun", "started", "made"}
PEOPLE = {"civilian", "villager", "resident", "woman", "child", "student", "worshipper", "farmer", "journalist",
          "activist", "engineer", "worker", "tourist", "foreigner", "national", "passenger", "teacher", "pupil",
          "girl", "boy", "man", "people", "person", "employee", "official", "soldier", "trader", "priest", "herder"}
MODE_SUB_EVENT = {"suicide-attack": "Suicide bomb", "aerial": "Air/drone strike", "drone": "Air/drone strike",
                  "grenade": "Grenade", "heavy-weapons": "Shelling/artillery/missile attack",
                  "explosives": "Remote explosive/landmine/IED", "unconventional": "Shelling/artillery/missile attack"}
ACCIDENT_HEADS = {"explosion", "blast", "fire", "blaze", "collapse", "attack"}
ACCIDENT_MODIFIERS = {"gas", "boiler", "factory", "industrial", "accidental", "chemical", "mine", "pipeline",
                      "tanker", "fuel", "cylinder", "kitchen", "electrical", "house", "forest", "building",
                      "heart", "panic", "asthma", "plant", "refinery", "warehouse", "depot", "furnace", "reactor",
                      "fireworks", "firework", "propane", "methane", "coal"}
ACCIDENT_VERBS = {"collide", "crash", "derail", "capsize", "sink", "collapse", "overturn", "plunge"}
WEAPON_MODES = {"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "grenade", "unconventional"}
HAZARD_SUBJECTS = {"rain", "rains", "downpour", "snow", "snowfall", "wind", "mudslide", "drought", "wildfire", "bushfire", "flood", "flooding", "storm", "earthquake", "quake", "fire", "blaze", "landslide", "accident",
                   "crash", "disease", "virus", "lightning", "heat", "heatwave", "avalanche", "cyclone", "hurricane",
                   "typhoon", "tornado", "collision", "outbreak", "wave", "tsunami"}
# Triggers whose everyday senses are not political (a striker, a heart attack, a team
# beat its rival, a fire broke out): they need a political participant in the sentence.
AMBIGUOUS_TRIGGERS = {"strike", "attack", "beat", "fire", "shoot", "storm", "clash", "battle", "fight", "hit",
                      "target", "capture", "blast", "explosion", "explode", "burn", "destroy", "march",
                      "rally", "block", "halt", "suspend", "cancel", "end", "freeze", "release", "free", "support",
                      "back", "share", "exchange", "trade", "deliver", "provide", "supply", "fund", "search",
                      "mine", "rocket", "missile", "drill", "station", "offensive"}


class SentenceView:
    """A sentence's token attributes, read from spaCy once and shared by every rule that needs them.

    Reading `lemma_`/`pos_` builds Python strings from the C tokens each time; the trigger
    detector, the political-context tests, the frame rules and the ACLED cues all look at the
    same words, so they read them here (lists by position, sets for membership)."""

    __slots__ = ("sent", "tokens", "lemmas", "lemma_set", "_nouns", "_content", "_deps", "_depths", "_cues", "_ents")

    def __init__(self, sent: "Span"):
        self.sent = sent
        self.tokens = list(sent)
        self.lemmas = [t.lemma_.lower() for t in self.tokens]
        self.lemma_set = set(self.lemmas)
        # the rest is read only for sentences with triggers, once
        self._nouns: set[str] | None = None
        self._content: set[str] | None = None
        self._deps: list[str] | None = None
        self._depths: dict[int, int] = {}
        self._cues: set[str] | None = None
        self._ents: set[str] | None = None

    @property
    def ent_types(self) -> set[str]:
        """Named-entity labels in the sentence, from the tokens (Span.ents walks every entity of the doc)."""
        if self._ents is None:
            self._ents = {t.ent_type_ for t in self.tokens} - {""}
        return self._ents

    def _read_pos(self) -> None:
        pos = [t.pos_ for t in self.tokens]
        self._nouns = {lem for lem, p in zip(self.lemmas, pos) if p in ("NOUN", "PROPN")}
        self._content = self._nouns | {lem for lem, p in zip(self.lemmas, pos) if p == "ADJ"}

    @property
    def noun_set(self) -> set[str]:
        if self._nouns is None:
            self._read_pos()
        return self._nouns

    @property
    def content_set(self) -> set[str]:
        """Lemmas of nouns, proper nouns and adjectives."""
        if self._content is None:
            self._read_pos()
        return self._content

    @property
    def deps(self) -> list[str]:
        if self._deps is None:
            self._deps = [t.dep_ for t in self.tokens]
        return self._deps

    def depth(self, tok: "Token") -> int:
        """Dependency distance from the root (memoised: the rules sort by it again and again)."""
        d = self._depths.get(tok.i)
        if d is None:
            d = self._depths[tok.i] = _depth(tok)
        return d

    @property
    def cues(self) -> set[str]:
        if self._cues is None:
            self._cues = _cue_set(self.sent, self)
        return self._cues


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
    commentary: bool = False  # the outlet comments on an event named before ("these protests showed ...")
    outcome: bool = False  # a toll with no doer ("nine people were killed"): the result of an attack told elsewhere

    @property
    def salience(self) -> float:
        return (self.score * (1.0 - 0.2 * min(self.depth, 3)) * (0.6 if self.circumstance else 1.0)
                * (0.5 if self.commentary else 1.0))


def _lemma(tok: "Token") -> str:
    return tok.lemma_.lower()


def _prep_objects(tok: "Token", preps: "set[str] | tuple[str, ...]") -> list["Token"]:
    """The objects of the token's prepositions in `preps`: "fired into [the air]"."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


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
                                       and _lemma(t.head) not in AMBIGUOUS_TRIGGERS)
            for t in triggers for s in t.senses)
        heads = {t.head.i: t for t in triggers}
        self._own_heads = set(heads)
        # "held a sit-in to demand ...": a light verb carries its event noun's clauses
        for t in triggers:
            verb = t.head.head
            if t.head.dep_ == "dobj" and (_lemma(verb) in LIGHT_VERBS or verb.lower_ in LIGHT_VERB_FORMS) and verb.i not in heads:
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
        # "without fighting", "instead of talks": events said not to happen are no events; nor are
        # capacities ("the authority to order arrests"), figurative struggles ("fought for freedom"),
        # states ("enjoys the support of"), seizures of abstractions ("seize power") by way of
        # gradual processes, and re-mentions of an event with nothing new ("details of these killings")
        for k in [k for k, ev in events.items() if _under_without(ev.trigger.head) or _not_an_occurrence(ev)]:
            del events[k]
        for ev in events.values():
            _mark_commentary(ev, view)
            ev.outcome = _bare_toll(ev)
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
            if self._absorb(frame, ev, _lemma(gov.head)):
                frame.content.append(trig)
                del events[trig.head.i]
        # the same event named twice across a circumstance ("killed during the attacks")
        for k in sorted(events, key=lambda k: -view.depth(events[k].trigger.head)):
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
        # "held a vigil ... and called on the government to ...": demands made by demonstrating;
        # "pelted the police, accusing them of ...": the grievance behind the act
        if any(ev.type in ("PROTEST", "ASSAULT") for ev in events.values()):
            for k in [k for k, ev in events.items() if ev.type in ("REQUEST", "ACCUSE", "REJECT")
                      and _joined_to_protest(ev.trigger.head, events, heads)]:
                del events[k]
        # "stormed a prison and freed the inmates": the freeing is part of the attack, not a concession
        for k in [k for k, ev in events.items() if ev.type == "RETREAT" and ev.trigger.head.dep_ == "conj"
                  and getattr(events.get(ev.trigger.head.head.i), "type", None) == "ASSAULT"]:
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
            # a content trigger with a political sense ("marched ... to demand") settles it, and so
            # does a grievance ("marched against new taxes", "rallied over the killing")
            if ev.type == "PROTEST" and any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in ev.trigger.head.children):
                return False
            return all(t.kind == "word" and _lemma(t.head) in AMBIGUOUS_TRIGGERS for t in [ev.trigger, *ev.content])

        if any(ambiguous(ev) for ev in coded) and (not has_political_participant(sent, actor_spans, view)
                                                   or _sport_result(view) and not view.noun_set & ARMED):
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
            company = self._view.lemma_set
            if company & (AIR | SHELLING | ARMED | {"military", "coalition"}) and not company & LABOUR:
                sense = max((x for x in ev.trigger.senses if x.type == "ASSAULT"), key=lambda x: x.weight)
                ev.type, ev.mode = "ASSAULT", sense.mode
        if _lemma(tok) == "charge" and tok.pos_ == "VERB" and {
                _lemma(g) for c in tok.children if c.dep_ == "nsubj" for g in c.subtree} & ARMED and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            ev.type, ev.mode = "ASSAULT", "crowd-control"  # riot police charging a crowd, not a court charge
        if ev.type == "ASSAULT" and any(_lemma(g) == "air" for g in _prep_objects(tok, ("into", "in"))):
            ev.mode = "crowd-control"  # "fired into the air": warning shots, force short of shooting at people
        if ev.type == "COERCE" and ev.mode == "seize":
            objects = {_lemma(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
            places = {_lemma(g) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                      for g in [c, *(x for x in c.children if x.dep_ in ("compound", "amod"))]}
            if places & TERRITORY - {"control"} or any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in tok.children):
                ev.type, ev.mode = "ASSAULT", "clash"  # seizing a town is taking territory by force
            if objects & PEOPLE or any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ in ("PERSON", "NORP") for c in tok.children):
                ev.type, ev.mode = "ASSAULT", "abduct"  # seizing people is abduction
            elif objects & ABSTRACT_SEIZED:
                ev.mode = None  # "seized power": a takeover, not a confiscation of goods
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
        view = self._view
        for tok, dep in zip(view.tokens, view.deps):
            if dep != "ccomp" or _lemma(tok.head) not in SPEECH_VERBS:
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


def _not_an_occurrence(ev: CodedEvent) -> bool:
    """Words that name an event without reporting that it happened here."""
    tok = ev.trigger.head
    if ev.type == "CONSULT" and _lemma(tok) == "meet" and any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return True  # "protesters were met with tear gas": a reception, not a meeting
    cur = tok
    for _ in range(6):
        # "the authority ... to order his agents to massacre": a capacity and everything inside it
        infinitive = cur.dep_ in ("acl", "advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if infinitive and (_lemma(cur.head) in CAPACITY_NOUNS or _lemma(cur.head) in ENABLING_VERBS):
            return True  # "gave them the means to strike", "provided him with cover to order ...": a capacity
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if ev.type == "ASSAULT" and any(_lemma(g) in CAUSES for g in _prep_objects(tok, ("for",))) and not any(
            c.dep_ in ("dobj", "prep") and c.lower_ in ("with", "against") for c in tok.children):
        return True  # "fought for freedom"
    if ev.type in ("SUPPORT", "AID", "COOPERATE") and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _lemma(tok.head) in STATE_VERBS:
        return True  # "enjoys the support of"
    if ev.type == "AID" and tok.pos_ == "VERB" and (_object_words(tok) | {
            _lemma(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children}) & CAPACITY_NOUNS:
        return True  # "the posts provide him with the authority": standing, not aid
    if ev.type == "COERCE" and _lemma(tok) in ("break", "scatter", "disperse"):
        objects = {_lemma(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if objects and not objects & (PROTEST_WORDS | PEOPLE | CROWDS):
            return True  # "broke up the old ship": not a crowd dispersed
    if tok.pos_ == "NOUN" and _anaphoric(tok) and not _own_details(tok):
        return True  # "details of these killings": the event was reported before, nothing new here
    if ev.type == "ASSAULT" and _figurative_attack(tok):
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "as" and _lemma(tok.head.head) in CHARACTERISING_VERBS:
        return True  # "condemned the detention as an attack": what an act is called, not another act
    return False


def _figurative_attack(tok: "Token") -> bool:
    """"An attack on press freedom", "assaulting democracy": nothing struck but an idea."""
    targets = _prep_objects(tok, ("on", "upon", "against")) + [c for c in tok.children if c.dep_ == "dobj"]
    return any(_lemma(t) in ABSTRACT_TARGETS for t in targets)


TOLL_VERBS = {"kill", "wound", "injure", "die", "dead", "hurt"}


def _bare_toll(ev: CodedEvent) -> bool:
    """"At least nine people were killed", "two died": casualties with no doer, weapon or scene of their own."""
    tok = ev.trigger.head
    if ev.type != "ASSAULT" or _lemma(tok) not in TOLL_VERBS or ev.content:
        return False
    if _lemma(tok) in ("kill", "wound", "injure", "hurt") and not any(c.dep_ == "nsubjpass" for c in tok.children):
        return False  # active "gunmen killed ...": the doer is named
    return not any(c.dep_ in ("agent", "advcl") or c.dep_ == "prep" and c.lower_ in ("in", "by", "during", "when")
                   for c in tok.children)


def _anaphoric(tok: "Token") -> bool:
    return any(c.dep_ in ("det", "amod", "predet") and c.lower_ in ANAPHORIC_DETS for c in tok.children)


def names_an_earlier_event(tok: "Token") -> bool:
    """"The attack came a day after ...": a definite event noun with nothing of its own (no
    place, time, participants or numbers). After an event of its type in the same article it
    is that event named again, not a new one; the article stage decides (it sees the article)."""
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
            c.dep_ == "aux" and _lemma(c) == "have" for c in kids):
        return True
    return tok.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in tok.head.children)


def _mark_commentary(ev: CodedEvent, view: SentenceView | None = None) -> None:
    """Lower the standing of an event the outlet comments on or describes as a pattern:
    "these protests in Basra showed ...", "the protests were a blow to ...", "routinely tortured"."""
    tok = ev.trigger.head
    commented = tok.pos_ == "NOUN" and (
        _anaphoric(tok) or tok.dep_ in ("nsubj", "nsubjpass") and _lemma(tok.head) in EVALUATIVE_VERBS
        or tok.dep_ == "attr" and _lemma(tok.head) == "be")  # "... were a warning to the government"
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
    perfect = any(c.dep_ in ("aux", "auxpass") and _lemma(c) == "have" for c in kids)
    since = any(c.lower_ == "since" and c.dep_ == "prep" or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in kids)
    return perfect and since


def _joined_to_protest(tok: "Token", events: dict[int, CodedEvent], heads: dict[int, Trigger]) -> bool:
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


def _sport_result(view: SentenceView) -> bool:
    """A match score ("beat Madrid 4-0", "won 112-104") outside an electoral count."""
    return bool(_SCORE.search(view.sent.text)) and not view.lemma_set & ELECTORAL


def _armed_hazard(tok: "Token") -> bool:
    """"Mortar fire", "rocket fire": a weapon, not a blaze."""
    return any(c.dep_ in ("compound", "amod") and _lemma(c) in WEAPON_WORDS | {"sniper", "tank", "gun"} for c in tok.children)


def _accidental(tok: "Token") -> bool:
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    # "an explosion at a fertiliser plant": the site counts like a modifier
    mods += _prep_objects(tok, ("at", "in", "inside"))
    mods += [g for c in mods if c.dep_ in ("compound", "pobj") for g in c.children if g.dep_ in ("compound", "amod")]
    return any(_lemma(c) in ACCIDENT_MODIFIERS for c in mods)


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
        # the weapon's own modifiers ("a guided bomb", "a barrel bomb")
        words |= {f"{_lemma(c)} {_lemma(trig.head)}" for c in trig.head.children if c.dep_ in ("amod", "compound")}
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


def _clause_subject_is_hazard(tok: "Token") -> bool:
    """A verb without a subject of its own shares the one of the clause it hangs from (participles,
    coordinated verbs): is that subject a natural hazard?"""
    cur = tok
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if subj:
            return cur is not tok and any(_lemma(c) in HAZARD_SUBJECTS and not _armed_hazard(c) for c in subj)
        if cur.head.i == cur.i or cur.dep_ not in ("advcl", "conj", "dobj", "xcomp"):
            return False
        cur = cur.head
    return False


def _hazard_subject(tok: "Token") -> bool:
    """"Floods killed 12 people": the doer is a natural hazard or an accident."""
    if _lemma(tok) in ACCIDENT_HEADS and _accidental(tok):
        return True  # "a gas explosion": the trigger itself names an accident
    if tok.dep_ == "acl" and _lemma(tok.head) in HAZARD_SUBJECTS:
        return True  # "a wildfire burned through the forest" parsed as a noun phrase
    if _clause_subject_is_hazard(tok):
        return True  # "rains triggered landslides, killing 14 and blocking highways": the rain did it
    if tok.dep_ == "conj" and tok.head.i != tok.i and _hazard_subject(tok.head):
        return True  # "a crash killed nine and injured 15": the subject is shared
    if tok.dep_ == "advcl" and _lemma(tok.head) in ACCIDENT_VERBS:
        return True  # "two trains collided, injuring dozens"
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i != tok.i and any(
            c.dep_ == "nsubj" and _lemma(c) in HAZARD_SUBJECTS and not _armed_hazard(c) for c in tok.head.children):
        return True  # "floods swept through the province, killing 300": the participle shares the flood as subject
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


# -- ACLED ------------------------------------------------------------------
AIR = {"airstrike", "air strike", "warplane", "jet", "fighter jet", "aircraft", "helicopter", "drone", "air raid",
       "air force", "aerial", "gunship", "uav", "glide bomb", "barrel bomb", "guided bomb", "guide bomb", "aerial bomb"}
SHELLING = {"shell", "shelling", "artillery", "mortar", "rocket", "missile", "bombard", "bombardment", "howitzer",
            "katyusha", "tank", "projectile", "barrage"}
IED = {"ied", "roadside bomb", "landmine", "mine", "car bomb", "explosive device", "booby", "improvised",
       "bomb", "detonate", "explosive", "blast", "explode", "explosion"}
# "mine" is a landmine only when something set it off ("a coltan mine" is a pit)
MINE_SET_OFF = {"hit", "strike", "step", "explode", "detonate", "blast", "go off", "trigger", "run over"}
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
# what demonstrators do besides marching: roads blocked with barricades or burning tyres, slogans
DEMONSTRATION_ACTS = {"barricade", "burning tyre", "burn tyre", "tyre", "tire", "placard", "banner", "slogan", "chant",
                      "block road", "block highway", "block the road"}
MOB = {"mob", "lynch", "villager", "resident", "vigilante", "crowd", "community", "youth", "clan", "neighbour"}
ARMED = {"soldier", "troops", "troop", "army", "military", "militant", "rebel", "insurgent", "fighter", "militia",
         "police", "policeman", "officer", "force", "forces", "gunman", "jihadist", "guard", "combatant",
         "soldiers", "militants", "rebels", "fighters", "security", "militiaman", "militiamen", "paramilitary",
         "separatist", "bandit", "armed", "guerrilla", "terrorist", "extremist", "islamist", "jihadi"}
CIVILIAN = {"civilian", "villager", "resident", "woman", "child", "student", "worshipper", "farmer", "journalist",
            "activist", "unarmed", "family", "passenger", "shopkeeper", "teacher", "worker", "pupil", "aid worker",
            "people", "refugee", "man", "men", "women", "children", "protester", "demonstrator"}
TWO_SIDED = {"clash", "fight", "fighting", "battle", "skirmish", "exchange", "firefight", "gun battle", "shootout",
             "offensive", "counterattack", "repel", "repulse"}
REGAIN = {"recapture", "retake", "retook", "retaken", "regain", "liberate", "reclaim"}
OVERTAKE = {"seize", "capture", "overrun", "take control", "take over", "fall"}
# who does the violence: supporters, students, workers rioting are demonstrators (a violent
# demonstration); crowds, villagers and residents without a demonstration are a mob
RIOTER_SUBJECTS = {"supporter", "protester", "protestor", "demonstrator", "student", "fan", "partisan", "activist",
                   "rioter", "worker", "trader", "driver"}
STRONG_RIOT = {"rioter", "riot", "stone", "rock", "molotov", "petrol bomb", "torch", "set fire", "loot", "smash",
               "vandalize", "vandalise", "ransack", "hurl", "pelt", "stone-throwing", "firebomb"}
# a detention the family cannot trace is a forced disappearance
DISAPPEARED = {"whereabouts", "not be see", "not see", "disappear", "disappearance", "unknown location",
               "missing", "no trace"}
GROUP_CHANGE = {"merge", "merger", "split", "splinter", "dissolve", "disband", "rename", "alliance"}
STATE_FORCES = {"army", "troops", "troop", "soldier", "government", "military", "force", "forces"}
NONSTATE = {"militant", "rebel", "insurgent", "jihadist", "militia", "fighter", "group", "islamist", "extremist", "gang"}
WEAPON_CACHE = {"weapon", "arm", "arms", "explosive", "ammunition", "cache", "bomb", "ied", "mine", "missile",
                "rocket", "drone", "grenade", "rifle"}
DISRUPT = {"defuse", "dismantle", "intercept", "shoot down", "neutralize", "neutralise", "detonate safely",
           "safely detonate", "controlled explosion", "bomb disposal", "deactivate", "disarm"}
# weapons that make a crowd no armed group ("men armed with sticks and stones")
PRIMITIVE = {"stick", "stone", "rock", "machete", "club", "knife", "spear", "bow", "arrow", "cudgel", "iron bar", "axe"}
# clauses that report a grievance or a claim: their words are not what happened ("accusing police of failing to stop kidnappings")
GRIEVANCE_VERBS = {"accuse", "blame", "denounce", "condemn", "demand", "allege", "decry"}
LOOT_DESTROY = {"loot", "looting", "torch", "raze", "set fire", "burn", "vandalize", "vandalise", "destroy",
                "demolish", "ransack", "pillage", "plunder"}
AGREEMENT = {"agreement", "deal", "accord", "treaty", "ceasefire", "truce", "peace", "memorandum", "pact"}
TERRITORY = {"town", "city", "village", "district", "territory", "area", "region", "base", "province", "border",
             "position", "checkpoint", "control", "neighbourhood", "neighborhood", "crossing", "airport", "port",
             "camp", "valley", "hill", "island", "county", "capital", "stronghold"}


def _cue_set(sent: "Span", view: SentenceView | None = None) -> set[str]:
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
            topic = low in ("against", "over", "about") and _lemma(t.head) in PROTEST_WORDS | {"demonstrate"}
            if topic or low in ("after", "following", "ahead", "before"):
                skip.update(x.i for x in t.subtree)
        elif dep == "advmod" and t.lower_ == "ahead":
            skip.update(x.i for x in t.subtree)  # "ahead of a planned rally": what has not happened yet
        elif dep in ("acl", "amod", "relcl") and lem in SUSPICION:
            skip.update(x.i for x in t.subtree)
        elif dep in ("advcl", "acl", "xcomp", "conj") and lem in GRIEVANCE_VERBS:
            # what a side clause accuses someone of is the grievance, not this event; the verb stays
            skip.update(x.i for c in t.children if c.dep_ in ("prep", "dobj", "ccomp", "xcomp") for x in c.subtree)
    for t, lem in zip(view.tokens, view.lemmas):
        if t.i in skip or (t.dep_ == "amod" and t.tag_ == "VBN"):
            continue
        if lem == "riot" and t.dep_ in ("compound", "amod", "nmod"):
            lem = "riot-unit"  # "riot police", "anti-riot units": who intervenes, not a riot
        kept.append((lem, t.lower_ if lem != "riot-unit" else lem, t.is_stop))
    cues = {lem for lem, _, _ in kept} | {low for _, low, _ in kept}
    cues |= {f"{a[0]} {b[0]}" for a, b in zip(kept, kept[1:])}
    cues |= {f"{a[0]} {c[0]}" for a, b, c in zip(kept, kept[1:], kept[2:]) if b[2]}
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
            if mode == "riot" or has(STRONG_RIOT):
                return "Riots", "Violent demonstration"
            crowd_control = t == "ASSAULT"  # force used on a crowd (tear gas, warning shots, batons)
            if has(LETHAL) and has(ARMED | {"security"}) and (has(CROWD_FORCE) or t == "ASSAULT" or has({"fire", "open fire", "shoot"})):
                if has({"kill", "dead", "death", "shoot", "live ammunition", "live fire", "die"}):
                    return "Protests", "Excessive force against protesters"
            if crowd_control or has(CROWD_FORCE) or (has({"police", "security", "troops", "soldier"}) and has({"arrest", "detain", "disperse", "clash"})):
                return "Protests", "Protest with intervention"
            if mode == "riot" or has(VIOLENT_PROTEST - {"attack"}):
                return "Riots", "Violent demonstration"
            return "Protests", "Peaceful protest"
    protest_scene = (has(PROTEST_WORDS - {"strike", "crowd", "march"}) or (has({"crowd"}) and has({"protest", "demonstrate", "rally"}))
                     or has(DEMONSTRATION_ACTS))
    thrown_bombs = has({"petrol bomb", "molotov", "fire bomb", "firebomb"})
    military_means = has(AIR | SHELLING | SUICIDE | {"grenade"}) or (has({"bomb"}) and not thrown_bombs)
    if t in ("ASSAULT", "COERCE") and protest_scene and not military_means:
        rioting = {"rioter", "riot", "stone", "rock", "molotov", "petrol bomb", "torch", "loot", "burn", "throw", "smash",
                   "vandalize", "vandalise", "set fire"}
        doers = _doers(ev)
        if has(rioting) and (not doers & (ARMED | NONSTATE) if doers else not has(ARMED - {"police", "security", "force", "forces"})):
            return "Riots", "Violent demonstration"
        if t == "ASSAULT" and has({"kill", "dead", "death", "shoot", "live ammunition", "live fire", "die"}):
            return "Protests", "Excessive force against protesters"
        if t == "COERCE" or mode == "crowd-control" or has(CROWD_FORCE):
            return "Protests", "Protest with intervention"
    if t == "ASSAULT":
        target = _recipient_words(ev.trigger.head)
        if has(DISRUPT) and _clause_words(ev.trigger.head) & DISRUPT:
            return "Strategic developments", "Disrupted weapons use"  # "police safely detonated the bomb"
        taken = _taken_territory(ev)
        if taken:
            # "rebels seized the town": the capture is the event, whatever weapons the sentence names
            if taken == "regain" or _doers(ev) & STATE_FORCES and not _doers(ev) & NONSTATE:
                return "Battles", "Government regains territory"
            return "Battles", "Non-state actor overtakes territory"
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
        if mode == "explosives" or has(IED - {"blast", "mine"}) or (has({"mine"}) and has(MINE_SET_OFF)):
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if mode == "abduct" or has(ABDUCT):
            return "Violence against civilians", "Abduction/forced disappearance"
        if mode == "sexual" or has(SEXUAL):
            return "Violence against civilians", "Sexual violence"
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
            if (subjects & MOB or has({"mob", "crowd"})) and not has(ARMED):
                return "Riots", "Mob violence"  # a crowd burning houses
            return "Strategic developments", "Looting/property destruction"  # arson, looting, razing
        if has(TWO_SIDED) or mode == "clash":
            if not (target & CIVILIAN) or (target & ARMED):
                return "Battles", "Armed clash"
        if target & ARMED and not target & CIVILIAN and has(ARMED - {"police", "security"}):
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if t == "COERCE":
        if _lemma(ev.trigger.head) in ("break", "scatter", "disperse"):
            return "Protests", "Protest with intervention"  # a crowd dispersed (the object was checked upstream)
        if has(DISRUPT) or (mode == "seize" and has(WEAPON_CACHE)):
            return "Strategic developments", "Disrupted weapons use"
        if mode == "arrest":
            if has(DISAPPEARED):
                return "Violence against civilians", "Abduction/forced disappearance"  # detained, then not seen again
            return "Strategic developments", "Arrests"
        subjects = _doers(ev)
        if has(LOOT_DESTROY) and subjects and not subjects & (ARMED | NONSTATE | {"gunman", "looter"}) - {"group"}:
            # burning and looting by people who are no armed group: a riot
            if subjects & RIOTER_SUBJECTS:
                return "Riots", "Violent demonstration"
            if subjects & MOB:
                return "Riots", "Mob violence"
        if has(LOOT_DESTROY):
            return "Strategic developments", "Looting/property destruction"
        return acled_default(t, mode)
    if t in ("AGREE", "SUPPORT", "RETREAT", "CONCEDE") and has(AGREEMENT) and has({"sign", "agree", "reach", "agreement", "deal", "accord", "ink", "conclude", "broker", "accept"}):
        return "Strategic developments", "Agreement"
    if t in ("COOPERATE", "MOBILIZE", "AGREE") and has(GROUP_CHANGE) and _group_doers(ev) & (NONSTATE | ARMED | {"faction", "movement"}):
        return "Strategic developments", "Change to group/activity"  # armed groups merging or splitting
    if t == "AGREE":
        # ACLED records agreements reached, not promises, offers or plans to meet
        if _lemma(ev.trigger.head) in AGREED_VERBS and not ev.framed:
            return "Strategic developments", "Agreement"
        return None, None
    if t == "RETREAT" and _object_words(ev.trigger.head) & TERRITORY:
        return "Strategic developments", "Non-violent transfer of territory"  # "handed over the town"
    if t == "RETREAT" and mode == "withdraw" and not has(TERRITORY):
        return "Strategic developments", "Other"
    return acled_default(t, mode)


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
    lemmas = [_lemma(t) for t in toks]
    return set(lemmas) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])}


AGREED_VERBS = {"agree", "sign", "reach", "conclude", "ink", "broker", "seal", "clinch", "strike"}


def _object_words(tok: "Token") -> set[str]:
    return {_lemma(g) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
            for g in [c, *(x for x in c.children if x.dep_ in ("compound", "amod"))]} | {
        _lemma(g) for g in _prep_objects(tok, ("of", "from"))}


def _taken_territory(ev: CodedEvent) -> str | None:
    """"regain" or "overtake" when the event itself is the capture of a place, else None."""
    tok = ev.trigger.head
    lemma = _lemma(tok)
    takes_over = lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children)
    if not (lemma in REGAIN | OVERTAKE | CAPTURE_VERBS or takes_over):
        return None
    objects = _object_words(tok)
    places = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if "control" in objects:  # "took control of the town": the place is the object of "control"
        places += [g for c in places if _lemma(c) == "control"
                   for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        objects |= {_lemma(g) for g in places}
    elif lemma in ("take", "gain") and not takes_over:
        return None  # "took part", "gained ground" without control of a place
    place_object = bool(objects & (TERRITORY - {"control"})) or any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in places)
    if not place_object:
        return None
    return "regain" if lemma in REGAIN else "overtake"


CAPTURE_VERBS = {"seize", "capture", "overrun", "take", "gain"}


PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "-PRON-"}


def _group_doers(ev: CodedEvent) -> set[str]:
    """The doers, looked up in the reporting clause when the event's own subject is a pronoun
    ("the militant group announced that it had formed an alliance")."""
    doers = _doers(ev)
    tok = ev.trigger.head
    if (not doers or doers <= PRONOUNS) and tok.dep_ in ("ccomp", "xcomp") and tok.head.i != tok.i:
        doers |= {_lemma(g) for c in tok.head.children if c.dep_ == "nsubj" for g in c.subtree}
    return doers


def _doers(ev: CodedEvent) -> set[str]:
    """Lemmas of the subject of the event's clause (a shared subject for coordinated verbs)."""
    doer = ev.trigger.head
    if doer.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in doer.children):
        doer = doer.head  # "set fire to the office and clashed with police": a shared subject
    subjects = {_lemma(g) for c in doer.children if c.dep_ == "nsubj" for g in c.subtree}
    if doer.dep_ == "acl" and not any(c.dep_ == "agent" for c in doer.children):
        subjects |= {_lemma(doer.head)}  # "a crowd set upon two men" parsed as a noun phrase
    if "armed" in subjects and subjects & PRIMITIVE:
        subjects.discard("armed")  # "men armed with sticks": a crowd, not an armed group
    return subjects


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
    found = []
    for sent in sents:
        view = SentenceView(sent)  # every token attribute read once for the sentence
        found.append((sent, view, detect_triggers(sent, rules.lexicon, view.tokens, view.lemmas)))
    with_triggers = [(sent, view, trigs) for sent, view, trigs in found if trigs]
    probs = model.probs([sent.text for sent, _, _ in with_triggers])
    out = []
    for (sent, view, trigs), p in zip(with_triggers, probs):
        political = sentence_is_political(sent, None, actor_spans, view)
        coded = rules.code_sentence(sent, p, trigs, political, actor_spans, view)
        for ev in coded:
            ev.acled_event_type, ev.acled_sub_event_type = acled_for(ev, sent, view.cues)
        out.append((sent, coded))
    return out
