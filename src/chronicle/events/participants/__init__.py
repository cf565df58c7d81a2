"""Who did it and to whom: an event's actor and recipient from the sentence's parse.

Modules, in the order a search runs: words.py (the vocabulary), mentions.py (actor
mentions by token; the state of a place as an actor), syntax.py (parse helpers),
actor_search.py, recipient_search.py, place_search.py (the three sides of the search,
mixins of `Roles`), roles.py (`Roles.run` and `find_roles`), fill.py (empty sides from
the surrounding text).

`find_roles(ann, sent, trigger, event_type)` walks the dependency parse that the
pipeline already made (nothing is re-parsed) from the event's trigger to its
syntactic arguments, and maps each argument to the article's actors through the
character spans of `Actor.mentions`.

How arguments become roles
--------------------------
Verb triggers
    active      nsubj -> actor; dative, dobj, then a recipient preposition
                ("against", "on", "at", "to", ...) -> recipient; an object set
                off by a focus adverb (", most notably X and Y") elaborates a
                noun before it and is skipped; an object owned through a
                pronoun ("denied his request") is aimed at that owner when the
                pronoun is another actor's (troops and envoys stay the
                subject's own means)
    passive     agent ("by" X) -> actor; nsubjpass -> recipient
    no subject  xcomp ("police moved to arrest"), conj ("fired and arrested"),
                participles ("..., killing 30") take the subject of the verb
                they hang from; object-control verbs ("called on X to",
                "urged X to", "ordered X to") give their object instead
                (only for a clause after the verb: "In a call to mark the
                day, X told Y ..." is X's);
                relative clauses ("forces who killed") and participial
                modifiers ("protesters killed by police") take the noun they
                modify.
Noun triggers   (a compound's head speaks for it: "a telephone campaign by X targeted Y")
                "the attack by militants on a convoy", "Iran's strike on",
                "Israeli airstrikes", "protests against the government", the
                subject of a light verb ("militants launched an attack on").
Orders          "by the order of X", "on the orders of X", "at X's behest",
                "X ordered forces to fire": the forces stay the actor; X is
                appended to the actor list as an ActorRef with role="ordered"
                (direct agents always come first).
Coordination    "Iran and Syria condemned": one ActorRef per conjunct.

Which types need a recipient (PLOVER 2.0 manual, chapter 3)
-----------------------------------------------------------
    type        requires recipient   note
    AGREE       no
    CONSULT     no                   "X and Y met": X -> Y (first named acts)
    SUPPORT     no
    CONCEDE     no
    COOPERATE   yes
    AID         yes
    RETREAT     no
    REQUEST     no
    ACCUSE      no
    REJECT      no
    THREATEN    no
    PROTEST     no                   often only a protester actor
    SANCTION    yes
    MOBILIZE    no
    COERCE      no (usually one)     "most cases have a clear intended recipient"
    ASSAULT     no (one-sided: yes)  one-sided: perpetrator actor, victim recipient;
                                     two-sided ("X clashed with Y", "fought running
                                     battles with police"): the subject acts on the
                                     other side; with no initiator written ("X and Y
                                     clashed", "clashes between X and Y") the first
                                     named side is the actor
The recipient search, in order, stops at the first step that names an actor:
the trigger's own arguments (dative, object, recipient prepositions, the object's
own "of"/"by"/target phrases, and one level further when that phrase names no one:
"protests against abuses by X", "a strike over a law signed by X", "reneged on his
promise to X", where the actor's own possession is skipped); "in protest of X" and
other stance phrases; its clausal complements, three levels deep ("said it would
release X", "threatened to shell X", "demanded that X ease"); for THREATEN the
subject of an "if/unless" condition; CAMEO-style, the actor named where the act is
done ("lifted the curfew in X", on a noun trigger also through its verb: "remained
on alert in X"); only for the types in DIRECTED (those PLOVER says require a
recipient, plus COERCE, ASSAULT, THREATEN, ACCUSE, REQUEST), any actor in an object
slot of the clause. A protest is "directed toward ... government authorities"
(PLOVER codebook): with no stated target, what it presses for ("calling for the
removal of X", "a drive to convince X") and then the place where it happens give
its recipient. Last, for every typed event, the state of a resolved place where the
act is done ("imposed a curfew in Abidjan" -> Ivory Coast), as CAMEO and the PLOVER
gold code it: the article's actor for that country, or a new country actor whose
mention is the place. An object that is an unresolved pronoun ("gave him weapons")
stops the search: someone further away must not take its place.

Receiving with no giver named ("has received political asylum in France"): the state
where it was received gave it.

CONSULT: the one who meets, calls, visits or hosts is the actor and the one met,
called, visited or hosted the recipient (CAMEO 036/040/042/043, as the gold codes
them: "X hosted Y" is X -> Y); parties written together ("X and Y met"): the first
named is the actor, the others the recipient. A concession's recipient may be the
subject of a side clause ("the concession came as protesters were traveling"). Deaths ("a prisoner died in police custody"): the one who died is the
recipient, the custodian the actor. Receiving verbs ("enjoys the support of X",
"received aid from X"): the giver is the actor, the subject the recipient.

When the parse search leaves a side empty, fill.py reads it from the text around the
trigger (the event's own clause, the rest of the sentence, then the previous sentence's
main subject), never from a speaker, a place, a pretext, a side clause's party, the
article's focus country or its dateline. When `ann.actors` is empty both lists are
empty: roles are never invented from words that no actor covers (the one addition is
the state of a place, above, and only when some actor is present; it is added through
`Annotations.add_actor`, the one write across stages).
"""

from chronicle.events.participants.roles import find_roles, requires_recipient
from chronicle.events.participants.words import REQUIRES_RECIPIENT

__all__ = ["REQUIRES_RECIPIENT", "find_roles", "requires_recipient"]
