"""A claim's as_of is checked like the event's date: a sane year, grounded in the claim's quote or its
source's publication, no more certain than that (or than the event's own date), never after publication."""

from __future__ import annotations

from generator.diagnostics import Severity

from .project import BETA, BETA_META, EVENT_PATH, MiniProject, only, variant, where

AS_OF = '    as_of: "2024-12"'  # line 21 of EVENT; the claim cites alpha, published 26 December 2024


# EVENT with a second citation, of beta (published December 2024), which states no figure
ON_BETA = variant(
    "      had been killed or wounded in the Kursk region.\n",
    "      had been killed or wounded in the Kursk region.\n  - source: beta\n"
    "    quote: North Korea is supplying artillery shells to Russia, the agency said.\n",
)


def as_of(value: str) -> str:
    return variant(AS_OF, f'    as_of: "{value}"')


def test_as_of_within_the_publication_month_is_grounded(project: MiniProject) -> None:
    for value in ("2024-12", "2024", "2024-12-26", "2024-12-23"):  # publication; 'On Monday'
        project.event(as_of(value))
        assert project.validate().diagnostics == (), value


def test_tl152_as_of_after_publication(project: MiniProject) -> None:
    project.event(as_of("2026-01"))
    d = only(project.validate(), "TL152")
    assert where(d) == (EVENT_PATH, 21, 12)
    assert d.message == "claim 1 is as of January 2026, after its source was published (26 December 2024)"
    assert d.hint.endswith('e.g. as_of: "2024-12-26"')


def test_tl154_as_of_nothing_supports(project: MiniProject) -> None:
    project.event(as_of("2024-06"))
    d = only(project.validate(), "TL154")
    assert where(d) == (EVENT_PATH, 21, 12)
    assert d.message == "no quote supports claim 1's as_of June 2024"
    assert d.hint.splitlines()[-1] == (
        "quotes say: published 26 December 2024 → 2024-12-26; 'On Monday' = 23 December 2024 → 2024-12-23"
    )


def test_tl153_as_of_more_precise_than_its_quote(project: MiniProject) -> None:
    text = ON_BETA
    text = variant('    as_of: "2024-12"\n    citation: 1', '    as_of: "2024-12-05"\n    citation: 2', text)
    project.event(text)
    result = project.validate()
    assert [d.code for d in result.diagnostics] == ["TL153", "TL161"]  # two causes: the date, the figure
    d = result.diagnostics[0]
    assert where(d) == (EVENT_PATH, 23, 12)
    assert (
        d.message == "claim 1's as_of 2024-12-05 is more precise than the quotes: they support December 2024"
    )


def test_as_of_out_of_range_is_a_diagnostic_not_a_crash(project: MiniProject) -> None:
    for value in ("9999-12", "0001-01", "1799"):
        project.event(as_of(value))
        d = only(project.validate(), "TL150")
        assert where(d) == (EVENT_PATH, 21, 12)
        assert d.message == f"as_of: the year {value[:4]} is outside the years a timeline may use (1800–2100)"


def test_as_of_certain_through_the_event_s_dated_sources(project: MiniProject) -> None:
    """beta's date is uncertain; the claim on it is as certain as the event, which alpha dates."""
    project.source("beta", BETA, BETA_META.replace('published: "2024-12"', 'published: "2024-12?"'))
    text = ON_BETA
    project.event(variant("    citation: 1\n", "    citation: 2\n", text))
    result = project.validate()
    assert [d.code for d in result.diagnostics] == ["TL161"]  # the figure is not in beta's quote: only that


def test_tl157_as_of_more_certain_than_anything(project: MiniProject) -> None:
    project.source("beta", BETA, BETA_META.replace('published: "2024-12"', 'published: "2024-12?"'))
    event = """\
id: jcs-casualties
date: "2024-12?"
title: The spy agency says troops are fighting alongside Russian units
summary: The agency said the soldiers were fighting alongside Russian units.
tags: [deployment]
citations:
  - source: beta
    quote: >-
      The agency said the soldiers arrived in Kursk in November 2024 and were fighting alongside Russian
      units.
date_basis:
  - citation: 1
    as_of: publication
claims:
  - measure: nk-troops-deployed
    qualifier: at-least
    value: 2024
    claimant: Seoul's spy agency
    as_of: "2024-12"
    citation: 1
"""
    project.event(event)
    result = project.validate()
    d = only(result, "TL157")
    assert d.severity is Severity.WARNING
    assert where(d) == (EVENT_PATH, 19, 12)
    assert d.message.startswith("claim 1's as_of 2024-12 is stated as certain")
    assert d.hint.startswith('write "2024-12?" (uncertain)')


def test_an_estimate_or_an_inference_may_rest_on_the_event_s_other_quotes(project: MiniProject) -> None:
    """beta (December 2024) cannot give the day; alpha's 'On Monday' can, for a claim that reports the
    same estimate or says what its attribution rests on."""
    text = ON_BETA
    text = variant('    as_of: "2024-12"\n    citation: 1', '    as_of: "2024-12-23"\n    citation: 2', text)
    project.event(text)
    assert [d.code for d in project.validate().diagnostics] == ["TL153", "TL161"]
    for extra in ("    estimate: jcs-december\n", "    inference: The statement alpha dates.\n"):
        project.event(text + extra)
        assert [d.code for d in project.validate().diagnostics] == ["TL161"], extra
