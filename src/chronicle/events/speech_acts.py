"""Acts done by speaking, told without their usual verb (PLOVER counts verbal acts): a speaker's
public blame is an accusation, a speaker announcing what they will not do refuses it, and one
voice that "protests" objects in words rather than demonstrating."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.detect import Sense, Trigger
from chronicle.events.frames import FUTURE_AUX, SPEECH_VERBS, content_mode, is_future
from chronicle.events.occurrence import PARTICIPANT_NOUNS
from chronicle.events.sentence import CodedEvent, SentenceView, lemma_of, tree_depth

if TYPE_CHECKING:
    from spacy.tokens import Token


# Single voices: when one of these "protests", it objects in words (PLOVER ACCUSE), it does not demonstrate
VOICES = {"government", "ministry", "embassy", "group", "spokesman", "spokeswoman", "spokesperson", "official",
          "minister", "president", "organization", "organisation", "agency", "council", "watchdog", "department",
          "office", "envoy", "ambassador", "diplomat", "foreign", "chancellor", "premier", "leader", "body"}
PLACE_PREPS = {"in", "at", "outside", "near", "through", "across", "along", "before", "in front of"}


def voiced_objection(verb: "Token") -> bool:
    """"A rights group protested against the treatment of refugees", "the embassy protested": one
    voice with no crowd, street or place of its own objects in words; "students protested in the
    capital" demonstrate."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("acl", "relcl"):
        subject = verb.head  # "..., a human rights group protested here": the parser hangs the verb on its noun
    if subject is None or lemma_of(subject) in PARTICIPANT_NOUNS or subject.ent_type_ == "NORP":
        return False
    if any(t.like_num or t.lower_ in ("thousands", "hundreds", "dozens") for t in subject.subtree):
        return False
    if not (lemma_of(subject) in VOICES or subject.ent_type_ in ("ORG", "GPE", "PERSON") and subject.tag_ not in ("NNS", "NNPS")):
        return False  # ("Farmers protested": a crowd, whatever the entity tagger says)
    return not any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS and any(
        c.lower_ == "outside" or g.ent_type_ in ("GPE", "LOC", "FAC") or g.pos_ == "NOUN" and lemma_of(g) in ("street", "square", "capital", "city", "building", "headquarters")
        for g in c.children) for c in verb.children)


# Words by which a speaker casts someone's conduct as wrongdoing ("a campaign of terror", "doing
# everything to undermine peace", "the campaign led to the harassment of my staff")
BLAME_WORDS = {"terror", "terrorism", "massacre", "genocide", "cleansing", "aggression", "provocation",
               "persecution", "harassment", "repression", "intimidation", "sabotage", "propaganda", "blackmail",
               "slander", "undermine", "sabotage", "destabilise", "destabilize", "provoke", "harass", "intimidate",
               "persecute", "incite", "obstruct",
               # a rule said to be broken: "said the ship breached the embargo", "violated the truce"
               "breach", "violate", "flout"}
# verbs that voice a claim: "said", "suggested", "charged"
BLAME_SPEECH = SPEECH_VERBS | {"suggest", "claim", "charge", "allege", "contend", "assert", "tell"}


def _blame_in(clause: "Token") -> bool:
    """Does a reported clause cast someone's conduct as wrongdoing: a word of blame in it, or
    someone said to be "behind" an act ("could have been behind the terrorist act")?"""
    if any(c.dep_ == "neg" for c in clause.children):
        return False  # "was not behind the attack": a denial, not an accusation
    for t in clause.subtree:
        if (lemma_of(t) in BLAME_WORDS or t.lower_ in BLAME_WORDS) and _on_the_claim(t, clause):
            return True
        if t.lower_ == "behind" and t.dep_ == "prep" and lemma_of(t.head) == "be":
            return True
    return False


def _on_the_claim(word: "Token", clause: "Token") -> bool:
    """Is the word part of what the clause claims, not of a description inside it ("would deny entry
    to individuals undermining stability": the undermining describes who is barred)?"""
    cur = word
    while cur.i != clause.i:
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ != "PRON" or cur.head.i == cur.i:
            return False  # ("doing everything to undermine": a pronoun's clause is the claim itself)
        cur = cur.head
    return True


# verbs that cast something as something: "describing the policy as ethnic cleansing"
DESCRIBE_VERBS = {"describe", "brand", "label", "call", "characterize", "characterise", "term", "dub", "denounce"}


def _blame_by_description(view: SentenceView, events: dict[int, CodedEvent]) -> None:
    """"describing this policy as ethnic cleansing", "branded the raid an act of terror": casting
    conduct as wrongdoing is an accusation (ACCUSE on the describing verb); the words of blame
    characterise, they report no event of their own."""
    for tok in view.tokens:
        if lemma_of(tok) not in DESCRIBE_VERBS or tok.pos_ != "VERB" or tok.i in events:
            continue
        labels = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                  if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ in ("oprd", "xcomp") and c.pos_ == "NOUN"]
        for label in labels:
            words = list(label.subtree)
            if not any(lemma_of(t) in BLAME_WORDS or t.lower_ in BLAME_WORDS for t in words):
                continue
            inside = [k for k in events if label.left_edge.i <= k <= label.right_edge.i]
            for k in inside:
                del events[k]
            trig = Trigger(tok, tok.i, tok.i + 1, [Sense("ACCUSE", "disapprove", 0.55)], "frame")
            events[tok.i] = CodedEvent(trig, "ACCUSE", "disapprove", 0.55, 0.55, 0.0, 0.55, view.depth(tok), framed=True)
            break


def speech_blames(view: SentenceView, events: dict[int, CodedEvent]) -> None:
    """"X said Y was behind the bombing", "in what X said was a campaign of terror": a speaker's
    public blame is X's ACCUSE (PLOVER counts verbal acts), made by the speech verb. Events in the
    reported clause stay what they are (the bombing is still the bombing)."""
    _blame_by_description(view, events)
    clauses = [tok for tok, dep in zip(view.tokens, view.deps) if dep == "ccomp"]
    # the innermost reported clause first: "said the device went off and suggested that ... was behind
    # it" is blame voiced by "suggested"
    for tok in sorted(clauses, key=lambda t: t.right_edge.i - t.left_edge.i):
        speech = tok.head
        if lemma_of(speech) not in BLAME_SPEECH or speech.i in events:
            continue
        # an accusation already voiced ("accused X of terror") is not voiced twice; a legal step named
        # in passing ("arrested on arms charges") is no one's spoken blame
        if any(ev.type == "ACCUSE" and ev.trigger.head.pos_ == "VERB" for ev in events.values()) or not _blame_in(tok):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in speech.children) and speech.dep_ not in ("relcl", "conj"):
            continue  # someone must say it (a coordinated verb shares its subject)
        trig = Trigger(speech, speech.i, speech.i + 1, [Sense("ACCUSE", None, 0.5)], "frame")
        events[speech.i] = CodedEvent(trig, "ACCUSE", None, 0.5, 0.5, 0.0, 0.5, tree_depth(speech), framed=True)


# Making evidence of someone's wrongdoing public is an accusation (PLOVER ACCUSE allege: "formally or
# informally accuse"): "police released recordings allegedly showing the men buying weapons",
# "prosecutors presented evidence that the general ordered the shootings"
DISCLOSE_VERBS = {"release", "publish", "present", "produce", "unveil", "air", "broadcast", "leak", "show",
                  "submit", "post", "distribute", "circulate", "display"}
EVIDENCE_NOUNS = {"recording", "video", "footage", "tape", "evidence", "document", "photo", "photograph", "picture",
                  "transcript", "proof", "dossier", "image", "audio", "clip", "videotape", "letter", "email"}
# evidence that by its nature claims something; other records need a word of allegation near them
CLAIMING_EVIDENCE = {"evidence", "proof"}
ALLEGING_WORDS = {"alleged", "allegedly", "purported", "purportedly", "incriminating", "damning"}


def evidence_made_public(view: SentenceView, events: dict[int, CodedEvent]) -> None:
    """Evidence of wrongdoing released, published or presented is the discloser's ACCUSE (allege),
    made by the disclosing verb: a release of recordings is no release of captives."""
    for tok in view.tokens:
        if lemma_of(tok) not in DISCLOSE_VERBS or tok.pos_ != "VERB" or is_future(tok):
            continue
        held = events.get(tok.i)
        if held is not None and held.type not in ("RETREAT", "AID"):
            continue
        shown = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) in EVIDENCE_NOUNS]
        if not shown:
            continue
        # the allegation words: on the evidence ("recordings of alleged coup plans") or on the clause
        # that tells what it shows ("... allegedly showing the men ...")
        near = [t for o in shown for t in o.subtree] + [t for c in tok.children if c.dep_ in ("advcl", "acl", "xcomp")
                                                        for t in c.subtree]
        if not (any(lemma_of(o) in CLAIMING_EVIDENCE for o in shown) or any(t.lower_ in ALLEGING_WORDS for t in near)):
            continue
        trig = Trigger(tok, tok.i, tok.i + 1, [Sense("ACCUSE", "allege", 0.6)], "frame")
        accusation = CodedEvent(trig, "ACCUSE", "allege", 0.6, 0.6, 0.0, 0.6, view.depth(tok), framed=True)
        # what the evidence is said to show is alleged, not reported as done: the accusation's content
        claimed = {t.i for t in near}
        for k in [k for k in events if k in claimed]:
            accusation.content.append(events.pop(k).trigger)
        events[tok.i] = accusation


# Adjectives of approval: said not to hold of a speaker ("is not happy with the policy") they voice
# disapproval (PLOVER ACCUSE disapprove)
APPROVING_ADJECTIVES = {"happy", "pleased", "satisfied", "content", "comfortable"}


def voiced_displeasure(view: SentenceView, events: dict[int, CodedEvent]) -> None:
    """"The presidency is not happy with some Israeli policies, the minister said": displeasure with
    something, voiced in a statement, is the speaker's ACCUSE (disapprove), made by the speech verb
    (like an announced refusal: the negation belongs to what is said, it does not undo the saying)."""
    for tok in view.tokens:
        if lemma_of(tok) not in APPROVING_ADJECTIVES or tok.pos_ != "ADJ" or tok.dep_ != "acomp":
            continue
        copula = tok.head
        if not any(c.dep_ == "neg" for c in (*tok.children, *copula.children)):
            continue
        if not any(c.dep_ == "prep" and c.lower_ in ("with", "about", "over") for c in tok.children):
            continue  # "not happy" alone tells a mood, not what is disapproved
        speech = copula.head
        if copula.dep_ != "ccomp" or lemma_of(speech) not in BLAME_SPEECH or speech.i in events:
            continue
        trig = Trigger(speech, speech.i, speech.i + 1, [Sense("ACCUSE", "disapprove", 0.5)], "frame")
        events[speech.i] = CodedEvent(trig, "ACCUSE", "disapprove", 0.5, 0.5, 0.0, 0.5, view.depth(speech), framed=True)


# words without a lexicon entry whose sentences the rules above must read
SPEECH_ACT_CUES = frozenset(APPROVING_ADJECTIVES | EVIDENCE_NOUNS)


# verbs of states and outcomes: "said the economy would not recover" refuses nothing
STATIVE_VERBS = {"be", "have", "know", "think", "believe", "seem", "appear", "happen", "need", "expect", "recover",
                 "last", "change", "matter", "work", "succeed", "fail", "survive", "exist", "remain", "become", "get"}
PERSONAL_PRONOUNS = {"i", "we", "he", "she", "they", "it"}  # "the ministry said it would not ..."
REFUSAL_AUX = FUTURE_AUX | {"can", "ca", "could"}


def refused_act(clause: "Token") -> "Token | None":
    """The act a reported clause says will not be done ("he won't spend", "we are not going to
    negotiate", "we will not be seeking"), or None."""
    if not any(c.dep_ == "neg" for c in clause.children):
        return None
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    act = clause
    if lemma_of(clause) == "go" and "to" not in auxes:
        act = next((c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is None:
            return None
    elif not auxes & REFUSAL_AUX:
        return None
    return act if act.pos_ == "VERB" and lemma_of(act) not in STATIVE_VERBS else None


def _in_relative_clause(tok: "Token", top: "Token") -> bool:
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            return True
        tok = tok.head
    return False


def _refusal_predicates(view: SentenceView, events: dict[int, CodedEvent]) -> None:
    """"lifting the sanctions is out of the question", "the return of the islands is not negotiable":
    what the copula's subject names is what is refused, the refusal's content, not an event."""
    for k, ev in list(events.items()):
        if ev.type != "REJECT" or ev.trigger.kind != "phrase":
            continue
        copula = ev.trigger.head if lemma_of(ev.trigger.head) == "be" else ev.trigger.head.head
        if lemma_of(copula) != "be":
            continue
        for subject in (c for c in copula.children if c.dep_ in ("nsubj", "csubj")):
            # (not what a relative clause inside says: "the islands, which it captured in 1967, are not negotiable")
            inside = [j for j in events if j != k and subject.left_edge.i <= j <= subject.right_edge.i
                      and not _in_relative_clause(events[j].trigger.head, subject)]
            content = max((s for j in inside for s in events[j].trigger.senses), key=lambda s: s.weight, default=None)
            if content is not None:
                ev.mode = content_mode("REJECT", content.type, content.mode)
            for j in inside:
                ev.content.append(events.pop(j).trigger)


def announced_refusals(view: SentenceView, events: dict[int, CodedEvent]) -> None:
    """"X said he won't spend the money", "we are not going to negotiate the border, the president
    said", "she said she would reject the funds": a speaker announcing what they will not do has
    refused it (PLOVER REJECT), an act done by speaking. The refusal sits on the speech verb: the
    act refused is negated or still to come, the statement is not. The act named is its content."""
    _refusal_predicates(view, events)
    for tok, dep in zip(view.tokens, view.deps):
        if dep != "ccomp" or lemma_of(tok.head) not in SPEECH_VERBS or tok.head.i in events:
            continue
        inside = [k for k in events if tok.left_edge.i <= k <= tok.right_edge.i]
        act = refused_act(tok)
        if act is None:
            # "said she would reject the offer": a refusal announced for the future is made now
            act = next((events[k].trigger.head for k in inside if events[k].type == "REJECT"
                        and events[k].trigger.head.pos_ == "VERB" and is_future(events[k].trigger.head)), None)
            if act is None:
                continue
        subject = next((c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")), None) or next(
            (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lower_ in PERSONAL_PRONOUNS or speaker is not None and lemma_of(subject) == lemma_of(speaker)):
            continue  # another's act ("said the rebels would not attack"), or no act ("said prices would not fall")
        inner = [events.pop(k) for k in sorted(inside, key=lambda k: view.depth(events[k].trigger.head))]
        # the act refused as its words say it ("will not meet": a meeting), before "will" made it a promise
        content = max((s for ev in inner if ev.type != "REJECT" for s in ev.trigger.senses),
                      key=lambda s: s.weight, default=None)
        speech = tok.head
        trig = Trigger(speech, speech.i, speech.i + 1, [Sense("REJECT", None, 0.6)], "frame")
        ev = CodedEvent(trig, "REJECT", content_mode("REJECT", content.type, content.mode) if content else "change",
                        0.6, 0.6, 0.0, 0.6, view.depth(speech), framed=True)
        ev.content.extend(e.trigger for e in inner)
        events[speech.i] = ev
