"""The fuzz suite's counts, printed at the end of the run (cases, rejections, crashes, hangs)."""

from __future__ import annotations

from typing import Any

from .harness import COUNTS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if COUNTS.cases:
        terminalreporter.write_sep("-", "fuzz")
        terminalreporter.write_line(COUNTS.report())
