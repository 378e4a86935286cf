"""Event dates: the DATE expression attached to an event, resolved against the article date.

Resolution is partial where the text is partial: "in January" → ``2016-01``, "last week"
→ an ISO week ``2016-W09``, "in 2011" → ``2011``; "on Monday" is the last Monday on or
before the article date. Months later than the article's month are read as last year's.
Without an article date only expressions that name their year resolve.

>>> resolve_date("in January", "2016-03-14")
'2016-01'
>>> resolve_date("on Monday", "2016-03-17")
'2016-03-14'
>>> resolve_date("last week", "2016-03-17")
'2016-W10'
>>> resolve_date("Sept. 11, 2001", None)
'2001-09-11'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from kgraph.doccache import sent_ents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["event_date", "resolve_date"]

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_FULL_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_WORDS = {**{m: i for i, m in enumerate(_FULL_MONTHS, start=1)}, **_MONTHS, "sept": 9}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


def _parse_doc_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return None
    return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def _month(words: list[str]) -> tuple[int, int | None] | None:
    """The month named in ``words`` and the day number next to it, if any."""
    for k, word in enumerate(words):
        number = _MONTH_WORDS.get(word.rstrip("."))
        if number is not None:
            near = [w for w in words[max(0, k - 1) : k + 2] if w.isdigit() and int(w) <= 31]
            return number, int(near[0]) if near else None
    return None


def _relative(words: list[str], ref: dt.date) -> str | None:
    for word in words:
        if word in _RELATIVE_DAYS:
            return (ref + dt.timedelta(days=_RELATIVE_DAYS[word])).isoformat()
    shift = next((_SHIFT[w] for w in words if w in _SHIFT), 0)
    if "week" in words:
        year, week, _ = (ref + dt.timedelta(weeks=shift)).isocalendar()
        return f"{year}-W{week:02d}"
    if "month" in words:
        month = ref.month + shift
        year = ref.year + (month - 1) // 12
        return f"{year}-{(month - 1) % 12 + 1:02d}"
    if "year" in words:
        return str(ref.year + shift)
    for k, day in enumerate(_WEEKDAYS):
        if day in words or day[:3] in words:
            back = (ref.weekday() - k) % 7 if shift <= 0 else -((k - ref.weekday()) % 7 or 7)
            if shift < 0 and back == 0:
                back = 7
            return (ref - dt.timedelta(days=back)).isoformat()
    return None


def _absolute(text: str, words: list[str], ref: dt.date | None) -> str | None:
    iso = _ISO.search(text)
    if iso:
        return iso[0]
    year_m = _YEAR.search(text)
    month = _month(words)
    if month is None:
        return year_m[0] if year_m else None
    number, day = month
    if year_m:
        year = int(year_m[0])
    elif ref is not None:
        year = ref.year - (1 if number > ref.month else 0)
    else:
        return None
    return f"{year}-{number:02d}-{day:02d}" if day else f"{year}-{number:02d}"


def resolve_date(text: str, reference: str | None) -> str | None:
    """Return the ISO (possibly partial) date of a date expression, or ``None``.

    Args:
        text: The expression as written ("on Monday", "last week", "in January").
        reference: The article date (ISO, partial allowed), or ``None``.
    """
    words = re.findall(r"[a-z]+\.?|\d+", text.lower())
    ref = _parse_doc_date(reference)
    found = _absolute(text, words, ref)
    if found is None and ref is not None:
        found = _relative([w.rstrip(".") for w in words], ref)
    return found


def _reaches(token: Token, head: Token) -> bool:
    """Tell whether ``token`` hangs off ``head`` without crossing another verb."""
    while token != head:
        if token.head == token:
            return False
        token = token.head
        if token != head and token.pos_ in ("VERB", "AUX"):
            return False
    return True


def event_date(head: Token, sent: Span, reference: str | None) -> tuple[str | None, str | None]:
    """Return ``(iso_date, date_text)`` for the event triggered by ``head`` in ``sent``.

    The DATE entity must hang off the trigger (or off its object) without crossing
    another verb. Expressions that cannot be read as a date ("daily") are skipped.
    """
    for ent in sent_ents(sent):
        if ent.label_ != "DATE" or not _reaches(ent.root, head):
            continue
        resolved = resolve_date(ent.text, reference)
        words = set(re.findall(r"[a-z]+", ent.text.lower()))
        datelike = resolved or _YEAR.search(ent.text) or words & (set(_WEEKDAYS) | set(_FULL_MONTHS))
        if datelike:
            return resolved, ent.text.rstrip(".,;:")
    return None, None
