"""`python -m generator validate FILE…`: only the named files, with the sources they cite and the
vocabulary; the same codes and output as a full run, cross-file checks included."""

from __future__ import annotations

import json

from .project import (
    ALPHA,
    ALPHA_META,
    BETA,
    BETA_META,
    EVENT,
    EVENT_PATH,
    PLAIN,
    MiniProject,
    sha256,
    variant,
)

BROKEN_TAG = variant("tags: [casualties, north-korea]", "tags: [casualty, north-korea]")
OTHER = PLAIN.replace("id: jcs-casualties", "id: other").replace("tags: [deployment]", "tags: [deploymnt]")


def rows(run_out: str) -> list[tuple[str, str, int]]:
    return [(r["code"], r["path"], r["line"]) for r in json.loads(run_out)]


def test_only_the_named_file_is_reported(project: MiniProject) -> None:
    project.event(BROKEN_TAG)
    project.event(OTHER, "other")
    full = project.cli("--format", "json")
    assert {r[1] for r in rows(full.out)} == {EVENT_PATH, "events/other.yaml"}
    one = project.cli(EVENT_PATH, "--format", "json")
    assert one.code == 1
    assert rows(one.out) == [("TL180", EVENT_PATH, 7)]
    assert project.cli(EVENT_PATH).out.splitlines()[-1] == "1 events, 2 sources: 1 error"


def test_the_same_diagnostics_as_a_full_run_for_that_file(project: MiniProject) -> None:
    project.event(variant("Staff said that about", "Staff said that roughly", BROKEN_TAG))
    full = json.loads(project.cli("--format", "json").out)
    one = json.loads(project.cli(EVENT_PATH, "--format", "json").out)
    assert one == full


def test_problems_of_a_cited_source_are_reported_others_not(project: MiniProject) -> None:
    project.source("alpha", ALPHA + "\n", ALPHA_META, digest=sha256(ALPHA))  # TL131
    project.source("beta", BETA + "\n", BETA_META, digest=sha256(BETA))  # TL131, cited by nobody named
    project.event(EVENT)
    found = rows(project.cli(EVENT_PATH, "--format", "json").out)
    assert found == [("TL131", "seeds/alpha.yaml", 6)]


def test_a_source_can_be_named(project: MiniProject) -> None:
    project.source("beta", BETA + "\n", BETA_META, digest=sha256(BETA))
    assert rows(project.cli("seeds/beta.txt", "--format", "json").out) == [("TL131", "seeds/beta.yaml", 6)]
    assert project.cli("seeds/alpha.yaml").code == 0


def test_a_duplicate_id_in_a_file_not_named_is_found(project: MiniProject) -> None:
    project.event(EVENT)
    project.event(EVENT, "zz-copy")
    found = rows(project.cli("events/zz-copy.yaml", "--format", "json").out)
    assert ("TL122", "events/zz-copy.yaml", 1) in found


def test_an_estimate_shared_with_a_file_not_named_is_compared(project: MiniProject) -> None:
    mine = variant("    citation: 1\n", "    citation: 1\n    estimate: jcs-december\n")
    project.event(mine)
    theirs = mine.replace("id: jcs-casualties", "id: aa-first").replace(
        "claimant: South Korea's Joint Chiefs of Staff", "claimant: Seoul's spy agency"
    )
    project.event(theirs, "aa-first")
    found = json.loads(project.cli(EVENT_PATH, "--format", "json").out)
    assert [(r["code"], r["path"]) for r in found] == [("TL174", EVENT_PATH)]
    assert "events/aa-first.yaml" in found[0]["message"]


def test_usage_errors(project: MiniProject) -> None:
    missing = project.cli("events/nothing.yaml")
    assert (missing.code, missing.err) == (2, "error: events/nothing.yaml: no such file\n")
    project.write("notes.md", "hello")
    assert "validate checks event files" in project.cli("notes.md").err
    assert project.cli("events").err == "error: events is not a file\n"
