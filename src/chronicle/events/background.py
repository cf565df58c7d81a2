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

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

_PAST_TAGS = {"VBD", "VBN"}
# Subordinators of sequence: the clause tells what came before the main event
_BEFORE_MAIN = {"after", "since", "following"}
_MAX_UP = 8


def _clause_verb(tok: "Token") -> "Token":
    """The verb heading the trigger's clause (the trigger itself when it is a verb)."""
    cur = tok
    for _ in range(_MAX_UP):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _past(verb: "Token") -> bool:
    """Simple past, past or present perfect, passive past: not present, not future."""
    if verb.tag_ == "VBD":
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN" and aux & {"has", "have", "had", "was", "were", "'s", "'ve", "'d"}:
        return True
    return bool(aux & {"had", "did"})


def recounted_past(trigger: "Token") -> bool:
    """Does the trigger's clause recount the past of something the sentence names, or what
    came before its main event? (A relative clause on a noun, or an after/since clause.)"""
    verb = _clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX") or not _past(verb):
        return False
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN") and not _time_antecedent(verb):
        return True  # "Okruashvili, who has received asylum", "the Heights, which Israel captured"
    if verb.dep_ == "pcomp" and verb.head.lower_ in _BEFORE_MAIN and not _just_before(verb.head, verb):
        return True  # "came after officials complained"
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in _BEFORE_MAIN]
    if verb.dep_ == "advcl" and marks and not _just_before(marks[0], verb):
        return True  # "..., after the army had taken the town"
    return False


# "an hour after", "shortly after": part of the news itself, not what led to it
_SHORT_GAPS = {"minute", "hour", "moment", "second", "shortly", "soon", "just", "immediately", "day", "night"}


def _just_before(subordinator: "Token", verb: "Token") -> bool:
    return any(c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() in _SHORT_GAPS
               for c in list(subordinator.children) + list(verb.children))


# Verbs that report what someone said: past perfect in their complement is the
# reporter's tense shift ("said 10 people had been arrested"), not an older past.
_REPORTING = {"say", "tell", "report", "announce", "confirm", "add", "state", "explain", "claim", "insist",
              "note", "write", "declare", "acknowledge", "admit", "disclose", "reveal", "testify", "allege"}


def backshifted(trigger: "Token") -> bool:
    """Past perfect that only follows a past reporting verb ("the ministry said ten people
    had been arrested"): the same past as the report, news when the report is news."""
    verb = _clause_verb(trigger)
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
    a clause on a date ("2007, when the government accused ... of staging a coup"), a
    "when"-clause beside a date ("in 2007, when he was arrested, ..."), or an event noun
    the act happened during that carries its own date ("during the 1967 war")."""
    cur = trigger
    for _ in range(_MAX_UP):
        if cur.dep_ in ("relcl", "advcl", "acl"):
            index = _time_at(ann, cur.head)
            if index is not None:
                return index
            if any(c.dep_ == "advmod" and c.lower_ == "when" for c in cur.children):
                for prep in (c for c in cur.head.children if c.dep_ == "prep"):
                    for obj in (g for g in prep.children if g.dep_ == "pobj"):
                        index = _time_at(ann, obj)
                        if index is not None:
                            return index
            break  # the clause that holds the trigger: dates further up belong to other clauses
        if cur.head.i == cur.i:
            break
        cur = cur.head
    verb = _clause_verb(trigger)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("during", "in", "after", "before")):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            for mod in (m for m in noun.children if m.dep_ in ("nummod", "compound", "amod", "npadvmod", "poss")):
                index = _time_at(ann, mod)
                if index is not None:
                    return index
    return None
