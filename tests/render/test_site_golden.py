"""Golden files of what readers get: real ``mkdocs build --strict`` runs, compared page by page with
tests/render/golden-site/ (see site_snapshot.py for what is compared and how it is normalised).

* ``fixture/``: the fixture corpus in the fixed small site of tests/render/site/ (its own mkdocs.yml and
  docs/, so that edits to the repository's site never move these files);
* ``hostile/``: tests/render/hostile.py's timeline (every field a script) through the plugin in the same
  small site, built in this process with the plugin's validation replaced by that timeline;
* ``repo/``: the repository's own site (mkdocs.yml, docs/, events/, seeds/). Its ``inputs.txt`` records
  the inputs it was made from; when they have changed since (new events, edited pages), the comparison
  is skipped with the list of changed inputs, since the golden files no longer describe the same site.

After an intended change, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_site_golden.py
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from projects import fixture_project
from site_snapshot import build, first_difference, snapshot

from generator.bundle import load_config

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = HERE / "golden-site"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
STAMP = "1735000000"  # SOURCE_DATE_EPOCH for the repository site: 24 December 2024
# What the repository site's golden files depend on (its stylesheets and assets do not change them).
CONFIG_KEYS = ("theme", "plugins", "markdown_extensions", "nav", "use_directory_urls")

pytestmark = pytest.mark.slow


def _inputs() -> str:
    """One ``sha256  path`` line per input of the repository site."""
    found = {
        path.relative_to(ROOT).as_posix(): path.read_bytes()
        for pattern in ("events/*.yaml", "seeds/*", "docs/**/*.md")
        for path in ROOT.glob(pattern)
        if path.is_file()
    }
    config = load_config(ROOT / "mkdocs.yml")
    found["mkdocs.yml " + "/".join(CONFIG_KEYS)] = json.dumps(
        {k: config.get(k) for k in CONFIG_KEYS}, sort_keys=True
    ).encode()
    return "".join(f"{hashlib.sha256(v).hexdigest()}  {k}\n" for k, v in sorted(found.items()))


def _compare(name: str, files: dict[str, str]) -> None:
    folder = GOLDEN / name
    if UPDATE:
        for old in [*folder.glob("pages/**/*.html"), *folder.glob("*.json")]:
            old.unlink()
        for path, text in files.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    stored = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in [*folder.glob("pages/**/*.html"), *folder.glob("*.json")]
    }
    assert sorted(stored) == sorted(files), "pages added or removed: UPDATE_GOLDEN=1 and review"
    problems = []
    for path, text in sorted(files.items()):
        if path.endswith(".json"):
            if json.loads(text) != json.loads(stored[path]):
                problems.append(f"{path} differs")
        elif (where := first_difference(stored[path], text)) is not None:
            problems.append(f"{path} differs {where}")
    assert not problems, f"{name}: " + "\n".join(problems)


def test_fixture_site_matches_golden_files(tmp_path: Path) -> None:
    proc = build(HERE / "site" / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    _compare("fixture", snapshot(tmp_path / "site"))


def test_hostile_site_matches_golden_files(hostile_site: Path) -> None:
    _compare("hostile", snapshot(hostile_site))


def test_repository_site_matches_golden_files(tmp_path: Path) -> None:
    inputs = _inputs()
    recorded = GOLDEN / "repo" / "inputs.txt"
    if not UPDATE:
        was = dict(line.split("  ", 1)[::-1] for line in recorded.read_text(encoding="utf-8").splitlines())
        now = dict(line.split("  ", 1)[::-1] for line in inputs.splitlines())
        changed = sorted(k for k in was.keys() | now.keys() if was.get(k) != now.get(k))
        if changed:
            shown = ", ".join(changed[:5])
            pytest.skip(f"the repository site's inputs changed since its golden files: {shown}")
    # A copy without dist/ (the home page links the offline zip only when `make site` has built it)
    # and a fixed stamp for "data last changed": the golden files depend on the inputs alone.
    project = fixture_project(tmp_path / "project", corpus=ROOT)
    proc = build(project / "mkdocs.yml", tmp_path / "site", stamp=STAMP)
    assert proc.returncode == 0, proc.stderr
    _compare("repo", snapshot(tmp_path / "site"))
    if UPDATE:
        recorded.write_text(inputs, encoding="utf-8")
    shutil.rmtree(tmp_path / "site")
