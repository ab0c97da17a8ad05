"""A tiny synthetic project for validator tests: two short articles with correct hashes, a vocabulary,
and one valid event. Each test writes a broken variant of the event as YAML text, so the line and column
of every problem are known in advance."""

from __future__ import annotations

import contextlib
import hashlib
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.__main__ import main
from generator.diagnostics import Diagnostic
from generator.validate import Project, Result, validate_project

# Published 2024-12-26, a Thursday: "On Monday" is 2024-12-23. Curly apostrophes (U+2019) throughout, one
# sentence wrapped across lines, one sentence twice, a wrong year, and a sidebar that is not the story.
ALPHA = """\
North Korean Troop Losses Mount in Kursk
26 December 2024

On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers had been
killed or wounded in the Kursk region.
The JCS confirmed on December 18, 2023, that at least 100 North Korean soldiers had died.
Officials said the figures were still being reviewed.
Ukraine’s President said on December 23 that more than 3,000 North Korean soldiers had been killed or wounded.
Officials said the figures were still being reviewed.
Estimates of the losses ranged from 1,100 to 3,000, with most near 2,000.
North Korea is supplying artillery shells and drones to Russia, officials said.
The troops began fighting in early December, according to Seoul’s spy agency.
Analysts expect the fighting to continue for several more months.
Seoul’s spy agency said recently that more troops could follow.
The defense pact is expected to take effect in January 2025.

Latest Contents
Stock markets rallied after a quiet week of trading in Seoul.
"""

ALPHA_META = """\
title: North Korean Troop Losses Mount in Kursk
publisher: null
url: null
published: "2024-12-26"
published_basis: the date line under the headline
sha256: {sha256}
unrelated:
  - starts: Latest Contents
    note: The publisher's sidebar of unrelated headlines.
"""

# Published "2024-12": only the month is known.
BETA = """\
Seoul’s spy agency said on Monday that North Korea had sent more troops to Russia this month.
The agency said the soldiers arrived in Kursk in November 2024 and were fighting alongside Russian units.
North Korea is supplying artillery shells to Russia, the agency said.
"""

BETA_META = """\
title: Spy agency reports more troops
publisher: Synthetic Daily
url: https://example.org/beta
published: "2024-12"
published_basis: undated; the month is inferred from the text
sha256: {sha256}
"""

VOCABULARY = """\
tags:
  casualties:
    label: Casualties
  deployment:
    label: Deployment
  north-korea:
    label: North Korea
measures:
  nk-casualties:
    label: North Korean casualties
    unit: soldiers
  nk-troops-deployed:
    label: North Korean troops deployed
    unit: soldiers
"""

EVENT_PATH = "events/jcs-casualties.yaml"

# The valid baseline. Line numbers matter: tests assert them.
EVENT = """\
id: jcs-casualties
date: "2024-12-23"
title: South Korea's military estimates about 1,100 North Korean casualties
summary: >-
  South Korea's Joint Chiefs of Staff said about 1,100 North Korean soldiers had been killed or
  wounded in the Kursk region.
tags: [casualties, north-korea]
citations:
  - source: alpha
    quote: >-
      On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers
      had been killed or wounded in the Kursk region.
date_basis:
  - citation: 1
    phrase: On Monday
claims:
  - measure: nk-casualties
    qualifier: about
    value: 1100
    claimant: South Korea's Joint Chiefs of Staff
    as_of: "2024-12"
    citation: 1
"""


# A second valid event with a coarse date and no numbers: quote tests vary its second citation (line 10),
# which dates nothing, so a broken quote there produces exactly one diagnostic.
PLAIN = """\
id: jcs-casualties
date: "2024-12"
title: Seoul's spy agency says North Korean troops began fighting
summary: Seoul's spy agency said North Korean troops began fighting in early December.
tags: [deployment]
citations:
  - source: alpha
    quote: The troops began fighting in early December, according to Seoul’s spy agency.
  - source: alpha
    quote: Analysts expect the fighting to continue for several more months.
"""
SECOND_QUOTE = "    quote: Analysts expect the fighting to continue for several more months.\n"


def plain(
    date: str = "2024-12",
    *,
    source: str = "alpha",
    quote: str = "Analysts expect the fighting to continue for several more months.",
    citation_extra: str = "",
    extra: str = "",
) -> str:
    """PLAIN with its date, its second citation (source on line 9, quote on line 10, then
    ``citation_extra``) and trailing top-level YAML (``extra``) replaced."""
    text = variant(f"  - source: alpha\n{SECOND_QUOTE}", f"  - source: {source}\n    quote: {quote}\n", PLAIN)
    return variant('date: "2024-12"', f'date: "{date}"', text) + citation_extra + extra


def variant(old: str, new: str, base: str = EVENT) -> str:
    """``base`` with the one occurrence of ``old`` replaced (fails loudly if it is not there once)."""
    assert base.count(old) == 1, f"{old!r} occurs {base.count(old)} times in the base text"
    return base.replace(old, new)


def sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class MiniProject:
    """``root/events`` and ``root/seeds``; the current directory is ``root`` while a test runs."""

    root: Path

    @property
    def events(self) -> Path:
        return self.root / "events"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    def event(self, text: str = EVENT, name: str = "jcs-casualties") -> Path:
        """Write ``events/<name>.yaml`` (the valid baseline unless ``text`` is given)."""
        return self.write(f"events/{name}.yaml", text)

    def source(self, ident: str, text: str | bytes, meta: str, *, digest: str | None = None) -> None:
        """Write ``seeds/<ident>.txt`` and its metadata; ``{sha256}`` in ``meta`` becomes the text's hash."""
        self.write(f"seeds/{ident}.txt", text)
        self.write(f"seeds/{ident}.yaml", meta.replace("{sha256}", digest or sha256(text)))

    def validate(self) -> Result:
        return validate_project(Project(self.events, self.seeds, root=self.root))

    def cli(self, *args: str) -> CliRun:
        """``python -m generator validate ARGS`` in-process, from ``root``."""
        return self.cli_command("validate", *args)

    def cli_command(self, *args: str) -> CliRun:
        """``python -m generator ARGS`` in-process, from ``root``."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        return CliRun(code, out.getvalue(), err.getvalue())


def run_module(
    root: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` as a real process in ``root`` (a crash cannot take pytest down)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=root,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=timeout,
        check=False,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin", **(env or {})},
    )


def make_project(root: Path) -> MiniProject:
    project = MiniProject(root)
    project.write("events/_vocabulary.yaml", VOCABULARY)
    project.source("alpha", ALPHA, ALPHA_META)
    project.source("beta", BETA, BETA_META)
    return project


# ---------------------------------------------------------------- assertions


def codes(result: Result) -> list[str]:
    return [d.code for d in result.diagnostics]


def only(result: Result, code: str) -> Diagnostic:
    """The single diagnostic of the run, which must have ``code``: nothing else may be wrong."""
    found = [f"{d.path}:{d.line}:{d.col} {d.code} {d.message}" for d in result.diagnostics]
    assert len(result.diagnostics) == 1 and result.diagnostics[0].code == code, found
    return result.diagnostics[0]


def one(result: Result, code: str) -> Diagnostic:
    """The one diagnostic with ``code`` (others may be there too)."""
    found = [d for d in result.diagnostics if d.code == code]
    assert len(found) == 1, [f"{d.path}:{d.line}:{d.col} {d.code} {d.message}" for d in result.diagnostics]
    return found[0]


def each(result: Result, code: str) -> list[Diagnostic]:
    """Every diagnostic with ``code`` (at least one)."""
    found = [d for d in result.diagnostics if d.code == code]
    assert found, [f"{d.path}:{d.line}:{d.col} {d.code} {d.message}" for d in result.diagnostics]
    return found


def where(d: Diagnostic) -> tuple[str, int, int]:
    return (d.path, d.line, d.col)
