"""Post-parse cost of kgraph (extract + resolve) ÷ parse time, on the BBC politics articles.

Each round parses the articles with the pipeline's own batching (``chunking.parse_in_parts``,
the Docs kept), then runs ``pipeline.analyze`` (extract + resolve) on those Docs; both sides
are timed in CPU seconds of this process, so the ratio is little affected by other load.
This is the part of benchmark (a) that kgraph's code decides: (a) ≈ 1 ÷ (1 + post ÷ parse).

    .venv/bin/python benchmarks/profile_extract.py                      # 150 articles, 2 rounds
    .venv/bin/python benchmarks/profile_extract.py --profile 30         # + cProfile of the post-parse part
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed_common import BBC, machine, records


def parse(documents: list[Any], settings: Any) -> tuple[float, list[tuple[Any, Any]]]:
    """CPU seconds to parse ``documents`` as ``analyze_batch`` does, and the (Doc, part) pairs."""
    from kgraph.chunking import parse_in_parts
    from kgraph.model import DocResult
    from kgraph.pipeline import _resources

    nlp = _resources(settings)[0]
    pairs: list[tuple[Any, Any]] = []

    def keep(doc: Any, part: Any) -> DocResult:
        pairs.append((doc, part))
        return DocResult(part)

    cpu = time.process_time()
    for start in range(0, len(documents), settings.batch_size):
        parse_in_parts(nlp, documents[start : start + settings.batch_size], keep)
    return time.process_time() - cpu, pairs


def post_parse(pairs: list[tuple[Any, Any]], settings: Any) -> tuple[float, list[Any]]:
    """CPU seconds of extract + resolve over the parsed pairs, and the results."""
    from kgraph.pipeline import _resources, analyze

    _, lexicon, tables = _resources(settings)
    cpu = time.process_time()
    results = [analyze(doc, part, lexicon=lexicon, tables=tables, settings=settings) for doc, part in pairs]
    return time.process_time() - cpu, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=150, help="articles (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=2, help="parse + post-parse rounds (default: %(default)s)")
    parser.add_argument("--profile", type=int, metavar="N", help="then cProfile one post-parse run; print N lines")
    parser.add_argument("--sort", default="tottime", help="cProfile sort key (default: %(default)s)")
    parser.add_argument("--callers", metavar="PATTERN", help="with --profile: print the callers of matching functions")
    args = parser.parse_args()

    from kgraph.config import Settings
    from kgraph.model import Skipped
    from kgraph.pipeline import _resources, documents_from

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bbc.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records(BBC, args.limit)), encoding="utf-8")
        skipped: list[Skipped] = []
        documents = list(documents_from([str(path)], skipped))
    _resources(settings)
    post_parse(parse(documents[:10], settings)[1], settings)  # warm-up: lexicon, tables, lazy imports
    print(f"machine: {machine()}")
    print(f"corpus: {len(documents)} BBC politics articles", flush=True)
    ratios = []
    for _ in range(args.rounds):
        parse_cpu, pairs = parse(documents, settings)
        post_cpu, _ = post_parse(pairs, settings)
        ratios.append(post_cpu / parse_cpu)
        print(f"parse {parse_cpu:.2f} CPU s, post-parse {post_cpu:.2f} CPU s, post ÷ parse {ratios[-1]:.3f}", flush=True)
    if ratios:
        print(f"post-parse ÷ parse: median {statistics.median(ratios):.3f} "
              f"(bench (a) ≈ {1 / (1 + statistics.median(ratios)):.3f})")  # fmt: skip
    if args.profile:
        import cProfile
        import pstats

        pairs = parse(documents, settings)[1]
        profiler = cProfile.Profile()
        profiler.enable()
        post_parse(pairs, settings)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats(args.sort)
        stats.print_stats(args.profile)
        if args.callers:
            stats.print_callers(args.callers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
