"""(e) Adding 10 articles to a 5,000-article build (``--update``) ÷ a full rebuild of all 5,010.

Definitions (all wall times of the ``kgraph build`` CLI in a subprocess, 2 processes):

* full rebuild: ``kgraph build base.jsonl new.jsonl -o full`` with an empty result cache, so
  every one of the 5,010 articles is parsed (what a build costs without ``--update``);
  it writes its results to a cache folder as the CLI does by default.
* the 5,000-article build to update is then made from that cache (``kgraph build base.jsonl``,
  every article a cache hit), which saves a second parse of the 5,000 in this script and
  does not change the update's cost (the update reads only ``base/results.bin``).
* update: ``kgraph build --update base new.jsonl --no-cache``: reads the 5,000 results, parses
  the 10 new articles, links all 5,010 and writes every export. A 7-second run is at the mercy of
  a few seconds of the shared VM's drift, so it is timed ``--updates`` times (3), each on a fresh
  copy of the base build, and the ratio uses the median (all three are printed).

The script also checks that the updated folder equals the full rebuild, file by file
(``results.bin`` compared by what it holds, as the update appends frames; PYTHONHASHSEED fixed
for both runs).

    .venv/bin/python benchmarks/bench_update.py                  # 5,000 + 10 articles of news_34k
    .venv/bin/python benchmarks/bench_update.py --base 300 --new 10
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed_common import NEWS, ROOT, machine, records
from bench_corpus import TreeMemory

from kgraph.cache import RESULTS_FILE, read_results

KGRAPH = [sys.executable, "-m", "kgraph.cli", "build", "--quiet", "--processes", "2"]


def kgraph(*args: str) -> tuple[float, TreeMemory]:
    """Run ``kgraph build ARGS``; return its wall seconds and the memory peaks of its process tree."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*KGRAPH, *args], cwd=ROOT, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL
    )
    memory = TreeMemory(proc.pid)
    memory.start()
    code = proc.wait()
    seconds = time.perf_counter() - start
    memory.join(timeout=2)
    if code not in (0, 1):
        raise SystemExit(f"kgraph build {' '.join(args)} failed ({code})")
    return seconds, memory


def _gb(memory: TreeMemory) -> str:
    return f"peak RSS sum {memory.peak_rss / 2**30:.2f} GB, PSS sum {memory.peak_pss / 2**30:.2f} GB"


def same_outputs(a: Path, b: Path) -> list[str]:
    """Names of the files that differ between two build folders."""

    def read(path: Path) -> object:
        return read_results(path) if path.name == RESULTS_FILE else path.read_bytes()

    names = sorted(
        {p.name for p in a.iterdir() if p.is_file()} | {p.name for p in b.iterdir() if p.is_file()}
    )
    return [n for n in names if not ((a / n).is_file() and (b / n).is_file() and read(a / n) == read(b / n))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--base", type=int, default=5000, help="articles in the build to update (default: %(default)s)"
    )
    parser.add_argument("--new", type=int, default=10, help="articles added (default: %(default)s)")
    parser.add_argument(
        "--keep", type=Path, help="keep the updated build in this folder (for bench_query.py)"
    )
    parser.add_argument(
        "--updates", type=int, default=3,
        help="updates timed, each on a fresh copy of the base build; the ratio uses their median (default: %(default)s)",
    )  # fmt: skip
    args = parser.parse_args()
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        rows = list(records(NEWS, args.base + args.new))
        (t / "base.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows[: args.base]), encoding="utf-8"
        )
        (t / "new.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows[args.base :]), encoding="utf-8"
        )
        full, memory = kgraph(
            str(t / "base.jsonl"), str(t / "new.jsonl"), "-o", str(t / "full"), "--cache", str(t / "cache")
        )
        print(f"full rebuild of {len(rows)} articles (empty cache): {full:.1f}s; {_gb(memory)}", flush=True)
        print(f"machine: {machine()}", flush=True)
        base, _ = kgraph(str(t / "base.jsonl"), "-o", str(t / "base"), "--cache", str(t / "cache"))
        print(f"the {args.base}-article build to update, from the cache: {base:.1f}s", flush=True)
        updates = []
        for run in range(args.updates):  # each on a fresh copy of the base build; the median counts
            folder = t / f"update-{run}"
            shutil.copytree(t / "base", folder)
            seconds, memory = kgraph("--update", str(folder), str(t / "new.jsonl"), "--no-cache")
            updates.append(seconds)
            print(f"update with {args.new} articles: {seconds:.1f}s; {_gb(memory)}", flush=True)
        update = statistics.median(updates)
        differ = sorted({n for run in range(args.updates) for n in same_outputs(t / f"update-{run}", t / "full")})
        print(
            f"updated build equals the full rebuild: {'yes' if not differ else 'NO, differ: ' + ', '.join(differ)}"
        )
        print(f"machine after: {machine()}")
        print(
            f"(e) update {update:.1f}s (median of {', '.join(f'{u:.1f}' for u in updates)}) ÷ full rebuild"
            f" {full:.1f}s = {update / full:.4f} (target ≤ 0.05)"
        )
        if args.keep:
            subprocess.run(["cp", "-r", str(t / "update-0"), str(args.keep)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
