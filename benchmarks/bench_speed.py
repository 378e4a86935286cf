"""(a) kgraph extraction ÷ raw spaCy, and (b) 2 processes ÷ 1, on the BBC politics articles.

Both sides of each ratio are measured in the same run, interleaved (A B B A per round), on the
same documents and the same model; ratios are throughput ratios (docs/s ÷ docs/s).

* (a) ``raw``: ``nlp.pipe(texts, batch_size=32)`` of kgraph's model as spaCy loads it (same
  enabled components, spaCy's own attribute-ruler matcher: see ``_speed_common.spacy_pipeline``).
  ``kgraph``: read the JSONL file with kgraph's reader, then ``kgraph.pipeline.process``
  (parse + extract + resolve → DocResults), one process, no cache.
* (b) ``process(..., processes=2)`` ÷ ``processes=1`` (kgraph end to end, pool start included),
  and the same for raw spaCy (``n_process=2`` ÷ 1) for reference.

    .venv/bin/python benchmarks/bench_speed.py                 # 300 articles, 2 rounds
    .venv/bin/python benchmarks/bench_speed.py --limit 60 --rounds 1 --only a
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed_common import BBC, machine, records, spacy_pipeline, timed

#: Documents per CPU second of this process, per side (one-process runs only are meaningful).
CPU: dict[str, list[float]] = {"kgraph": [], "raw": [], "pool": [], "raw pool": []}


def _corpus(limit: int, folder: Path) -> Path:
    path = folder / "bbc.jsonl"
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records(BBC, limit)), encoding="utf-8")
    return path


def kgraph_run(path: Path, processes: int) -> float:
    from kgraph.config import Settings
    from kgraph.model import Skipped
    from kgraph.pipeline import documents_from, process

    settings = replace(Settings(), processes=processes, batch_size=32)
    skipped: list[Skipped] = []
    cpu = time.process_time()
    seconds, n = timed(
        lambda: sum(1 for _ in process(documents_from([str(path)], skipped), settings=settings))
    )
    CPU["kgraph" if processes == 1 else "pool"].append(n / (time.process_time() - cpu))
    return n / seconds


def raw_run(texts: list[str], processes: int) -> float:
    nlp = spacy_pipeline()
    cpu = time.process_time()
    seconds, n = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=processes)))
    CPU["raw" if processes == 1 else "raw pool"].append(n / (time.process_time() - cpu))
    return n / seconds


def ratio_rounds(first: callable, second: callable, rounds: int) -> tuple[list[float], list[float]]:  # type: ignore[valid-type]
    """Interleave A B B A per round; return the rates of each side."""
    a, b = [], []
    for _ in range(rounds):
        a.append(first())
        b.append(second())
        b.append(second())
        a.append(first())
    return a, b


def sliced(path: Path, texts: list[str], size: int, folder: Path) -> None:
    """(a) with the sides alternated A B B A on each slice of ``size`` articles, once over the corpus."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kg_seconds = raw_seconds = 0.0
    pairs = []
    for start in range(0, len(lines), size):
        part = folder / f"slice-{start}.jsonl"
        part.write_text("".join(lines[start : start + size]), encoding="utf-8")
        n = len(lines[start : start + size])
        steps = [kgraph_run(part, 1), raw_run(texts[start : start + size], 1)]
        steps += [raw_run(texts[start : start + size], 1), kgraph_run(part, 1)]
        kg_seconds += n / steps[0] + n / steps[3]
        raw_seconds += n / steps[1] + n / steps[2]
        pairs.append((steps[0] + steps[3]) / (steps[1] + steps[2]))
    print(f"(a, slices of {size}) ratio {raw_seconds / kg_seconds:.3f} (target ≥ 0.88): total seconds"
          f" {kg_seconds:.1f} vs {raw_seconds:.1f}; per slice {' '.join(f'{p:.3f}' for p in pairs)}", flush=True)  # fmt: skip


def report(name: str, num: list[float], den: list[float], target: float) -> None:
    ratio = statistics.median(num) / statistics.median(den)
    pairs = " ".join(f"{n / d:.3f}" for n, d in zip(num, den))
    print(f"({name}) ratio {ratio:.3f} (target ≥ {target}); medians {statistics.median(num):.2f} vs "
          f"{statistics.median(den):.2f} docs/s; per pair {pairs}", flush=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=300, help="articles (default: %(default)s)")
    parser.add_argument(
        "--rounds", type=int, default=2, help="A B B A rounds per ratio (default: %(default)s)"
    )
    parser.add_argument("--only", choices=["a", "b"], help="run one benchmark")
    parser.add_argument(
        "--slice", type=int, default=0, metavar="N",
        help="(a) also alternates the two sides on slices of N articles (A B B A per slice): each pair is"
        " then measured within seconds, so the VM's drifting speed cancels better (default: off)",
    )  # fmt: skip
    args = parser.parse_args()
    from kgraph.nlp import load

    load(), spacy_pipeline()  # both sides start with the model loaded
    with tempfile.TemporaryDirectory() as tmp:
        path = _corpus(args.limit, Path(tmp))
        texts = [r["text"] for r in records(path)]
        print(f"machine: {machine()}")
        print(
            f"corpus: {len(texts)} BBC politics articles, {sum(map(len, texts)) / 1e6:.2f} M characters",
            flush=True,
        )
        kgraph_run(path, 1)  # warm-up (lexicon, tables, caches)
        if args.only in (None, "a"):
            kg, raw = ratio_rounds(lambda: kgraph_run(path, 1), lambda: raw_run(texts, 1), args.rounds)
            report("a: kgraph extract ÷ raw nlp.pipe, 1 process", kg, raw, 0.88)
            report("a, by CPU time (docs per CPU second)", CPU["kgraph"][-len(kg) :], CPU["raw"], 0.88)
            if args.slice:
                sliced(path, texts, args.slice, Path(tmp))
        if args.only in (None, "b"):
            two, one = ratio_rounds(lambda: kgraph_run(path, 2), lambda: kgraph_run(path, 1), args.rounds)
            report("b: kgraph 2 processes ÷ 1", two, one, 1.65)
            two, one = ratio_rounds(
                lambda: raw_run(texts, 2), lambda: raw_run(texts, 1), max(args.rounds // 2, 1)
            )
            report("b, reference: raw spaCy n_process=2 ÷ 1", two, one, 1.73)
    return 0


if __name__ == "__main__":
    sys.exit(main())
