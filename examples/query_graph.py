"""Load a build and ask it questions: who is who, who did what to whom, when.

Run: python examples/query_graph.py [BUILD_DIR]   (builds the sample articles when no folder is given)
"""

import sys
import tempfile
from pathlib import Path

import kgraph

if len(sys.argv) > 1:
    kg = kgraph.load(sys.argv[1])  # a build folder, graph.json, .trig or .nq
else:
    with tempfile.TemporaryDirectory() as folder:
        kgraph.build([Path(__file__).parent / "articles.jsonl"]).save(folder, ["json", "events"])
        kg = kgraph.load(folder)

us = kg.actor("the United States")  # id, label or any alias
print(us.label, us.type, us.country, us.aliases)
for event in kg.events(actor=us.id, type=["SANCTION", "COERCE"], min_sources=1):
    print(" ", event.date, event.type, event.relation, "->", [kg.actor(r).label for r in event.recipients])
print("busiest:", [(a.label, n) for a, n in kg.rank("events", top=3)])
print("timeline:", [(e.date, e.relation) for e in kg.timeline(us.id)])
print("networkx:", kg.to_networkx())
