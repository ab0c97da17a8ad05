"""`python -m generator cite SOURCE_ID "quote" [--event FILE]`: the citation in the source's own
characters, a prefix when the passage repeats, the closest sentences when nothing matches, and an event
file extended without losing a comment or a line of its layout."""

from __future__ import annotations

import yaml
from validator.project import ALPHA, EVENT, EVENT_PATH, MiniProject

REPEATED = "Officials said the figures were still being reviewed."


def item(out: str) -> dict[str, str]:
    [parsed] = yaml.safe_load(out)
    assert isinstance(parsed, dict)
    return parsed


def test_straight_quotes_dashes_case_and_whitespace_are_tolerated(project: MiniProject) -> None:
    run = project.cli_command(
        "cite", "alpha", "seoul's SPY agency said recently that   more troops could follow."
    )
    assert run.code == 0, run.err
    assert run.out == (
        "  - source: alpha\n    quote: Seoul’s spy agency said recently that more troops could follow.\n"
    )
    assert run.err.splitlines() == [
        "found in alpha, line 14",
        "the citation has the source's own characters (quotes, dashes, case), not the ones typed",
    ]


def test_a_passage_across_a_line_break_is_folded_yaml(project: MiniProject) -> None:
    run = project.cli_command(
        "cite",
        "alpha",
        "On Monday, South Korea's Joint Chiefs of Staff said that about 1,100 North Korean soldiers "
        "had been killed or wounded in the Kursk region.",
    )
    assert run.code == 0
    assert run.out.splitlines()[1] == "    quote: >-"
    assert item(run.out)["quote"] == (
        "On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers had been "
        "killed or wounded in the Kursk region."
    )


def test_a_repeated_passage_gets_a_prefix_that_picks_it(project: MiniProject) -> None:
    first = project.cli_command("cite", "alpha", REPEATED)
    citation = item(first.out)
    assert (citation["quote"], sorted(citation)) == (REPEATED, ["prefix", "quote", "source"])
    assert "it occurs 2 times" in first.err and "line 7" in first.err
    second = project.cli_command("cite", "alpha", REPEATED, "--occurrence", "2")
    assert "line 9" in second.err
    for run, at in ((first, ALPHA.index(REPEATED)), (second, ALPHA.rindex(REPEATED))):
        citation = item(run.out)
        project.event(_event_with(citation))
        result = project.validate()
        assert result.diagnostics == (), result.diagnostics
        assert result.timeline.events[0].citations[1].span.start == at
    third = project.cli_command("cite", "alpha", REPEATED, "--occurrence", "3")
    assert (third.code, third.err) == (2, "error: the passage occurs 2 time(s); there is no occurrence 3\n")


def _event_with(citation: dict[str, str]) -> str:
    lines = [f"  - source: {citation['source']}", f"    quote: {citation['quote']}"]
    lines += [f'    {key}: "{citation[key]}"' for key in ("prefix", "suffix") if key in citation]
    return (
        'id: jcs-casualties\ndate: "2024-12"\ntitle: Officials review the figures\n'
        "summary: Officials said the figures were being reviewed in December.\n"
        "tags: [casualties]\ncitations:\n  - source: alpha\n"
        "    quote: The troops began fighting in early December, according to Seoul’s spy agency.\n"
        + "\n".join(lines)
        + "\n"
    )


def test_nothing_matches_shows_the_closest_sentence(project: MiniProject) -> None:
    run = project.cli_command(
        "cite", "alpha", "Analysts expect the fighting to last for several more months."
    )
    assert run.code == 1
    assert run.out == ""
    assert run.err.splitlines() == [
        "the quote is not in alpha",
        "  closest passage in alpha, line 13: "
        '"Analysts expect the fighting to continue for several more months."',
        "  the quote has 'last' where the source has 'continue'",
    ]


def test_a_paraphrase_shows_the_sentences_sharing_the_most(project: MiniProject) -> None:
    run = project.cli_command(
        "cite", "alpha", "Kyiv said 3,000 soldiers from the North were hurt on 23 December"
    )
    assert run.code == 1
    assert "line 8" in run.err.splitlines()[1]
    assert run.err.splitlines()[2] == "  shared: 3,000, soldiers, North, 23, December"


def test_an_unknown_source_gets_a_did_you_mean(project: MiniProject) -> None:
    run = project.cli_command("cite", "alpah", "anything at all, twenty characters")
    assert (run.code, run.err) == (2, "error: no source 'alpah' in seeds/; did you mean 'alpha'?\n")


def test_a_passage_too_short(project: MiniProject) -> None:
    run = project.cli_command("cite", "alpha", "more troops")
    assert run.code == 2 and "quote at least 20" in run.err


# ---------------------------------------------------------------- --event

COMMENTED = """\
# yaml-language-server: $schema=../.schema/event.schema.json
# Drafted from two articles; keep the wording neutral.
id: jcs-casualties
date: "2024-12-23"   # the Monday before publication
title: South Korea's military estimates about 1,100 North Korean casualties
summary: >-
  South Korea's Joint Chiefs of Staff said about 1,100 North Korean soldiers had been killed or
  wounded in the Kursk region.
tags: [casualties, north-korea]   # flow style stays flow style
citations:
  # the main report
  - source: alpha
    quote: >-
      On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers
      had been killed or wounded in the Kursk region.

# how the date was worked out
date_basis:
  - citation: 1
    phrase: On Monday
"""


def test_event_appends_and_keeps_every_comment_and_line(project: MiniProject) -> None:
    project.event(COMMENTED)
    run = project.cli_command(
        "cite",
        "alpha",
        "Seoul's spy agency said recently that more troops could follow.",
        "--event",
        EVENT_PATH,
    )
    assert run.code == 0, run.err
    assert run.err.splitlines()[-1] == f"added as citation 2 of {EVENT_PATH}"
    after = (project.root / EVENT_PATH).read_text(encoding="utf-8")
    added = "  - source: alpha\n    quote: Seoul’s spy agency said recently that more troops could follow.\n"
    assert after == COMMENTED.replace(
        "      had been killed or wounded in the Kursk region.\n",
        "      had been killed or wounded in the Kursk region.\n" + added,
    )  # right after the last item: the blank line and the comment stay with what follows
    assert [d.code for d in project.validate().diagnostics] == []


def test_event_without_citations_yet(project: MiniProject) -> None:
    project.event(EVENT.split("citations:")[0] + "citations: []  # none yet\n")
    run = project.cli_command(
        "cite",
        "alpha",
        "On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers",
        "--event",
        EVENT_PATH,
    )
    assert run.code == 0, run.err
    after = (project.root / EVENT_PATH).read_text(encoding="utf-8")
    assert after.endswith(
        "citations:  # none yet\n  - source: alpha\n    quote: >-\n"
        "      On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers\n"
    )


def test_event_in_flow_style_is_left_alone(project: MiniProject) -> None:
    text = (
        EVENT.split("citations:")[0]
        + "citations: [{source: beta, quote: "
        + '"North Korea is supplying artillery shells to Russia, the agency said."}]\n'
    )
    project.event(text)
    run = project.cli_command(
        "cite",
        "alpha",
        "Seoul's spy agency said recently that more troops could follow.",
        "--event",
        EVENT_PATH,
    )
    assert run.code == 2
    assert "flow style" in run.err
    assert (project.root / EVENT_PATH).read_text(encoding="utf-8") == text
