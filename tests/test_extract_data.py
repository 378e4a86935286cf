"""The lexicon format, date resolution and confidence ordering."""

from __future__ import annotations

import pytest

from kgraph.errors import ConfigError
from kgraph.extract.dates import resolve_date
from kgraph.extract.lexicon import load_lexicon, parse_lexicon
from kgraph.model import EVENT_TYPES


def test_builtin_lexicon_is_large_and_valid():
    lex = load_lexicon()
    assert len(lex.verbs) + len(lex.phrases) + len(lex.nouns) + len(lex.noun_phrases) > 600
    entries = [*lex.verbs.values(), *lex.phrases.values(), *lex.nouns.values(), *lex.noun_phrases.values()]
    assert {t for t, _ in entries} == set(EVENT_TYPES)
    assert all(len(root) == 2 and 1 <= int(root) <= 20 for _, root in entries)


@pytest.mark.parametrize(
    ("lookup", "expected"),
    [
        (("verb", "sanction"), ("SANCTION", "16")),
        (("phrase", "hold", "talk"), ("CONSULT", "04")),
        (("phrase", "back", "down"), ("RETREAT", "08")),
        (("phrase", "call", "for"), ("REQUEST", "02")),
        (("noun", "airstrike"), ("ASSAULT", "19")),
        (("noun_phrase", "nuclear", "test"), ("MOBILIZE", "15")),
        (("verb", "say"), ("STATEMENT", "01")),
        (("verb", "kill"), ("ASSAULT", "19")),  # CAMEO verb dictionary: KILL [190]
        (("noun", "killing"), ("ASSAULT", "19")),
        (("phrase", "end", "partnership"), ("SANCTION", "16")),  # PLOVER: reductions in existing relations
        (("phrase", "postpone", "talk"), ("SANCTION", "16")),
        (("phrase", "take", "aim"), ("ACCUSE", "11")),
        (("verb", "castigate"), ("ACCUSE", "11")),
        (("phrase", "train", "troop"), ("COOPERATE", "06")),  # CAMEO 062 cooperate militarily
    ],
)
def test_builtin_entries(lookup, expected):
    lex = load_lexicon()
    kind, *words = lookup
    found = {
        "verb": lambda: lex.lookup(words[0]),
        "phrase": lambda: lex.lookup(words[0], words[1]),
        "noun": lambda: lex.noun(words[0]),
        "noun_phrase": lambda: lex.noun(words[1], words[0]),
    }[kind]()
    assert found == expected


def test_noun_kind_column_and_comments():
    lex = parse_lexicon(
        [
            "# comment",
            "pattern\ttype\tcameo_root\tkind",
            "riot\tPROTEST\t14\tnoun",
            "air strike\tASSAULT\t19\tnoun",
            "quell\tCOERCE\t17\tverb",
        ],
        "user.tsv",
    )
    assert lex.noun("riot") == ("PROTEST", "14")
    assert lex.noun("strike", "air") == ("ASSAULT", "19")
    assert lex.lookup("quell") == ("COERCE", "17")
    assert lex.lookup("riot") is None


@pytest.mark.parametrize(
    "line", ["attack\tASSAULTS\t19", "attack\tASSAULT\t9", "attack\tASSAULT\t19\tadverb"]
)
def test_bad_lexicon_lines_say_where(line):
    with pytest.raises(ConfigError, match=r"user\.tsv:1: expected"):
        parse_lexicon([line], "user.tsv")


def test_user_lexicon_extends_or_replaces(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("quell\tCOERCE\t17\nsanction\tCOERCE\t17\n", encoding="utf-8")
    merged = load_lexicon(path)
    assert merged.lookup("quell") == ("COERCE", "17") and merged.lookup("sanction") == ("COERCE", "17")
    assert merged.lookup("attack") == ("ASSAULT", "19")
    assert load_lexicon(path, replace=True).lookup("attack") is None


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("in January", "2016-03-14", "2016-01"),
        ("in May", "2016-03-14", "2015-05"),
        ("on Monday", "2016-03-17", "2016-03-14"),
        ("yesterday", "2016-03-17", "2016-03-16"),
        ("last week", "2016-03-17", "2016-W10"),
        ("last month", "2016-01-10", "2015-12"),
        ("last year", "2016-01-10", "2015"),
        ("in 2011", None, "2011"),
        ("Sept. 11, 2001", None, "2001-09-11"),
        ("March 5", "2016-03-17", "2016-03-05"),
        ("in January", None, None),
        ("daily", "2016-03-17", None),
    ],
)
def test_resolve_date(text, reference, expected):
    assert resolve_date(text, reference) == expected


def test_petrarch_verb_dictionary_format():
    from kgraph.extract.petrarch import parse_petrarch_verbs

    lex = parse_petrarch_verbs(
        [
            "# header",
            "####### VERB PATTERNS #######",
            "---  RELEASE   [084]  ---",
            "RELEASE",
            "FREE {FREES FREED}",
            "- * PRISONERS  [0841]  # RELEASE",
            "- * &WEAPON [0841]",
            "---  OCCUPY   [192]  ---",
            "OCCUPY",
            "+MOVE_INTO [192]",
        ],
        "verbs.txt",
    )
    assert lex.lookup("free") == ("RETREAT", "08")
    assert lex.lookup("release", "prisoner") == ("RETREAT", "08")
    assert lex.lookup("occupy") == ("COERCE", "19") and lex.lookup("move", "into") == ("COERCE", "19")
    with pytest.raises(ConfigError, match="no verb patterns"):
        parse_petrarch_verbs(["ASK [020]"], "notes.txt")


@pytest.mark.shared
def test_petrarch_cameo_dictionary_fills_gaps_only(shared_dir):
    path = shared_dir / "reference" / "phoenix" / "CAMEO.2.0.txt"
    lex = load_lexicon(cameo_verbs=path)
    assert len(lex.verbs) > 1000
    assert lex.lookup("say") == load_lexicon().lookup("say")  # the built-in entry wins
