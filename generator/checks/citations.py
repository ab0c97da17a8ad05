"""Every quote exists verbatim in the source it names, exactly once (or made unique by prefix/suffix),
outside the parts of the page that are not about the story."""

from __future__ import annotations

from ..model import Citation, Span
from ..quotes import closest_passage, describe_differences, locate, normalize, suggest_prefix
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
        ctx.report(
            "TL130",
            (*loc, "source"),
            f"'{source_id}' is a path; a source is named by its id",
            "write the file name in seeds/ without folder and without .txt",
        )
        return None
    if source_id not in ctx.sources.known_ids:
        hint = did_you_mean(source_id, sorted(ctx.sources.known_ids))
        ctx.report(
            "TL130",
            (*loc, "source"),
            f"no source '{source_id}' in seeds/",
            hint or "store the article as seeds/<id>.txt with seeds/<id>.yaml beside it",
        )
        return None
    if len(ctx.quotes[i]) < MIN_QUOTE:
        ctx.report(
            "TL142",
            (*loc, "quote"),
            f"the quote is {len(ctx.quotes[i])} characters; at least {MIN_QUOTE} are needed",
            "quote the whole sentence that carries the fact",
        )
        return None
    index = ctx.sources.indexes.get(source_id)
    if index is None:  # the source itself is broken; its own diagnostics say why
        return None
    found = locate(index, ctx.quotes[i], prefix, suffix)
    if found.match is None:
        _explain(ctx, loc, cited, found.occurrences, found.selected)
        return None
    source = ctx.sources.sources.get(source_id)
    if source is not None:
        for part in source.unrelated:
            if found.match.start < part.end and part.start < found.match.end:
                ctx.report(
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
) -> None:
    source_id, quote, prefix, suffix = cited.source, cited.quote, cited.prefix, cited.suffix
    index = ctx.sources.indexes[source_id]
    if occurrences == 0:
        passage, ratio = closest_passage(index, quote)
        if ratio >= 0.6:
            diffs = describe_differences(normalize(quote), passage)
            hint = f'closest passage in {source_id}: "{passage}"'
            if diffs:
                hint += "\n" + "\n".join(diffs)
        else:
            hint = f"no similar passage in {source_id}: is it the right source?"
        ctx.report("TL140", (*loc, "quote"), f"the quote is not in {source_id}", hint)
    elif occurrences > 1 and not (prefix or suffix):
        suggestion = suggest_prefix(index, quote)
        ctx.report(
            "TL141",
            (*loc, "quote"),
            f"the quote occurs {occurrences} times in {source_id}",
            f'add `prefix: "{suggestion}"` to pick one'
            if suggestion
            else "add a prefix or suffix (the words just before or after) to pick one",
        )
    else:
        which = "prefix" if prefix else "suffix"
        ctx.report(
            "TL143",
            (*loc, which),
            f"the quote occurs {occurrences} time(s) in {source_id}, and {selected} with this prefix/suffix",
            "prefix must be the text right before the quote, suffix right after it",
        )
