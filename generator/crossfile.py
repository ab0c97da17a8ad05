"""What one event file's checks tell the checks across files: its id (TL122, duplicate ids), the
estimates its claims name (TL174, one estimate reported with different claims), the sources it cites
(which of their problems ``validate FILE…`` reports, and which events a broken source left unchecked)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import dates
from .causes import note
from .diagnostics import Diagnostic, error
from .loading import load_yaml
from .model import Event
from .pickling import by_fields
from .sources import SourceSet

Estimates = dict[str, tuple[str, str, str, str, int, int]]


@by_fields
@dataclass(frozen=True, slots=True)
class Checked:
    """What one event file gave: its event (if valid), its problems, and the id it claims."""

    shown: str
    event: Event | None
    diagnostics: list[Diagnostic]
    ident: str | None
    id_line: int = 1
    id_col: int = 1
    # (estimate id, measure, claimant, as_of, line, col) of each claim that names an estimate
    estimates: tuple[tuple[str, str, str, str, int, int], ...] = ()
    cited: tuple[str, ...] = ()  # the source ids its citations name
    valid: bool = False  # it gave an event (``event`` may have been left out: see validate's ``model``)


def summarize(
    data: object, mark: Any, shown: str, event: Event | None, found: list[Diagnostic], keep: bool = True
) -> Checked:
    """What other files' checks need from a file: its id, the estimates its claims name, the sources it
    cites (read from the data when the event is invalid); and the event itself unless ``keep`` is off."""
    raw = data if isinstance(data, dict) else {}
    citations = raw.get("citations")
    cited = tuple(
        str(c["source"])
        for c in (citations if isinstance(citations, list) else [])
        if isinstance(c, dict) and isinstance(c.get("source"), str)
    )
    ident = raw.get("id")
    if not isinstance(ident, str):
        return Checked(shown, event if keep else None, found, None, cited=cited, valid=event is not None)
    at = mark(("id",))
    estimates: tuple[tuple[str, str, str, str, int, int], ...] = ()
    if event is not None and any(c.estimate for c in event.claims):
        estimates = tuple(
            (str(c.estimate), c.measure, c.claimant, dates.to_edtf(c.as_of), *mark(("claims", i, "estimate")))
            for i, c in enumerate(event.claims)
            if c.estimate
        )
    kept = event if keep else None
    return Checked(shown, kept, found, ident, at.line, at.col, estimates, cited, event is not None)


def scan(file: Path, shown: str) -> Checked:
    """A file's id and estimates, from its data alone (for checking other files against it)."""
    doc, _ = load_yaml(file, shown)
    if doc is None or not isinstance(doc.data, dict):
        return Checked(shown, None, [], None)
    checked = summarize(doc.data, doc.mark, shown, None, [])
    claims = doc.data.get("claims")
    found = []
    for i, claim in enumerate(claims if isinstance(claims, list) else []):
        if not isinstance(claim, dict) or not isinstance(claim.get("estimate"), str):
            continue
        try:
            as_of = dates.to_edtf(dates.parse(claim.get("as_of")))  # type: ignore[arg-type]
        except dates.DateError:
            continue
        found.append(
            (
                claim["estimate"],
                str(claim.get("measure")),
                str(claim.get("claimant")),
                as_of,
                *doc.mark(("claims", i, "estimate")),
            )
        )
    return replace(checked, estimates=tuple(found))


def record(checked: Checked, first_seen: dict[str, str], estimates: Estimates) -> Diagnostic | None:
    """Remember a file's id (TL122 if another file has it) and, for a file not checked, its estimates."""
    if checked.ident is None:
        return None
    if checked.ident in first_seen:
        return error(
            "TL122",
            checked.shown,
            checked.id_line,
            checked.id_col,
            f"the id '{checked.ident}' is already used by {first_seen[checked.ident]}",
            "every event needs its own id",
        )
    first_seen[checked.ident] = checked.shown
    if not checked.valid:
        for estimate, *rest in checked.estimates:
            estimates.setdefault(estimate, (checked.shown, *rest))  # type: ignore[arg-type]
    return None


def check_estimates(checked: Checked, seen: Estimates) -> list[Diagnostic]:
    """Claims that share an ``estimate`` id report one estimate: one measure, claimant and as_of."""
    found = []
    for estimate, measure, claimant, as_of, line, col in checked.estimates:
        first = seen.setdefault(estimate, (checked.shown, measure, claimant, as_of, line, col))
        where, *said, first_line, _ = first
        for field, mine, theirs in zip(
            ("measure", "claimant", "as_of"), (measure, claimant, as_of), said, strict=True
        ):
            if mine != theirs:
                found.append(
                    error(
                        "TL174",
                        checked.shown,
                        line,
                        col,
                        f"estimate '{estimate}' has {field} '{mine}' here but '{theirs}' at "
                        f"{where}:{first_line}",
                        f"one estimate has one measure, claimant and as_of: set {field}: {theirs!r}, "
                        "or give this claim an estimate id of its own",
                    )
                )
                break
    return found


def note_broken(sources: SourceSet, found: list[Diagnostic], checked: list[Checked]) -> list[Diagnostic]:
    """A source that failed to load says, once, which events' dates went unchecked because of it."""
    found = list(found)
    for source in sorted(sources.known_ids - set(sources.sources)):
        users = [c.shown for c in checked if source in c.cited]
        if users:
            at = [i for i, d in enumerate(found) if Path(d.path).stem == source]
            note(found, at, "the dates of", users)
    return found
