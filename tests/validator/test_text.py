"""TL180 tags; TL190/TL191 no raw HTML and only http(s) links in what readers see; TL192 problems."""

from __future__ import annotations

import pytest

from .project import EVENT, EVENT_PATH, MiniProject, codes, only, variant, where

TITLE = "title: South Korea's military estimates about 1,100 North Korean casualties"
SUMMARY_END = "  wounded in the Kursk region.\n"
PROBLEM = """\
problems:
  - kind: disagreement
    citation: 1
    text: about 1,100
    note: Other articles give the figure as a floor.
"""


# ---------------------------------------------------------------- TL180 tags


def test_tl180_unknown_tag_did_you_mean(project: MiniProject) -> None:
    project.event(variant("tags: [casualties, north-korea]", "tags: [casualties, north-koreaa]"))
    d = only(project.validate(), "TL180")
    assert where(d) == (EVENT_PATH, 7, 20)
    assert d.message == "unknown tag 'north-koreaa'"
    assert d.hint == "did you mean 'north-korea'?"


def test_tl180_without_a_close_match_lists_the_tags(project: MiniProject) -> None:
    project.event(variant("tags: [casualties, north-korea]", "tags:\n  - casualties\n  - weather"))
    d = only(project.validate(), "TL180")
    assert where(d) == (EVENT_PATH, 9, 5)
    assert "use one of: casualties, deployment, north-korea" in d.hint


# ---------------------------------------------------------------- TL190 raw HTML


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "field"),
    [
        (TITLE, TITLE + " <script>alert('x')</script>", 3, 8, "title"),
        (SUMMARY_END, "  wounded in the <img src=x onerror=alert('x')> Kursk region.\n", 4, 10, "summary"),
        (SUMMARY_END, "  wounded in the Kursk region <img src=x onerror=alert('x')\n", 4, 10, "summary"),
        (SUMMARY_END, "  wounded in the Kursk region.<svg/onload=alert('x')>\n", 4, 10, "summary"),
        ("    citation: 1\n", "    citation: 1\n    note: <b>estimate</b>\n", 23, 11, "claims.0.note"),
    ],
)
def test_tl190_raw_html(project: MiniProject, old: str, new: str, line: int, col: int, field: str) -> None:
    project.event(variant(old, new))
    d = only(project.validate(), "TL190")
    assert where(d) == (EVENT_PATH, line, col)
    assert d.message == f"{field} contains raw HTML"
    assert "HTML is not allowed" in d.hint


def test_tl190_in_citation_and_problem_notes(project: MiniProject) -> None:
    text = variant(
        "      had been killed or wounded in the Kursk region.\n",
        "      had been killed or wounded in the Kursk region.\n    note: see <iframe src=x></iframe>\n",
    )
    project.event(text + PROBLEM.replace("as a floor.", "as a <i>floor</i>."))
    result = project.validate()
    assert codes(result) == ["TL190", "TL190"]
    assert [(d.line, d.col) for d in result.diagnostics] == [(13, 11), (28, 11)]
    assert [d.message for d in result.diagnostics] == [
        "citations.0.note contains raw HTML",
        "problems.0.note contains raw HTML",
    ]


def test_markdown_is_not_html(project: MiniProject) -> None:
    project.event(
        variant(
            SUMMARY_END,
            "  wounded in the *Kursk* region, `per` [one report](https://example.org/a?b=c&d=e).\n",
        )
    )
    assert project.validate().diagnostics == ()


def test_autolink_to_https_is_a_link_not_html(project: MiniProject) -> None:
    project.event(variant(SUMMARY_END, "  wounded in the Kursk region (<https://example.org/kursk>).\n"))
    assert project.validate().diagnostics == ()


def test_tl190_in_unit_and_correction(project: MiniProject) -> None:
    text = variant("    citation: 1\n", "    citation: 1\n    unit: <b>soldiers</b>\n")
    project.event(
        text + PROBLEM.replace("    note:", "    correction: <script>alert('x')</script>\n    note:")
    )
    result = project.validate()
    assert codes(result) == ["TL190", "TL190"]
    assert [d.line for d in result.diagnostics] == [23, 28]


# ---------------------------------------------------------------- TL191 links


@pytest.mark.parametrize(
    ("link", "url"),
    [
        ("[the region](javascript:alert('x'))", "javascript:alert('x'"),
        ("[the region](JavaScript:void)", "JavaScript:void"),
        ("[the region]( data:text/html,hello )", "data:text/html,hello"),
        ("[the region](/relative/page)", "/relative/page"),
    ],
)
def test_tl191_unsafe_link(project: MiniProject, link: str, url: str) -> None:
    project.event(variant(SUMMARY_END, f"  wounded in {link}.\n"))
    d = only(project.validate(), "TL191")
    assert where(d) == (EVENT_PATH, 4, 10)
    assert d.message == f"the link '{url}' is not http(s)"
    assert "http:// or https://" in d.hint


def test_tl191_reference_style_link(project: MiniProject) -> None:
    text = variant(SUMMARY_END, "  wounded in [the region][r].\n\n  [r]: javascript:alert('x')\n")
    project.event(text.replace("summary: >-", "summary: |-"))
    d = only(project.validate(), "TL191")
    assert d.message == "the link 'javascript:alert('x')' is not http(s)"


def test_tl191_in_a_title(project: MiniProject) -> None:
    project.event(
        variant(TITLE, "title: South Korea's military [estimates](vbscript:x) about 1,100 casualties")
    )
    d = only(project.validate(), "TL191")
    assert where(d) == (EVENT_PATH, 3, 8)


# ---------------------------------------------------------------- TL192 problems


def test_recorded_problem_is_carried(project: MiniProject) -> None:
    project.event(EVENT + PROBLEM)
    [problem] = project.validate().timeline.events[0].problems
    assert (problem.kind, problem.citation, problem.text) == ("disagreement", 0, "about 1,100")


def test_tl192_problem_text_not_in_its_quote(project: MiniProject) -> None:
    project.event(EVENT + PROBLEM.replace("text: about 1,100", "text: around 1,100"))
    d = only(project.validate(), "TL192")
    assert where(d) == (EVENT_PATH, 26, 11)
    assert d.message == "'around 1,100' is not in the quote of citation 1"
    assert "exactly as the quote has them" in d.hint


def test_tl173_problem_citation_out_of_range(project: MiniProject) -> None:
    project.event(EVENT + PROBLEM.replace("citation: 1", "citation: 4"))
    d = only(project.validate(), "TL173")
    assert where(d) == (EVENT_PATH, 25, 15)
    assert d.message == "there is no citation 4; this event has 1"


def test_tl192_problem_text_differs_in_case(project: MiniProject) -> None:
    project.event(EVENT + PROBLEM.replace("text: about 1,100", "text: About 1,100"))
    d = only(project.validate(), "TL192")
    assert where(d) == (EVENT_PATH, 26, 11)
