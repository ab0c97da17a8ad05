"""What every check needs: the event's file and marks, the sources, the vocabulary, and a place to
report problems at ``file:line:col``."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    vocabulary: Vocabulary
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Filled by the citation check: the located citation for each input citation (None if unusable).
    citations: list[Citation | None] = field(default_factory=list)
    quotes: list[str] = field(init=False)  # each citation's quote, whitespace normalized

    def __post_init__(self) -> None:
        self.quotes = [" ".join(c.quote.split()) for c in self.event.citations]

    def report(
        self,
        code: str,
        loc: Loc,
        message: str,
        hint: str = "",
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> None:
        mark = self.doc.mark(loc, key=key)
        self.diagnostics.append(Diagnostic(code, severity, self.doc.path, mark.line, mark.col, message, hint))

    def warn(self, code: str, loc: Loc, message: str, hint: str = "") -> None:
        self.report(code, loc, message, hint, severity=Severity.WARNING)

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
