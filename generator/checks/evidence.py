"""Evidence for a date, and whether a date rests on it. Shared by the event's ``date`` and each claim's
``as_of``.

Evidence is what the quotes say: calendar dates written in them (a missing year read from the article's
publication date), corrections the event records for dates a source gets wrong, relative phrases
recorded under ``date_basis``, and, where the data says so, the publication date itself. Every explicit
part of a date must contain at least one piece of evidence that is not in future-tense wording."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from .. import dates, datetext
from ..dates import EDTF, Single
from ..loading import Loc
from ..model import Problem
from .context import Context

WRONG_YEAR_WINDOW = timedelta(days=92)


class Evidence(NamedTuple):
    when: Single
    said: str  # what the quote says, for messages
    future: str = ""  # future-tense wording around it ("will", "is expected to"): a plan, not an event


def published_single(ctx: Context, source_id: str) -> Single | None:
    source = ctx.sources.sources.get(source_id)
    if source is None or source.published is None:
        return None
    pub = source.published
    if isinstance(pub, Single):
        return pub
    return pub.end or pub.start


# ---------------------------------------------------------------- what a quote says

# The leading lookahead lets the regex engine skip to candidate letters.
_FUTURE = re.compile(
    r"(?=[wsiebp])\b(?:will|won[’']t|shall|(?:is|are|be)\s+(?:expected|scheduled|set|slated|poised|going|due)\s+to"
    r"|expected\s+to|plans?\s+to|intends?\s+to|by\s+the\s+end\s+of)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def future_wording(text: str, start: int, end: int) -> str:
    """Future-tense wording in the sentence of ``text`` that holds ``text[start:end]`` ("" if none).
    "By the end of" in a sentence that says what *had* happened by then is not future."""
    if _FUTURE.search(text) is None:  # most quotes: nothing to look for
        return ""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    stop = _SENTENCE_END.search(text, end)
    sentence = text[begin : stop.start() + 1 if stop else len(text)]
    for m in _FUTURE.finditer(sentence):
        said = " ".join(m.group(0).split())
        if said.lower().startswith("by the end of") and re.search(r"\bhad\b", sentence, re.IGNORECASE):
            continue
        return said
    return ""


def written(ctx: Context, i: int, problems: Sequence[Problem], *, warn: bool = False) -> list[Evidence]:
    """The dates citation ``i`` (0-based) writes: corrected where the event records a wrong date, a
    missing year read from its source's publication date. ``warn``: report years that look wrong (the
    event's date check does, once; later calls reuse what it found)."""
    if not warn and i in ctx.dated:
        return list(ctx.dated[i])
    citation = ctx.citations[i] if i < len(ctx.citations) else None
    if citation is None:
        return []
    pub = published_single(ctx, citation.source)
    found: list[Evidence] = []
    quote = ctx.quotes[i]
    tense = _FUTURE.search(quote) is not None  # whether any mention can be in future-tense wording
    for mention in ctx.quote_mentions(i):
        recorded = _recorded(problems, i, mention)
        if recorded is not None and recorded.correction:
            try:
                corrected = dates.parse(recorded.correction)
            except dates.DateError:
                continue  # check_problems reports it
            found += [Evidence(p, f"{mention.text} (corrected)") for p in dates.parts(corrected)]
            continue
        if recorded is None and warn:
            _wrong_year(ctx, i, mention, pub)
        at = quote.find(mention.text) if tense else -1
        future = future_wording(quote, at, at + len(mention.text)) if at != -1 else ""
        resolved = datetext.resolve_mention(mention, pub, future=bool(future))
        if resolved is not None:
            found.append(Evidence(resolved, mention.text, future))
    ctx.dated[i] = found
    return list(found)


def _recorded(problems: Sequence[Problem], i: int, mention: datetext.Mention) -> Problem | None:
    """The wrong date the event records for this mention in citation ``i``, if any."""
    for p in problems:
        if p.citation == i and p.kind == "wrong-date" and (mention.text in p.text or p.text in mention.text):
            return p
    return None


def _wrong_year(ctx: Context, i: int, mention: datetext.Mention, pub: Single | None) -> None:
    """Warn about a full date whose year is off: the same day in the publication year lies just before
    publication (``December 18, 2023`` in an article of 23 December 2024)."""
    if pub is None or mention.year is None or mention.day is None or mention.month is None:
        return
    if pub.precision is dates.Precision.YEAR or mention.year == pub.year:
        return
    try:
        likely = date(pub.year, mention.month, mention.day)
    except ValueError:
        return
    if not pub.latest - WRONG_YEAR_WINDOW <= likely <= pub.latest:
        return
    ctx.warn(
        "TL155",
        ("citations", i, "quote"),
        f"citation {i + 1} says '{mention.text}', but its source was published {dates.label(pub)}: "
        f"the year is likely {pub.year}",
        "record it under problems:\n"
        "problems:\n"
        "  - kind: wrong-date\n"
        f"    citation: {i + 1}\n"
        f'    text: "{mention.text}"\n'
        f'    correction: "{likely.isoformat()}"\n'
        f"    note: The article is dated {dates.label(pub)}; {mention.year} cannot be right.",
    )


# ---------------------------------------------------------------- phrases a contributor may record

_WEEKDAY = r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PHRASES = re.compile(
    rf"\b(?:{_WEEKDAY}|today|yesterday|(?:earlier\s+)?this\s+(?:month|year)|last\s+(?:month|year)"
    rf"|(?:last|since|in|early|late)\s+{_MONTH}"
    r"|(?:over|in)\s+the\s+past\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:days|weeks|months|years))\b",
    re.IGNORECASE,
)


def phrase_spans(quote: str) -> list[tuple[str, str]]:
    """The relative phrases the validator understands that ``quote`` uses, as it writes them, each with
    the future-tense wording around it ("" if none)."""
    return [
        (" ".join(m.group(0).split()), future_wording(quote, m.start(), m.end()))
        for m in _PHRASES.finditer(quote)
    ]


def phrases(ctx: Context, part: Single) -> list[tuple[int, str]]:
    """Relative phrases in the usable quotes that would date ``part`` if recorded under date_basis:
    (1-based citation number, the phrase as the quote writes it)."""
    out = []
    for i, citation in enumerate(ctx.citations):
        if citation is None or i in ctx.unusable:
            continue
        pub = published_single(ctx, citation.source)
        for said, future in phrase_spans(ctx.quotes[i]):
            try:
                resolved = datetext.resolve_phrase(said, pub)
            except datetext.PhraseError:
                continue
            if future:
                continue  # a plan dates nothing that happened
            if any(part.covers(p) for p in dates.parts(resolved)):
                out.append((i + 1, said))
    return out


def _basis_hint(found: list[tuple[int, str]]) -> str:
    items = "".join(f'  - citation: {n}\n    phrase: "{said}"\n' for n, said in found[:1])
    return "record the phrase that dates it:\ndate_basis:\n" + items.rstrip("\n")


# ---------------------------------------------------------------- does a date rest on its evidence


def ground(
    ctx: Context,
    loc: Loc,
    value: EDTF,
    evidence: list[Evidence],
    *,
    what: str,
    name: str,
    blockers: list[int | str] | None = None,
    certain: Sequence[Evidence] = (),
) -> None:
    """Check that every explicit part of ``value`` contains evidence (TL153, TL154), is no more certain
    than it (TL157) and rests on more than future-tense wording (TL159). ``name`` is the field as
    messages call it ("" for the event's date, "claim 1's as_of"). If something the evidence depends on is
    broken (``blockers``, by default every cause of :meth:`Context.date_blockers`), nothing is reported
    but, once, what was not checked (``what``). ``certain``: further evidence that may make a supported
    part certain (a claim's figure is as certain as its event's date)."""
    found: list[tuple[str, str, str, bool]] = []  # code, message, hint, is a warning
    subject = f"{name} " if name else ""
    for part in dates.parts(value):
        inside = [e for e in evidence if part.covers(e.when)]
        past = [e for e in inside if not e.future]
        if inside and not past:
            e = inside[0]
            found.append(
                (
                    "TL159",
                    f"{subject}{part.edtf()} rests only on future-tense wording: '{e.future}' … '{e.said}'",
                    "a plan or a forecast is not a date something happened: date it by when it was "
                    "announced (date_basis with `as_of: publication`), or cite a report that it happened",
                    True,
                )
            )
            continue
        if past and (part.uncertain or any(not e.when.uncertain for e in past)):
            continue
        if past and any(part.covers(e.when) and not e.when.uncertain and not e.future for e in certain):
            continue
        if past:
            said = "; ".join(dict.fromkeys(e.said for e in past))
            found.append(
                (
                    "TL157",
                    f"{subject}{part.edtf()} is stated as certain, but the quotes support it only through "
                    f"an uncertain publication date ({said})",
                    f'write "{replace(part, uncertain=True).edtf()}" (uncertain), '
                    "or cite a source that dates it",
                    True,
                )
            )
            continue
        found.append(_unsupported(ctx, subject, part, evidence))
    blockers = ctx.date_blockers() if blockers is None else blockers
    if blockers and found:
        ctx.skip(what, blockers)
        return
    for code, message, hint, is_warning in found:
        if is_warning:
            ctx.warn(code, loc, message, hint)
        else:
            ctx.report(code, loc, message, hint)


def _unsupported(
    ctx: Context, subject: str, part: Single, evidence: list[Evidence]
) -> tuple[str, str, str, bool]:
    said = "; ".join(
        dict.fromkeys(
            f"{e.said} → {e.when.edtf()}" + (f" (future-tense: '{e.future}')" if e.future else "")
            for e in evidence
        )
    )
    recordable = phrases(ctx, part)
    coarser = [e for e in evidence if e.when.covers(part) and not e.future]
    if coarser:
        best = max(coarser, key=lambda e: e.when.precision)
        hint = f'write "{best.when.edtf()}"'
        hint += (
            f", or {_basis_hint(recordable)}"
            if recordable
            else (f", or record the phrase that gives the {part.precision.name.lower()} under date_basis")
        )
        return (
            "TL153",
            f"{subject}{part.edtf()} is more precise than the quotes: they support {dates.label(best.when)}",
            f"{hint}\nquotes say: {said or 'no dates'}",
            False,
        )
    hint = (
        _basis_hint(recordable)
        if recordable
        else ("quote the passage that dates it, or record a relative phrase of the quote under date_basis")
    )
    return (
        "TL154",
        f"no quote supports {subject}{dates.label(part)}",
        f"{hint}\nquotes say: {said or 'no dates'}",
        False,
    )
