"""Wherever a contributor is told to check the data, the check is `--strict`, as CI's: nothing passes
locally and then fails the pull request."""

from __future__ import annotations

import re
from pathlib import Path

import yaml


def test_contributing_and_the_pull_request_template(repo_root: Path) -> None:
    for name in ("CONTRIBUTING.md", ".github/pull_request_template.md"):
        text = (repo_root / name).read_text(encoding="utf-8")
        told = re.findall(r"generator validate[^`\n]*", text)
        assert told, name
        for command in told:
            if "--format" not in command:
                assert "--strict" in command, (name, command)
        assert "make validate" in text, name


def test_make_validate(repo_root: Path) -> None:
    makefile = (repo_root / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nvalidate:", 1)[1].split("\n\n", 1)[0]
    assert "-m generator validate --strict" in recipe


def test_the_check_workflow_s_validate_step(repo_root: Path) -> None:
    check = yaml.safe_load((repo_root / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8"))
    [step] = [s for s in check["jobs"]["check"]["steps"] if s.get("name") == "Validate the events"]
    assert "generator validate --strict --format github" in step["run"]


def test_the_pre_commit_hooks(repo_root: Path) -> None:
    for name in (".pre-commit-config.yaml", ".pre-commit-hooks.yaml"):
        text = (repo_root / name).read_text(encoding="utf-8")
        assert "validate --strict" in text, name
