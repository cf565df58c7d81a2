"""Parse helpers of the role search: the actor mentions a noun phrase holds (coordination,
apposition, affiliation), prepositional objects, passives and who ordered an act."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.participants.mentions import SentenceMentions, mention_ref
from chronicle.events.participants.words import (
    AFFILIATION_WORDS, ASKING_NOUNS, CORE_DEPS, INSTRUMENT_NOUNS, MEMBER_PREPS, MOVING_VERBS,
    OPENING_VERBS, ORDER_NOUNS, PASSIVE_SUBJECT_DEPS, PLACE_NOUNS, POSTS, RELATIONAL_NOUNS,
    RELATIVE_PRONOUNS, STATIVE_PARTICIPLES,
)
from chronicle.record import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


def outermost(mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop mentions nested in another one ("Iran" inside "Iran's ambassador to Iraq")."""
    uniq = sorted(set(mentions), key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, int]] = []
    for m in uniq:
        if any(k[0] <= m[0] and m[1] <= k[1] and k != m for k in kept):
            continue
        kept.append(m)
    return kept


def core_tokens(head: "Token") -> tuple[list["Token"], list["Token"]]:
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


def affiliation_tokens(head: "Token") -> list["Token"]:
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


def nominal_refs(ann, mentions: SentenceMentions, head: "Token", role: str | None = None, _depth: int = 0) -> list[ActorRef]:
    """The actors a noun phrase (with its conjuncts) names."""
    refs: list[ActorRef] = []
    heads = [head] + [c for c in head.conjuncts if c.i > head.i]
    for h in heads:
        if h.lower_ in RELATIVE_PRONOUNS and h.head.dep_ == "relcl" and _depth < 3:
            refs.extend(nominal_refs(ann, mentions, h.head.head, role, _depth + 1))
            continue
        own = mentions.at(h)
        if own:
            chosen = outermost(own)
            # the appositive of a named head is the same referent: keep only the head's mention
            refs.extend(mention_ref(ann, m, role) for m in chosen)
            continue
        core, of_part = core_tokens(h)
        found = [m for t in core for m in mentions.at(t)]
        if not found and h.lemma_.lower() not in RELATIONAL_NOUNS:
            # "members of X" name X; "the end of the Paris march" does not
            found = [m for t in of_part for m in mentions.at(t)]
        if not found:
            found = [m for t in affiliation_tokens(h) for m in mentions.at(t)]
        chosen = outermost(found)
        # one referent per distinct actor inside one noun phrase
        seen_actor: set[int] = set()
        for m in chosen:
            if m[2] in seen_actor:
                continue
            seen_actor.add(m[2])
            refs.append(mention_ref(ann, m, role))
    return refs


def pobj_of(prep: "Token") -> "Token | None":
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


def main_verb_misparsed_as_modifier(verb: "Token") -> bool:
    """ "An official newspaper called on Arabs ...": the parser hung the sentence's only verb
    on its subject noun as a modifier; that noun is the root of the sentence."""
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ == "agent" for c in verb.children
    )


def own_instrument(obj: "Token", verb: "Token") -> bool:
    """ "offered its troops to X", "withdrew their forces from X", "will send 4,000 troops":
    the subject's own people or means, not the party acted on."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return True
    if obj.lemma_.lower() in POSTS and verb.lemma_.lower() in OPENING_VERBS:
        # "opened an embassy in X": its own, unless another owner is named ("the US embassy")
        return not any(c.dep_ in ("poss", "compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_) for c in obj.children)
    return obj.lemma_.lower() in INSTRUMENT_NOUNS and verb.lemma_.lower() in MOVING_VERBS


def is_passive(verb: "Token") -> bool:
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children):
        return False
    if main_verb_misparsed_as_modifier(verb):
        return False
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not any(c.dep_ == "aux" for c in verb.children)
        and not takes_object(verb)
    )


def takes_object(verb: "Token") -> bool:
    """A participle with its own direct object, or joined to a verb with one, is active: "aid
    groups donated and delivered goods" is not "groups (that were) donated"."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "captives held hostage by the group"
    return any(c.dep_ in ("dobj", "dative") for v in [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
               for c in v.children)


def orderers_in(ann, mentions, tok: "Token") -> list[ActorRef]:
    """X in "the order of X", "X's orders", "X's command"."""
    refs: list[ActorRef] = []
    for c in tok.children:
        if c.dep_ == "poss":
            refs.extend(nominal_refs(ann, mentions, c, "ordered"))
        elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
            p = pobj_of(c)
            if p is not None:
                refs.extend(nominal_refs(ann, mentions, p, "ordered"))
    return refs
