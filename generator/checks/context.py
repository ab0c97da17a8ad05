"""What every check needs: the event's file and marks, the sources, the vocabulary, and a place to
report problems at ``file:line:col``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity
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

    def quote_of(self, number: int) -> str:
        """The normalized quote text of a 1-based citation number ('' if out of range)."""
        return self.quotes[number - 1] if 1 <= number <= len(self.quotes) else ""
