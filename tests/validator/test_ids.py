"""TL120–TL122: event ids are slugs, equal to their file name, and unique."""

from __future__ import annotations

from .project import EVENT, EVENT_PATH, MiniProject, codes, one, only, variant, where


def test_tl120_id_not_a_slug(project: MiniProject) -> None:
    project.event(variant("id: jcs-casualties", "id: JCS_Casualties"))
    d = only(project.validate(), "TL120")
    assert where(d) == (EVENT_PATH, 1, 5)
    assert d.message == "'JCS_Casualties' is not a valid id"
    assert "suggestion: jcs-casualties" in d.hint


def test_tl120_double_hyphen(project: MiniProject) -> None:
    project.event(variant("id: jcs-casualties", "id: jcs--casualties"), name="jcs--casualties")
    d = only(project.validate(), "TL120")
    assert where(d) == ("events/jcs--casualties.yaml", 1, 5)


def test_tl121_id_differs_from_file_name(project: MiniProject) -> None:
    project.event(variant("id: jcs-casualties", "id: jcs-losses"))
    d = only(project.validate(), "TL121")
    assert where(d) == (EVENT_PATH, 1, 5)
    assert "'jcs-losses'" in d.message and "'jcs-casualties.yaml'" in d.message
    assert d.hint == "rename the file to jcs-losses.yaml, or set `id: jcs-casualties`"


def test_tl121_never_suggests_an_id_that_is_not_one(project: MiniProject) -> None:
    project.event(variant("id: jcs-casualties", "id: jcs-losses"), "Losses 2024")
    d = only(project.validate(), "TL121")
    assert d.hint == "rename the file to jcs-losses.yaml"


def test_tl122_duplicate_id_across_two_files(project: MiniProject) -> None:
    """`.yaml` and `.yml` with the same stem: both ids equal their file names, yet they collide."""
    project.event(EVENT)
    project.write("events/jcs-casualties.yml", EVENT)
    result = project.validate()
    d = only(result, "TL122")
    assert where(d) == ("events/jcs-casualties.yml", 1, 5)
    assert "already used by events/jcs-casualties.yaml" in d.message
    assert [e.path for e in result.timeline.events] == [EVENT_PATH]  # the first one is kept


def test_tl122_with_a_misnamed_copy(project: MiniProject) -> None:
    project.event(EVENT, name="another")
    project.event(EVENT)
    result = project.validate()
    assert codes(result) == ["TL121", "TL122"]
    assert where(one(result, "TL121")) == ("events/another.yaml", 1, 5)
    d = one(result, "TL122")
    assert where(d) == (EVENT_PATH, 1, 5)
    assert "already used by events/another.yaml" in d.message


def test_files_starting_with_underscore_are_not_events(project: MiniProject) -> None:
    project.event(EVENT)
    project.write("events/_draft.yaml", "not: an event\n")
    project.write("events/notes.txt", "not yaml at all: [\n")
    result = project.validate()
    assert result.diagnostics == ()
    assert result.event_count == 1
