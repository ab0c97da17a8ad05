"""The JSON Schemas editors use: this project's tag, measure and source ids as the values those fields
take, written where the data files' `$schema` comments point, and never stale."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from generator.cli.common import schema_folder
from generator.cli.schema import schemas_for

from .project import MiniProject

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def test_the_repository_s_schemas_are_up_to_date(repo_root: Path) -> None:
    events, seeds = repo_root / "events", repo_root / "seeds"
    folder = schema_folder(events, seeds)
    assert folder == repo_root / "generator" / "schema"
    for name, text in schemas_for(events, seeds).items():
        stored = (folder / name).read_text(encoding="utf-8")
        assert stored == text, f"{folder / name} is stale: run `python -m generator schema` and commit it"


def test_the_event_schema_lists_the_project_s_ids(repo_root: Path) -> None:
    schema = json.loads(
        (repo_root / "generator" / "schema" / "event.schema.json").read_text(encoding="utf-8")
    )
    vocabulary = (repo_root / "events" / "_vocabulary.yaml").read_text(encoding="utf-8")
    tags = schema["properties"]["tags"]["items"]["enum"]
    assert "casualties" in tags and all(f"\n  {tag}:\n" in vocabulary for tag in tags)
    assert "nk-casualties" in schema["$defs"]["ClaimIn"]["properties"]["measure"]["enum"]
    sources = schema["$defs"]["CitationIn"]["properties"]["source"]["enum"]
    assert sources == sorted(p.stem for p in (repo_root / "seeds").glob("*.txt"))


def test_every_data_file_points_at_its_schema(repo_root: Path) -> None:
    expected = {
        **dict.fromkeys((repo_root / "events").glob("*.yaml"), "event.schema.json"),
        **dict.fromkeys((repo_root / "seeds").glob("*.yaml"), "source.schema.json"),
        repo_root / "events" / "_vocabulary.yaml": "vocabulary.schema.json",
    }
    for path, name in sorted(expected.items()):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = MODELINE.match(first)
        assert match, f"{path.name}: the first line should be the $schema comment"
        target = (path.parent / match[1]).resolve()
        assert target == (repo_root / "generator" / "schema" / name).resolve(), path.name


def test_a_new_project_gets_its_schemas_in_dot_schema(project: MiniProject) -> None:
    run = project.cli_command("schema")
    assert run.code == 0
    written = sorted(p.name for p in (project.root / ".schema").iterdir())
    assert written == ["event.schema.json", "source.schema.json", "vocabulary.schema.json"]
    event = json.loads((project.root / ".schema" / "event.schema.json").read_text(encoding="utf-8"))
    assert event["$defs"]["CitationIn"]["properties"]["source"]["enum"] == ["alpha", "beta"]
    assert event["properties"]["tags"]["items"]["enum"] == ["casualties", "deployment", "north-korea"]
    again = project.cli_command("schema")
    assert again.out.count("(unchanged)") == 3


def test_schemas_go_where_the_modelines_point(project: MiniProject) -> None:
    vocabulary = (project.events / "_vocabulary.yaml").read_text(encoding="utf-8")
    project.write(
        "events/_vocabulary.yaml",
        "# yaml-language-server: $schema=../editor/vocabulary.schema.json\n" + vocabulary,
    )
    assert schema_folder(project.events, project.seeds) == project.root / "editor"
    assert project.cli_command("schema").code == 0
    assert (project.root / "editor" / "event.schema.json").is_file()


def test_the_recommended_vscode_settings_point_at_the_schemas(repo_root: Path) -> None:
    text = (repo_root / ".vscode" / "settings.json").read_text(encoding="utf-8")
    settings = json.loads("\n".join(line for line in text.splitlines() if not line.strip().startswith("//")))
    mapped = settings["yaml.schemas"]
    assert all((repo_root / schema).is_file() for schema in mapped)
    assert mapped["generator/schema/event.schema.json"] == ["events/*.yaml", "!events/_vocabulary.yaml"]
    assert settings["files.readonlyInclude"]["seeds/*.txt"] is True


def test_finding_the_schema_folder_never_opens_a_fifo_or_follows_a_link(project: MiniProject) -> None:
    """A named pipe among the data files blocked `schema` and `add-source` forever; a link was followed."""
    os.mkfifo(project.events / "a-pipe.yaml")
    outside = project.root / "outside.yaml"
    outside.write_text("# yaml-language-server: $schema=../elsewhere/event.schema.json\n", encoding="utf-8")
    (project.events / "a-link.yaml").symlink_to(outside)
    assert schema_folder(project.events, project.seeds) == project.root / ".schema"
