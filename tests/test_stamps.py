"""One time stamp for the data: SOURCE_DATE_EPOCH, else the last commit touching the data folders."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.stamps import StampError, data_date, data_epoch


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_the_last_commit_of_the_data_not_of_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _git(tmp_path, "init", "-q")
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "data", when="2024-12-24T12:00:00+00:00")
    (tmp_path / "README.md").write_text("later\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "docs", when="2025-03-01T12:00:00+00:00")
    assert data_date(tmp_path, [tmp_path / "events"]) == date(2024, 12, 24)
    assert data_date(tmp_path) == date(2025, 3, 1)


def test_source_date_epoch_wins_and_must_be_a_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735000000")
    assert data_epoch(tmp_path, [tmp_path]) == 1735000000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(StampError, match="SOURCE_DATE_EPOCH must be a number of seconds"):
        data_epoch(tmp_path)


def test_outside_a_checkout_the_date_is_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert data_date(tmp_path, [tmp_path]) is None
