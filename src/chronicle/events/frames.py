"""The frames an event can be told in: future, promised, offered or prepared (PLOVER's rules for
acts not yet done), and the mode a frame takes from what it is about. Shared by the rule coder
(classify.py) and the speech-act rules (speech_acts.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.sentence import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Token


INTENT_VERBS = {"plan", "intend", "decide", "hope", "expect", "aim", "want", "wish", "set", "seek"}
PREPARE_VERBS = {"prepare", "poise", "gear", "ready"}
# "is prepared to lift the ban", "ready to impose martial law": an offer or a threat, not an act done
WILLING_WORDS = {"prepared", "prepare", "ready", "willing"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
SPEECH_VERBS = {"say", "tell", "state", "declare", "announce", "conclude", "insist", "add", "write", "stress",
                "argue", "reiterate", "repeat", "warn", "remind"}


def is_willing(tok: "Token") -> bool:
    """"is prepared to lift", "ready to talk", "willing to forgive": an act offered, not done."""
    return tok.dep_ == "xcomp" and (lemma_of(tok.head) in WILLING_WORDS or tok.head.lower_ in WILLING_WORDS)


def is_future(tok: "Token") -> bool:
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
            return True
    if is_willing(tok):
        return True
    # "is going to meet", "plans to visit"
    if tok.dep_ == "xcomp" and (lemma_of(tok.head) in INTENT_VERBS or lemma_of(tok.head) == "go"):
        return True
    return False


# verbs of aspect that pass their frame through: "prepared to resume shelling"
ASPECT_VERBS = {"resume", "continue", "begin", "start", "renew", "restart", "launch"}


def is_prepared(tok: "Token") -> bool:
    if tok.dep_ in ("xcomp", "dobj") and lemma_of(tok.head) in ASPECT_VERBS and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("xcomp", "pobj", "pcomp") and lemma_of(tok.head) in PREPARE_VERBS or (
        tok.dep_ == "pobj" and tok.head.dep_ == "prep" and lemma_of(tok.head.head) in PREPARE_VERBS)


def content_mode(frame_type: str, content_type: str, content_mode: str | None) -> str | None:
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


# verbs that tie an act to the conduct that would bring it about ("a refusal means ...")
CONSEQUENCE_VERBS = {"mean", "entail", "trigger"}
MODAL_AUX = FUTURE_AUX | {"may", "might", "could", "can"}


def is_conditional_threat(tok: "Token") -> bool:
    """"will cut aid if ...", "may halt its mediation unless ...": an act with a modal and a
    condition clause of its own (PLOVER: a threat is a conditional, hostile announcement); and "a
    refusal means sanctions", "failure to comply would mean freezing the talks": a hostile act said to
    follow from someone's conduct is held over them."""
    if tok.dep_ in ("dobj", "xcomp", "ccomp") and lemma_of(tok.head) in CONSEQUENCE_VERBS:
        return True
    return any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in tok.children) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in tok.children)
