"""Closed word classes the extraction rules read: modals, reporting cues, light verbs, actor nouns.

The open classes (event verbs and nouns) are in the lexicon data file; the list of actor
nouns is ``kgraph/data/actor_nouns.txt``.

>>> "official" in actor_nouns()
True
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = [
    "ACTOR_ENTS",
    "COGNITION",
    "FIRST_SECOND_PERSON",
    "FUTURE_AUX",
    "FUTURE_HEADS",
    "HYPOTHETICAL_AUX",
    "HYPOTHETICAL_WORDS",
    "INTENT_HEADS",
    "LIGHT_VERBS",
    "NAMED_ENTS",
    "NEGATIVE_HEADS",
    "NUMERIC_ENTS",
    "OBJECT_CONTROL",
    "PASS_THROUGH",
    "PATIENT_VERBS",
    "PEOPLE_PRONOUNS",
    "PLACE_ENTS",
    "PLACE_PREPS",
    "PRONOUNS",
    "QUANTIFIERS",
    "RECIPIENT_PREPS",
    "RELATIVE_PRONOUNS",
    "SOURCE_NOUNS",
    "SPEECH_ACTS",
    "UNREALISED_HEADS",
    "VERB_RECIPIENT_PREPS",
    "actor_nouns",
]

#: Entity labels that name actors.
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Entity labels that name places.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels of numbers, amounts and times: never an actor, a source or an object phrase.
NUMERIC_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Entity labels of named things (not numbers): a name the parse may treat as a participant.
NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
#: Pronouns that can stand for an actor.
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "it",
        "him",
        "her",
        "them",
        "us",
        "me",
        "his",
        "their",
        "its",
        "our",
    }
)
#: Speakers inside a quote ("I think", "you say"): not reported as statements.
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
#: Verbs whose event is itself something said: their actor is the speaker ("urged", "accused").
SPEECH_ACTS = frozenset(
    {
        "urge",
        "call",
        "ask",
        "demand",
        "appeal",
        "plead",
        "request",
        "accuse",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "blast",
        "slam",
        "praise",
        "welcome",
        "endorse",
        "pledge",
        "promise",
        "vow",
        "propose",
        "threaten",
        "reject",
        "dismiss",
        "question",
        "blame",
        "thank",
        "congratulate",
        "apologize",
        "apologise",
        "insist",
        "rebuke",
        "decry",
        "deplore",
        "lambaste",
        "mock",
        "allege",
        "complain",
        "hail",
        "applaud",
        "commend",
        "defend",
        "refute",
        "deny",
        "agree",
        "offer",
        "suggest",
        "recommend",
        "encourage",
        "rail",
        "rule",
        "decide",
        "refuse",
        "decline",
        "oppose",
        "resist",
        "seek",
        "beg",
        "exhort",
        "implore",
        "assure",
        "laud",
        "salute",
        "champion",
        "concede",
        "assail",
        "censure",
        "chastise",
        "disparage",
        "insult",
        "reprimand",
        "ridicule",
        "scold",
        "rebuff",
        "repudiate",
        "renounce",
        "spurn",
        "promote",
        "downplay",
    }
)
#: Verbs whose subject undergoes the event noun they govern ("faces invasion", "suffered attacks").
UNDERGO = frozenset(
    {"face", "suffer", "endure", "undergo", "survive", "fear", "risk", "escape", "experience", "withstand",
     "brace", "repel", "repulse", "fend"}
)  # fmt: skip
#: What a MOBILIZE verb moves ("deployed troops to the border"): its object, never its recipient.
FORCES = frozenset(
    {"troop", "soldier", "force", "army", "unit", "warship", "ship", "jet", "reservist", "brigade",
     "battalion", "division", "personnel", "tank", "missile", "marine", "fighter", "aircraft", "vessel",
     "submarine", "destroyer", "carrier", "battery", "police", "guard", "militia", "contingent"}
)  # fmt: skip
#: Heads that count or group what their "of" phrase names ("scores of refugees", "a raft of sanctions").
QUANTIFIERS = frozenset(
    {
        "hundred",
        "thousand",
        "dozen",
        "score",
        "million",
        "number",
        "group",
        "handful",
        "couple",
        "some",
        "many",
        "all",
        "most",
        "several",
        "few",
        "one",
        "two",
        "three",
        "tens",
        "hundreds",
        "thousands",
        "dozens",
        "scores",
        # collective heads: "a slew of new sanctions", "a raft of measures", "a crowd of protesters"
        "slew", "raft", "series", "wave", "spate", "flurry", "host", "array", "range", "batch", "round",
        "set", "package", "string", "barrage", "litany", "volley", "bunch", "lot", "lots", "majority",
        "minority", "multitude", "plethora", "variety", "crowd",
    }
)  # fmt: skip
#: Event verbs whose object must be a person or group: "released prisoners", not "released an iPhone".
PATIENT_VERBS = frozenset(
    {
        "release",
        "free",
        "arrest",
        "detain",
        "jail",
        "imprison",
        "kidnap",
        "abduct",
        "torture",
        "execute",
        "deport",
        "rescue",
        "evacuate",
        "host",
        "thank",
        "welcome",
        "visit",
        "beat",
        "fire",
        "charge",
        "recognize",
        "recognise",
        "examine",
        "study",
        "review",
        "encourage",
        "sanction",
        "back",
        "sentence",
        "fine",
        "protect",
        "help",
        "assist",
        "support",
        "shoot",
        "kill",
    }
)
#: Documents and media that can be the source of a statement ("a new poll shows", "the report says").
SOURCE_NOUNS = frozenset(
    {
        "report",
        "poll",
        "survey",
        "study",
        "analysis",
        "research",
        "data",
        "statement",
        "document",
        "memo",
        "letter",
        "ad",
        "advertisement",
        "video",
        "article",
        "book",
        "editorial",
        "column",
        "filing",
        "record",
        "footage",
        "estimate",
        "census",
        "tally",
        "review",
        "audit",
        "investigation",
        "probe",
        "inquiry",
        "email",
        "tweet",
        "post",
        "message",
        "website",
        "paper",
        "newspaper",
        "magazine",
        "network",
        "station",
        "slide",
    }
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Indefinite and quantifying pronouns that stand for people as the subject of a verb of saying
#: ("those close to him say", "many of whom say", "others vowed", "someone asked"); not the negative
#: ones ("no one can say", "nobody would question"), which report no statement.
PEOPLE_PRONOUNS = frozenset(
    {"others", "someone", "somebody", "everyone", "everybody", "those", "all", "many", "most", "some",
     "several", "few", "both", "each"}
)  # fmt: skip
#: Auxiliaries that put an event in the future.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: Auxiliaries and words that make an event hypothetical.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "ca", "must", "'d"})
HYPOTHETICAL_WORDS = frozenset(
    {
        "likely",
        "unlikely",
        "possible",
        "possibly",
        "perhaps",
        "maybe",
        "probably",
        "potential",
        "able",
        "if",
        "unless",
        "whether",
        "ready",
        "prepared",
        "willing",
    }
)
#: Verbs (and adjectives) whose complement is a future event of their subject.
FUTURE_HEADS = frozenset(
    {"plan", "intend", "expect", "schedule", "set", "aim", "go", "prepare", "due", "poised"}
)
#: Heads that express the subject's intention ("vowed to", "ready to"): an intent event.
INTENT_HEADS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "prepare",
        "ready",
        "prepared",
        "willing",
        "vow",
        "pledge",
        "promise",
        "offer",
        "agree",
        "decide",
        "commit",
        "committed",
        "determined",
        "threaten",
        "swear",
    }
)
#: Heads whose complement is not done: "refused to meet", "failed to agree".
NEGATIVE_HEADS = frozenset(
    {"refuse", "decline", "fail", "reject", "deny", "avoid", "stop", "halt", "cease", "unable", "end",
     "cessation", "suspension", "moratorium"}
)
#: Heads that pass their subject and reality on to their complement ("began to withdraw").
PASS_THROUGH = frozenset(
    {
        "begin",
        "start",
        "continue",
        "resume",
        "keep",
        "try",
        "attempt",
        "seek",
        "decide",
        "manage",
        "move",
        "want",
        "plan",
        "intend",
        "hope",
        "prepare",
        "aim",
        "expect",
        "need",
        "have",
        "go",
        "be",
        "look",
        "seem",
        "appear",
        "help",
        "vow",
        "swear",
        "pledge",
        "promise",
        "threaten",
        "agree",
        "offer",
        "step",
        "escalate",
        "intensify",
    }
)
#: Heads of wanting, needing, trying, permitting, asking and ability whose to-infinitive is not (yet)
#: done: "needs to tell more jokes", "allow companies to tell", "asked him to comment", "too early to tell".
UNREALISED_HEADS = frozenset(
    {"want", "wish", "need", "hope", "try", "attempt", "seek", "allow", "permit", "let", "require", "dare",
     "free", "early", "difficult", "hard", "easy", "fail", "urge", "ask", "tell", "order", "advise",
     "encourage", "invite", "plan", "intend", "expect"}
)  # fmt: skip
#: Verbs whose object is the subject of their infinitive complement ("urged Iran to stop").
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "order",
        "force",
        "tell",
        "persuade",
        "allow",
        "invite",
        "encourage",
        "call",
        "press",
        "pressure",
        "help",
        "instruct",
        "direct",
        "command",
        "compel",
        "warn",
        "advise",
        "require",
        "permit",
        "enable",
        "prompt",
        "lead",
        "cause",
        "push",
        "get",
        "convince",
        "oblige",
    }
)
#: Verbs whose object noun carries the event ("held talks", "imposed an embargo").
LIGHT_VERBS = frozenset(
    {
        "hold",
        "launch",
        "stage",
        "conduct",
        "carry",
        "mount",
        "make",
        "take",
        "give",
        "issue",
        "impose",
        "pass",
        "begin",
        "start",
        "organize",
        "organise",
        "lead",
        "wage",
        "unleash",
        "have",
        "announce",
        "declare",
        "reach",
        "resume",
        "continue",
        "step",
        "intensify",
        "escalate",
        "lodge",
        "file",
        "express",
        "voice",
        "offer",
        "provide",
        "call",
        "order",
        "approve",
        "adopt",
        "extend",
        "join",
        "plan",
        "threaten",
        "perform",
        "commit",
        "open",
        "initiate",
        "sign",
        "end",
        "complete",
        "broker",
        "seal",
        "strike",
        "do",
        "undertake",
        "execute",
        "host",
        "attend",
        "receive",
        "accept",
        "deliver",
        "send",
        "grant",
    }
)
#: Prepositions that bring the recipient of a verb, best first ("sanctions on X", "talks with X").
VERB_RECIPIENT_PREPS: tuple[str, ...] = (
    "against", "on", "with", "to", "at", "into", "toward", "towards", "upon", "over", "for", "from",
)  # fmt: skip
#: Prepositions that introduce a recipient of a verb or an event noun ("the invasion of X").
RECIPIENT_PREPS = frozenset({*VERB_RECIPIENT_PREPS, "of", "between"})
#: Prepositions that introduce the place of an event.
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within"})
#: Verbs of belief and finding: they attribute their clause to their subject. "think",
#: "know", "see" are left out: mostly "I think" asides inside quotes.
COGNITION = frozenset(
    {"believe", "fear", "find", "doubt", "suspect", "expect", "conclude", "show", "worry", "say"}
)


@functools.lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """Return the common-noun lemmas that name actors (``kgraph/data/actor_nouns.txt``)."""
    text = resources.files("kgraph.data").joinpath("actor_nouns.txt").read_text(encoding="utf-8")
    words = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(w.lower() for w in words)
