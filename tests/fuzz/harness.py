"""Running one fuzzed project: validate it (under a watchdog), check every output format, render it
when it is valid, and count what happened.

The counts (cases, rejections, valid, crashes, hangs) are printed at the end of the test run. A crash or
a hang also fails the test that met it; the counts say how much was tried."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from hypothesis import HealthCheck, settings

from generator import diagnostics as diag
from generator.render import render_site
from generator.validate import Project, Result, validate_project

ROOT = Path(__file__).resolve().parents[2]

# The budget: `make test` runs the "ci" profile (a fixed sample: the same cases every run); set
# FUZZ_PROFILE=long for a longer, random search (a few minutes), e.g. before a release.
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
PROFILE = os.environ.get("FUZZ_PROFILE", "ci")
FUZZ = settings(settings.get_profile(PROFILE))
# A validation or render that takes this long is a hang (the slowest real case takes well under 1 s).
HANG_SECONDS = 30


@dataclass
class Counts:
    cases: int = 0
    rejected: int = 0  # validation reported errors: the input was refused, with diagnostics
    valid: int = 0  # validated, then rendered
    crashes: int = 0
    hangs: int = 0
    slowest: float = 0.0
    codes: dict[str, int] = field(default_factory=dict)

    def report(self) -> str:
        top = ", ".join(f"{c} {n}" for c, n in sorted(self.codes.items(), key=lambda kv: -kv[1])[:8])
        return (
            f"fuzz ({PROFILE} profile): {self.cases} cases, {self.rejected} rejected with diagnostics, "
            f"{self.valid} valid and rendered, {self.crashes} crashes, {self.hangs} hangs; "
            f"slowest case {self.slowest:.2f} s; most frequent codes: {top}"
        )


COUNTS = Counts()


class Hang(Exception):
    pass


@contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Raise Hang in the block if it runs longer than ``seconds`` (main thread only)."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def counted() -> Iterator[None]:
    started = time.perf_counter()
    COUNTS.cases += 1
    try:
        with watchdog(HANG_SECONDS):
            yield
    except Hang:
        COUNTS.hangs += 1
        raise
    except Exception:
        COUNTS.crashes += 1
        raise
    finally:
        COUNTS.slowest = max(COUNTS.slowest, time.perf_counter() - started)


# ---------------------------------------------------------------- projects


@contextmanager
def project(files: dict[str, bytes]) -> Iterator[Path]:
    """A throwaway project: ``files`` (relative path → bytes) written under a new temporary folder."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-project-"))
    try:
        for relative, data in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        (root / "events").mkdir(exist_ok=True)
        (root / "seeds").mkdir(exist_ok=True)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def check(root: Path) -> Result:
    """Validate the project at ``root`` (never raises, never hangs), check what every output format makes
    of its diagnostics, and render it when it is valid (never raises)."""
    with counted():
        result = validate_project(Project(root / "events", root / "seeds", root=root), workers=1)
        check_outputs(result)
        if result.ok:
            pages = render_site(result.timeline)
            check_pages(pages)
    for d in result.diagnostics:
        COUNTS.codes[d.code] = COUNTS.codes.get(d.code, 0) + 1
    if result.ok:
        COUNTS.valid += 1
    else:
        COUNTS.rejected += 1
    return result


# Nothing a terminal or a CI log would act on: C0 controls but tab, DEL, C1, separators, bidi overrides,
# lone surrogates.
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def check_outputs(result: Result) -> None:
    """What the CLI and the plugin print: no line starts with '::' (a workflow command) unless it is an
    annotation we mean, no line holds a control character, everything encodes as strict UTF-8."""
    found = list(result.diagnostics)
    headline = diag.summary(found, result.event_count, result.source_count)
    text = "\n".join([*(diag.format_text(d) for d in found), headline])
    for line in text.split("\n"):
        assert not line.startswith("::"), line
        assert not UNSAFE.search(line), repr(line)
    for d in found:
        annotation = diag.format_github(d)
        assert annotation.startswith(("::error file=", "::warning file=")), annotation
        assert not UNSAFE.search(annotation), repr(annotation)
    as_json = diag.to_json(found)
    rows = json.loads(as_json)
    assert [(r["path"], r["line"], r["col"], r["message"]) for r in rows] == [
        (d.path, d.line, d.col, d.message) for d in found
    ]
    table = diag.to_markdown_table(found, headline)
    for line in table.splitlines()[4:]:
        assert len(re.split(r"(?<!\\)\|", line)) == 7, line  # five cells, no forged ones
    for out in (text, as_json, table):
        out.encode("utf-8")


_LIVE = re.compile(
    r"<(?:script|img|svg|iframe|object|embed|style|details|a\s[^>]*href\s*=\s*[\"']?\s*javascript)", re.I
)


# What the templates themselves write of those tags: the figures chart, the overview axis and the
# claimant shapes and the chart key's glyphs (<svg>), the folded parts of a card (<details>).
_TEMPLATE_TAGS = re.compile(
    r'<(?:svg class="tl-(?:chart-svg|overview-svg|shape|glyph)[ "]|details class="tl-(?:more|reports)")'
)


def check_pages(pages: dict[str, str]) -> None:
    """Rendered pages hold no markup that a payload brought in (the templates write no such tags but
    those of _TEMPLATE_TAGS)."""
    for path, markdown in pages.items():
        for match in _LIVE.finditer(markdown):
            assert _TEMPLATE_TAGS.match(markdown, match.start()), (
                path,
                markdown[max(0, match.start() - 80) : match.end() + 80],
            )
