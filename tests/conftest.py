"""Shared fixtures: hand-built spaCy Docs, the trained model, and ../shared data."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _find_shared() -> Path | None:
    env = os.environ.get("KGRAPH_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((c for c in candidates if (c / "eval").is_dir()), None)


SHARED = _find_shared()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only research data folder (``../shared``); skips the test when absent."""
    if SHARED is None:
        pytest.skip("../shared is absent: research data (corpora, eval) is not on this machine")
    return SHARED


@pytest.fixture(scope="session")
def en_vocab():  # type: ignore[no-untyped-def]
    from spacy.vocab import Vocab

    return Vocab()


MakeDoc = Callable[..., "object"]


@pytest.fixture(scope="session")
def make_doc(en_vocab):  # type: ignore[no-untyped-def]
    """Build a parsed Doc by hand: words, heads (absolute indices), deps, pos, tags, lemmas, ents.

    ``ents`` is a list of ``(start_token, end_token, label)``; sentence boundaries follow the heads.
    """
    from spacy.tokens import Doc, Span

    def _make(
        words: Sequence[str],
        heads: Sequence[int] | None = None,
        deps: Sequence[str] | None = None,
        pos: Sequence[str] | None = None,
        tags: Sequence[str] | None = None,
        lemmas: Sequence[str] | None = None,
        ents: Sequence[tuple[int, int, str]] = (),
        spaces: Sequence[bool] | None = None,
        user_data: dict | None = None,
    ) -> Doc:
        doc = Doc(
            en_vocab, words=list(words), spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
            lemmas=lemmas or [w.lower() for w in words],
        )
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
        if user_data:
            doc.user_data.update(user_data)
        return doc

    return _make


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The trained English pipeline (model tier)."""
    from kgraph.nlp import load

    return load()
