"""events/_vocabulary.yaml: ids that would replace a generated page are refused, a wrong key is reported
on its own line, and a vocabulary with a wrong entry does not make every event's tags unknown."""

from __future__ import annotations

import pytest

from .project import EVENT, VOCABULARY, MiniProject, only, variant, where

VOCABULARY_PATH = "events/_vocabulary.yaml"


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "group"),
    [
        ("  deployment:\n", "  index:\n", 4, 3, "tag"),
        ("  deployment:\n", "  con:\n", 4, 3, "tag"),
        ("  nk-troops-deployed:\n", "  index:\n", 12, 3, "measure"),
    ],
)
def test_tl120_a_tag_or_measure_id_that_would_replace_a_page(
    project: MiniProject, old: str, new: str, line: int, col: int, group: str
) -> None:
    """A tag called index built green and replaced tags/index.html."""
    project.write(VOCABULARY_PATH, variant(old, new, VOCABULARY))
    project.event(EVENT)
    d = only(project.validate(), "TL120")
    assert where(d) == (VOCABULARY_PATH, line, col)
    ident = new.strip().rstrip(":")
    assert d.message.startswith(f"the {group} id '{ident}' cannot be used: ")


def test_an_invalid_key_is_reported_on_its_own_line(project: MiniProject) -> None:
    """It was reported one line below, at the key's value."""
    project.write(VOCABULARY_PATH, variant("  deployment:\n", "  Bad_Key:\n", VOCABULARY))
    d = only(project.validate(), "TL113")
    assert where(d) == (VOCABULARY_PATH, 4, 3)
    assert "'Bad_Key'" in d.message and "lowercase letters" in d.message


def test_an_invalid_vocabulary_entry_does_not_make_every_tag_unknown(project: MiniProject) -> None:
    broken = variant("    label: Casualties\n", "    label: [Casualties]\n", VOCABULARY)
    project.write(VOCABULARY_PATH, broken)
    project.event(EVENT)  # tags: [casualties, north-korea]; measure nk-casualties
    d = only(project.validate(), "TL111")  # and no TL180 or TL170 for the event
    assert where(d) == (VOCABULARY_PATH, 3, 12)


@pytest.mark.parametrize("broken", ["missing", "syntax", "link"])
def test_a_vocabulary_that_cannot_be_read_is_one_diagnostic(project: MiniProject, broken: str) -> None:
    """Not one more for every tag and measure of every event."""
    path = project.root / VOCABULARY_PATH
    path.unlink()
    if broken == "syntax":
        path.write_text("tags: [\n", encoding="utf-8")
    elif broken == "link":
        path.symlink_to(project.root / "elsewhere.yaml")
    project.event(EVENT)
    result = project.validate()
    assert [d.path for d in result.diagnostics] == [VOCABULARY_PATH]
