"""The repository's site with the payload corpus in every kind of text field a pull request controls:
every tag and measure of the vocabulary, every source's metadata, an article made of payloads quoted by
an event, and a field of every event. Placements the validator refuses are taken back (file by file)
until the data is valid; what is left is built with ``mkdocs build --strict``, once per test run.

Used by tests/fuzz/test_hostile_site.py (the build, its output, the pages' markup) and by
tests/browser/test_hostile_site.py (the pages in Chromium)."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from projects import run

from generator.validate import Project, validate_project

from . import payloads

ROOT = Path(__file__).resolve().parents[2]
# Scripts in the payloads call alert(); digits would be numbers no quote states (TL160).
SCRIPTED = tuple(p.replace("alert(1)", "alert(document.domain)") for p in payloads.XSS)
EVENT_FIELDS = (
    ("title",),
    ("summary",),
    ("citations", 0, "note"),
    ("claims", 0, "claimant"),
    ("claims", 0, "unit"),
    ("claims", 0, "note"),
    ("claims", 0, "inference"),
    ("problems", 0, "note"),
    ("problems", 0, "correction"),
)
ARTICLE_ID = "900_payloads"
ARTICLE_HEAD = "Hostile strings found\n1 December 2024\n\nOn 1 December 2024, officials listed strings.\n"


@dataclass(frozen=True)
class PayloadSite:
    project: Path
    site: Path
    placed: int  # payloads in fields that validated and were built
    refused: int  # payloads in files the validator refused (taken back)
    output: str  # what `mkdocs build --strict` printed


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _place(project: Path) -> tuple[dict[Path, bytes], dict[Path, int]]:
    """Put the payloads in; return each changed file's original bytes (to take a placement back) and
    how many payloads each file got."""
    originals: dict[Path, bytes] = {}
    placed: dict[Path, int] = {}

    def edit(path: Path, change: Any) -> None:
        originals.setdefault(path, path.read_bytes())
        data = yaml.safe_load(path.read_bytes())
        placed[path] = change(data) or 1
        path.write_text(_yaml(data), encoding="utf-8")

    def vocabulary(data: dict[str, Any]) -> int:
        entries = [*data["tags"].values(), *data["measures"].values()]
        for i, entry in enumerate(entries):
            entry["label"] += " " + SCRIPTED[i % len(SCRIPTED)]
            entry["description"] = SCRIPTED[(i + 7) % len(SCRIPTED)]
        return 2 * len(entries)

    edit(project / "events" / "_vocabulary.yaml", vocabulary)
    for i, meta in enumerate(sorted((project / "seeds").glob("*.yaml"))):

        def source(data: dict[str, Any], i: int = i) -> int:
            data["title"] += " " + SCRIPTED[i]
            data["publisher"] = SCRIPTED[i + 5]
            data["url"] = SCRIPTED[i + 10]
            data["published_basis"] += " " + SCRIPTED[i + 15]
            return 4

        edit(meta, source)
    for i, path in enumerate(sorted(p for p in (project / "events").glob("*.yaml") if p.name[0] != "_")):

        def event(data: dict[str, Any], i: int = i) -> None:
            """One payload in one field (a field the event has, or an optional one it can take)."""
            field = EVENT_FIELDS[i % len(EVENT_FIELDS)]
            parent: Any = data
            for part in field[:-1]:
                container = parent.get(part) if isinstance(part, str) else parent[part]
                if not container:
                    field, parent = ("summary",), data
                    break
                parent = container
            value = SCRIPTED[(3 * i) % len(SCRIPTED)]
            parent[field[-1]] = f"{parent.get(field[-1]) or 'x'} {value}"

        edit(path, event)
    placed[project / "events" / "hostile-strings-listed.yaml"] = _payload_article(project)
    return originals, placed


def _payload_article(project: Path) -> int:
    """A stored article made of payloads, and an event quoting them (quotes are not checked for markup:
    they are the article's own words)."""
    lines = [f"Officials listed the string {p} in the report." for p in SCRIPTED if "\n" not in p]
    text = ARTICLE_HEAD + "\n".join(lines) + "\n"
    (project / "seeds" / f"{ARTICLE_ID}.txt").write_text(text, encoding="utf-8")
    meta = {
        "title": "Hostile strings found",
        "publisher": None,
        "url": None,
        "published": "2024-12-01",
        "published_basis": "the date line",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    }
    (project / "seeds" / f"{ARTICLE_ID}.yaml").write_text(_yaml(meta), encoding="utf-8")
    event = {
        "id": "hostile-strings-listed",
        "date": "2024-12-01",
        "title": "Officials list hostile strings",
        "summary": "Officials listed strings that a page must show as text.",
        "tags": ["statements"],
        "citations": [
            {"source": ARTICLE_ID, "quote": "On 1 December 2024, officials listed strings."},
            *({"source": ARTICLE_ID, "quote": line} for line in lines),
        ][:20],
    }
    (project / "events" / "hostile-strings-listed.yaml").write_text(_yaml(event), encoding="utf-8")
    return len(event["citations"]) - 1


def _take_back_refused(project: Path, originals: dict[Path, bytes], placed: dict[Path, int]) -> None:
    """Restore every changed file the validator finds fault with, until the data is valid (and forget
    its payloads)."""
    for _ in range(5):
        result = validate_project(Project(project / "events", project / "seeds", root=project), workers=1)
        if result.ok:
            return
        bad = {project / d.path for d in result.diagnostics if d.severity.value == "error"}
        for path in bad:
            placed.pop(path, None)
            if path in originals:
                path.write_bytes(originals.pop(path))
            else:  # the payload article or its event
                path.unlink()
    raise AssertionError(f"the payload site did not become valid: {list(result.diagnostics)[:5]}")


def copy_repository(project: Path) -> Path:
    """The repository's site sources (mkdocs.yml, docs/, events/, seeds/) copied into ``project``."""
    for name in ("docs", "events", "seeds", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    return run(project, "-m", "mkdocs", "build", "--strict", timeout=600)


@cache
def payload_site() -> PayloadSite:
    project = copy_repository(Path(tempfile.mkdtemp(prefix="payload-site-")))
    atexit.register(shutil.rmtree, project, True)
    originals, placed = _place(project)
    tried = sum(placed.values())
    _take_back_refused(project, originals, placed)
    proc = mkdocs_build(project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    kept = sum(placed.values())
    return PayloadSite(project, project / "site", kept, tried - kept, proc.stdout + proc.stderr)
