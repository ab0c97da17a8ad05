"""One event file, from loaded YAML to a typed :class:`~generator.model.Event` (or diagnostics)."""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Diagnostic
from ..loading import Document
from ..model import Event, Vocabulary
from ..schema import EventIn, check
from ..sources import SourceSet
from .citations import check_citations
from .claims import check_claims
from .context import Context
from .dating import check_date, check_problems
from .text import check_identity, check_numbers, check_safe_text, check_tags


def check_event(
    doc: Document,
    stem: str,
    sources: SourceSet,
    vocabulary: Vocabulary | None,
    read: list[Diagnostic] | None = None,
) -> tuple[Event | None, list[Diagnostic]]:
    """Check one event file. ``vocabulary`` is None when it failed to load: tags and measures are then
    not checked (the vocabulary's own diagnostics say why). ``read``: problems found reading the file,
    which the checks do not repeat."""
    read = read or []
    parsed, problems = check(EventIn, doc)
    if parsed is None:
        if problems and problems[0].code != "TL106":  # the first says, once, that nothing else was checked
            first = problems[0]
            note = "not checked until this is fixed: the rest of the file"
            problems[0] = replace(first, hint=f"{first.hint}\n{note}" if first.hint else note)
        return None, read + problems
    ctx = Context(doc, parsed, sources, vocabulary, diagnostics=read + problems)
    check_identity(ctx, stem)
    check_tags(ctx)
    check_safe_text(ctx)
    check_citations(ctx)
    recorded = check_problems(ctx)
    when, basis, evidence = check_date(ctx, recorded)
    claims = check_claims(ctx, recorded, evidence)
    check_numbers(ctx)
    if ctx.failed or when is None or ctx.broken_sources:
        return None, ctx.finish()
    citations = tuple(c for c in ctx.citations if c is not None)
    event = Event(
        parsed.id,
        doc.path,
        when,
        parsed.title,
        parsed.summary,
        tuple(parsed.tags),
        citations,
        tuple(claims),
        tuple(recorded),
        tuple(basis),
    )
    return event, ctx.finish()
