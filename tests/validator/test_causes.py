"""One error per cause: a broken input is reported once, checks that depend on it are skipped and say so
on the cause, and causes print first (sources, then each file's fields, quotes, dates, numbers, claims)."""

from __future__ import annotations

import json

from .project import (
    ALPHA,
    ALPHA_META,
    EVENT,
    EVENT_PATH,
    PLAIN,
    VOCABULARY,
    MiniProject,
    only,
    sha256,
    variant,
    where,
)

BROKEN_TAG = variant("tags: [casualties, north-korea]", "tags: [casualty, north-korea]")


def rows(project: MiniProject, *args: str) -> list[tuple[str, str, int, int]]:
    return [
        (r["code"], r["path"], r["line"], r["col"])
        for r in json.loads(project.cli("--format", "json", *args).out)
    ]


def test_a_broken_source_is_the_only_error_and_names_what_it_left_unchecked(project: MiniProject) -> None:
    """The source's text changed: no TL156 ('publication date unknown', which is false) and no TL154 in
    the event that dates itself by 'On Monday' in it; the source's diagnostic says which dates went
    unchecked."""
    project.source("alpha", ALPHA + "\n", ALPHA_META, digest=sha256(ALPHA))
    project.event(EVENT)
    d = only(project.validate(), "TL131")
    assert where(d) == ("seeds/alpha.yaml", 6, 9)
    assert d.hint.splitlines()[-1] == f"not checked until this is fixed: the dates of {EVENT_PATH}"


def test_sources_print_first(project: MiniProject) -> None:
    project.source("alpha", ALPHA + "\n", ALPHA_META, digest=sha256(ALPHA))
    project.event(BROKEN_TAG)
    assert rows(project) == [("TL131", "seeds/alpha.yaml", 6, 9), ("TL180", EVENT_PATH, 7, 8)]


def test_causes_first_across_files(project: MiniProject) -> None:
    """Every file's fields before any quote, every quote before any date, dates before numbers."""
    first = variant('date: "2024-12"', 'date: "2024-12-05"', PLAIN).replace(
        "id: jcs-casualties", "id: a-first"
    )
    project.event(first, "a-first")  # TL153
    second = variant(
        "      had been killed or wounded in the Kursk",
        "      had been killed or wounded near Kursk",
        BROKEN_TAG,
    )
    project.event(second.replace("id: jcs-casualties", "id: b-second"), "b-second")  # TL180, TL140
    project.event(variant("1,100 North Korean casualties", "1,200 North Korean casualties"))  # TL160
    project.write("events/c-third.yaml", "id: c-third\n")  # TL112 (5 of them)
    assert [r for r in rows(project) if r[0] != "TL112"] == [
        ("TL180", "events/b-second.yaml", 7, 8),
        ("TL140", "events/b-second.yaml", 10, 12),
        ("TL153", "events/a-first.yaml", 2, 7),
        ("TL160", EVENT_PATH, 3, 8),
    ]
    assert [r[0] for r in rows(project)] == ["TL180", *["TL112"] * 5, "TL140", "TL153", "TL160"]


def test_a_file_that_fails_its_schema_says_the_rest_was_not_checked(project: MiniProject) -> None:
    project.event(variant("tags: [casualties, north-korea]\n", ""))
    d = only(project.validate(), "TL112")
    assert d.hint.splitlines()[-1] == "not checked until this is fixed: the rest of the file"


def test_a_misquoted_number_is_one_error(project: MiniProject) -> None:
    """'1.100' for '1,100': the quote is not found, so neither the date it carries, the claim's as_of
    nor the figure 1,100 (in the summary and the claim) is reported again."""
    project.event(
        variant("said that about 1,100 North Korean soldiers", "said that about 1.100 North Korean soldiers")
    )
    d = only(project.validate(), "TL140")
    assert where(d) == (EVENT_PATH, 10, 12)
    lines = d.hint.splitlines()
    assert lines[1] == (
        "the quote has '1.100' where the source has '1,100': '.' (U+002E FULL STOP) for ',' (U+002C COMMA)"
    )
    assert lines[-1] == "not checked until this is fixed: the event's date, claim 1's as_of, the numbers"


def test_an_unknown_source_is_one_error(project: MiniProject) -> None:
    project.event(variant("  - source: alpha", "  - source: alpah"))
    d = only(project.validate(), "TL130")
    assert d.hint.splitlines() == [
        "did you mean 'alpha'?",
        "not checked until this is fixed: the event's date, claim 1's as_of",
    ]


def test_an_invalid_date_basis_citation_is_one_error(project: MiniProject) -> None:
    project.event(variant("  - citation: 1\n    phrase: On Monday", "  - citation: 4\n    phrase: On Monday"))
    d = only(project.validate(), "TL173")
    assert where(d) == (EVENT_PATH, 14, 15)
    assert d.hint.splitlines()[-1] == "not checked until this is fixed: the event's date"


def test_an_unquoted_as_of_is_one_error(project: MiniProject) -> None:
    project.event(variant('    as_of: "2024-12"', "    as_of: 2024-12-01"))
    d = only(project.validate(), "TL107")
    assert where(d) == (EVENT_PATH, 21, 12)


def test_a_broken_vocabulary_does_not_make_every_tag_unknown(project: MiniProject) -> None:
    project.write("events/_vocabulary.yaml", VOCABULARY.replace("    label: Casualties\n", ""))
    project.event(EVENT)
    d = only(project.validate(), "TL111")  # and no TL180 for the event's tags
    assert where(d) == ("events/_vocabulary.yaml", 2, 14)
    assert d.hint.splitlines()[-1] == "not checked until this is fixed: the tags and measures of every event"


def test_a_second_error_on_the_same_value_is_not_reported(project: MiniProject) -> None:
    """A correction with raw HTML is reported as raw HTML, not also as 'not a date'."""
    wrong = "The JCS confirmed on December 18, 2023, that at least 100 North Korean soldiers had died."
    problems = (
        "problems:\n  - kind: wrong-date\n    citation: 2\n    text: December 18, 2023\n"
        "    correction: <b>2024-12-18</b>\n    note: The year is wrong.\n"
    )
    project.event(
        variant(
            "    quote: Analysts expect the fighting to continue for several more months.\n",
            f"    quote: {wrong}\n",
            PLAIN,
        )
        + problems
    )
    d = only(project.validate(), "TL190")
    assert where(d) == (EVENT_PATH, 15, 17)


def test_step_summary_follows_the_same_order(project: MiniProject) -> None:
    project.source("alpha", ALPHA + "\n", ALPHA_META, digest=sha256(ALPHA))
    project.event(BROKEN_TAG)
    project.cli("--summary-file", "summary.md")
    table = (project.root / "summary.md").read_text(encoding="utf-8")
    body = [line for line in table.splitlines() if line.startswith("| ❌ ")]
    assert [line.split(" | ")[2] for line in body] == ["TL131", "TL180"]
