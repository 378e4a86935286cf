"""How RDF terms are spelled in kgraph's text exports: N-Triples (full IRIs) or Turtle (prefixed names).

A :class:`Syntax` holds the spelling of every vocabulary term kgraph writes, computed once, plus
the separators between the predicate-object pairs of one subject. The same formatting code
(:mod:`kgraph.export.rdf_text`) therefore writes N-Triples, N-Quads, Turtle and TriG.

>>> TURTLE.terms.A, NTRIPLES.terms.LABEL
('a', '<http://www.w3.org/2000/01/rdf-schema#label>')
>>> TURTLE.terms.K_MOOD, TURTLE.cameo["16"]
('kg:mood', 'cameo:16')
>>> data_term("actor:kim-jong-un", "urn:x:", turtle=True), data_term("doc:report 12.", "urn:x:", turtle=True)
('actor:kim-jong-un', '<urn:x:doc/report%2012%2E>')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace

from kgraph.ids import to_iri
from kgraph.model import EVENT_TYPES
from kgraph.vocab import CAMEO, KG, STANDARD_PREFIXES

__all__ = [
    "DATA_KINDS", "EOL", "NTRIPLES", "TURTLE", "Syntax", "Terms", "data_term", "derive", "lit", "prefixed",
    "prefixes", "typed",
]  # fmt: skip

#: Kinds of data node kgraph mints IRIs for (``{base}{kind}/{local}``), used as prefixes.
DATA_KINDS: tuple[str, ...] = (
    "actor", "event", "doc", "graph", "run", "agent", "publisher", "place", "instant", "role", "ann",
)  # fmt: skip

#: End of a Turtle statement (a real newline never occurs inside a term: literals escape it).
EOL = " .\n"

_XSD, _RDF, _RDFS = STANDARD_PREFIXES["xsd"], STANDARD_PREFIXES["rdf"], STANDARD_PREFIXES["rdfs"]
_SEM, _PROV, _TIME = STANDARD_PREFIXES["sem"], STANDARD_PREFIXES["prov"], STANDARD_PREFIXES["time"]
_SDO, _OA, _SKOS = STANDARD_PREFIXES["schema"], STANDARD_PREFIXES["oa"], STANDARD_PREFIXES["skos"]
_KG = str(KG)
_ESCAPES = str.maketrans(
    {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\x00": "\\u0000", "\x01": "\\u0001"}
)
#: Whether a string needs escaping (``str.translate`` is slow: most strings need none).
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\x00\x01]').search

#: Local parts written as prefixed names: a safe subset of Turtle's PN_LOCAL (ASCII letters, digits,
#: ``_``, ``-`` and inner dots; no escapes, no ``%``, no leading ``-``/``.``, no trailing ``.``).
#: Any other IRI is written in full, ``<...>``.
PN_LOCAL_SAFE = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def prefixes(base: str) -> dict[str, str]:
    """Return the prefixes used in serializations: the standard ones and one per data kind.

    >>> prefixes("urn:x:")["actor"]
    'urn:x:actor/'
    """
    return {**STANDARD_PREFIXES, **{kind: f"{base}{kind}/" for kind in DATA_KINDS}}


def lit(text: object) -> str:
    """N-Triples (and Turtle) spelling of a plain string literal.

    >>> print(lit('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    text = str(text)
    return f'"{text}"' if _NEEDS_ESCAPE(text) is None else f'"{text.translate(_ESCAPES)}"'


def typed(lexical: str, datatype: str) -> str:
    """A typed literal; ``datatype`` is an already spelled term.

    >>> typed("5", "xsd:integer")
    '"5"^^xsd:integer'
    """
    return f'"{lexical}"^^{datatype}'


def decimal_text(value: float) -> str:
    """Lexical ``xsd:decimal`` form of a float, without exponent.

    >>> decimal_text(0.5), decimal_text(1e-7), decimal_text(1)
    ('0.5', '0.0', '1.0')
    """
    text = f"{float(value):.6f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def prefixed(iri: str, namespaces: Mapping[str, str]) -> str:
    """Spell ``iri`` as ``prefix:local`` when a namespace and a safe local part allow it, else ``<iri>``.

    >>> ns = {"ex": "http://ex.org/"}
    >>> prefixed("http://ex.org/a.b", ns), prefixed("http://ex.org/a.", ns), prefixed("http://ex.org/-a", ns)
    ('ex:a.b', '<http://ex.org/a.>', '<http://ex.org/-a>')
    """
    best = max(
        (ns for ns in namespaces.items() if iri.startswith(ns[1])), key=lambda ns: len(ns[1]), default=None
    )
    if best is not None and PN_LOCAL_SAFE.fullmatch(iri[len(best[1]) :]):
        return f"{best[0]}:{iri[len(best[1]) :]}"
    return f"<{iri}>"


def data_term(node_id: str, base: str, *, turtle: bool) -> str:
    """Spelling of a data node's IRI (:func:`kgraph.ids.to_iri`): ``kind:local`` in Turtle when safe.

    >>> data_term("actor:un", "urn:x:", turtle=False), data_term("foo:un", "urn:x:", turtle=True)
    ('<urn:x:actor/un>', '<urn:x:foo/un>')
    """
    kind, _, local = node_id.partition(":")
    if not PN_LOCAL_SAFE.fullmatch(local):  # else percent-encoding leaves ``local`` as it is
        return f"<{to_iri(node_id, base)}>"
    return f"{kind}:{local}" if turtle and kind in DATA_KINDS else f"<{base}{kind}/{local}>"


def derive(term: str, suffix: str) -> str:
    """The term of the IRI ``term`` + ``suffix`` (``suffix`` made of name characters).

    >>> derive("<urn:x:ann/ab>", "-s"), derive("ann:ab", "-s")
    ('<urn:x:ann/ab-s>', 'ann:ab-s')
    """
    return term[:-1] + suffix + ">" if term[-1] == ">" else term + suffix


@dataclass(frozen=True, slots=True)
class Terms:
    """The vocabulary kgraph writes; the defaults are the IRIs, :meth:`spelled` gives their terms."""

    A: str = _RDF + "type"
    VALUE: str = _RDF + "value"
    LABEL: str = _RDFS + "label"
    SEM_EVENT: str = _SEM + "Event"
    SEM_ACTOR: str = _SEM + "Actor"
    SEM_ROLE: str = _SEM + "Role"
    SEM_PLACE: str = _SEM + "Place"
    SEM_TIME: str = _SEM + "Time"
    HAS_ACTOR: str = _SEM + "hasActor"
    ROLE_TYPE: str = _SEM + "roleType"
    EVENT_TYPE: str = _SEM + "eventType"
    HAS_TIME: str = _SEM + "hasTime"
    HAS_PLACE: str = _SEM + "hasPlace"
    INSTANT: str = _TIME + "Instant"
    ANNOTATION: str = _OA + "Annotation"
    SPECIFIC: str = _OA + "SpecificResource"
    HAS_BODY: str = _OA + "hasBody"
    HAS_TARGET: str = _OA + "hasTarget"
    HAS_SOURCE: str = _OA + "hasSource"
    HAS_SELECTOR: str = _OA + "hasSelector"
    POS_SELECTOR: str = _OA + "TextPositionSelector"
    QUOTE_SELECTOR: str = _OA + "TextQuoteSelector"
    START: str = _OA + "start"
    END: str = _OA + "end"
    EXACT: str = _OA + "exact"
    MOTIVATED: str = _OA + "motivatedBy"
    DESCRIBING: str = _OA + "describing"
    IDENTIFYING: str = _OA + "identifying"
    NEWS: str = _SDO + "NewsArticle"
    HEADLINE: str = _SDO + "headline"
    PUBLISHED: str = _SDO + "datePublished"
    PUBLISHER: str = _SDO + "publisher"
    SDO_NAME: str = _SDO + "name"
    SDO_URL: str = _SDO + "url"
    IDENTIFIER: str = _SDO + "identifier"
    SDO_ORG: str = _SDO + "Organization"
    SDO_PLACE: str = _SDO + "Place"
    SOFTWARE_APP: str = _SDO + "SoftwareApplication"
    SOFTWARE_VERSION: str = _SDO + "softwareVersion"
    ENTITY: str = _PROV + "Entity"
    ACTIVITY: str = _PROV + "Activity"
    SOFTWARE_AGENT: str = _PROV + "SoftwareAgent"
    DERIVED: str = _PROV + "wasDerivedFrom"
    GENERATED: str = _PROV + "wasGeneratedBy"
    ASSOCIATED: str = _PROV + "wasAssociatedWith"
    USED: str = _PROV + "used"
    ALT_LABEL: str = _SKOS + "altLabel"
    NOTATION: str = _SKOS + "notation"
    K_RELATION: str = _KG + "relation"
    K_MOOD: str = _KG + "mood"
    K_CONF: str = _KG + "confidence"
    K_CORR: str = _KG + "corroboration"
    K_RULE: str = _KG + "rule"
    K_DATE_TEXT: str = _KG + "dateText"
    K_CAMEO: str = _KG + "cameoRoot"
    K_COUNTRY: str = _KG + "countryCode"
    K_SENTENCE: str = _KG + "sentenceIndex"
    K_ARTICLE_GRAPH: str = _KG + "ArticleGraph"
    XSD_INTEGER: str = _XSD + "integer"
    XSD_NON_NEGATIVE: str = _XSD + "nonNegativeInteger"
    XSD_DECIMAL: str = _XSD + "decimal"
    XSD_ANY_URI: str = _XSD + "anyURI"

    def spelled(self, spell: Callable[[str], str]) -> Terms:
        """The same terms, each IRI passed through ``spell``.

        >>> Terms().spelled(lambda iri: f"<{iri}>").END
        '<http://www.w3.org/ns/oa#end>'
        """
        return Terms(*(spell(getattr(self, f.name)) for f in fields(self)))


#: ISO (partial) dates: pattern, XSD datatype, OWL-Time property of the instant.
_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date", "inXSDDate"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth", "inXSDgYearMonth"),
    (re.compile(r"\d{4}"), "gYear", "inXSDgYear"),
)
_ACTOR_CLASSES = {
    "PERSON": _SDO + "Person", "ORGANIZATION": _SDO + "Organization", "COUNTRY": _SDO + "Country",
    "GROUP": _KG + "Group", "LOCATION": _SDO + "Place",
}  # fmt: skip
_ROLES = {"actor": ("actor", "ActorRole"), "recipient": ("recipient", "RecipientRole"),
          "source": ("claimedBy", "SourceRole")}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Syntax:
    """Spellings of kgraph's vocabulary in one syntax, and how one subject's statements are joined.

    ``eol`` ends a statement; ``sep(s)`` goes between two predicate-object pairs of subject ``s``;
    ``osep(s, p)`` between two objects of ``s p``. In Turtle they are `` .``, ``;`` and ``,``. In
    N-Triples, ``sep`` and ``osep`` repeat the subject (and predicate), and a statement ends with
    a bare newline: :func:`kgraph.export.rdf_text.complete` adds the graph name (N-Quads) and the
    final `` .`` to all lines of a chunk at once (``str.replace`` of one character is fast).
    """

    turtle: bool
    eol: str
    terms: Terms
    event_types: Mapping[str, str]
    cameo: Mapping[str, str]
    actor_classes: Mapping[str, str]
    role_props: Mapping[str, str]
    role_types: Mapping[str, str]
    dates: tuple[tuple[re.Pattern[str], str, str], ...]
    sep: Callable[[str], str]
    osep: Callable[[str, str], str]

    def date(self, date: str | None) -> tuple[str, str] | None:
        """Return ``(literal, OWL-Time property)`` of an ISO (partial) date, or ``None``.

        >>> TURTLE.date("2016-03"), TURTLE.date("last week")
        (('"2016-03"^^xsd:gYearMonth', 'time:inXSDgYearMonth'), None)
        """
        for pattern, datatype, prop in self.dates:
            if date and pattern.fullmatch(date):
                return typed(date, datatype), prop
        return None


def _nt_sep(subject: str) -> str:
    return f"\n{subject} "


def _nt_osep(subject: str, predicate: str) -> str:
    return f"\n{subject} {predicate} "


def _ttl_sep(subject: str) -> str:
    return " ;\n    "


def _ttl_osep(subject: str, predicate: str) -> str:
    return " , "


def _syntax(turtle: bool) -> Syntax:
    spell = (lambda iri: prefixed(iri, STANDARD_PREFIXES)) if turtle else (lambda iri: f"<{iri}>")
    terms = Terms().spelled(spell)
    if turtle:
        terms = replace(terms, A="a")
    return Syntax(
        turtle=turtle,
        eol=EOL if turtle else "\n",
        terms=terms,
        event_types={t: spell(str(KG[t])) for t in EVENT_TYPES},
        cameo={f"{i:02d}": spell(str(CAMEO[f"{i:02d}"])) for i in range(1, 21)},
        actor_classes={k: spell(v) for k, v in _ACTOR_CLASSES.items()},
        role_props={k: spell(_KG + prop) for k, (prop, _) in _ROLES.items()},
        role_types={k: spell(_KG + cls) for k, (_, cls) in _ROLES.items()},
        dates=tuple((p, spell(_XSD + dt), spell(_TIME + prop)) for p, dt, prop in _DATE_TYPES),
        sep=_ttl_sep if turtle else _nt_sep,
        osep=_ttl_osep if turtle else _nt_osep,
    )


#: Full IRIs, one statement a line (N-Triples, N-Quads; lines completed by ``rdf_text.complete``).
NTRIPLES = _syntax(turtle=False)
#: Prefixed names where safe, ``a`` for ``rdf:type``, ``;`` and ``,`` (Turtle, TriG).
TURTLE = _syntax(turtle=True)
