"""Dates as articles write them: calendar mentions found in quotes ("December 23", "23 December 2024",
"in June", "February 2022"), and relative phrases ("On Monday", "earlier this month", "last December")
resolved against the article's publication date with python-dateutil."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import relativedelta as rd

from .dates import MONTHS, Interval, Precision, Single

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
    return rf"(?P<{group}>(?:19|20)[0-9][0-9])"


# The leading lookahead lets the regex engine skip to candidate characters: several times faster.
_MENTIONS = re.compile(
    rf"(?=[JFMASOND0-9])\b(?:{_m('month')}(?:\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b)?(?:,?\s+{_y('year')}\b)?"
    rf"|(?P<day2>[0-3]?[0-9])\s+{_m('month2')}(?:,?\s+{_y('year2')}\b)?"  # 23 December[ 2024]
    rf"|{_y('year5')}\b)",  # 2024
)
_GROUPS = (0, "month", "day", "year", "month2", "day2", "year2", "year5")
_LEADS = frozenset("in since until from by of early late mid before after during".split())
_RELATIVE = frozenset(("last", "this", "next"))
_AMBIGUOUS = frozenset(("May", "March"))  # also ordinary words: only a date after a lead word
_LAST_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A calendar date written in a text: where it stands, and what it says."""

    start: int
    end: int
    text: str  # as written, each run of whitespace as one space
    year: int | None  # None: the text gives no year
    month: int | None
    day: int | None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTH_NAMES.get(key) or _MONTH_NAMES[key[:3]]


def mentions(text: str) -> list[Mention]:
    """Every calendar date written in ``text``, in order."""
    found: list[Mention] = []
    for m in _MENTIONS.finditer(text):
        whole, month, day, year, month2, day2, year2, year5 = m.group(*_GROUPS)
        start = m.start()
        if month2:
            month, day, year = month2, day2, year2
        elif month is None:
            found.append(Mention(start, m.end(), whole, int(year5), None, None))
            continue
        if day is None and year is None:
            before = _LAST_WORD.search(text, max(0, start - 12), start)
            lead = before.group(1).lower() if before else ""
            if lead in _RELATIVE or (month.rstrip(".") in _AMBIGUOUS and lead not in _LEADS):
                continue  # "last December" is relative: it counts only as a recorded date_basis phrase
        written = whole if day or year else whole.rstrip(".")
        mention = Mention(
            start, start + len(written), " ".join(written.split()), _int(year), _month(month), _int(day)
        )
        if mention.day is None or _valid_day(mention):
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


def resolve_mention(m: Mention, published: Single | None, *, future: bool = False) -> Single | None:
    """The date a mention stands for. A month or day written without a year takes its year from the
    publication (see :func:`year_for`) and is as uncertain as the publication date; with no
    publication date, a mention without a year dates nothing. ``future``: the mention sits in
    future-tense wording ("will", "is expected to", "by the end of")."""
    if m.year is not None:
        return Single(m.year, m.month, m.day)
    if published is None or m.month is None:
        return None
    year = year_for(m.month, m.day, published, future=future)
    return Single(year, m.month, m.day, uncertain=published.uncertain)


def year_for(month: int, day: int | None, published: Single, *, future: bool = False) -> int:
    """The year of a month (and day) named without one, as news text means it. An article reports what
    has happened: the most recent such date on or before publication ("in December" in an article of
    14 March 2025 is December 2024). In future-tense wording it speaks of what is to come: the next
    such date on or after publication ("by the end of April" in the same article is April 2025). With
    only the year of publication known, the date is in that year."""
    if published.month is None:
        return published.year
    if future:
        first = published.earliest
        return published.year + (1 if (month, day or 31) < (first.month, first.day) else 0)
    limit = published.latest
    return published.year - (1 if (month, day or 1) > (limit.month, limit.day) else 0)


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
    "over the past <N> days/weeks/months/years",
)


class PhraseError(ValueError):
    """A phrase the resolver does not understand, or cannot resolve with what is known."""


_COUNTS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _COUNTS.get(word)


def _past(words: list[str], published: Single) -> Interval | None:
    """ "over the past eight months" / "in the past 30 days": from that long before the earliest day the
    article may have been published, until its publication; no finer than the publication date."""
    if "past" not in words and "last" not in words:
        return None
    i = words.index("past") if "past" in words else words.index("last")
    rest = words[i + 1 :]
    count = _count(rest[0]) if rest else None
    if count is None or len(rest) < 2 or rest[1].rstrip("s") not in {"day", "week", "month", "year"}:
        return None
    unit = rest[1].rstrip("s")
    delta = {
        "day": rd.relativedelta(days=count),
        "week": rd.relativedelta(weeks=count),
        "month": rd.relativedelta(months=count),
        "year": rd.relativedelta(years=count),
    }[unit]
    start = published.earliest - delta
    finest = (
        Precision.DAY if unit in {"day", "week"} else Precision.MONTH if unit == "month" else Precision.YEAR
    )
    precision = min(finest, published.precision)
    end = published.latest

    def at(day: date) -> Single:
        return Single(
            day.year,
            day.month if precision >= Precision.MONTH else None,
            day.day if precision >= Precision.DAY else None,
            uncertain=published.uncertain,
        )

    return Interval(at(start), at(end))


def resolve_phrase(phrase: str, published: Single | None, *, future: bool = False) -> Single | Interval:
    """Resolve a relative phrase against a publication date, or raise :class:`PhraseError`. The result is
    as uncertain as the publication date. ``future``: the phrase sits in future-tense wording, so "in
    April" is the coming April (see :func:`year_for`)."""
    words = re.sub(r"[^a-z0-9 ]", " ", phrase.lower()).split()
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

    span = _past(words, published)
    if span is not None:
        return span
    weekdays = [w for w in words if w in _WEEKDAYS]
    if weekdays and len(words) <= 3:
        day = need_day() + rd.relativedelta(weekday=_RD_WEEKDAYS[_WEEKDAYS[weekdays[0]]](-1))
        return Single(day.year, day.month, day.day, uncertain=published.uncertain)
    if words == ["today"]:
        day = need_day()
        return Single(day.year, day.month, day.day, uncertain=published.uncertain)
    if words == ["yesterday"]:
        day = need_day() - rd.relativedelta(days=1)
        return Single(day.year, day.month, day.day, uncertain=published.uncertain)
    tail = " ".join(w for w in words if w not in {"earlier", "later", "on", "in", "during"})
    if published.precision is Precision.YEAR and "month" in tail:
        raise PhraseError(
            f"'{phrase}' needs the month of publication, but the source's date is only "
            f"known as {published.edtf()}"
        )
    if tail == "this month":
        return Single(pub.year, pub.month, uncertain=published.uncertain)
    if tail == "last month":
        prev = pub - rd.relativedelta(months=1)
        return Single(prev.year, prev.month, uncertain=published.uncertain)
    if tail == "this year":
        return Single(pub.year, uncertain=published.uncertain)
    if tail == "last year":
        return Single(pub.year - 1, uncertain=published.uncertain)
    months = [w for w in words if (w in _MONTH_NAMES and len(w) > 3) or w in {"may", "june", "july"}]
    if months:
        month = _MONTH_NAMES[months[0]]
        if "last" in words:  # the most recent such month strictly before the month of publication
            year = pub.year if month < pub.month else pub.year - 1
            return Single(year, month, uncertain=published.uncertain)
        if "since" in words:  # the most recent such month, that of publication included
            year = pub.year if month <= pub.month else pub.year - 1
            return Single(year, month, uncertain=published.uncertain)
        if any(w in words for w in ("in", "early", "late", "mid", "from", "until", "by")):
            year = year_for(month, None, published, future=future)
            return Single(year, month, uncertain=published.uncertain)
    raise PhraseError(f"'{phrase}' is not a relative date phrase the validator understands")
