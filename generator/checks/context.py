"""What every check needs: the event's file and marks, the sources, the vocabulary, and a place to
report problems at ``file:line:col``.

One error per cause: a check whose input is broken (a quote not found, a source that failed to load, an
invalid ``date_basis`` entry) does not report what follows from it. It says once, on the cause's own
diagnostic, what was left unchecked (:meth:`Context.skip`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..datetext import Mention, mentions
from ..diagnostics import Diagnostic, Severity
from ..facts import numbers
from ..loading import Document, Loc
from ..model import Citation, Vocabulary
from ..schema import EventIn
from ..sources import SourceSet


@dataclass
class Context:
    doc: Document
    event: EventIn
    sources: SourceSet
    vocabulary: Vocabulary | None  # None: the vocabulary failed to load, so tags and measures go unchecked
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Filled by the citation check: the located citation for each input citation (None if unusable).
    citations: list[Citation | None] = field(default_factory=list)
    quotes: list[str] = field(init=False)  # each citation's quote, whitespace normalized
    # Causes: why citation i cannot date anything (the index of its diagnostic in ``diagnostics``, or
    # the id of a source that failed to load, whose own file says why).
    unusable: dict[int, int | str] = field(default_factory=dict)
    # Other causes that make the event's date unverifiable (an invalid date_basis or problems entry).
    date_causes: list[int] = field(default_factory=list)
    broken_sources: set[str] = field(default_factory=set)  # cited sources that failed to load
    dated: dict[int, list[Any]] = field(default_factory=dict)  # each citation's Evidence, once found
    _skipped: dict[int, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.quotes = [" ".join(c.quote.split()) for c in self.event.citations]
        # Where an error was already found (reading the file found an unquoted date, say): another
        # check of the same value would only repeat its cause.
        self._errors_at: dict[tuple[int, int], int] = {}
        for i, d in enumerate(self.diagnostics):
            self._errors_at.setdefault((d.line, d.col), i)

    def report(
        self,
        code: str,
        loc: Loc,
        message: str,
        hint: str = "",
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> int:
        """Report a problem; returns its index, by which later checks can name it as a cause."""
        mark = self.doc.mark(loc, key=key)
        cause = self._errors_at.get((mark.line, mark.col))
        if cause is not None and self.diagnostics[cause].code != code:
            return cause
        self.diagnostics.append(Diagnostic(code, severity, self.doc.path, mark.line, mark.col, message, hint))
        if severity is Severity.ERROR:
            self._errors_at.setdefault((mark.line, mark.col), len(self.diagnostics) - 1)
        return len(self.diagnostics) - 1

    def warn(self, code: str, loc: Loc, message: str, hint: str = "") -> int:
        return self.report(code, loc, message, hint, severity=Severity.WARNING)

    def withdraw(self, since: int) -> None:
        """Take back the diagnostics reported from index ``since`` on (follow-ons of a known cause)."""
        del self.diagnostics[since:]
        self._errors_at = {at: i for at, i in self._errors_at.items() if i < since}

    def skip(self, what: str, causes: Iterable[int | str]) -> None:
        """Record that ``what`` was not checked because of ``causes`` (diagnostic indexes, or ids of
        sources that failed to load); the first cause in this file says so once."""
        for cause in causes:
            if isinstance(cause, str):
                self.broken_sources.add(cause)
                continue
            notes = self._skipped.setdefault(cause, [])
            if what not in notes:
                notes.append(what)
            return

    def finish(self) -> list[Diagnostic]:
        """The diagnostics, each cause's hint ending with what it left unchecked."""
        out = list(self.diagnostics)
        for at, notes in self._skipped.items():
            d = out[at]
            note = f"not checked until this is fixed: {', '.join(notes)}"
            out[at] = replace(d, hint=f"{d.hint}\n{note}" if d.hint else note)
        return out

    def date_blockers(self) -> list[int | str]:
        """Why the event's date may lack evidence that is really there: unusable citations, invalid
        date_basis or problems entries."""
        return [*self.unusable.values(), *self.date_causes]

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def citation(self, number: int, loc: Loc) -> Citation | None:
        """The located citation a 1-based ``number`` names, reporting TL173 if there is none."""
        if not 1 <= number <= len(self.event.citations):
            self.report(
                "TL173",
                loc,
                f"there is no citation {number}; this event has {len(self.event.citations)}",
                "citations are numbered from 1 in the order listed",
            )
            return None
        return self.citations[number - 1] if number - 1 < len(self.citations) else None

    def quote_numbers(self, i: int) -> set[str]:
        """The numbers citation ``i`` (0-based) states: looked up in its source by span when located."""
        cited = self.citations[i] if i < len(self.citations) else None
        if cited is not None:
            found = self.sources.facts[cited.source].numbers(cited.span.start, cited.span.end)
            if found is not None:
                return found
        return numbers(self.quotes[i])

    def quote_mentions(self, i: int) -> list[Mention]:
        """The calendar dates citation ``i`` (0-based) writes, looked up like :meth:`quote_numbers`."""
        cited = self.citations[i] if i < len(self.citations) else None
        if cited is not None:
            found = self.sources.facts[cited.source].mentions(cited.span.start, cited.span.end)
            if found is not None:
                return found
        return mentions(self.quotes[i])

    def quote_of(self, number: int) -> str:
        """The normalized quote text of a 1-based citation number ('' if out of range)."""
        return self.quotes[number - 1] if 1 <= number <= len(self.quotes) else ""
