"""TL100–TL107: what YAML could do behind a reader's back is refused, at file:line:col."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.loading import MAX_BYTES
from generator.validate import Result

from .project import EVENT, EVENT_PATH, MiniProject, codes, one, only, variant, where

TITLE = "title: South Korea's military estimates about 1,100 North Korean casualties"


# ---------------------------------------------------------------- TL100 syntax


def test_tl100_unquoted_colon_in_a_value(project: MiniProject) -> None:
    project.event(variant(TITLE, "title: Seoul says: 1,100 casualties"))
    d = only(project.validate(), "TL100")
    assert where(d) == (EVENT_PATH, 3, 18)  # the second ':'
    assert "mapping values are not allowed" in d.message
    assert "must be quoted" in d.hint


def test_tl100_unclosed_flow_sequence(project: MiniProject) -> None:
    project.event(variant("tags: [casualties, north-korea]", "tags: [casualties, north-korea"))
    d = only(project.validate(), "TL100")
    assert where(d) == (EVENT_PATH, 8, 10)
    assert "flow sequence" in d.message


def test_tl100_unterminated_quote_points_at_end_of_stream(project: MiniProject) -> None:
    project.event('id: jcs-casualties\ntitle: "unterminated\n')
    d = only(project.validate(), "TL100")
    assert where(d) == (EVENT_PATH, 3, 1)
    assert "end of stream" in d.message


def test_tl100_second_document(project: MiniProject) -> None:
    project.event(EVENT + "---\nid: another\n")
    d = only(project.validate(), "TL100")
    assert where(d) == (EVENT_PATH, 23, 1)
    assert "one event per file" in d.hint


def test_tl100_tab_indentation_hint_mentions_tabs(project: MiniProject) -> None:
    project.event(variant("tags: [casualties, north-korea]", "tags:\n\t- casualties"))
    d = only(project.validate(), "TL100")
    assert where(d) == (EVENT_PATH, 8, 1)
    assert d.hint == "indent with spaces, not tabs"


# ---------------------------------------------------------------- TL101 empty


@pytest.mark.parametrize("text", ["", "\n\n  \n", "# only a comment\n\n   # and another\n"])
def test_tl101_empty_or_comment_only(project: MiniProject, text: str) -> None:
    project.event(text)
    d = only(project.validate(), "TL101")
    assert where(d) == (EVENT_PATH, 1, 1)
    assert "empty" in d.message


# ---------------------------------------------------------------- TL102 encoding


def test_tl102_points_at_the_bad_byte(project: MiniProject) -> None:
    # Line 3: two 2-byte characters (é) before the Latin-1 byte: the column counts characters.
    text = EVENT.encode("utf-8").replace(b"title: South", b"title: \xc3\xa9\xc3\xa9 caf\xe9 South")
    project.event(text)  # type: ignore[arg-type]
    d = only(project.validate(), "TL102")
    assert where(d) == (EVENT_PATH, 3, 14)
    assert "0xe9" in d.message
    assert "UTF-8" in d.hint


# ---------------------------------------------------------------- TL103 duplicate keys


def test_tl103_duplicate_top_level_key(project: MiniProject) -> None:
    project.event(variant(TITLE, TITLE + "\ntitle: Another title"))
    d = only(project.validate(), "TL103")
    assert where(d) == (EVENT_PATH, 4, 1)
    assert "'title'" in d.message and "first at line 3" in d.message


def test_tl103_duplicate_key_in_a_list_item(project: MiniProject) -> None:
    project.event(variant("    phrase: On Monday\n", "    phrase: On Monday\n    citation: 1\n"))
    d = only(project.validate(), "TL103")
    assert where(d) == (EVENT_PATH, 16, 5)
    assert "'citation'" in d.message and "first at line 14" in d.message


# ---------------------------------------------------------------- TL104 anchors and aliases


def aliases_and_anchors(result: Result) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in result.diagnostics if d.code == "TL104"]


def test_tl104_scalar_alias(project: MiniProject) -> None:
    summary = (
        "summary: >-\n  South Korea's Joint Chiefs of Staff said about 1,100 North Korean soldiers had been "
        "killed or\n  wounded in the Kursk region."
    )
    project.event(variant(summary, "summary: *t", variant(TITLE, TITLE.replace("title: ", "title: &t "))))
    result = project.validate()
    assert aliases_and_anchors(result) == [
        (3, 8, "the anchor &t names a value to repeat elsewhere"),
        (4, 10, "the alias *t repeats a value anchored elsewhere"),
    ]
    assert all("aliases are not allowed" in d.hint for d in result.diagnostics if d.code == "TL104")
    assert not result.ok


def test_tl104_alias_as_a_mapping_value(project: MiniProject) -> None:
    project.event(variant("tags: [casualties, north-korea]", "tags: *t", variant(TITLE, "title: &t [x]")))
    assert [place[:2] for place in aliases_and_anchors(project.validate())] == [(3, 8), (7, 7)]


def test_tl104_alias_in_a_list(project: MiniProject) -> None:
    project.event(
        variant("tags: [casualties, north-korea]", "tags: [casualties, *t]", variant(TITLE, "title: &t x"))
    )
    assert [place[:2] for place in aliases_and_anchors(project.validate())] == [(3, 8), (7, 20)]


def test_tl104_unused_anchor(project: MiniProject) -> None:
    project.event(variant(TITLE, TITLE.replace("title: ", "title: &t ")))
    d = only(project.validate(), "TL104")
    assert where(d) == (EVENT_PATH, 3, 8)
    assert "&t" in d.message


def test_tl104_merge_key(project: MiniProject) -> None:
    project.event(variant("  - measure: nk-casualties\n", "  - <<: {measure: nk-casualties}\n"))
    result = project.validate()
    assert codes(result) == ["TL104", "TL112"]  # the merged field is then missing
    d = one(result, "TL104")
    assert where(d) == (EVENT_PATH, 17, 5)
    assert "merge keys" in d.message


def test_tl104_billion_laughs_is_refused_not_expanded(project: MiniProject) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    project.event("\n".join(lines) + "\n")  # 9**10 strings if expanded
    start = time.perf_counter()
    result = project.validate()
    assert time.perf_counter() - start < 2
    assert set(codes(result)) <= {"TL104", "TL110", "TL112"}
    # Every anchor and alias reported where it is written (aliases at most once each): nothing expanded.
    places = aliases_and_anchors(result)
    assert all(lines[line - 1][col - 1] in "&*" for line, col, _ in places)
    assert sorted({line for line, _, m in places if "anchor &" in m}) == list(range(1, 11))
    assert sorted({line for line, _, m in places if "alias *" in m}) == list(range(2, 11))
    assert len(places) <= 10 + 81


# ---------------------------------------------------------------- TL105 size


def test_tl105_file_too_large(project: MiniProject) -> None:
    padding = "# " + "x" * 98 + "\n"
    text = EVENT + padding * (MAX_BYTES // len(padding) + 1)
    project.event(text)
    d = only(project.validate(), "TL105")
    assert where(d) == (EVENT_PATH, 1, 1)
    assert f"{len(text.encode()):,} bytes" in d.message and f"{MAX_BYTES:,}" in d.message


def test_tl105_limit_is_inclusive(project: MiniProject) -> None:
    text = EVENT + "#" * (MAX_BYTES - len(EVENT.encode()) - 1) + "\n"
    assert len(text.encode()) == MAX_BYTES
    project.event(text)
    assert project.validate().diagnostics == ()
    project.event(text + "\n")
    assert only(project.validate(), "TL105")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_tl105_endless_file_is_read_only_to_the_limit(project: MiniProject) -> None:
    """A file of no known size (here: endless) is read only up to the limit, then refused."""
    (project.root / EVENT_PATH).parent.mkdir(parents=True, exist_ok=True)
    (project.root / EVENT_PATH).symlink_to("/dev/zero")
    d = only(project.validate(), "TL105")
    assert where(d) == (EVENT_PATH, 1, 1)
    assert f"more than {MAX_BYTES:,} bytes" in d.message


# ---------------------------------------------------------------- TL106 not a mapping


@pytest.mark.parametrize("text", ["- id: jcs-casualties\n- date: x\n", "just some words\n", "~\n"])
def test_tl106_top_level_not_a_mapping(project: MiniProject, text: str) -> None:
    project.event(text)
    d = only(project.validate(), "TL106")
    assert where(d) == (EVENT_PATH, 1, 1)
    assert "mapping" in d.message
    assert d.hint == "start with the fields of event, e.g. title: <one neutral line: who said or did what>"


# ---------------------------------------------------------------- TL107 unquoted dates


def test_tl107_unquoted_event_date(project: MiniProject) -> None:
    project.event(variant('date: "2024-12-23"', "date: 2024-12-23"))
    d = only(project.validate(), "TL107")
    assert where(d) == (EVENT_PATH, 2, 7)
    assert "not quoted" in d.message
    assert d.hint == 'quote it: "2024-12-23"'


def test_tl107_unquoted_claim_date(project: MiniProject) -> None:
    project.event(variant('    as_of: "2024-12"', "    as_of: 2024-12-01"))
    d = only(project.validate(), "TL107")
    assert where(d) == (EVENT_PATH, 21, 12)


# ---------------------------------------------------------------- other YAML features


def test_yaml_tags_are_refused(project: MiniProject) -> None:
    project.event(variant(TITLE, "title: !!binary aGVsbG8="))
    d = only(project.validate(), "TL111")
    assert where(d) == (EVENT_PATH, 3, 8)
    assert "binary" in d.message


def test_complex_mapping_key_is_refused(project: MiniProject) -> None:
    project.event(variant(TITLE, "? [a, b]\n: c\n" + TITLE))
    d = only(project.validate(), "TL111")
    assert where(d) == (EVENT_PATH, 3, 3)
    assert "plain word" in d.message


def test_deeply_nested_yaml_is_a_diagnostic_not_a_crash(project: MiniProject) -> None:
    project.event("id: jcs-casualties\ntitle: " + "[" * 600 + "]" * 600 + "\n")
    d = only(project.validate(), "TL111")
    assert where(d) == (EVENT_PATH, 1, 1)
    assert "nested more than" in d.message
    # a few levels are fine as far as YAML goes (the schema then says what is wrong)
    project.event("id: jcs-casualties\ntitle: " + "[" * 5 + "]" * 5 + "\n")
    assert "nested" not in " ".join(d.message for d in project.validate().diagnostics)


@pytest.mark.parametrize("kind", ["folder", "dangling symlink", "folder in seeds"])
def test_unreadable_file_is_a_diagnostic_not_a_crash(project: MiniProject, kind: str) -> None:
    project.event(EVENT)
    if kind == "folder":
        (project.events / "odd.yaml").mkdir()
        shown = "events/odd.yaml"
    elif kind == "dangling symlink":
        (project.events / "odd.yaml").symlink_to(project.root / "nowhere.yaml")
        shown = "events/odd.yaml"
    else:
        (project.seeds / "odd.txt").mkdir()
        project.write("seeds/odd.yaml", "title: x\n")
        shown = "seeds/odd.txt"
    result = project.validate()
    assert not result.ok
    assert shown in {d.path for d in result.diagnostics}
