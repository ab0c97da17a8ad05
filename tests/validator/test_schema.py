"""TL110–TL113: the input schema, with did-you-mean for unknown fields and every problem in one run."""

from __future__ import annotations

import pytest

from .project import BETA, EVENT_PATH, VOCABULARY, MiniProject, codes, one, only, sha256, variant, where

SUMMARY = (
    "summary: >-\n  South Korea's Joint Chiefs of Staff said about 1,100 North Korean soldiers had been "
    "killed or\n  wounded in the Kursk region.\n"
)
QUOTE = (
    "    quote: >-\n      On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean "
    "soldiers\n      had been killed or wounded in the Kursk region.\n"
)


# ---------------------------------------------------------------- TL110 unknown field


def test_tl110_unknown_field_did_you_mean(project: MiniProject) -> None:
    project.event(variant("claims:\n", "claim: one\nclaims:\n"))
    d = only(project.validate(), "TL110")
    assert where(d) == (EVENT_PATH, 16, 1)
    assert d.message == "unknown field 'claim'"
    assert d.hint == "did you mean 'claims'?"


def test_tl110_unknown_field_in_a_citation(project: MiniProject) -> None:
    project.event(variant("  - source: alpha\n", "  - source: alpha\n    nte: a remark\n"))
    d = only(project.validate(), "TL110")
    assert where(d) == (EVENT_PATH, 10, 5)
    assert d.hint == "did you mean 'note'?"


def test_tl110_without_a_close_match_lists_allowed_fields(project: MiniProject) -> None:
    project.event(variant("claims:\n", "zzz: 1\nclaims:\n"))
    d = only(project.validate(), "TL110")
    assert "allowed here: id, date, title" in d.hint


def test_tl110_does_not_hide_the_rest_of_the_file(project: MiniProject) -> None:
    """An unknown field, an unknown tag and a misquoted word: all three in the same run."""
    text = variant("claims:\n", "claim: one\nclaims:\n")
    text = variant("tags: [casualties, north-korea]", "tags: [casualty, north-korea]", text)
    text = variant("Staff said that about", "Staff said that roughly", text)
    project.event(text)
    result = project.validate()
    assert where(one(result, "TL110")) == (EVENT_PATH, 16, 1)
    assert where(one(result, "TL180")) == (EVENT_PATH, 7, 8)
    d = one(result, "TL140")
    assert where(d) == (EVENT_PATH, 10, 12)
    assert d.hint.splitlines() == [
        'closest passage in alpha, line 4: "On Monday, South Korea’s Joint Chiefs of Staff said that about '
        '1,100 North Korean soldiers had been killed or wounded in the Kursk region."',
        "the quote has 'roughly' where the source has 'about'",
        "not checked until this is fixed: the event's date, claim 1's as_of",
    ]


def test_tl110_typo_of_a_required_field_reports_both(project: MiniProject) -> None:
    project.event(variant("title: South", "titel: South"))
    result = project.validate()
    assert codes(result) == ["TL112", "TL110"]
    missing, unknown = result.diagnostics
    assert where(unknown) == (EVENT_PATH, 3, 1)
    assert unknown.hint == "did you mean 'title'?"
    assert "'title'" in missing.message


def test_tl110_in_the_vocabulary_did_you_mean(project: MiniProject) -> None:
    project.write(
        "events/_vocabulary.yaml",
        variant("    unit: soldiers\n  nk-troops", "    units: soldiers\n  nk-troops", VOCABULARY),
    )
    result = project.validate()
    assert codes(result) == ["TL112", "TL110"]  # 'unit' missing, 'units' unknown
    d = one(result, "TL110")
    assert where(d) == ("events/_vocabulary.yaml", 11, 5)
    assert d.hint == "did you mean 'unit'?"


# ---------------------------------------------------------------- TL111 wrong type


MAPPING = "a mapping (field: value lines)"


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "message", "hint"),
    [
        (
            "tags: [casualties, north-korea]",
            "tags: casualties",
            7,
            7,
            "tags must be a list",
            "write a list: tags: [casualties]",
        ),
        (
            "    value: 1100",
            '    value: "1,100"',
            19,
            12,
            "claims[0].value must be a number",
            "write the number without quotes or commas: value: 1100",
        ),
        (
            "    citation: 1\n",
            "    citation: one\n",
            22,
            15,
            "claims[0].citation must be a whole number",
            "e.g. citation: 1",
        ),
        (
            'date: "2024-12-23"',
            "date: 2024",
            2,
            7,
            "date must be text",
            'put the date in quotes: date: "2024"',
        ),
        (
            "  - source: alpha",
            "  - source: [alpha]",
            9,
            13,
            "citations[0].source must be text",
            "e.g. source: <a source id: its file name in seeds/ without .txt>",
        ),
        (
            "  - citation: 1\n    phrase: On Monday\n",
            "  - On Monday\n",
            14,
            5,
            f"date_basis[0] must be {MAPPING}",
            "see docs/contributing/event-format.md for what goes here",
        ),
    ],
)
def test_tl111_wrong_type(
    project: MiniProject, old: str, new: str, line: int, col: int, message: str, hint: str
) -> None:
    project.event(variant(old, new))
    d = only(project.validate(), "TL111")
    assert where(d) == (EVENT_PATH, line, col)
    assert (d.message, d.hint) == (message, f"{hint}\nnot checked until this is fixed: the rest of the file")


# ---------------------------------------------------------------- TL112 missing field


def test_tl112_missing_top_level_field(project: MiniProject) -> None:
    project.event(variant(SUMMARY, ""))
    d = only(project.validate(), "TL112")
    assert where(d) == (EVENT_PATH, 1, 1)
    assert d.message == "missing required field 'summary' in the file"
    assert d.hint == (
        "add it, e.g. summary: <two or three sentences, each attributed: who said it>\n"
        "not checked until this is fixed: the rest of the file"
    )


def test_tl112_missing_field_in_a_citation(project: MiniProject) -> None:
    project.event(variant(QUOTE, ""))
    d = only(project.validate(), "TL112")
    assert where(d) == (EVENT_PATH, 9, 5)  # the citation's mapping
    assert d.message == "missing required field 'quote' in citations[0]"


def test_tl112_in_source_metadata(project: MiniProject) -> None:
    meta = (project.seeds / "beta.yaml").read_text(encoding="utf-8")
    project.write(
        "seeds/beta.yaml",
        variant("published_basis: undated; the month is inferred from the text\n", "", meta),
    )
    d = only(project.validate(), "TL112")
    assert where(d) == ("seeds/beta.yaml", 1, 1)
    assert "'published_basis'" in d.message


# ---------------------------------------------------------------- TL113 invalid value


def test_tl113_qualifier_literal(project: MiniProject) -> None:
    project.event(variant("qualifier: about", "qualifier: roughly"))
    d = only(project.validate(), "TL113")
    assert where(d) == (EVENT_PATH, 18, 16)
    assert d.message == "claims[0].qualifier must be one of: exact, about, at-least, at-most, range"
    assert d.hint == "e.g. qualifier: exact\nnot checked until this is fixed: the rest of the file"
    project.event(variant("qualifier: about", "qualifier: abuot"))
    assert only(project.validate(), "TL113").hint.startswith("did you mean 'about'?")


def test_tl113_range_without_min_and_max(project: MiniProject) -> None:
    project.event(variant("qualifier: about", "qualifier: range"))
    d = only(project.validate(), "TL113")
    assert where(d) == (EVENT_PATH, 18, 16)
    assert "needs both `min` and `max`" in d.message


def test_tl113_range_with_only_min(project: MiniProject) -> None:
    project.event(variant("qualifier: about\n    value: 1100", "qualifier: range\n    min: 1100"))
    d = only(project.validate(), "TL113")
    assert "needs both `min` and `max`" in d.message


def test_tl113_about_without_value(project: MiniProject) -> None:
    project.event(variant("    value: 1100\n", ""))
    d = only(project.validate(), "TL113")
    assert where(d) == (EVENT_PATH, 18, 16)
    assert "'about' claim needs a `value`" in d.message


def test_tl113_citation_number_zero(project: MiniProject) -> None:
    project.event(variant("    citation: 1\n", "    citation: 0\n"))
    d = only(project.validate(), "TL113")
    assert where(d) == (EVENT_PATH, 22, 15)
    assert d.message == "claims[0].citation must be 1 or more"
    assert d.hint.startswith("citations are numbered from 1: citation: 1")


def test_tl113_empty_tag_list(project: MiniProject) -> None:
    project.event(variant("tags: [casualties, north-korea]", "tags: []"))
    d = only(project.validate(), "TL113")
    assert where(d) == (EVENT_PATH, 7, 7)
    assert d.message == "tags needs at least one entry"
    assert d.hint.startswith("e.g. tags: [<a tag of events/_vocabulary.yaml>]\n")


def test_tl113_date_basis_needs_phrase_or_as_of(project: MiniProject) -> None:
    project.event(variant("    phrase: On Monday\n", "    phrase: On Monday\n    as_of: publication\n"))
    d = only(project.validate(), "TL113")  # nothing else dates the day: the date is not checked
    assert where(d) == (EVENT_PATH, 14, 5)
    assert "either `phrase` or `as_of: publication`" in d.message
    assert d.hint.splitlines()[-1] == "not checked until this is fixed: the event's date"


def test_a_malformed_source_sha256_gives_the_hash_to_write(project: MiniProject) -> None:
    meta = (project.seeds / "beta.yaml").read_text(encoding="utf-8")
    project.write("seeds/beta.yaml", meta.replace("sha256: ", "sha256: x"))
    d = only(project.validate(), "TL131")
    assert where(d) == ("seeds/beta.yaml", 6, 9)
    assert d.hint.endswith(f"(then write sha256: {sha256(BETA)})")


def test_an_invalid_vocabulary_key_is_reported_at_the_key(project: MiniProject) -> None:
    project.write("events/_vocabulary.yaml", VOCABULARY.replace("  deployment:", "  Deploy Ment:"))
    d = only(project.validate(), "TL113")
    assert where(d) == ("events/_vocabulary.yaml", 4, 3)
    assert d.message == "the key 'Deploy Ment' in tags must be lowercase letters, digits and single hyphens"
    assert d.hint.startswith("e.g. deploy-ment")


def test_no_hint_repeats_the_library_s_words(project: MiniProject) -> None:
    broken = variant("    value: 1100", '    value: "1100"')
    broken = variant("qualifier: about", "qualifier: roughly", broken)
    broken = variant("    citation: 1\n", "    citation: 0\n", broken)
    broken = variant('date: "2024-12-23"', "date: 2024", broken)
    project.event(broken)
    for d in project.validate().diagnostics:
        for library_words in ("Input should", "String should", "List should", "valid string", "validation"):
            assert library_words not in d.message + d.hint, d
