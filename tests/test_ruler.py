"""kgraph.ruler: the compiled ``AttributeRuler.match`` returns exactly spaCy's matches.

The model tier runs the real pipeline on sentences written to hit every kind of pattern of the
English model's attribute ruler (``ain't``, ``gonna``, ``y'all``, ``nothin'``, ``n't``, pronoun
cases, ``there is``, auxiliaries, whitespace tokens...) and compares the match lists and the
finished docs with and without the fast matcher. Seeded random rulers then cover attributes and
predicates the model does not use; the rest checks what must fall back to spaCy's matcher.
"""

from __future__ import annotations

import pickle
import random
from pathlib import Path
from typing import Any

import pytest

from kgraph.config import DEFAULT_MODEL
from kgraph.ruler import FastMatch, compile_patterns, install

TEXTS = [
    "I ain't going, and it ain't over. We ain't seen nothin' yet, y'all.",
    "Y'all are gonna love it. Ya all got ta see this, but I'm not sure.",
    "Let's go. C'mon, you gotta try. They don't know and she doesn't care; we can't stop.",
    "Nothin' ever changes, nuthin' at all, he said. Y' all know that.",
    "There is a problem. There are two ministers, and there was a vote; there were protests. There's hope.",
    "I told you it was him. She gave it to me and asked you about it. They thanked i for it.",
    "He gave the book to i and she laughed. I cannot but agree.",
    "It is raining. You are late. I am here. I'm tired. You're right. We've won. I have been told.",
    "Do you have it? Did they do it? Have you done what he did? He has had enough, and I'd have said so.",
    "That is true. Which do you want? This was what those who know said. All that matters is this.",
    (
        "The minister said that he would resign if the vote failed, because nobody would support him, "
        "although it was unlikely, unless, of course, whether or not the party agreed."
    ),
    "But the vote was close. He was but a child. I would have gone, but it rained.",
    "The bill was passed by MPs.  The Lords   voted against it.\n\nLabour said it will be debated.\n \n",
    "  Leading spaces and a tab\there, then a newline\nand more.   ",
    "He should be able to be elected; it has to be done; they were being watched.",
    "Whilst the Tories won, the party, albeit tired, carried on till dawn, tho nobody cared whereas they did.",
    "I wanna go. You gonna stay? We gotta win. Gimme that. Lemme see. Ain't nobody got time.",
    "What's the plan? Who's there? It's been a long day; that's what it's all about.",
    'He said: "We have already doubled maternity pay, and we will do more." Mr Blair (the PM) agreed.',
    "U.S. officials met the E.U. on Jan. 5th, 2005 at 10:30 a.m. and paid $1.2bn (£600m) — 76% more.",
    "a \u200b\n b\r\n x \x0b y",
    "",
    "\n",
    "Yes.",
]
UP_TO_PARSER = ["tok2vec", "tagger", "parser"]


def _spacy_match(ruler: Any, doc: Any) -> list[tuple[int, int, int, int]]:
    from spacy.pipeline import AttributeRuler

    return AttributeRuler.match(ruler, doc)  # type: ignore[no-any-return]


def _snapshot(doc: Any) -> tuple[list[list[int]], list[str]]:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    array = doc.to_array([POS, MORPH, LEMMA, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]).tolist()
    return array, [str(token.morph) for token in doc]


@pytest.fixture(scope="module")
def parsed(nlp):  # type: ignore[no-untyped-def]
    """The texts as the ruler sees them (parsed), a doctored one and one without annotation."""
    with nlp.select_pipes(enable=UP_TO_PARSER):
        docs = list(nlp.pipe(TEXTS))
        doctored = nlp("The word here is tagged as a space.")
    doctored[2].tag_ = "_SP"  # a non-space token tagged _SP: the rule for it needs IS_SPACE False
    return [*docs, doctored, nlp.make_doc("Tokens only: ain't y'all gonna  see?")]


@pytest.mark.model
def test_load_installs_the_fast_matcher(nlp) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(vars(ruler)["match"], FastMatch) and ruler.match.compiled
    assert install(nlp) == []  # already there


@pytest.mark.model
def test_match_is_spacys_on_every_doc(nlp, parsed) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp.get_pipe("attribute_ruler")
    matched: set[int] = set()
    for doc in parsed:
        expected = _spacy_match(ruler, doc)
        assert ruler.match(doc) == expected, doc.text
        matched |= {attr_id for attr_id, *_ in expected}
    # The texts reach every rule with a predicate, a DEP / IS_SPACE test or several tokens.
    special = {
        i
        for i, rule in enumerate(ruler.patterns)
        for pattern in rule["patterns"]
        if len(pattern) > 1
        or any(isinstance(v, dict) or k in ("DEP", "IS_SPACE") for k, v in pattern[0].items())
    }
    assert len(special) >= 20 and special <= matched, sorted(special - matched)


@pytest.mark.model
def test_pipeline_docs_are_identical(nlp) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp.get_pipe("attribute_ruler")
    fast = vars(ruler)["match"]
    with_fast = [_snapshot(doc) for doc in nlp.pipe(TEXTS, batch_size=8)]
    del ruler.match  # spaCy's own method again
    try:
        with_spacy = [_snapshot(doc) for doc in nlp.pipe(TEXTS, batch_size=8)]
    finally:
        ruler.match = fast
    assert with_fast == with_spacy
    assert sum(len(morphs) for _, morphs in with_fast) > 400


_ATTR_KEYS = {
    "LOWER": ["LOWER", "lower"],
    "ORTH": ["ORTH", "TEXT", "text"],
    "NORM": ["NORM"],
    "LEMMA": ["LEMMA", "lemma"],
    "TAG": ["TAG", "tag"],
    "DEP": ["DEP"],
    "POS": ["POS", "pos"],
}
_REGEXES = ["^n", "'", "^[a-z]+$", "s$", "^$", "^VB", "^N", "mod", "^[A-Z]", r"\d", "^y'?$"]


def _value_pools(docs: list[Any]) -> dict[str, list[str]]:
    names = {
        "LOWER": "lower_",
        "ORTH": "text",
        "NORM": "norm_",
        "LEMMA": "lemma_",
        "TAG": "tag_",
        "DEP": "dep_",
    }
    pools = {attr: sorted({getattr(t, name) for d in docs for t in d}) for attr, name in names.items()}
    pools["POS"] = sorted({t.pos_ for d in docs for t in d})
    return {attr: [*values, "", "zzz-nowhere"] for attr, values in pools.items()}


def _random_value(rng: random.Random, pool: list[str]) -> Any:
    kind = rng.choice(["eq", "eq", "in", "not_in", "regex", "both", "any"])
    some = rng.sample(pool, min(len(pool), rng.randint(1, 6)))
    return {
        "eq": some[0],
        "in": {"IN": some},
        "not_in": {"NOT_IN": some},
        "regex": {"REGEX": rng.choice(_REGEXES)},
        "both": {"in": some, "REGEX": rng.choice(_REGEXES)},
        "any": {},  # no test at all: the Matcher takes any token
    }[kind]


def _random_spec(rng: random.Random, pools: dict[str, list[str]]) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    for attr in rng.sample([*_ATTR_KEYS, "IS_SPACE"], rng.randint(1, 3)):
        if attr == "IS_SPACE":
            spec["IS_SPACE"] = rng.choice([True, False, {"IN": [1]}, {"NOT_IN": [0]}])
        else:
            spec[rng.choice(_ATTR_KEYS[attr])] = _random_value(rng, pools[attr])
    return spec


def _random_ruler(rng: random.Random, pools: dict[str, list[str]]) -> Any:
    from spacy.pipeline import AttributeRuler
    from spacy.vocab import Vocab

    ruler = AttributeRuler(Vocab())  # its own strings: the session's model is left alone
    for _ in range(rng.randint(1, 6)):
        patterns = [[_random_spec(rng, pools) for _ in range(rng.choice([1, 1, 2, 3]))] for _ in range(2)]
        ruler.add(patterns if rng.random() < 0.7 else patterns[:1] * 2, {"LEMMA": "x"})
    return ruler


@pytest.mark.model
def test_random_rulers_match_as_spacy(nlp, parsed) -> None:  # type: ignore[no-untyped-def]
    docs = [*parsed, *nlp.pipe(TEXTS[:6])]  # finished docs have POS, LEMMA, MORPH too
    pools, rng = _value_pools(docs), random.Random(20240611)
    rulers_matching = 0
    for _ in range(150):
        ruler = _random_ruler(rng, pools)
        compiled = compile_patterns(ruler)
        assert compiled is not None, ruler.patterns
        found = [compiled.match(doc, doc.vocab.strings) for doc in docs]
        assert found == [_spacy_match(ruler, doc) for doc in docs], ruler.patterns
        rulers_matching += any(found)
    assert rulers_matching > 75  # the comparison is not between empty lists


def _blank_ruler(patterns: list[list[dict[str, Any]]]) -> tuple[Any, Any]:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(patterns, {"LEMMA": "go"})
    return nlp, ruler


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "gon", "OP": "?"}],
        [{"LOWER": "gon", "OP": "1"}],
        [{"LOWER": "gon"}, {"LOWER": "na", "op": "+"}],
        [{"LENGTH": 3}],
        [{"MORPH": "Number=Sing"}],
        [{"IS_PUNCT": True}],
        [{"SENT_START": True}],
        [{}],
        [{"LOWER": {"FUZZY": "gon"}}],
        [{"LENGTH": {">=": 2}}],
        [{"TAG": {"IS_SUBSET": ["NN"]}}],
        [{"LOWER": {"REGEX": {"IN": ["^g"]}}}],
        [{"LOWER": {"IN": "gon"}}],
        [{"LOWER": {"IN": [True]}}],
    ],
)
def test_compilation_refuses_what_it_does_not_handle(pattern: list[dict[str, Any]]) -> None:
    nlp, ruler = _blank_ruler([[{"LOWER": "na"}], pattern])
    assert compile_patterns(ruler) is None
    assert install(nlp) == [] and "match" not in vars(ruler)


def test_compilation_refuses_callbacks_and_greedy_filters() -> None:
    for extra in ({"on_match": lambda *args: None}, {"greedy": "LONGEST"}):
        _, ruler = _blank_ruler([[{"LOWER": "na"}]])
        ruler.matcher.add(ruler.vocab.strings["0"], [[{"LOWER": "gon"}]], **extra)
        assert compile_patterns(ruler) is None


@pytest.mark.model
def test_load_keeps_spacys_matcher_for_an_operator(tmp_path: Path) -> None:
    import spacy

    from kgraph.nlp import load

    pipeline = spacy.load(DEFAULT_MODEL)  # a fresh copy: kgraph's cached one is left alone
    pipeline.get_pipe("attribute_ruler").add(
        [[{"LOWER": "gon"}, {"LOWER": "na", "OP": "?"}]], {"LEMMA": "go"}
    )
    pipeline.to_disk(tmp_path / "model")
    nlp = load(str(tmp_path / "model"))
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" not in vars(ruler) and compile_patterns(ruler) is None
    assert nlp("We are gon na win.")[2].lemma_ == "go"


def test_changed_patterns_are_compiled_again_or_left_to_spacy() -> None:
    nlp, ruler = _blank_ruler([[{"LOWER": "gon"}, {"LOWER": "na"}]])
    assert install(nlp) == ["attribute_ruler"]
    fast = ruler.match
    doc = nlp.make_doc("we are gon na win , ya all")

    def same(count: int) -> bool:
        return fast(doc) == _spacy_match(ruler, doc) and len(_spacy_match(ruler, doc)) == count

    assert same(1) and fast.compiled
    ruler.add([[{"LOWER": "win"}]], {"LEMMA": "winning"})
    assert same(2) and fast.compiled  # compiled again: the old patterns did not know "win"
    assert nlp("we are gon na win")[4].lemma_ == "winning"
    ruler.matcher.remove(ruler.vocab.strings["1"])
    ruler.matcher.add(ruler.vocab.strings["1"], [[{"LOWER": "are"}]])  # as many patterns, other ones
    assert same(2) and fast(doc)[1][2] == 1
    ruler.matcher.add(ruler.vocab.strings["1"], [[{"LOWER": "we"}]])  # one more under the same key
    assert same(3) and fast(doc)[1][2] == 0
    ruler.add([[{"LOWER": "ya"}, {"LOWER": "all", "OP": "?"}]], {"LEMMA": "you"})
    assert same(5) and not fast.compiled  # an operator: spaCy's matcher answers
    ruler.clear()
    ruler.add([[{"LOWER": {"REGEX": "^ya?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
    assert same(1) and fast.compiled


def test_a_pickled_ruler_keeps_its_fast_matcher() -> None:
    from spacy.tokens import Doc

    nlp, ruler = _blank_ruler([[{"LOWER": {"IN": ["gon", "got"]}}, {"LOWER": {"REGEX": "^[nt]a$"}}]])
    install(nlp)
    copy = pickle.loads(pickle.dumps(ruler))
    doc = Doc(copy.vocab, words=["we", "got", "ta", "go", "gon", "na"])
    assert isinstance(vars(copy)["match"], FastMatch)
    assert copy.match(doc) == _spacy_match(copy, doc) and len(copy.match(doc)) == 2
