"""One error per cause, causes first.

Diagnostics are printed (and summarised on GitHub) in the order a contributor should fix them: the
stored sources, then each file's structure and fields, then quotes, then dates, numbers and claims.
A problem that stops other checks (a source that fails to load, a vocabulary that fails to load) says,
once, on its own first diagnostic, what it left unchecked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from .diagnostics import Diagnostic, Severity

# The order of the groups events' diagnostics are printed in (sources' own diagnostics come first).
_GROUPS = (
    ("TL10", "TL11", "TL12", "TL134", "TL180", "TL190", "TL191"),  # the file, its fields and ids
    ("TL13", "TL14", "TL192"),  # citations: sources named, quotes found
    ("TL15",),  # dates
    ("TL16",),  # numbers
    ("TL17",),  # claims
)


def group(code: str) -> int:
    for rank, prefixes in enumerate(_GROUPS):
        if code.startswith(prefixes) and not (rank == 0 and code.startswith("TL13") and code != "TL134"):
            return rank
    return len(_GROUPS)


def by_cause(sources: Iterable[Diagnostic], others: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sources' diagnostics first (by place), then every other file's by group, then by place."""
    first = sorted(set(sources), key=Diagnostic.sort_key)
    seen = set(first)
    rest = sorted((d for d in set(others) if d not in seen), key=lambda d: (group(d.code), *d.sort_key()))
    return first + rest


def note(diagnostics: list[Diagnostic], matches: Sequence[int], what: str, dependents: Sequence[str]) -> None:
    """Append to the first error among ``diagnostics[matches]`` that ``what`` of ``dependents`` was not
    checked (at most three named)."""
    for at in matches:
        d = diagnostics[at]
        if d.severity is not Severity.ERROR:
            continue
        named = ", ".join(dependents[:3]) + (
            f" and {len(dependents) - 3} more" if len(dependents) > 3 else ""
        )
        text = f"not checked until this is fixed: {what} {named}".rstrip()
        diagnostics[at] = replace(d, hint=f"{d.hint}\n{text}" if d.hint else text)
        return
