"""`python -m generator new EVENT_ID [--source ID --quote "…"]`: a new event file with the schema comment,
the fields in the documented order, the citation, and a date the validator's own code accepts."""

from __future__ import annotations

import yaml
from validator.project import EVENT_PATH, MiniProject

MONDAY = "On Monday, South Korea's Joint Chiefs of Staff said that about 1,100 North Korean soldiers"


def test_new_with_a_quote(project: MiniProject) -> None:
    run = project.cli_command("new", "jcs-casualties", "--source", "alpha", "--quote", MONDAY)
    assert run.code == 0, run.err
    assert run.out == f"{EVENT_PATH}\n"
    text = (project.root / EVENT_PATH).read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../.schema/event.schema.json\n"
        "id: jcs-casualties\n"
        "date: \"2024-12-23\"  # 'On Monday' in citation 1\n"
        'title: "TODO: one neutral line that says who said or did what"\n'
        "summary: >-\n"
        "  TODO: two or three sentences, each attributed (who said it)\n"
        "tags: [TODO]  # one or more of: casualties, deployment, north-korea\n"
        "citations:\n"
        "  - source: alpha\n"
        "    quote: >-\n"
        "      On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers\n"
        "date_basis:\n"
        "  - citation: 1\n"
        "    phrase: On Monday\n"
    )
    assert list(yaml.safe_load(text)) == ["id", "date", "title", "summary", "tags", "citations", "date_basis"]
    # what is left to write is all validate reports: the date is the validator's own
    found = [(d.code, d.line) for d in project.validate().diagnostics]
    assert found == [("TL134", 4), ("TL134", 5), ("TL134", 7)]
    assert "date 2024-12-23: 'On Monday' in citation 1" in run.err


def test_a_calendar_date_in_the_quote(project: MiniProject) -> None:
    quote = "Ukraine's President said on December 23 that more than 3,000 North Korean soldiers"
    assert project.cli_command("new", "zelensky", "--source", "alpha", "--quote", quote).code == 0
    text = (project.events / "zelensky.yaml").read_text(encoding="utf-8")
    assert "date: \"2024-12-23\"  # from 'December 23' in citation 1\n" in text
    assert "date_basis" not in text


def test_a_plan_does_not_date_the_event(project: MiniProject) -> None:
    """'is expected to take effect in January 2025' is a forecast: the date falls back to publication."""
    quote = "The defense pact is expected to take effect in January 2025."
    assert project.cli_command("new", "pact", "--source", "alpha", "--quote", quote).code == 0
    data = yaml.safe_load((project.events / "pact.yaml").read_text(encoding="utf-8"))
    assert data["date"] == "2024-12-26"
    assert data["date_basis"] == [{"citation": 1, "as_of": "publication"}]


def test_new_without_a_quote_then_cite(project: MiniProject) -> None:
    assert project.cli_command("new", "jcs-casualties").code == 0
    text = (project.root / EVENT_PATH).read_text(encoding="utf-8")
    assert 'date: "TODO"  # no quote yet: write it, no more precise than the quotes\n' in text
    assert "citations: []  # add one:" in text
    cited = project.cli_command("cite", "alpha", MONDAY, "--event", EVENT_PATH)
    assert cited.code == 0, cited.err
    data = yaml.safe_load((project.root / EVENT_PATH).read_text(encoding="utf-8"))
    assert data["citations"][0]["quote"].startswith("On Monday, South Korea’s")


def test_refusals(project: MiniProject) -> None:
    project.event("id: taken\n", "taken")
    run = project.cli_command("new", "taken")
    assert (run.code, run.err) == (
        2,
        "error: events/taken.yaml already exists; edit it, or pick another id\n",
    )
    assert (project.events / "taken.yaml").read_text(encoding="utf-8") == "id: taken\n"
    assert project.cli_command("new", "Not An Id").code == 2
    assert (
        project.cli_command("new", "x", "--source", "alpha").err
        == "error: give both --source and --quote, or neither\n"
    )
    missing = project.cli_command(
        "new", "x", "--source", "alpha", "--quote", "Nothing like this is in the article at all"
    )
    assert missing.code == 1 and not (project.events / "x.yaml").exists()
