"""Every quote exists verbatim in the source it names, exactly once (or made unique by prefix/suffix),
outside the parts of the page that are not about the story."""

from __future__ import annotations

from ..model import Citation, Span
from ..passages import closest, explain
from ..quotes import locate, normalize, suggest_prefix
from ..schema import CitationIn, did_you_mean
from .context import Context

MIN_QUOTE = 20


def check_citations(ctx: Context) -> None:
    for i, cited in enumerate(ctx.event.citations):
        ctx.citations.append(_check_one(ctx, i, cited))


def _check_one(ctx: Context, i: int, cited: CitationIn) -> Citation | None:
    source_id, quote, prefix, suffix = cited.source, cited.quote, cited.prefix, cited.suffix
    loc = ("citations", i)
    if "/" in source_id or "\\" in source_id or source_id.startswith(".") or source_id.endswith(".txt"):
        ctx.unusable[i] = ctx.report(
            "TL130",
            (*loc, "source"),
            f"'{source_id}' is a path; a source is named by its id",
            "write the file name in seeds/ without folder and without .txt",
        )
        return None
    if source_id not in ctx.sources.known_ids:
        hint = did_you_mean(source_id, sorted(ctx.sources.known_ids))
        ctx.unusable[i] = ctx.report(
            "TL130",
            (*loc, "source"),
            f"no source '{source_id}' in seeds/",
            hint or "store the article as seeds/<id>.txt with seeds/<id>.yaml beside it",
        )
        return None
    if len(ctx.quotes[i]) < MIN_QUOTE:
        ctx.unusable[i] = ctx.report(
            "TL142",
            (*loc, "quote"),
            f"the quote is {len(ctx.quotes[i])} characters; at least {MIN_QUOTE} are needed",
            "quote the whole sentence that carries the fact",
        )
        return None
    index = ctx.sources.indexes.get(source_id)
    source = ctx.sources.sources.get(source_id)
    if source is None:  # the source failed to load; its own diagnostics say why
        ctx.unusable[i] = source_id
        ctx.broken_sources.add(source_id)
        if index is None:
            return None
    assert index is not None
    found = locate(index, ctx.quotes[i], prefix, suffix)
    if found.match is None:
        ctx.unusable[i] = _explain(ctx, loc, cited, found.occurrences, found.selected)
        return None
    if source is not None:
        for part in source.unrelated:
            if found.match.start < part.end and part.start < found.match.end:
                ctx.unusable[i] = ctx.report(
                    "TL144",
                    (*loc, "quote"),
                    f"the quote lies in a part of {source_id} that is not about the story ({part.note})",
                    "cite the article itself, not the sidebar",
                )
                return None
    span = Span(source_id, found.match.start, found.match.end)
    return Citation(source_id, quote, span, prefix, suffix, cited.note)


def _explain(
    ctx: Context, loc: tuple[str | int, ...], cited: CitationIn, occurrences: int, selected: int
) -> int:
    source_id, quote, prefix, suffix = cited.source, cited.quote, cited.prefix, cited.suffix
    index = ctx.sources.indexes[source_id]
    if occurrences == 0:
        lines = explain(source_id, closest(index, quote))
        elsewhere = _other_source(ctx, source_id, quote)
        if elsewhere:
            lines.insert(0, f"the quote is in {elsewhere}: write `source: {elsewhere}`")
        return ctx.report("TL140", (*loc, "quote"), f"the quote is not in {source_id}", "\n".join(lines))
    if occurrences > 1 and not (prefix or suffix):
        suggestion = suggest_prefix(index, quote)
        return ctx.report(
            "TL141",
            (*loc, "quote"),
            f"the quote occurs {occurrences} times in {source_id}",
            f'add `prefix: "{suggestion}"` to pick one'
            if suggestion
            else "add a prefix or suffix (the words just before or after) to pick one",
        )
    which = "prefix" if prefix else "suffix"
    return ctx.report(
        "TL143",
        (*loc, which),
        f"the quote occurs {occurrences} time(s) in {source_id}, and {selected} with this prefix/suffix",
        "prefix must be the text right before the quote, suffix right after it",
    )


def _other_source(ctx: Context, source_id: str, quote: str) -> str | None:
    """Another source that holds the quote verbatim (copied from the wrong article), if any."""
    needle = normalize(quote)
    for other, index in sorted(ctx.sources.indexes.items()):
        if other != source_id and index.norm.find(needle) != -1:
            return other
    return None
