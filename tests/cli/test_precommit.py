"""pre-commit, offline: this repository's hooks (validate --strict, editor schemas, ruff) run from .venv
with no network, pass on the repository and fail on a broken event; the hook other timeline
repositories use is a valid manifest whose command exists."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VENV = Path(sys.executable).parent.parent


def run(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{VENV / 'bin'}:/usr/bin:/bin",
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "NO_MKDOCS_2_WARNING": "1",
        "PIP_NO_INDEX": "1",  # nothing may be installed from anywhere
    }
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture
def clone(repo_root: Path, tmp_path: Path) -> Path:
    """A git repository holding this one's data, generator and pre-commit configuration, with its .venv."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("events", "seeds", "generator"):
        shutil.copytree(repo_root / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in (".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "pyproject.toml", ".gitattributes"):
        shutil.copy(repo_root / name, root / name)
    (root / ".venv").symlink_to(VENV)
    home = tmp_path / "home"
    home.mkdir()
    for args in (["git", "init", "-q"], ["git", "add", "-A"]):
        assert run(args, root, home).returncode == 0
    return root


def test_the_hooks_pass_offline_and_catch_a_broken_event(clone: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    passed = run([str(VENV / "bin" / "pre-commit"), "run", "--all-files"], clone, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    for hook in ("validate the timeline", "editor schemas", "ruff check", "ruff format"):
        assert hook in passed.stdout
    event = clone / "events" / "defense-pact-signed.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace("tags: [", "tags: [no-such-tag, "), encoding="utf-8"
    )
    failed = run([str(VENV / "bin" / "pre-commit"), "run", "--all-files"], clone, home)
    assert failed.returncode == 1
    assert (
        "events/defense-pact-signed.yaml" in failed.stdout
        and "error[TL180]: unknown tag 'no-such-tag'" in failed.stdout
    )


def test_the_manifest_for_other_repositories(repo_root: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    checked = run(
        [str(VENV / "bin" / "pre-commit"), "validate-manifest", ".pre-commit-hooks.yaml"], repo_root, home
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    import yaml

    [hook] = yaml.safe_load((repo_root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "validate-timeline" and hook["entry"] == "cited-timeline validate --strict"
    command, *args = hook["entry"].split()
    assert os.access(VENV / "bin" / command, os.X_OK)  # the console script pip installs
    ran = run([str(VENV / "bin" / command), *args], repo_root, home)
    assert ran.returncode == 0, ran.stdout + ran.stderr
