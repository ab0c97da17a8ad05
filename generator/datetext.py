"""Dates as articles write them: calendar mentions found in quotes ("December 23", "23 December 2024",
"in June", "February 2022"), and relative phrases ("On Monday", "earlier this month", "last December")
resolved against the article's publication date with python-dateutil."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import relativedelta as rd

from .dates import MONTHS, Precision, Single

_MONTH_NAMES = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_NAMES.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})
_MONTH_NAMES["sept"] = 9
_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)


def _m(group: str) -> str:
    return rf"(?P<{group}>{_NAMES})\.?"


def _y(group: str) -> str:
    return rf"(?P<{group}>(?:19|20)\d\d)"


_LEADS = r"in|since|until|from|by|of|early|late|mid|mid-|before|after|last|this|next"
_MENTIONS = re.compile(
    rf"\b(?:{_m('month')}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_y('year')})?\b"  # December 23[, 2023]
    rf"|(?P<day2>[0-3]?\d)\s+{_m('month2')}(?:,?\s+{_y('year2')})?\b"  # 23 December[ 2024]
    rf"|{_m('month3')},?\s+{_y('year3')}\b"  # February 2022
    rf"|(?P<lead>(?:{_LEADS})\s+){_m('month4')}(?=\W|$)(?!,?\s+(?:19|20)\d\d)"  # in June
    rf"|{_y('year5')}\b)",  # 2024
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A calendar date written in a text: where it stands, and what it says."""

    start: int
    end: int
    text: str
    year: int | None  # None: the text gives no year
    month: int | None
    day: int | None
    relative_to_publication: bool = False  # "last December": resolved, not written

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTH_NAMES.get(key) or _MONTH_NAMES[key[:3]]


def mentions(text: str) -> list[Mention]:
    """Every calendar date written in ``text``, in order."""
    found: list[Mention] = []
    for m in _MENTIONS.finditer(text):
        g = m.groupdict()
        if g["month"]:
            mention = Mention(
                m.start(), m.end(), m.group(0), _int(g["year"]), _month(g["month"]), int(g["day"])
            )
        elif g["month2"]:
            mention = Mention(
                m.start(), m.end(), m.group(0), _int(g["year2"]), _month(g["month2"]), int(g["day2"])
            )
        elif g["month3"]:
            mention = Mention(m.start(), m.end(), m.group(0), int(g["year3"]), _month(g["month3"]), None)
        elif g["month4"]:
            lead = (g["lead"] or "").strip().lower()
            if lead in {"last", "this", "next"}:
                continue  # relative: only counted when recorded as a date_basis phrase
            start = m.start("month4")
            mention = Mention(start, m.end(), g["month4"], None, _month(g["month4"]), None)
        else:
            mention = Mention(m.start(), m.end(), m.group(0), int(g["year5"]), None, None)
        if mention.day is not None and not _valid_day(mention):
            continue
        found.append(mention)
    return found


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _valid_day(m: Mention) -> bool:
    try:
        date(m.year or 2000, m.month or 1, m.day or 1)  # 2000 is a leap year: 29 February passes
    except ValueError:
        return False
    return True


def resolve_mention(m: Mention, published: Single | None) -> Single | None:
    """The date a mention stands for. A missing year is the latest year that does not put the date after
    publication; with no publication date, a mention without a year dates nothing."""
    if m.year is not None:
        return Single(m.year, m.month, m.day)
    if published is None or m.month is None:
        return None
    limit = published.latest
    year = limit.year
    if (m.month, m.day or 1) > (limit.month, limit.day):
        year -= 1
    return Single(year, m.month, m.day)


# ---------------------------------------------------------------- relative phrases

_WEEKDAYS = {
    name: i
    for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_RD_WEEKDAYS = (rd.MO, rd.TU, rd.WE, rd.TH, rd.FR, rd.SA, rd.SU)

KNOWN_PHRASES = (
    "on Monday … on Sunday",
    "today",
    "yesterday",
    "this month",
    "earlier this month",
    "last month",
    "this year",
    "earlier this year",
    "last year",
    "last <Month>",
    "since <Month>",
    "in <Month>",
    "early <Month>",
    "late <Month>",
)


class PhraseError(ValueError):
    """A phrase the resolver does not understand, or cannot resolve with what is known."""


def resolve_phrase(phrase: str, published: Single | None) -> Single:
    """Resolve a relative phrase against a publication date, or raise :class:`PhraseError`."""
    words = re.sub(r"[^a-z ]", " ", phrase.lower()).split()
    if published is None:
        raise PhraseError("the source's publication date is unknown, so no relative phrase can be resolved")
    pub = published.latest

    def need_day() -> date:
        if published.precision is not Precision.DAY:
            raise PhraseError(
                f"'{phrase}' needs the day of publication, but the source's date is only "
                f"known as {published.edtf()}"
            )
        return pub

    weekdays = [w for w in words if w in _WEEKDAYS]
    if weekdays and len(words) <= 3:
        day = need_day() + rd.relativedelta(weekday=_RD_WEEKDAYS[_WEEKDAYS[weekdays[0]]](-1))
        return Single(day.year, day.month, day.day)
    if words == ["today"]:
        day = need_day()
        return Single(day.year, day.month, day.day)
    if words == ["yesterday"]:
        day = need_day() - rd.relativedelta(days=1)
        return Single(day.year, day.month, day.day)
    tail = " ".join(w for w in words if w not in {"earlier", "later", "on", "in", "during"})
    if published.precision is Precision.YEAR and "month" in tail:
        raise PhraseError(
            f"'{phrase}' needs the month of publication, but the source's date is only "
            f"known as {published.edtf()}"
        )
    if tail == "this month":
        return Single(pub.year, pub.month)
    if tail == "last month":
        prev = pub - rd.relativedelta(months=1)
        return Single(prev.year, prev.month)
    if tail == "this year":
        return Single(pub.year)
    if tail == "last year":
        return Single(pub.year - 1)
    months = [w for w in words if (w in _MONTH_NAMES and len(w) > 3) or w in {"may", "june", "july"}]
    if months:
        month = _MONTH_NAMES[months[0]]
        if "last" in words:  # the most recent such month strictly before the month of publication
            year = pub.year if month < pub.month else pub.year - 1
            return Single(year, month)
        if any(w in words for w in ("since", "in", "early", "late", "mid", "from", "until", "by")):
            year = pub.year if month <= pub.month else pub.year - 1
            return Single(year, month)
    raise PhraseError(f"'{phrase}' is not a relative date phrase the validator understands")
