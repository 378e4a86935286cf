"""Name keys, acronyms and plural demonyms."""

from __future__ import annotations

import pytest

from kgraph.link.names import is_acronym, looks_like_acronym, name_key, plural_stem


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the U.N.'s", "un"),
        ("Kim Jong-un", "kim jong un"),
        ("Workers' Party", "workers party"),
        ("North Korea\u2019s", "north korea"),
        ("The", "the"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("WPK", "Workers' Party of Korea", True),
        ("U.N.", "United Nations", True),
        ("UN", "United Nations", True),
        ("UNSC", "United Nations", False),
        ("UN", "UN Security Council", False),
        ("NATO", "North Atlantic Treaty Organization", True),
        ("Kim", "Korea Institute Malaysia", False),
        ("CSA", "Child Support Agency", True),
    ],
)
def test_is_acronym(short: str, long: str, expected: bool) -> None:
    assert is_acronym(short, long) is expected


def test_only_capitals_look_like_acronyms() -> None:
    assert looks_like_acronym("U.N.") and looks_like_acronym("UNSC")
    assert not looks_like_acronym("Kim") and not looks_like_acronym("A")


def test_plural_stem() -> None:
    assert [plural_stem(w) for w in ("Iraqis", "Britons", "authorities", "Swiss")] == [
        "Iraqi",
        "Briton",
        "authority",
        "Swiss",
    ]
