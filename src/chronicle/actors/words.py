"""The words the actor resolver reads beside the knowledge base: prepositions, pronouns,
sector and stance words, and the look-up windows of its context passes."""

from __future__ import annotations


# Prepositions after which a capital is a place, not its government ("protests in Tehran").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "outside", "inside", "around", "across", "into", "through",
                            "within", "throughout", "across", "towards", "toward", "via", "over", "beyond", "off"})
# Dependents that belong to a noun phrase written before its head.
LEFT_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "predet", "case", "punct",
                       "cc", "conj", "appos"})
# Modifiers that say an agent belongs to no one country ("international media").
NO_COUNTRY_WORDS = frozenset({"international", "foreign", "western", "world", "global", "multinational",
                              "coalition", "allied", "multilateral"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
# People of a place, never an organisation's members: "the militia ... massacring their
# residents" are not the militia.
NOT_MEMBERS = frozenset({"CVL", "REF"})
# Means of an attack that can act with no one named behind them.
ATTACK_MEANS = frozenset({"bomb", "bombing", "explosion", "blast", "ied", "device", "landmine", "minefield", "carbomb",
                          "car-bomb"})
# Words for a blast that name no weapon, and the modifiers that make one a bomb's.
BARE_BLASTS = frozenset({"explosion", "blast"})
BOMB_WORDS = frozenset({"bomb", "car", "suicide", "roadside", "ied", "mortar", "rocket", "grenade", "landmine", "mine",
                        "missile", "shell", "bombing", "terrorist", "truck", "motorcycle", "explosive"})
# "all parties", "the warring parties": the sides of a conflict, not political parties
SIDE_NOUNS = frozenset({"party", "parties"})
SIDES_WORDS = frozenset({"all", "both", "warring", "belligerent", "conflicting", "opposing", "fighting", "combatant"})
# Forms of address written before a surname: not a first name ("Mr Erdogan" is Erdogan)
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "madame", "mme", "m", "herr", "frau",
                        "senor", "señor", "monsieur"})
# "anti-Syria", "pro-Western": a stance toward a country, not membership of it
STANCE_PREFIXES = frozenset({"anti", "pro"})
# A state's armed forces named without a country ("the army", "troops") belong to the
# state the story happens in when all its places lie in one (context.py `_story_country`).
STORY_STATE_SECTORS = frozenset({"MIL"})
LOCAL_SECTORS = frozenset({"CVL", "REF", "MED", "EDU", "COP", "LAB", "AGR", "BUS", "REL", "SOC", "UAF", "CRM"})
LOCAL_WORDS = frozenset({"regional", "local", "provincial", "municipal", "district", "city", "governor", "mayor",
                         "county", "state-level"})
# "Iran-backed militia": the country is the patron, not the owner ("US-led forces" are
# the leader's, so "led" is not among these)
PATRON_WORDS = frozenset({"backed", "sponsored", "allied", "aligned", "funded", "supported", "trained", "armed",
                          "financed", "controlled", "friendly", "based"})
# People who speak or act for an organisation: "the group's spokesman", "Hamas leader"
# take the organisation's sector, not the one their word has on its own.
ORG_ROLE_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "leader", "official", "member", "commander",
                            "chief", "head", "fighter", "founder", "leadership", "militant", "representative"})
# Heads that belong to one state while sitting in another: "an embassy in Tehran" is
# not Iran's, so "in X" says nothing about their country.
POSTED_ABROAD = frozenset({"embassy", "consulate", "ambassador", "envoy", "diplomat", "consul", "delegation", "mission",
                           "correspondent", "reporter", "journalist", "attache", "emissary", "negotiator"})
MALE_FEMALE_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they"})
# "X denied his request": what one asks for or tries (SOLICITATIONS) and the verbs by
# which another party decides on it (DECIDING_VERBS, lemmas); the owner is not the decider
SOLICITATIONS = frozenset({"request", "bid", "appeal", "attempt", "application", "plea", "proposal", "offer", "demand",
                           "petition", "effort", "motion", "nomination", "candidacy", "overture", "claim"})
DECIDING_VERBS = frozenset({"deny", "reject", "refuse", "block", "grant", "approve", "accept", "dismiss", "veto",
                            "thwart", "foil", "overrule", "spurn", "rebuff", "decline", "answer", "turn", "frustrate",
                            "stymie", "scuttle", "honour", "honor", "heed", "ignore", "uphold", "endorse", "oppose"})
# The speaker's own words inside a quotation (quotes.py)
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
# Verbs that attribute a quotation to the subject (lemmas)
REPORTING_VERBS = frozenset({"say", "tell", "declare", "write", "add", "state", "stress", "continue", "insist", "argue",
                             "note", "explain", "warn", "reply", "respond", "announce", "claim", "assert", "affirm",
                             "emphasise", "emphasize", "remark", "recall", "complain", "acknowledge", "admit", "vow",
                             "pledge", "conclude", "tweet", "post"})
GROUP_SHORT_FORMS = frozenset({"group", "organisation", "organization", "movement", "outfit", "network", "faction", "alliance",
                               "bloc"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# sentences back within which a local actor (residents, police, gunmen) with no country
# word takes the town or city named last
LOCAL_LOOKBACK = 2
# sentences back within which a pronoun or short form looks for its antecedent
PRONOUN_WINDOW = 3
# Bounds that keep the work per mention constant in very long sentences: country words
# looked at on each side of a mention, earlier mentions an antecedent search walks back
# over, and tokens back a pronoun looks for the subject before it.
NEAR_LOOKUP = 64
ANTECEDENT_LOOKUP = 400
SUBJECT_LOOKBACK = 120
ORG_KINDS = frozenset({"organisation", "armed_group", "party", "institution"})
