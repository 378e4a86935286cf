"""The graph as two pandas DataFrames: events (the events.jsonl fields) and actors.

Run: python examples/pandas_tables.py   (needs pandas: pip install "kgraph[pandas]")
"""

from pathlib import Path

import kgraph

kg = kgraph.build([Path(__file__).parent / "articles.jsonl"])
events, actors = kg.to_pandas()

print(events[["doc", "type", "relation", "mood", "confidence"]].head())
print(events.groupby("type", dropna=False).size().sort_values(ascending=False))
print(actors.sort_values("events", ascending=False)[["label", "type", "country", "events"]].head())
