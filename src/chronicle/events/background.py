"""Past happenings a sentence recounts as context, told apart from the news by syntax.

A news article reports its news in main clauses; it recounts the past of the
people, places and things it names in clauses hung on them, and says what led to
the news in clauses of sequence:

  description   "Okruashvili, who has received asylum in France, ..."
                "the Golan Heights, which Israel captured from Syria ..."
                a relative clause on a noun: the past of what that noun names
  sequence      "The police action came after officials complained ..."
                "... a year after the army took the town"
                what happened before the event the main clause reports
  framing date  "The saga has echoes of 2007, when the government accused ..."
                "... captured from Syria during the 1967 war"
                a clause dated by the date it hangs from, not by the article's date

`recounted_past(trigger)` says whether a trigger's clause recounts the past (its
event is background unless its own words date it as news); `framing_time(ann,
trigger)` finds the date a clause hangs from; `backshifted(trigger)` tells the
past perfect of reported speech ("said ten people had been arrested": news)
from the past perfect of background. All read the dependency parse only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

_PAST_TAGS = {"VBD", "VBN"}
# Subordinators of sequence: the clause tells what came before the main event
BEFORE_MAIN = {"after", "since", "following"}
_MAX_UP = 8


def clause_verb(tok: "Token") -> "Token":
    """The verb heading the trigger's clause (the trigger itself when it is a verb)."""
    cur = tok
    for _ in range(_MAX_UP):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _past(verb: "Token") -> bool:
    """Simple past, past or present perfect, passive past: not present, not future."""
    if simple_past(verb):
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN" and aux & {"has", "have", "had", "was", "were", "'s", "'ve", "'d"}:
        return True
    return bool(aux & {"had", "did"})


def simple_past(verb: "Token") -> bool:
    """The simple past: tagged so, or a participle with a subject of its own and no auxiliary
    ("groups objected to ...", which the tagger often takes for a participle)."""
    if verb.tag_ == "VBD":
        return True
    kids = [c.dep_ for c in verb.children]
    return verb.tag_ == "VBN" and "nsubj" in kids and not ({"aux", "auxpass"} & set(kids))


def recounted_past(trigger: "Token") -> bool:
    """Does the trigger's clause recount the past of something the sentence names, or what
    came before its main event? (A relative clause on a noun, an after/since clause or phrase,
    a concession set against the present, a past the verb itself calls done already.)"""
    if _prior_happening(trigger):
        return True  # "declared a truce following the army's offensive"
    verb = clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBG" and sequence_clause(verb) and _past(clause_verb(verb.head.head)):
        return stated_stretch(verb)  # "resigned after facing a week of criticism"
    if not _past(verb):
        return False
    if simple_past(verb) and any(c.dep_ == "advmod" and c.lower_ == "already" for c in verb.children):
        return True  # "the mayor already agreed to return the money": done before the news
    if (verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN") and not _time_antecedent(verb)
            and not _locative_relative(verb) and verb.head.lemma_.lower() not in _HAPPENINGS):
        return True  # "Okruashvili, who has received asylum", "the Heights, which Israel captured"
    if sequence_clause(verb):
        return True  # "came after officials complained", "..., after the army had taken the town"
    if simple_past(verb) and _concession_to_the_present(verb):
        return True  # "troops are stationed there, although the militias objected"
    return False


def sequence_clause(verb: "Token") -> bool:
    """A clause of sequence: the verb heads an after/since/following clause ("came after
    officials complained", "after facing criticism") that is not just moments before."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in BEFORE_MAIN:
        return not _just_before(verb.head, verb) and not _statement_on(verb.head.head)
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in BEFORE_MAIN]
    return (verb.dep_ == "advcl" and bool(marks) and not _just_before(marks[0], verb)
            and not _statement_on(verb.head))


def _statement_on(main: "Token") -> bool:
    """A statement made after a happening ("told reporters after two days of talks", "said after
    the meeting") is made on it, as news is reported: the happening is the news too."""
    return _lemma(main) in _REPORTING


def measured_gap(opener: "Token") -> bool:
    """Does a stated stretch of weeks or more part the clause or phrase of sequence that `opener`
    heads from the main event ("less than a decade after exchanging ...", "two years after the
    army took the town")? Read from the words before "after": the parse hangs the measure on
    either verb."""
    marks = [c for c in opener.children if c.dep_ == "mark" and c.lower_ in BEFORE_MAIN]
    subordinator = marks[0] if marks else opener.head
    doc = subordinator.doc
    before = doc[max(subordinator.sent.start, subordinator.i - 3): subordinator.i]
    return any(t.lemma_.lower() in _LONG_GAPS or t.lower_ in ("days", "nights") for t in before)


_LONG_GAPS = {"week", "month", "year", "decade", "century", "generation"}


def stated_stretch(opener: "Token") -> bool:
    """Does an after-clause told by a gerund ("after facing weeks of criticism", "two years after
    leaving office") state a stretch of weeks or more between it and the main event? Without one,
    the gerund tells what its subject did just before, in the same story ("joined the convoy after
    ignoring a house arrest order"): the main event's own time, news when that is news."""
    return measured_gap(opener) or any(t.lemma_.lower() in _LONG_GAPS for t in opener.subtree)


def sequence_phrase(noun: "Token") -> bool:
    """An event noun named as what another event came after ("after the election",
    "following the offensive"), not just moments before ("hours after the blast")."""
    # "following" is parsed as a preposition or as a participle taking an object
    return (noun.pos_ == "NOUN" and noun.dep_ in ("pobj", "dobj") and noun.head.lower_ in BEFORE_MAIN
            and not _just_before(noun.head, noun) and not _statement_on(noun.head.head))


def _prior_happening(trigger: "Token") -> bool:
    """A sequence phrase ("after the election") in a clause that tells the past."""
    if not sequence_phrase(trigger):
        return False
    main = clause_verb(trigger.head.head)
    return main.pos_ in ("VERB", "AUX") and _past(main)


# Nouns of what a happening came to: "the failure of the talks" tells talks that are over
_OUTCOMES = {"failure", "collapse", "breakdown", "end", "aftermath", "wake", "outcome", "result", "anniversary"}
# Verbs that take a happening already known as their topic: it came before the response to it
_RESPONSES = {"discuss", "debate", "review", "condemn", "denounce", "deplore", "welcome", "mourn", "investigate",
              "probe", "commemorate", "mark", "recall", "remember", "appeal", "challenge"}


def presupposed_happening(trigger: "Token") -> "Token | None":
    """A happening noun named as something known, the topic of a response to it or what it came to
    ("welcomed the failure of the prisoner exchange negotiations", "a conference to discuss the
    court's indictment of the president"): it came before the clause that names it. Only a definite
    description (the, a possessor, a name before it) counts. Returns the word of the response or of
    the outcome (its clause dates the happening no later than itself), else None."""
    if trigger.pos_ != "NOUN" or not _definite(trigger):
        return None
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _OUTCOMES:
        return head.head
    if trigger.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in _RESPONSES:
        return head
    return None


def _definite(noun: "Token") -> bool:
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
               or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)


# Nouns that name a happening: a relative clause on one tells more of that happening (its
# outcome, its reach), in its own time frame, not the earlier past of a person or place
_HAPPENINGS = {"incident", "attack", "event", "explosion", "blast", "bombing", "shooting", "clash", "raid",
               "protest", "demonstration", "rally", "march", "strike", "riot", "unrest", "violence", "fighting",
               "killing", "murder", "massacre", "ambush", "assault", "operation", "offensive", "invasion", "war",
               "coup", "battle", "siege", "uprising", "crackdown", "standoff", "confrontation", "fire", "arrest",
               "meeting", "visit", "talks", "session", "summit", "conference", "negotiation", "vote", "election",
               "referendum", "ceremony", "funeral", "trial", "hearing", "speech", "statement", "announcement",
               "address", "interview", "remark", "comment", "campaign", "ceasefire", "truce"}
# Subordinators of concession: a past set against a present state ("is deployed ..., even though
# the militias objected") is what went before that state
_CONCESSIVE = {"although", "though", "whereas"}


def described_happening(trigger: "Token") -> "Token | None":
    """The happening noun a relative clause tells more of ("the bombing, which killed 20"): the
    clause is in that happening's time frame. None when the trigger's clause is no such clause."""
    verb = clause_verb(trigger)
    for _ in range(4):  # up through the non-finite parts of its clause ("which amounted to accusing me")
        if verb.dep_ == "relcl":
            head = verb.head
            return head if head.pos_ == "NOUN" and head.lemma_.lower() in _HAPPENINGS else None
        if verb.dep_ not in ("pcomp", "xcomp", "prep", "pobj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _locative_relative(verb: "Token") -> bool:
    """A "where" clause on a place ("in Lahore, where his supporters fought police") says what
    happened there, usually the news itself, not the place's own past."""
    return any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)


def _concession_to_the_present(verb: "Token") -> bool:
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in verb.children):
        return False
    main = verb.head
    tenses = [main.tag_] + [c.tag_ for c in main.children if c.dep_ in ("aux", "auxpass")]
    return any(t in ("VBZ", "VBP") for t in tenses) and not any(t in ("VBD", "MD") for t in tenses)


# "an hour after", "shortly after": part of the news itself, not what led to it
# Words (as written) of a gap short enough for the two to be one story: "hours after", "the day
# after"; "days after" is a stretch of unstated length (measured_gap)
_SHORT_GAPS = {"minute", "minutes", "hour", "hours", "moment", "moments", "second", "seconds", "shortly", "soon",
               "just", "immediately", "day", "night"}


def _just_before(subordinator: "Token", verb: "Token") -> bool:
    # "hours after the blast" is often parsed with "after" hanging on "hours"
    if subordinator.head.lower_ in _SHORT_GAPS and subordinator.dep_ == "prep":
        return True
    return any(c.dep_ in ("npadvmod", "advmod") and c.lower_ in _SHORT_GAPS
               for c in list(subordinator.children) + list(verb.children))


# Verbs that report what someone said: past perfect in their complement is the
# reporter's tense shift ("said 10 people had been arrested"), not an older past.
_REPORTING = {"say", "tell", "report", "announce", "confirm", "add", "state", "explain", "claim", "insist",
              "note", "write", "declare", "acknowledge", "admit", "disclose", "reveal", "testify", "allege"}


def backshifted(trigger: "Token") -> bool:
    """Past perfect that only follows a past reporting verb ("the ministry said ten people
    had been arrested"): the same past as the report, news when the report is news."""
    verb = clause_verb(trigger)
    if verb.dep_ != "ccomp" or _lemma(verb.head) not in _REPORTING or verb.head.tag_ not in ("VBD", "VBN"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _lemma(tok: "Token") -> str:
    return tok.lemma_.lower()


def _time_antecedent(verb: "Token") -> bool:
    """A relative clause on a date or time noun ("2007, when ...", "the day the army came")."""
    return verb.head.ent_type_ in ("DATE", "TIME")


def _time_at(ann: Any, tok: "Token") -> int | None:
    for index, t in enumerate(ann.times):
        if t.type in ("DATE", "TIME") and t.start <= tok.idx < t.end:
            return index
    return None


def framing_time(ann: Any, trigger: "Token") -> int | None:
    """Index in ann.times of the date the trigger's clause hangs from, or None:
    a clause on a date ("2007, when the government accused ... of staging a coup"), also
    for the clauses nested inside it ("... during protests that were smashed by police"), a
    "when"-clause beside a date ("in 2007, when he was arrested, ..."), or an event the act
    happened at or during that carries its own date ("during the 1967 war", "at the summit
    on March 5")."""
    cur, first_clause = trigger, True
    for _ in range(_MAX_UP):
        if cur.dep_ in ("relcl", "advcl", "acl"):
            index = _time_at(ann, cur.head)
            if index is not None:
                return index  # a clause on a date is in that date's time, and all it holds
            if first_clause and any(c.dep_ == "advmod" and c.lower_ == "when" for c in cur.children):
                for prep in (c for c in cur.head.children if c.dep_ == "prep"):
                    for obj in (g for g in prep.children if g.dep_ == "pobj"):
                        index = _time_at(ann, obj)
                        if index is not None:
                            return index
            # dates further up belong to other clauses, unless a clause there hangs on a date
            first_clause = False
        if cur.head.i == cur.i:
            break
        cur = cur.head
    verb = clause_verb(trigger)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _FRAMING_PREPS):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")):
            index = _own_date_of(ann, noun, prep.lower_)
            if index is not None:
                return index
    return None


# Prepositions that set an act inside (or just beside) a dated happening: "during the war",
# "at the summit on March 5", "after the 2008 elections"
_FRAMING_PREPS = {"during", "in", "at", "after", "before"}


def _own_date_of(ann: Any, noun: "Token", prep: str) -> int | None:
    """The date a happening's noun carries: "the 1967 war", "the Six-Day War of 1967", "the
    summit on March 5" (the last only where the act is at or during it: "after the vote on
    Monday" says nothing of how long after)."""
    for mod in (m for m in noun.children if m.dep_ in ("nummod", "compound", "amod", "npadvmod", "poss")):
        index = _time_at(ann, mod)
        if index is not None:
            return index
    if prep in ("at", "during"):
        for inner in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "of")):
            for obj in (g for g in inner.children if g.dep_ == "pobj"):
                index = _time_at(ann, obj)
                if index is not None:
                    return index
    return None


# A stretch of years the act is told over ("over the past decade", "in recent years", "within
# the last few years"): acts repeated or drawn out across it, summed up as context, not one
# happening of the news day. Only a stretch reaching back from now ("for the past few decades"):
# "for five years" (a term) and "in the next two years" (a plan) are not.
_YEARS = re.compile(r"^P(\d+|X)(Y|DE|CE)$")
_STRETCH_PREPS = {"over", "in", "within", "during", "throughout", "for"}
_BACK_WORDS = {"past", "last", "recent", "previous"}


def told_over_years(ann: Any, trigger: "Token") -> bool:
    """Whether the trigger's clause is told over a stretch of past years (see above)."""
    verbs = [clause_verb(trigger)]
    while verbs[-1].dep_ in ("xcomp", "acomp") and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)  # "was able to seize": the stretch hangs on "was"
    kids = [c for v in verbs for c in v.children]
    anchors = [g for c in kids if c.dep_ == "prep" and c.lower_ in _STRETCH_PREPS for g in c.children if g.dep_ == "pobj"]
    anchors += [c for c in kids if c.dep_ == "npadvmod"]
    for tok in anchors:
        for t in ann.times:
            if t.type == "DURATION" and t.start <= tok.idx < t.end and _YEARS.match(t.value or "") \
                    and _BACK_WORDS & set(t.text.lower().split()):
                return True
    return False
