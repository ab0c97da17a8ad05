"""TL170–TL173: claims name a known measure, keep their figures in order, name a claimant and a citation."""

from __future__ import annotations

from .project import EVENT, EVENT_PATH, MiniProject, codes, only, variant, where

RANGE_QUOTE = "Estimates of the losses ranged from 1,100 to 3,000, with most near 2,000."
TWO = variant(
    "      had been killed or wounded in the Kursk region.\n",
    f"      had been killed or wounded in the Kursk region.\n  - source: alpha\n    quote: {RANGE_QUOTE}\n",
)


def claim_on_second(figures: str) -> str:
    """TWO with the claim's figures replaced (lines 19–) and pointing at citation 2."""
    text = variant("    qualifier: about\n    value: 1100\n", figures, TWO)
    return variant('    as_of: "2024-12"\n    citation: 1\n', '    as_of: "2024-12"\n    citation: 2\n', text)


def test_range_claim_is_valid(project: MiniProject) -> None:
    project.event(claim_on_second("    qualifier: range\n    value: 2000\n    min: 1100\n    max: 3000\n"))
    result = project.validate()
    assert result.diagnostics == ()
    [claim] = result.timeline.events[0].claims
    assert (claim.qualifier, claim.value, claim.min, claim.max, claim.citation) == (
        "range",
        2000,
        1100,
        3000,
        1,
    )


def test_tl170_unknown_measure(project: MiniProject) -> None:
    project.event(variant("measure: nk-casualties", "measure: nk-casualty"))
    d = only(project.validate(), "TL170")
    assert where(d) == (EVENT_PATH, 17, 14)
    assert d.message == "unknown measure 'nk-casualty'"
    assert d.hint == "did you mean 'nk-casualties'?"


def test_tl170_without_a_close_match(project: MiniProject) -> None:
    project.event(variant("measure: nk-casualties", "measure: rainfall"))
    d = only(project.validate(), "TL170")
    assert "events/_vocabulary.yaml" in d.hint


def test_tl171_min_greater_than_max(project: MiniProject) -> None:
    project.event(claim_on_second("    qualifier: range\n    min: 3000\n    max: 1100\n"))
    d = only(project.validate(), "TL171")
    assert where(d) == (EVENT_PATH, 21, 10)
    assert d.message == "min 3000 is greater than max 1100"


def test_tl171_value_outside_min_max(project: MiniProject) -> None:
    project.event(claim_on_second("    qualifier: range\n    value: 3000\n    min: 1100\n    max: 2000\n"))
    d = only(project.validate(), "TL171")
    assert where(d) == (EVENT_PATH, 21, 12)
    assert d.message == "value 3000 lies outside min/max"
    assert d.hint == "min ≤ value ≤ max"


def test_tl171_value_below_min(project: MiniProject) -> None:
    project.event(claim_on_second("    qualifier: at-least\n    value: 1100\n    min: 2000\n"))
    assert only(project.validate(), "TL171").message == "value 1100 lies outside min/max"


def test_tl172_blank_claimant(project: MiniProject) -> None:
    for blank in ('""', '"   "'):
        project.event(variant("claimant: South Korea's Joint Chiefs of Staff", f"claimant: {blank}"))
        d = only(project.validate(), "TL172")
        assert where(d) == (EVENT_PATH, 20, 15)
        assert d.message == "the claim has no claimant"


def test_tl173_citation_out_of_range(project: MiniProject) -> None:
    project.event(variant("    citation: 1\n", "    citation: 3\n"))
    d = only(project.validate(), "TL173")
    assert where(d) == (EVENT_PATH, 22, 15)
    assert d.message == "there is no citation 3; this event has 1"
    assert "numbered from 1" in d.hint


def test_a_broken_claim_does_not_hide_another(project: MiniProject) -> None:
    second = (
        "  - measure: nk-troops\n    qualifier: about\n    value: 1100\n"
        '    claimant: Seoul\n    as_of: "2024-12"\n    citation: 1\n'
    )
    project.event(variant("measure: nk-casualties", "measure: nk-casualty") + second)
    result = project.validate()
    assert codes(result) == ["TL170", "TL170"]
    assert [d.line for d in result.diagnostics] == [17, 23]
    assert result.diagnostics[1].hint == "did you mean 'nk-troops-deployed'?"


ESTIMATE = "    citation: 1\n    estimate: jcs-1100\n"


def test_estimate_and_inference_reach_the_model(project: MiniProject) -> None:
    project.event(variant("    citation: 1\n", ESTIMATE + "    inference: the quote names the JCS\n"))
    result = project.validate()
    assert result.diagnostics == ()
    [claim] = result.timeline.events[0].claims
    assert (claim.estimate, claim.inference) == ("jcs-1100", "the quote names the JCS")


def test_claims_of_one_estimate_across_events_agree(project: MiniProject) -> None:
    project.event(variant("    citation: 1\n", ESTIMATE))
    second = variant("id: jcs-casualties", "id: jcs-later", variant("    citation: 1\n", ESTIMATE))
    project.event(second, name="jcs-later")
    assert project.validate().diagnostics == ()


def test_tl174_one_estimate_with_two_claimants(project: MiniProject) -> None:
    project.event(variant("    citation: 1\n", ESTIMATE))
    second = variant("id: jcs-casualties", "id: jcs-later", variant("    citation: 1\n", ESTIMATE))
    second = variant("claimant: South Korea's Joint Chiefs of Staff", "claimant: Seoul's spy agency", second)
    project.event(second, name="jcs-later")
    d = only(project.validate(), "TL174")
    assert where(d) == ("events/jcs-later.yaml", 23, 15)
    assert d.message == (
        "estimate 'jcs-1100' has claimant 'Seoul's spy agency' here but "
        "'South Korea's Joint Chiefs of Staff' at events/jcs-casualties.yaml:23"
    )


def test_problem_kind_other_is_gone(project: MiniProject) -> None:
    text = EVENT + "problems:\n  - kind: other\n    citation: 1\n    text: about 1,100\n    note: n\n"
    project.event(text)
    assert codes(project.validate()) == ["TL113"]
