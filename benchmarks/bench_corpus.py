"""(c) A full ``kgraph build`` of news_34k: wall time ÷ raw parse time, and peak memory.

Both sides run in this one script, one after the other, on the same documents:

* ``build``: ``kgraph build CORPUS -o TMP --processes N --no-cache`` in a subprocess (read,
  parse + extract + resolve in N worker processes, link, write the default exports). Peak
  memory is sampled every 0.5 s over the whole process tree: the sum of RSS (overcounts the
  model pages the forked workers share) and the sum of PSS (shared pages split fairly).
* ``raw parse``: ``nlp.pipe(texts, n_process=N, batch_size=32)`` of the same model over the
  same texts (already in memory), timed once before and once after the build; the ratio uses
  their mean, so that a change of machine load during the run biases neither side.

The script also prints when each stage of the build ended (parse, link, exports).

    .venv/bin/python benchmarks/bench_corpus.py                  # all 34,626 articles (long)
    .venv/bin/python benchmarks/bench_corpus.py --limit 2000     # a quick run
    .venv/bin/python benchmarks/bench_corpus.py --raw-sample 5   # all articles, raw parse estimated from 1 in 5
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed_common import NEWS, ROOT, machine, records, spacy_pipeline, timed

KGRAPH = [sys.executable, "-m", "kgraph.cli"]


def _input(limit: int | None, folder: Path) -> Path:
    if limit is None:
        return NEWS  # read in place
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records(NEWS, limit)), encoding="utf-8")
    return path


class TreeMemory(threading.Thread):
    """Samples the memory of a process and its children until it ends."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_rss, self.peak_pss = pid, 0, 0

    def run(self) -> None:
        import psutil

        root = psutil.Process(self.pid)
        while root.is_running() and root.status() != psutil.STATUS_ZOMBIE:
            rss = pss = 0
            try:
                for proc in [root, *root.children(recursive=True)]:
                    info = proc.memory_full_info()
                    rss, pss = rss + info.rss, pss + info.pss
            except psutil.Error:
                pass
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            time.sleep(0.5)


def run_build(corpus: Path, out: Path, processes: int) -> tuple[float, TreeMemory, list[tuple[float, str]]]:
    """Run the CLI build; return wall seconds, memory peaks and (seconds, stage message) lines."""
    start = time.perf_counter()
    command = [*KGRAPH, "build", str(corpus), "-o", str(out), "--processes", str(processes), "--no-cache"]
    proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    memory = TreeMemory(proc.pid)
    memory.start()
    stages = [
        (time.perf_counter() - start, line.strip()) for line in proc.stderr if line.startswith("kgraph: ")
    ]  # type: ignore[union-attr]
    code = proc.wait()
    wall = time.perf_counter() - start
    memory.join(timeout=2)
    if code not in (0, 1):
        raise SystemExit(f"kgraph build failed with exit code {code}")
    return wall, memory, stages


def raw_parse(texts: list[str], processes: int) -> float:
    nlp = spacy_pipeline()
    seconds, _ = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=processes)))
    return seconds


def raw_parse_estimate(texts: list[str], processes: int, every: int) -> float:
    """Raw parse time of ``texts`` from parsing every ``every``-th one, scaled by characters.

    spaCy's parse time is close to linear in the text length, so a systematic 1-in-k sample
    scaled by its share of the characters estimates the whole; ``every=1`` parses everything.
    """
    if every <= 1:
        return raw_parse(texts, processes)
    sample = texts[::every]
    share = sum(map(len, sample)) / sum(map(len, texts))
    seconds = raw_parse(sample, processes)
    print(f"  raw parse of every {every}th article ({len(sample)}, {share:.1%} of the characters): "
          f"{seconds:.1f}s, so {seconds / share:.1f}s for all", flush=True)  # fmt: skip
    return seconds / share


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="only the first N articles (default: all)")
    parser.add_argument(
        "--processes", type=int, default=2, help="processes on both sides (default: %(default)s)"
    )
    parser.add_argument(
        "--raw-sample", type=int, default=1, metavar="K",
        help="estimate the raw parse from every K-th article, scaled by characters (default: all)",
    )  # fmt: skip
    parser.add_argument(
        "--build-only", action="store_true", help="no raw parse: the build's stages and memory only (quicker)"
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build into DIR and keep it (for bench_query.py)")
    args = parser.parse_args()
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _input(args.limit, Path(tmp))
        texts = [r["text"] for r in records(corpus)]
        print(
            f"corpus: {len(texts)} articles of {NEWS.name}, {sum(map(len, texts)) / 1e6:.1f} M characters",
            flush=True,
        )
        before = 0.0 if args.build_only else raw_parse_estimate(texts, args.processes, args.raw_sample)
        print(f"  raw parse before the build: {before:.1f}s", flush=True)
        wall, memory, stages = run_build(corpus, args.keep or Path(tmp) / "out", args.processes)
        for seconds, message in stages:
            print(f"  build {seconds:8.1f}s  {message}", flush=True)
        if args.build_only:
            print(f"machine after: {machine()}\n(c) build wall {wall:.1f}s; {_peaks(memory)}")
            return 0
        after = raw_parse_estimate(texts, args.processes, args.raw_sample)
        print(f"  raw parse after the build: {after:.1f}s", flush=True)
        parse = (before + after) / 2
        parsed = next((s for s, m in stages if "linking" in m), wall)
        print(
            f"  build up to the end of parsing ÷ raw parse: {parsed / parse:.3f}; "
            f"up to the end of linking: {next((s for s, m in stages if 'writing' in m), wall) / parse:.3f}"
        )
        print(f"machine after: {machine()}")
        print(f"(c) build wall {wall:.1f}s ÷ raw parse {parse:.1f}s = {wall / parse:.3f} (target ≤ 1.3); "
              f"{len(texts) / wall:.1f} vs {len(texts) / parse:.1f} docs/s; processes {args.processes}")  # fmt: skip
        print(f"(c) peak memory of the build's process tree: {_peaks(memory)}")
    return 0


def _peaks(memory: TreeMemory) -> str:
    return (f"RSS sum {memory.peak_rss / 2**30:.2f} GB, PSS sum {memory.peak_pss / 2**30:.2f} GB "
            "(target ≤ 4 GB)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
