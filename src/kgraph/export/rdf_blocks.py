"""How each node is spelled: actors, mentions, events, roles, evidence and their text targets.

:class:`BlockFormatter` turns one node into a block of complete statements in one
:class:`~kgraph.export.rdf_terms.Syntax`; :class:`kgraph.export.rdf_text.TextBuilder` decides which
blocks go in which article's chunk.

>>> import networkx as nx
>>> from kgraph.export.rdf_terms import NTRIPLES, TURTLE
>>> g = nx.MultiDiGraph()
>>> g.add_node("event:e1", kind="event", relation="meet", confidence=0.5, sources=["d"], date="2020")
>>> print(BlockFormatter(g, "urn:x:", TURTLE).event("event:e1", g.nodes["event:e1"]), end="")
event:e1 a sem:Event ;
    kg:mood "asserted" ;
    kg:confidence "0.5"^^xsd:decimal ;
    kg:corroboration "1"^^xsd:integer ;
    kg:relation "meet" ;
    sem:hasTime instant:2020 .
>>> from kgraph.export.rdf_text import complete
>>> print(complete(BlockFormatter(g, "urn:x:", NTRIPLES).actor("actor:un", {"label": "UN"}), None).splitlines()[1])
<urn:x:actor/un> <http://www.w3.org/2000/01/rdf-schema#label> "UN" .
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.export.rdf_terms import Syntax, data_term, decimal_text, derive, lit, typed
from kgraph.ids import slug, stable_hash

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ACTOR_FIELDS", "EVENT_FIELDS", "BlockFormatter"]

#: The node attributes an event's block is made of (besides its role edges).
EVENT_FIELDS = ("mood", "confidence", "corroboration", "sources", "relation", "type", "cameo_root", "rule",
                "date_text", "date", "place")  # fmt: skip
#: The node attributes an actor's block is made of.
ACTOR_FIELDS = ("label", "type", "country", "aliases", "codes")


class BlockFormatter:
    """Formats the nodes of graph ``g`` (IRIs under ``base``) as statements of ``syntax``.

    A node's block is made once and stored in ``blocks`` under its id; the block of a node shared
    by many (a time instant, a place, a publisher, the run) under ``"~"`` + its term, which no node
    id starts with. ``shared_of[event id]`` lists an event's shared blocks, each with the property
    that links the event to it; the builder writes each once per chunk.
    """

    def __init__(self, g: nx.MultiDiGraph, base: str, syntax: Syntax) -> None:
        self.g, self.base, self.syn, self.t = g, base, syntax, syntax.terms
        self.eol, self.sep, self.osep = syntax.eol, syntax.sep, syntax.osep
        self._iris: dict[str, str] = {}
        self._ann = "ann:" if syntax.turtle else f"<{base}ann/"
        self._ann_end = "" if syntax.turtle else ">"
        self.blocks: dict[str, str] = {}
        self.shared_of: dict[str, tuple[tuple[str, str], ...]] = {}

    def iri(self, node_id: str) -> str:
        """The term of a node id (cached)."""
        found = self._iris.get(node_id)
        if found is None:
            found = self._iris[node_id] = data_term(node_id, self.base, turtle=self.syn.turtle)
        return found

    def ann(self, *parts: Any) -> str:
        """The term of an annotation, named by a hash of ``parts``."""
        return self._ann + stable_hash(*parts) + self._ann_end

    def event(self, eid: str, data: dict[str, Any]) -> str:
        """The event's statements, then its roles' (the time and place blocks are shared)."""
        t, e = self.t, self.iri(eid)
        j = self.sep(e)
        text = (
            f"{e} {t.A} {t.SEM_EVENT}{j}{t.K_MOOD} {lit(data.get('mood') or 'asserted')}"
            f"{j}{t.K_CONF} {self.decimal(data.get('confidence', 0.5))}"
            f"{j}{t.K_CORR} {self.integer(data.get('corroboration', len(data.get('sources') or ())))}"
        )
        if data.get("relation"):
            text += f"{j}{t.K_RELATION} {lit(data['relation'])}"
        event_type = self.syn.event_types.get(str(data.get("type")))
        if event_type:
            text += f"{j}{t.EVENT_TYPE} {event_type}"
        cameo = self.syn.cameo.get(str(data.get("cameo_root")))
        if cameo:
            text += f"{j}{t.K_CAMEO} {cameo}"
        for prop, key in ((t.K_RULE, "rule"), (t.K_DATE_TEXT, "date_text")):
            if data.get(key):
                text += f"{j}{prop} {lit(data[key])}"
        shortcuts, roles = self.roles(eid, e, j)
        return text + self.when_where(eid, j) + shortcuts + self.eol + roles

    def when_where(self, eid: str, j: str) -> str:
        """Link the event to its time instant and place (their blocks: :meth:`shared_keys`)."""
        return "".join(f"{j}{prop} {key[1:]}" for prop, key in self._shared(eid))

    def shared_keys(self, eid: str) -> tuple[str, ...]:
        """The keys in ``blocks`` of the event's time instant and place (``"~"`` + their term)."""
        return tuple(key for _, key in self._shared(eid))

    def _shared(self, eid: str) -> tuple[tuple[str, str], ...]:
        """``(property, key)`` of the event's time instant and place, whose blocks are made once.

        A place's block has the label of the first event with its slug that this is asked of
        (articles and their events are visited in id order).
        """
        found = self.shared_of.get(eid)
        if found is not None:
            return found
        t, data, pairs = self.t, self.g.nodes[eid], []
        when = self.syn.date(data.get("date"))
        if when:
            i = self.iri("instant:" + data["date"])
            if "~" + i not in self.blocks:
                self.blocks["~" + i] = (f"{i} {t.A} {t.SEM_TIME}{self.osep(i, t.A)}{t.INSTANT}"
                                        f"{self.sep(i)}{when[1]} {when[0]}{self.eol}")  # fmt: skip
            pairs.append((t.HAS_TIME, "~" + i))
        if data.get("place"):
            p = self.iri("place:" + slug(str(data["place"])))
            if "~" + p not in self.blocks:
                self.blocks["~" + p] = (f"{p} {t.A} {t.SEM_PLACE}{self.osep(p, t.A)}{t.SDO_PLACE}"
                                        f"{self.sep(p)}{t.LABEL} {lit(data['place'])}{self.eol}")  # fmt: skip
            pairs.append((t.HAS_PLACE, "~" + p))
        found = self.shared_of[eid] = tuple(pairs)
        return found

    def edges(self, eid: str) -> list[tuple[str, str]]:
        """``(other node, edge key)`` of every edge of the event, sorted: what its roles are made of."""
        pred, succ = self.g._pred[eid], self.g._succ[eid]  # the adjacency dicts: no view per neighbour
        return sorted([(u, k) for u, keys in pred.items() for k in keys] + [(v, k) for v, keys in succ.items() for k in keys])

    def roles(self, eid: str, e: str, j: str) -> tuple[str, str]:
        """The shortcut properties of event ``e`` and its roles (``sem:Role`` + ``sem:roleType``)."""
        t, local, shortcuts, roles = self.t, eid.partition(":")[2], "", ""
        for other, key in self.edges(eid):
            prop = self.syn.role_props.get(key)
            if prop:
                role_id = f"role:{local}-{key}-{other.partition(':')[2]}"  # once per export: not cached
                a, r = self.iri(other), data_term(role_id, self.base, turtle=self.syn.turtle)
                jr = self.sep(r)
                shortcuts += f"{j}{prop} {a}{j}{t.HAS_ACTOR} {r}"
                role_type = self.syn.role_types[key]
                roles += f"{r} {t.A} {t.SEM_ROLE}{jr}{t.VALUE} {a}{jr}{t.ROLE_TYPE} {role_type}{self.eol}"
        return shortcuts, roles

    def evidence(self, eid: str, ev: dict[str, Any], doc: str, d: str) -> str:
        """A ``oa:Annotation`` describing the event, targeting sentence and trigger in ``doc`` (``d``)."""
        t, trig = self.t, ev.get("trigger") or {}
        ann = self.ann(eid, doc, ev.get("sentence_index"), trig.get("start"), trig.get("end"))
        s, tr, j = derive(ann, "-s"), derive(ann, "-t"), self.sep(ann)
        targets = f"{s}{self.osep(ann, t.HAS_TARGET)}{tr}" if trig else s
        text = (
            f"{ann} {t.A} {t.ANNOTATION}{j}{t.MOTIVATED} {t.DESCRIBING}{j}{t.HAS_BODY} {self.iri(eid)}"
            f"{j}{t.HAS_TARGET} {targets}{self.eol}"
        )
        index = f"{t.K_SENTENCE} {self.integer(ev.get('sentence_index', -1))}"
        text += self.target(s, d, ev.get("start"), ev.get("end"), ev.get("sentence"), index)
        if trig:
            text += self.target(tr, d, trig.get("start"), trig.get("end"), trig.get("text"))
        return text

    # -- actors ---------------------------------------------------------------------------

    def actor(self, aid: str, data: dict[str, Any]) -> str:
        """An actor: its classes, label, country code, aliases and codes."""
        t, a = self.t, self.iri(aid)
        j, cls = self.sep(a), self.syn.actor_classes.get(str(data.get("type")))
        text = f"{a} {t.A} {t.SEM_ACTOR}" + (f"{self.osep(a, t.A)}{cls}" if cls else "")
        text += f"{j}{t.LABEL} {lit(data.get('label') or aid.partition(':')[2])}"
        if data.get("country"):
            text += f"{j}{t.K_COUNTRY} {lit(data['country'])}"
        for prop, values in ((t.ALT_LABEL, data.get("aliases")), (t.NOTATION, data.get("codes"))):
            if values:
                text += f"{j}{prop} " + self.osep(a, prop).join(map(lit, sorted(set(values))))
        return text + self.eol

    def mention(self, aid: str, m: dict[str, Any], doc: str, d: str) -> str:
        """A ``oa:Annotation`` identifying the actor, targeting the mention's text in ``doc`` (term ``d``)."""
        t, ann = self.t, self.ann(aid, doc, m.get("start"), m.get("end"))
        target, j = derive(ann, "-m"), self.sep(ann)
        text = (
            f"{ann} {t.A} {t.ANNOTATION}{j}{t.MOTIVATED} {t.IDENTIFYING}{j}{t.HAS_BODY} {self.iri(aid)}"
            f"{j}{t.HAS_TARGET} {target}{self.eol}"
        )
        return text + self.target(target, d, m.get("start"), m.get("end"), m.get("text"))

    def target(self, term: str, d: str, start: Any, end: Any, text: Any, extra: str = "") -> str:
        """A ``oa:SpecificResource`` of article ``d`` with position and quote selectors.

        ``extra`` is more predicate-object pairs of the resource, already spelled.
        """
        t, j, sep = self.t, self.sep(term), self.sep
        out, after = f"{term} {t.A} {t.SPECIFIC}{j}{t.HAS_SOURCE} {d}", ""
        if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
            p, n = derive(term, "p"), t.XSD_NON_NEGATIVE
            out += f"{j}{t.HAS_SELECTOR} {p}"
            jp = sep(p)
            after = (
                f'{p} {t.A} {t.POS_SELECTOR}{jp}{t.START} "{start}"^^{n}{jp}{t.END} "{end}"^^{n}{self.eol}'
            )
        if text:
            q = derive(term, "q")
            out += f"{self.osep(term, t.HAS_SELECTOR)}{q}" if after else f"{j}{t.HAS_SELECTOR} {q}"
            after += f"{q} {t.A} {t.QUOTE_SELECTOR}{sep(q)}{t.EXACT} {lit(text)}{self.eol}"
        return f"{out}{j}{extra}{self.eol}{after}" if extra else f"{out}{self.eol}{after}"

    def integer(self, value: Any) -> str:
        """An ``xsd:integer`` literal."""
        return typed(str(int(value)), self.t.XSD_INTEGER)

    def decimal(self, value: Any) -> str:
        """An ``xsd:decimal`` literal, without exponent."""
        return typed(decimal_text(value), self.t.XSD_DECIMAL)
