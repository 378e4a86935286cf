"""A faster, identical ``AttributeRuler.match`` for rulers whose patterns are plain token tests.

Why: spaCy's ``Matcher`` tries every pattern at every token. The English models' attribute
ruler has about 180 patterns, 22 of them with ``IN`` / ``NOT_IN`` / ``REGEX`` predicates that
are Python calls per token: 22 µs a token, some 18 % of the whole pipeline. Here each pattern
is filed under the value one test of its first token requires (``TAG`` == ``NN``, ``LOWER``
in a set...), so a token only looks at the few patterns that can start there; their other
tests compare attribute hashes read once per doc with ``Doc.to_array``.

Kept identical: :class:`FastMatch` returns the list ``AttributeRuler.match`` returns, the
``(attr_id, match_id, start, end)`` of every distinct match, sorted, so spaCy's
``set_annotations`` writes the same values in the same order. The tests are the Matcher's:
values compared as string hashes (``get_string_id``), booleans as 0/1, ``REGEX`` searching
the attribute's string, missing annotation as hash 0 (the ruler passes ``allow_missing``).

Falls back: :func:`compile_patterns` returns ``None``, and spaCy's matcher is kept, for
anything else: operators (``OP``), extension (``_``) or other attributes, other predicates
(``FUZZY``, ``>=``, ``IS_SUBSET``...), empty token specs, on-match callbacks, greedy filters.
If the ruler's patterns change later (``ruler.add``, ``clear``, ``from_disk``,
``matcher.remove``...), the next call sees it (another matcher, other pattern lists or counts
per key, callbacks or filters) and compiles them again, or hands over to spaCy's matcher.
Not detected: a pattern dict edited in place after ``add`` (spaCy's matcher ignores such an
edit, while a later recompilation here would read it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore
    from spacy.tokens import Doc

__all__ = ["FastMatch", "Match", "compile_patterns", "install"]

#: One match as ``AttributeRuler.match`` returns it: (attribute-set index, match id, start, end).
Match = tuple[int, int, int, int]
#: One token test: (token offset in the pattern, column in the doc's array, kind, operand).
Test = tuple[int, int, int, Any]
#: One compiled pattern: (attribute-set index, match id, length in tokens, tests left to check).
Pattern = tuple[int, int, int, tuple[Test, ...]]

# Attributes whose ``Doc.to_array`` values are what the Matcher compares (they differ only for
# SENT_START), in the order an index prefers them: the most selective first.
_ATTRS = ("LOWER", "ORTH", "NORM", "LEMMA", "TAG", "DEP", "POS", "IS_SPACE")
_EQ, _IN, _NOT_IN, _REGEX = range(4)
_SETS = {"IN": _IN, "NOT_IN": _NOT_IN}
_MAX_HASH = 2**64


@dataclass(frozen=True)
class Compiled:
    """A ruler's patterns as lookups on the attributes of a pattern's first token.

    ``tables`` maps a column (position in ``_ATTRS``) to value -> patterns starting there.
    ``filters`` holds the patterns filed under a ``REGEX`` / ``NOT_IN`` test instead: the
    values a doc has that pass it are added to its tables (results kept in ``passing``).
    ``scan`` (patterns without a test on their first token) is tried at every token.
    """

    tables: dict[int, dict[int, tuple[Pattern, ...]]]
    filters: dict[int, tuple[tuple[tuple[Test], Pattern], ...]]
    scan: tuple[Pattern, ...]
    passing: dict[int, dict[int, tuple[Pattern, ...]]] = field(default_factory=dict)

    def match(self, doc: Doc, strings: StringStore) -> list[Match]:
        """Every match of the patterns in ``doc``, sorted as ``AttributeRuler.match`` sorts them."""
        n = len(doc)
        if n == 0:
            return []
        columns: list[list[int]] = doc.to_array(list(_ATTRS)).reshape(n, -1).T.tolist()  # type: ignore[assignment]
        found: set[Match] = set()
        add = found.add
        for column, table in self._doc_tables(columns, strings).items():
            get = table.get
            for i, value in enumerate(columns[column]):
                patterns = get(value)
                if patterns is None:
                    continue
                for attr_id, key, length, tests in patterns:  # inlined: it runs for nearly every token
                    if i + length <= n and (not tests or _holds(tests, columns, i, strings)):
                        add((attr_id, key, i, i + length))
        for i in range(n) if self.scan else ():
            for attr_id, key, length, tests in self.scan:
                if i + length <= n and _holds(tests, columns, i, strings):
                    add((attr_id, key, i, i + length))
        return sorted(found)

    def _doc_tables(
        self, columns: list[list[int]], strings: StringStore
    ) -> dict[int, dict[int, tuple[Pattern, ...]]]:
        """The tables plus, for this doc's values that pass a filter's test, the filtered patterns."""
        tables = dict(self.tables)
        for column, filtered in self.filters.items():
            table = tables[column] = dict(tables.get(column, {}))  # a copy: the shared one stays
            known = self.passing.setdefault(column, {})
            if len(known) > 100_000:  # a long run meets many distinct words: keep memory flat
                known.clear()
            for value in set(columns[column]):
                if value not in known:
                    one = [[value]]  # the value as a one-token, one-column doc
                    known[value] = tuple(p for test, p in filtered if _holds(test, one, 0, strings))
                if known[value]:
                    table[value] = table.get(value, ()) + known[value]
        return tables


def _holds(tests: tuple[Test, ...], columns: list[list[int]], i: int, strings: StringStore) -> bool:
    """Whether the tokens from ``i`` on pass ``tests``."""
    for offset, column, kind, operand in tests:
        value = columns[column][i + offset]
        if kind == _EQ:
            ok = value == operand
        elif kind == _IN:
            ok = value in operand
        elif kind == _NOT_IN:
            ok = value not in operand
        else:
            ok = operand.search(strings[value]) is not None
        if not ok:
            return False
    return True


def compile_patterns(ruler: AttributeRuler) -> Compiled | None:
    """Compile the patterns of ``ruler``'s matcher, or ``None`` when one is not handled exactly.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> ruler = nlp.add_pipe("attribute_ruler")
        >>> ruler.add([[{"LOWER": {"IN": ["gon", "got"]}}, {"LOWER": "na"}]], {"LEMMA": "go"})
        >>> doc = nlp.make_doc("I'm gon na go")
        >>> compile_patterns(ruler).match(doc, nlp.vocab.strings) == ruler.match(doc)
        True
        >>> ruler.add([[{"LOWER": "go", "OP": "+"}]], {"LEMMA": "go"})
        >>> compile_patterns(ruler) is None
        True
    """
    by_key, callbacks, filters = _state(ruler.matcher)
    if any(f is not None for f in [*callbacks.values(), *filters.values()]):
        return None
    patterns: list[Pattern] = []
    for key, token_patterns in by_key.items():
        attr_id = _attr_index(ruler, key)
        for token_specs in token_patterns:
            tests = _tests(token_specs)
            if attr_id is None or tests is None:
                return None
            patterns.append((attr_id, key, len(token_specs), tests))
    return _index(patterns) if patterns else None


def _attr_index(ruler: AttributeRuler, key: int) -> int | None:
    """The index into ``ruler.attrs`` that ``AttributeRuler.match`` derives from a match id."""
    try:
        return int(ruler.vocab.strings[key])
    except (KeyError, ValueError):
        return None


def _tests(token_specs: Any) -> tuple[Test, ...] | None:
    """The tests of a pattern's tokens, or ``None`` if one of them is not handled."""
    if not isinstance(token_specs, list) or not token_specs:
        return None
    tests: list[Test] = []
    for offset, spec in enumerate(token_specs):
        if not isinstance(spec, dict) or not spec:  # ``{}`` is spaCy's NULL_ATTR test: not ours
            return None
        for key, value in spec.items():
            column = _column(key)
            found = None if column is None else _spec_tests(offset, column, value)
            if found is None:
                return None
            tests.extend(found)
    return tuple(tests)


def _column(key: Any) -> int | None:
    """The position in ``_ATTRS`` of a spec key (``"lower"``, ``"TEXT"``...; not an int id)."""
    name = ("ORTH" if key.upper() == "TEXT" else key.upper()) if isinstance(key, str) else ""
    return _ATTRS.index(name) if name in _ATTRS else None


def _spec_tests(offset: int, column: int, value: Any) -> list[Test] | None:
    """The tests of one ``attribute: value`` item, the value converted as the Matcher does."""
    from spacy.strings import get_string_id

    if isinstance(value, dict):
        tests = [_predicate(offset, column, kind, operand) for kind, operand in value.items()]
        return None if None in tests else tests  # type: ignore[return-value]
    if isinstance(value, str):
        return [(offset, column, _EQ, get_string_id(value))]
    if isinstance(value, int) and (isinstance(value, bool) or 0 <= value < _MAX_HASH):
        return [(offset, column, _EQ, int(value))]  # a bool is 0 or 1, like the flag attributes
    return None


def _predicate(offset: int, column: int, kind: Any, operand: Any) -> Test | None:
    from spacy.strings import get_string_id

    name = kind.upper() if isinstance(kind, str) else None
    if name == "REGEX" and isinstance(operand, str):
        return (offset, column, _REGEX, re.compile(operand))
    plain = isinstance(operand, list) and all(
        isinstance(v, str) or (type(v) is int and 0 <= v < _MAX_HASH) for v in operand
    )
    if name in _SETS and plain:
        return (offset, column, _SETS[name], frozenset(get_string_id(v) for v in operand))
    return None


def _index(patterns: list[Pattern]) -> Compiled:
    """Key each pattern by one test of its first token: equality or ``IN`` if it has one."""
    tables: dict[int, dict[int, list[Pattern]]] = {}
    filters: dict[int, list[tuple[tuple[Test], Pattern]]] = {}
    scan: list[Pattern] = []
    for attr_id, key, length, tests in patterns:
        first = [n for n, t in enumerate(tests) if t[0] == 0]
        keyed = [n for n in first if tests[n][2] in (_EQ, _IN)] or first
        if not keyed:  # no test on the first token (``{"LOWER": {}}`` matches any token)
            scan.append((attr_id, key, length, tests))
            continue
        best = min(keyed, key=lambda n: tests[n][1])  # columns are in order of preference
        _, column, kind, operand = tests[best]
        rest = (attr_id, key, length, tests[:best] + tests[best + 1 :])
        if kind in (_EQ, _IN):
            for value in operand if kind == _IN else (operand,):
                tables.setdefault(column, {}).setdefault(value, []).append(rest)
        else:
            filters.setdefault(column, []).append((((0, 0, kind, operand),), rest))  # tests a lone value
    return Compiled(
        tables={c: {v: tuple(ps) for v, ps in t.items()} for c, t in tables.items()},
        filters={c: tuple(f) for c, f in filters.items()},
        scan=tuple(scan),
    )


def _signature(matcher: Matcher) -> tuple[Any, ...]:
    """What ``Matcher.add`` and ``remove`` change: the pattern lists per key (a list re-added
    under a key is a new object, compared by content), their lengths, callbacks, filters."""
    by_key, callbacks, filters = _state(matcher)
    lengths = tuple(map(len, by_key.values()))  # the lists themselves grow when a key is added to
    return tuple(by_key.items()), lengths, tuple(callbacks.values()), tuple(filters.values())


def _state(matcher: Matcher) -> tuple[dict[int, list[Any]], dict[int, Any], dict[int, Any]]:
    """The Matcher's patterns, ``on_match`` callbacks and greedy filters per key (public in Cython)."""
    return matcher._patterns, matcher._callbacks, matcher._filter  # type: ignore[attr-defined]


class FastMatch:
    """Drop-in for ``ruler.match``: compiled patterns, compiled again if the ruler's patterns change.

    Calls spaCy's ``AttributeRuler.match`` whenever the patterns do not compile. Compiles on
    first use, so that a pickled ruler (which holds this object) is whole again by then.
    """

    __slots__ = ("_compiled", "_matcher", "_ruler", "_signature")

    def __init__(self, ruler: AttributeRuler) -> None:
        self._ruler = ruler
        self._matcher: Matcher | None = None
        self._signature: tuple[Any, ...] = ()
        self._compiled: Compiled | None = None

    def _current(self) -> Compiled | None:
        matcher = self._ruler.matcher
        if matcher is not self._matcher or _signature(matcher) != self._signature:
            self._matcher, self._signature = matcher, _signature(matcher)
            self._compiled = compile_patterns(self._ruler)
        return self._compiled

    @property
    def compiled(self) -> bool:
        """Whether the ruler's current patterns compiled (otherwise calls are spaCy's own match)."""
        return self._current() is not None

    def __call__(self, doc: Doc) -> list[Match]:
        compiled = self._current()
        if compiled is None:
            return type(self._ruler).match(self._ruler, doc)  # type: ignore[no-any-return]
        return compiled.match(doc, doc.vocab.strings)  # the strings spaCy's REGEX test reads

    def __reduce__(self) -> tuple[type[FastMatch], tuple[AttributeRuler]]:
        return FastMatch, (self._ruler,)


def install(nlp: Language) -> list[str]:
    """Give every attribute ruler of ``nlp`` whose patterns compile a :class:`FastMatch`.

    Rulers that do not compile, or whose class overrides ``match``, are left as they are.
    Returns the names of the components changed.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> ruler = nlp.add_pipe("attribute_ruler")
        >>> ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"})
        >>> install(nlp), type(ruler.match).__name__
        (['attribute_ruler'], 'FastMatch')
    """
    from spacy.pipeline import AttributeRuler

    installed = []
    for name, pipe in nlp.components:
        if not isinstance(pipe, AttributeRuler) or type(pipe).match is not AttributeRuler.match:
            continue
        if isinstance(vars(pipe).get("match"), FastMatch):
            continue
        fast = FastMatch(pipe)
        if fast.compiled:
            pipe.match = fast  # type: ignore[method-assign]
            installed.append(name)
    return installed
