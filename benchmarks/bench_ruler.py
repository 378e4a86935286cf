"""kgraph.ruler's fast ``AttributeRuler.match`` against spaCy's: identity on corpora, then speed.

* ``--check``: every article of the BBC politics and Guardian sets and the first 1,000 of
  news_34k goes through kgraph's pipeline (fast matcher) and a separately loaded spaCy pipeline
  (spaCy's matcher), side by side; each doc's POS, MORPH, LEMMA, TAG, DEP, HEAD, ENT_IOB,
  ENT_TYPE arrays and morph strings must be equal, and so must each match list (the fast
  ruler also calls spaCy's match and compares, in the same run).
* default: ``ruler.match`` CPU time on the same parsed docs (spaCy's, then the fast one,
  alternating), and the whole ``nlp.pipe(texts, batch_size=32)`` CPU time on ``--limit`` BBC
  articles with spaCy's vs the fast matcher, in A B B A order per round.

    .venv/bin/python benchmarks/bench_ruler.py --check
    .venv/bin/python benchmarks/bench_ruler.py --limit 150 --rounds 2
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed_common import BBC, NEWS, SHARED, machine, records

GUARDIAN = SHARED / "corpora" / "guardian_syria.jsonl"
CORPORA = {"bbc_politics": (BBC, None), "guardian_syria": (GUARDIAN, None), "news_34k[:1000]": (NEWS, 1000)}


def _snapshot(doc: Any) -> tuple[list[list[int]], list[str]]:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    array = doc.to_array([POS, MORPH, LEMMA, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]).tolist()
    return array, [str(token.morph) for token in doc]


def _checking(ruler: Any, fast: Callable[[Any], Any], mismatches: list[int]) -> Callable[[Any], Any]:
    """``fast``, that also compares its matches with spaCy's (counted in ``mismatches``)."""
    from spacy.pipeline import AttributeRuler

    def match(doc: Any) -> Any:
        found = fast(doc)
        mismatches[0] += found != AttributeRuler.match(ruler, doc)
        mismatches[1] += 1
        return found

    return match


def check() -> None:
    import spacy

    from kgraph.config import DEFAULT_MODEL
    from kgraph.nlp import load

    nlp = load()
    plain = spacy.load(DEFAULT_MODEL, disable=["senter"])  # spaCy's own matcher
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" not in vars(plain.get_pipe("attribute_ruler"))
    mismatches = [0, 0]
    ruler.match = _checking(ruler, ruler.match, mismatches)
    for name, (path, limit) in CORPORA.items():
        texts = [r["text"] for r in records(path, limit)]
        docs = tokens = unequal = 0
        for fast_doc, plain_doc in zip(nlp.pipe(texts, batch_size=32), plain.pipe(texts, batch_size=32)):
            docs, tokens = docs + 1, tokens + len(fast_doc)
            unequal += _snapshot(fast_doc) != _snapshot(plain_doc)
        print(f"{name}: {docs} docs, {tokens} tokens, {unequal} docs unequal; match lists {mismatches[0]} "
              f"unequal of {mismatches[1]} so far")  # fmt: skip


def _cpu(fn: Callable[[], Any]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _toggle(ruler: Any, fast: Any) -> Iterator[str]:
    """Alternately spaCy's match and the fast one on ``ruler``, A B B A: yields the side now on."""
    while True:
        for side in ("spacy", "fast", "fast", "spacy"):
            if side == "spacy":
                vars(ruler).pop("match", None)
            else:
                ruler.match = fast
            yield side


def bench(limit: int, rounds: int) -> None:
    from kgraph.nlp import load

    nlp = load()
    ruler = nlp.get_pipe("attribute_ruler")
    texts = [r["text"] for r in records(BBC, limit)]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(texts, batch_size=32))
    print(
        machine(), f"\n{len(parsed)} BBC articles, {sum(map(len, parsed))} tokens, {rounds} rounds of A B B A"
    )
    fast = vars(ruler)["match"]
    sides = _toggle(ruler, fast)
    match: dict[str, list[float]] = {"spacy": [], "fast": []}
    for _ in range(4 * rounds):
        side = next(sides)
        match[side].append(_cpu(lambda: [ruler.match(doc) for doc in parsed]))
    pipe: dict[str, list[float]] = {"spacy": [], "fast": []}
    for _ in range(4 * rounds):
        side = next(sides)
        pipe[side].append(_cpu(lambda: list(nlp.pipe(texts, batch_size=32))))
    ruler.match = fast
    for what, times in (("ruler.match", match), ("nlp.pipe", pipe)):
        a, b = statistics.median(times["spacy"]), statistics.median(times["fast"])
        print(f"{what}: spaCy {a:.3f} s, fast {b:.3f} s (medians; all: spaCy "
              f"{[round(t, 3) for t in times['spacy']]}, fast {[round(t, 3) for t in times['fast']]}); "
              f"saved {a - b:.3f} s = {(a - b) / a:.1%}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="identity on the corpora instead of timings")
    parser.add_argument("--limit", type=int, default=150, help="BBC articles timed (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=2, help="A B B A rounds (default: %(default)s)")
    args = parser.parse_args()
    if args.check:
        check()
    else:
        bench(args.limit, args.rounds)


if __name__ == "__main__":
    main()
