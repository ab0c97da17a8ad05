"""TL152–TL156: a date is no more precise than its sources, and never after them."""

from __future__ import annotations

from generator import dates
from generator.dates import Single
from generator.diagnostics import Severity

from .project import BETA, BETA_META, EVENT, EVENT_PATH, MiniProject, codes, only, plain, variant, where

WRONG_YEAR = "The JCS confirmed on December 18, 2023, that at least 100 North Korean soldiers had died."
RECORDED = """\
problems:
  - kind: wrong-date
    citation: 2
    text: December 18, 2023
    correction: "2024-12-18"
    note: The article is dated 26 December 2024; 2023 cannot be right.
"""
SUPPLYING = "North Korea is supplying artillery shells and drones to Russia, officials said."
AS_OF = "date_basis:\n  - citation: 2\n    as_of: publication\n"


def phrase(text: str) -> str:
    return f"date_basis:\n  - citation: 2\n    phrase: {text}\n"


# ---------------------------------------------------------------- TL152 after publication


def test_tl152_dated_after_publication(project: MiniProject) -> None:
    project.event(plain("2025-01", quote="The defense pact is expected to take effect in January 2025."))
    d = only(project.validate(), "TL152")
    assert where(d) == (EVENT_PATH, 2, 7)
    assert d.message == (
        "the event is dated January 2025, after its latest source was published (by 2024-12-26)"
    )


def test_tl152_hint_names_the_future_tense_wording(project: MiniProject) -> None:
    project.event(plain("2025-01", quote="The defense pact is expected to take effect in January 2025."))
    d = only(project.validate(), "TL152")
    assert d.hint == (
        "an article cannot report what happened after it: 'is expected to' … 'January 2025' is a plan or "
        "a forecast, not an event"
    )


def test_tl159_a_period_that_ends_in_a_plan(project: MiniProject) -> None:
    """Not after publication (the period starts before it), but its end rests on a forecast."""
    project.event(
        plain("2024-12/2025-01", quote="The defense pact is expected to take effect in January 2025.")
    )
    result = project.validate()
    d = only(result, "TL159")
    assert d.severity is Severity.WARNING and result.ok
    assert where(d) == (EVENT_PATH, 2, 7)
    assert d.message == "2025-01 rests only on future-tense wording: 'is expected to' … 'January 2025'"
    assert "a plan or a forecast is not a date something happened" in d.hint


# ---------------------------------------------------------------- TL153 / TL154 grounding


def test_tl153_day_when_the_quotes_give_only_the_month(project: MiniProject) -> None:
    project.event(plain("2024-12-05"))
    d = only(project.validate(), "TL153")
    assert where(d) == (EVENT_PATH, 2, 7)
    assert d.message == "2024-12-05 is more precise than the quotes: they support December 2024"
    assert d.hint.startswith('write "2024-12"')
    assert "December → 2024-12" in d.hint


def test_tl154_date_no_quote_supports(project: MiniProject) -> None:
    project.event(plain("2024-06"))
    d = only(project.validate(), "TL154")
    assert where(d) == (EVENT_PATH, 2, 7)
    assert d.message == "no quote supports June 2024"
    assert "quotes say: December → 2024-12" in d.hint


def test_tl154_each_end_of_a_period_needs_support(project: MiniProject) -> None:
    project.event(plain("2024-11/2024-12"))
    d = only(project.validate(), "TL154")
    assert d.message == "no quote supports November 2024"


def test_coarser_and_qualified_dates_are_supported(project: MiniProject) -> None:
    for value in ("2024", "2024-12~", "2024-12?", "2024-12/.."):
        project.event(plain(value))
        assert project.validate().diagnostics == (), value


# ---------------------------------------------------------------- date_basis


def test_on_monday_resolves_against_a_day_precise_publication(project: MiniProject) -> None:
    project.event(EVENT)  # alpha was published on Thursday 26 December 2024
    [event] = project.validate().timeline.events
    [basis] = event.date_basis
    assert (basis.citation, basis.phrase, basis.resolved) == (0, "On Monday", Single(2024, 12, 23))


def test_on_monday_supports_only_that_monday(project: MiniProject) -> None:
    project.event(variant('date: "2024-12-23"', 'date: "2024-12-24"'))
    d = only(project.validate(), "TL154")
    assert d.message == "no quote supports 24 December 2024"
    assert "'On Monday' = 23 December 2024" in d.hint


def test_as_of_publication(project: MiniProject) -> None:
    project.event(plain("2024-12-26", quote=SUPPLYING, extra=AS_OF))
    result = project.validate()
    assert result.diagnostics == ()
    [basis] = result.timeline.events[0].date_basis
    assert (basis.citation, basis.phrase, basis.resolved) == (1, None, Single(2024, 12, 26))


def test_as_of_a_month_precise_publication_supports_only_the_month(project: MiniProject) -> None:
    quote = "North Korea is supplying artillery shells to Russia, the agency said."
    project.event(plain("2024-12-26", source="beta", quote=quote, extra=AS_OF))
    d = only(project.validate(), "TL153")
    assert d.message == "2024-12-26 is more precise than the quotes: they support December 2024"


# ---------------------------------------------------------------- TL155 wrong year


def test_tl155_wrong_year_is_a_warning(project: MiniProject) -> None:
    project.event(plain(quote=WRONG_YEAR))
    result = project.validate()
    d = only(result, "TL155")
    assert d.severity is Severity.WARNING
    assert result.ok
    assert where(d) == (EVENT_PATH, 10, 12)
    assert d.message == (
        "citation 2 says 'December 18, 2023', but its source was published 26 December 2024: "
        "the year is likely 2024"
    )
    assert d.hint == (
        "record it under problems:\n"
        "problems:\n"
        "  - kind: wrong-date\n"
        "    citation: 2\n"
        '    text: "December 18, 2023"\n'
        '    correction: "2024-12-18"\n'
        "    note: The article is dated 26 December 2024; 2023 cannot be right."
    )


def test_tl155_is_silenced_by_a_recorded_wrong_date(project: MiniProject) -> None:
    project.event(plain(quote=WRONG_YEAR, extra=RECORDED))
    result = project.validate()
    assert result.diagnostics == ()
    [problem] = result.timeline.events[0].problems
    assert (problem.kind, problem.citation, problem.correction) == ("wrong-date", 1, "2024-12-18")


def test_tl155_is_silenced_without_a_correction_too(project: MiniProject) -> None:
    project.event(plain(quote=WRONG_YEAR, extra=variant('    correction: "2024-12-18"\n', "", RECORDED)))
    assert project.validate().diagnostics == ()


def test_tl155_is_not_silenced_by_another_kind_of_problem(project: MiniProject) -> None:
    project.event(plain(quote=WRONG_YEAR, extra=variant("kind: wrong-date", "kind: disagreement", RECORDED)))
    assert only(project.validate(), "TL155")


def test_a_recorded_correction_dates_the_event(project: MiniProject) -> None:
    project.event(plain("2024-12-18", quote=WRONG_YEAR, extra=RECORDED))
    assert project.validate().diagnostics == ()
    # without the correction the quote says 2023, so 18 December 2024 is unsupported
    project.event(plain("2024-12-18", quote=WRONG_YEAR))
    assert codes(project.validate()) == ["TL153", "TL155"]


def test_tl150_correction_that_is_not_a_date(project: MiniProject) -> None:
    project.event(plain(quote=WRONG_YEAR, extra=variant('"2024-12-18"', "the 18th", RECORDED)))
    d = only(project.validate(), "TL150")  # recorded all the same: no TL155, no TL153
    assert where(d) == (EVENT_PATH, 15, 17)
    assert d.message.startswith("correction: 'the 18th' is not a date of the form YYYY")


def test_tl155_not_for_an_old_date_far_from_publication(project: MiniProject) -> None:
    war = "Russia’s full-scale invasion began on February 24, 2022, officials recalled."
    project.source("gamma", war + "\n", BETA_META.replace('"2024-12"', '"2024-12-26"'))
    project.event(plain("2022-02-24", source="gamma", quote=war))
    assert project.validate().diagnostics == ()


# ---------------------------------------------------------------- TL156 relative phrases


def test_tl156_phrase_not_in_the_quote(project: MiniProject) -> None:
    project.event(plain(extra=phrase("On Tuesday")))
    d = only(project.validate(), "TL156")
    assert where(d) == (EVENT_PATH, 13, 13)
    assert d.message == "'On Tuesday' is not in the quote of citation 2"


def test_tl156_phrase_not_understood(project: MiniProject) -> None:
    project.event(
        plain(
            quote="Seoul’s spy agency said recently that more troops could follow.", extra=phrase("recently")
        )
    )
    d = only(project.validate(), "TL156")
    assert where(d) == (EVENT_PATH, 13, 13)
    assert d.message == "'recently' is not a relative date phrase the validator understands"
    assert "understood: on Monday … on Sunday" in d.hint


def test_tl156_weekday_needs_a_day_precise_publication(project: MiniProject) -> None:
    quote = "Seoul’s spy agency said on Monday that North Korea had sent more troops to Russia this month."
    project.event(plain(source="beta", quote=quote, extra=phrase("on Monday")))
    d = only(project.validate(), "TL156")
    assert where(d) == (EVENT_PATH, 13, 13)
    assert (
        d.message
        == "'on Monday' needs the day of publication, but the source's date is only known as 2024-12"
    )
    # the month is enough for a month phrase
    project.event(plain(source="beta", quote=quote, extra=phrase("this month")))
    assert project.validate().diagnostics == ()


def test_tl156_as_of_publication_without_a_publication_date(project: MiniProject) -> None:
    project.source("gamma", SUPPLYING + "\n", BETA_META.replace('"2024-12"', "null"))
    project.event(plain(source="gamma", quote=SUPPLYING, extra=AS_OF))
    d = only(project.validate(), "TL156")
    assert where(d) == (EVENT_PATH, 12, 5)
    assert d.message == "gamma has no known publication date"


def test_tl173_date_basis_citation_out_of_range(project: MiniProject) -> None:
    project.event(plain(extra=phrase("On Monday").replace("citation: 2", "citation: 3")))
    d = only(project.validate(), "TL173")
    assert where(d) == (EVENT_PATH, 12, 15)
    assert d.message == "there is no citation 3; this event has 2"


# ---------------------------------------------------------------- TL157 certainty

THIS_MONTH = """\
id: jcs-casualties
date: "2024-12"
title: Seoul's spy agency says more North Korean troops were sent
summary: Seoul's spy agency said North Korea sent more troops to Russia.
tags: [deployment]
citations:
  - source: beta
    quote: Seoul’s spy agency said on Monday that North Korea had sent more troops to Russia this month.
date_basis:
  - citation: 1
    phrase: this month
"""


def uncertain_beta(project: MiniProject) -> None:
    project.source("beta", BETA, BETA_META.replace('published: "2024-12"', 'published: "2024-12?"'))


def test_tl157_certain_date_from_an_uncertain_publication(project: MiniProject) -> None:
    uncertain_beta(project)
    project.event(THIS_MONTH)
    result = project.validate()
    d = only(result, "TL157")
    assert d.severity is Severity.WARNING and result.ok
    assert where(d) == (EVENT_PATH, 2, 7)
    assert d.message == (
        "2024-12 is stated as certain, but the quotes support it only through an uncertain publication "
        "date ('this month' = December 2024?)"
    )
    assert d.hint.startswith('write "2024-12?"')


def test_uncertain_date_from_an_uncertain_publication(project: MiniProject) -> None:
    uncertain_beta(project)
    project.event(variant('date: "2024-12"', 'date: "2024-12?"', THIS_MONTH))
    result = project.validate()
    assert result.diagnostics == ()
    assert result.timeline.events[0].date == Single(2024, 12, uncertain=True)


def test_certain_publication_needs_no_question_mark(project: MiniProject) -> None:
    project.event(THIS_MONTH)  # beta's own metadata: "2024-12", certain
    assert project.validate().diagnostics == ()


def test_tl157_hint_is_valid_edtf(project: MiniProject) -> None:
    """Following the hint must give a date the validator accepts: approximate and uncertain is '%'."""
    uncertain_beta(project)
    project.event(variant('date: "2024-12"', 'date: "2024-12~"', THIS_MONTH))
    d = only(project.validate(), "TL157")
    suggested = d.hint.split('"')[1]
    assert dates.parse(suggested) == Single(2024, 12, approximate=True, uncertain=True)
    project.event(variant('date: "2024-12"', f'date: "{suggested}"', THIS_MONTH))
    assert project.validate().diagnostics == ()


# ---------------------------------------------------------------- hints that give the YAML to write


def test_tl154_hint_gives_the_date_basis_entry_for_a_phrase_in_the_quote(project: MiniProject) -> None:
    project.event(variant("date_basis:\n  - citation: 1\n    phrase: On Monday\n", ""))
    d = only(project.validate(), "TL154")
    assert d.message == "no quote supports 23 December 2024"
    assert d.hint == (
        "record the phrase that dates it:\n"
        "date_basis:\n"
        "  - citation: 1\n"
        '    phrase: "On Monday"\n'
        "quotes say: no dates"
    )
    project.event(
        variant(
            "date_basis:\n  - citation: 1\n    phrase: On Monday\n",
            'date_basis:\n  - citation: 1\n    phrase: "On Monday"\n',
        )
    )
    assert project.validate().diagnostics == ()


# ---------------------------------------------------------------- a month without a year, in news text

COUNCIL = """\
Council to raise local taxes by the end of April
The Riverside council voted on Thursday to raise local taxes by 4 per cent.
The increase will take effect by the end of April, the council’s finance chief said.
The last increase, of 2 per cent, came in April 2023, and the one before in December.
"""
COUNCIL_META = """\
title: Council to raise local taxes
publisher: The Riverside Ledger
url: null
published: "2025-03-14"
published_basis: the page's JSON-LD
sha256: {sha256}
"""
FUTURE = "The increase will take effect by the end of April, the council’s finance chief said."
PAST = "The last increase, of 2 per cent, came in April 2023, and the one before in December."


def council(date: str, quote: str) -> str:
    return (
        f'id: jcs-casualties\ndate: "{date}"\ntitle: The council raises taxes\n'
        "summary: The council said so.\n"
        f"tags: [deployment]\ncitations:\n  - source: council\n    quote: {quote}\n"
    )


def test_a_month_in_future_tense_wording_is_the_coming_one(project: MiniProject) -> None:
    """'by the end of April' in an article of 14 March 2025 is April 2025, not April 2024."""
    project.source("council", COUNCIL, COUNCIL_META)
    project.event(council("2024-04", FUTURE))
    d = only(project.validate(), "TL154")
    assert d.message == "no quote supports April 2024"
    assert d.hint.splitlines()[-1] == "quotes say: April → 2025-04 (future-tense: 'will')"
    project.event(council("2025-04", FUTURE))
    d = only(project.validate(), "TL152")
    assert d.hint.endswith("'will' … 'April' is a plan or a forecast, not an event")


def test_a_month_in_a_past_report_is_the_last_one(project: MiniProject) -> None:
    project.source("council", COUNCIL, COUNCIL_META)
    project.event(council("2024-12", PAST))
    assert project.validate().diagnostics == ()
    project.event(council("2025-12", PAST))
    assert only(project.validate(), "TL152")


def test_a_recorded_phrase_in_future_tense_wording_is_a_plan(project: MiniProject) -> None:
    project.source("council", COUNCIL, COUNCIL_META)
    basis = "date_basis:\n  - citation: 1\n    phrase: by the end of April\n"
    project.event(council("2024-04", FUTURE) + basis)  # the past rule would have made this April 2024
    d = only(project.validate(), "TL154")
    assert "'by the end of April' = April 2025 → 2025-04 (future-tense: 'will')" in d.hint
    project.event(council("2025-04", FUTURE) + basis)
    assert only(project.validate(), "TL152")
