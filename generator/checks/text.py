"""Ids, tags, safe text, and numbers: every number an event states appears in one of its quotes."""

from __future__ import annotations

import contextlib
import re

from .. import dates
from ..facts import canonical, numbers
from ..schema import SLUG, did_you_mean
from .context import Context

# A tag or the start of one; a Markdown autolink (<https://…>) is a link, not HTML.
_HTML = re.compile(r"<(?![A-Za-z][A-Za-z0-9+.-]*:[^\s>]*>)/?[A-Za-z!?][^>]*>|<[A-Za-z]+\s+[^>]*=")
_SLUG = re.compile(SLUG)
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>|^\s*\[[^\]]+\]:\s*(\S+)", re.M)


def check_identity(ctx: Context, stem: str) -> None:
    ident = ctx.event.id
    if not _SLUG.match(ident):
        ctx.report(
            "TL120",
            ("id",),
            f"'{ident}' is not a valid id",
            f"lowercase letters, digits and single hyphens, e.g. pact-signed; suggestion: {_slugify(ident)}",
        )
    elif ident != stem:
        ctx.report(
            "TL121",
            ("id",),
            f"the id '{ident}' differs from the file name '{stem}.yaml'",
            f"rename the file to {ident}.yaml" + (f", or set `id: {stem}`" if _SLUG.match(stem) else ""),
        )


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"


def check_tags(ctx: Context) -> None:
    if ctx.vocabulary is None:
        return
    known = ctx.vocabulary.tags
    for i, tag in enumerate(ctx.event.tags):
        if tag not in known:
            hint = did_you_mean(tag, sorted(known))
            ctx.report(
                "TL180",
                ("tags", i),
                f"unknown tag '{tag}'",
                hint or f"use one of: {', '.join(sorted(known))}; or add it to events/_vocabulary.yaml",
            )


def check_safe_text(ctx: Context) -> None:
    """No raw HTML anywhere; links only http(s)."""
    fields: list[tuple[tuple[str | int, ...], str]] = [
        (("title",), ctx.event.title),
        (("summary",), ctx.event.summary),
    ]
    fields += [(("citations", i, "note"), c.note) for i, c in enumerate(ctx.event.citations) if c.note]
    for i, claim in enumerate(ctx.event.claims):
        fields += [
            (("claims", i, name), getattr(claim, name))
            for name in ("claimant", "unit", "note")
            if getattr(claim, name)
        ]
    for i, problem in enumerate(ctx.event.problems):
        fields += [
            (("problems", i, name), getattr(problem, name))
            for name in ("text", "note", "correction")
            if getattr(problem, name)
        ]
    for loc, text in fields:
        if "<" not in text and "](" not in text and "]:" not in text:
            continue  # neither a tag nor a link can stand here
        if _HTML.search(text):
            ctx.report(
                "TL190",
                loc,
                f"{'.'.join(map(str, loc))} contains raw HTML",
                "write plain text or Markdown (*emphasis*, [text](https://…)); HTML is not allowed",
            )
        for match in _LINK.finditer(text):
            url = next(g for g in match.groups() if g)
            if not url.lower().startswith(("http://", "https://", "#")):
                ctx.report(
                    "TL191",
                    loc,
                    f"the link '{url}' is not http(s)",
                    "link only to http:// or https:// addresses",
                )


def _years(date: str) -> set[str]:
    """The years an event's own date names: a title may state them without a quote."""
    with contextlib.suppress(dates.DateError):
        return {str(p.year) for p in dates.parts(dates.parse(date))}
    return set()


def check_numbers(ctx: Context) -> None:
    """TL160/TL161. A citation whose quote is not usable may hold the number as the source writes it:
    then the numbers are not checked, and the citation's own diagnostic says so."""
    before = len(ctx.diagnostics)
    _check_numbers(ctx)
    causes = list(ctx.unusable.values())
    if causes and len(ctx.diagnostics) > before:
        ctx.withdraw(before)
        ctx.skip("the numbers", causes)


def _check_numbers(ctx: Context) -> None:
    quoted = set().union(*(ctx.quote_numbers(i) for i in range(len(ctx.quotes))))
    for field in ("title", "summary"):
        unquoted = numbers(getattr(ctx.event, field)) - quoted
        if unquoted:
            unquoted -= _years(ctx.event.date)
        for number in sorted(unquoted):
            ctx.report(
                "TL160",
                (field,),
                f"the number {number} in the {field} is in none of the quotes",
                "quote the passage that states it, or remove the number",
            )
    for i, claim in enumerate(ctx.event.claims):
        for name in ("value", "min", "max"):
            figure = getattr(claim, name)
            if figure is None:
                continue
            number = canonical(float(figure))
            if number not in quoted:
                ctx.report(
                    "TL160",
                    ("claims", i, name),
                    f"the figure {number} is in none of the quotes",
                    "quote the passage that states it",
                )
            elif 1 <= claim.citation <= len(ctx.quotes) and number not in ctx.quote_numbers(
                claim.citation - 1
            ):
                ctx.report(
                    "TL161",
                    ("claims", i, name),
                    f"the figure {number} is not in the quote of citation {claim.citation}",
                    "point `citation` at the quote that states this figure",
                )
