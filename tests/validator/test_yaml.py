"""TL100–TL107: what YAML could do behind a reader's back is refused, at file:line:col."""

from __future__ import annotations

import json
import time

import pytest

from generator.loading import MAX_BYTES
from generator.validate import Result
from generator.yamlguard import MAX_DEPTH

from .project import EVENT, EVENT_PATH, MiniProject, codes, one, only, run_module, variant, where

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
    assert where(d) == (EVENT_PATH, 2, 7 + MAX_DEPTH)  # the first bracket too many (33 levels deep)
    assert "nested more than" in d.message
    # a few levels are fine as far as YAML goes (the schema then says what is wrong)
    project.event("id: jcs-casualties\ntitle: " + "[" * 5 + "]" * 5 + "\n")
    assert "nested" not in " ".join(d.message for d in project.validate().diagnostics)


# Each crashed the interpreter (SIGSEGV in libyaml's composer) before composing was guarded: block style,
# compact nesting, flow style behind an apostrophe or a '#' in a plain scalar (which a bracket count
# mistook for a quote or a comment), complex keys, and flow mappings. Written as the vocabulary, whose
# size limit (256 KiB) leaves room for them; an event file (32 KiB) is refused for its size first.
CRASHERS = {
    "block sequences": "- " * 30000 + "y\n",
    "flow after an apostrophe": "x: [a'b, " + "[" * 30000 + "\n",
    "flow after a hash": "x: [a#b, " + "[" * 30000 + "\n",
    "complex keys": "? " * 30000 + "x\n",
    "flow mappings": "x: " + "{a: " * 15000 + "\n",
    "block mappings in sequences": "- a:\n" + "".join(" " * (2 * i + 2) + "- a:\n" for i in range(200)),
}


@pytest.mark.parametrize("name", sorted(CRASHERS))
def test_nesting_is_refused_before_composing(project: MiniProject, name: str) -> None:
    """In a real process (a crash would take pytest down): one diagnostic, exit code 1."""
    project.write("events/_vocabulary.yaml", CRASHERS[name])
    proc = run_module(project.root, "validate", "--format", "json")
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    rows = json.loads(proc.stdout)
    assert [(r["path"], r["code"]) for r in rows] == [("events/_vocabulary.yaml", "TL111")]
    assert "nested more than" in rows[0]["message"]


def test_the_reported_crash_is_one_diagnostic_in_an_event(project: MiniProject) -> None:
    """The report's repro: events/deep.yaml of '- ' * 30000 (60 KB) crashed validate, build and serve."""
    project.event(CRASHERS["block sequences"])
    proc = run_module(project.root, "validate", "--format", "json")
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert [(r["path"], r["code"]) for r in json.loads(proc.stdout)] == [(EVENT_PATH, "TL105")]
    project.event(CRASHERS["block sequences"][: MAX_BYTES - 2] + "\n")  # within the limit: nested too deep
    assert [(d.path, d.code) for d in project.validate().diagnostics] == [(EVENT_PATH, "TL111")]


def test_depth_check_understands_quoting(project: MiniProject) -> None:
    """Brackets and list markers inside quotes and comments are text: a note full of them passes the
    depth check (they are more than enough to have its event stream scanned)."""
    noisy = "[{- ? : " * 100
    project.event(EVENT + f"    note: '{noisy}'\n# {noisy}\n")
    assert codes(project.validate()) == []


TAGS = "tags: [casualties, north-korea]"
CLAIM = "  - measure: nk-casualties\n"


@pytest.mark.parametrize(
    ("old", "new", "line", "col"),
    [
        (TAGS, "tags: !!python/object/apply:os.system [casualties, north-korea]", 7, 7),
        (TAGS, "tags: !!set [casualties, north-korea]", 7, 7),
        (TAGS, "tags: !local [casualties, north-korea]", 7, 7),
        (TAGS, "tags: [casualties, !!python/name:os.system north-korea]", 7, 20),
        (CLAIM, "  - !!python/object:generator.model.Claim\n    measure: nk-casualties\n", 17, 5),
        (CLAIM, "  - !!omap\n    measure: nk-casualties\n", 17, 5),
    ],
)
def test_yaml_tags_on_lists_and_mappings_are_refused(
    project: MiniProject, old: str, new: str, line: int, col: int
) -> None:
    """Once silently ignored on lists and mappings: now refused wherever they stand."""
    project.event(variant(old, new))
    d = only(project.validate(), "TL111")
    assert where(d) == (EVENT_PATH, line, col)
    assert "YAML tag !" in d.message and "not allowed" in d.message


def test_a_yaml_tag_on_a_key_is_refused(project: MiniProject) -> None:
    project.event(variant(TITLE, "!!python/str " + TITLE))
    d = only(project.validate(), "TL111")  # the key still counts: no follow-on 'missing title'
    assert where(d) == (EVENT_PATH, 3, 1)


@pytest.mark.parametrize("tag", ["!!int", "!!float", "!!bool", "!!null", "!!timestamp"])
def test_a_core_tag_that_does_not_fit_its_value_is_refused(project: MiniProject, tag: str) -> None:
    """``!!int abc`` raised ValueError (a traceback) when it was constructed."""
    project.event(variant(TITLE, f"title: {tag} abc"))
    d = one(project.validate(), "TL111")
    assert where(d) == (EVENT_PATH, 3, 8)
    assert f"YAML tag {tag} " in d.message


def test_plain_core_tags_are_fine(project: MiniProject) -> None:
    text = variant(TITLE, f"title: !!str {TITLE.removeprefix('title: ')}")
    project.event(variant("    citation: 1\n", "    citation: !!int 1\n", text))
    assert project.validate().diagnostics == ()


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


# ---------------------------------------------------------------- TL193 invisible characters in text


@pytest.mark.parametrize(
    ("value", "char", "at"),
    [
        (r'"a < b > \x7f c"', "U+007F (a control character)", 9),
        (r'"Seoul\u0085says"', "U+0085 (a control character)", 6),
        (r'"x\uffff"', "U+FFFF (a noncharacter)", 2),
        (r'"\e[mplain"', "U+001B (a control character)", 1),
        (r'"one\rtwo"', "U+000D (a control character)", 4),
        (r'"bell\a"', "U+0007 (a control character)", 5),
        ('"Seoul\u2028says"', "U+2028 (a line separator)", 6),
        ("Seoul\ufdd0says", "U+FDD0 (a noncharacter)", 6),
    ],
)
def test_tl193_invisible_characters_in_text_are_refused(
    project: MiniProject, value: str, char: str, at: int
) -> None:
    """A title with '<' or '>' and DEL, a C1 control or U+FFFF made the page's front matter invalid (shown
    as text on the page); escapes and raw characters alike are refused where the text starts."""
    project.event(variant(TITLE, f"title: {value}"))
    d = only(project.validate(), "TL193")
    assert where(d) == (EVENT_PATH, 3, 8)
    assert d.message == f"the text holds {char} as its character {at}, which is not allowed in text"
    assert "invisible" in d.hint


@pytest.mark.parametrize(
    ("path", "old", "new", "line", "col"),
    [
        ("events/_vocabulary.yaml", "    label: Casualties", r'    label: "<Casualties>\x9b"', 3, 12),
        ("events/_vocabulary.yaml", "  casualties:", r'  "casualties\x7f":', 2, 3),
        ("seeds/beta.yaml", "title: Spy agency", r'title: "Spy\u2029agency', 1, 8),
    ],
)
def test_tl193_in_the_vocabulary_and_source_metadata(
    project: MiniProject, path: str, old: str, new: str, line: int, col: int
) -> None:
    text = (project.root / path).read_text(encoding="utf-8")
    if new.endswith("agency"):  # close the quote the metadata title opened
        text = text.replace("title: Spy agency reports more troops", new + ' reports more troops"')
    else:
        text = variant(old, new, text)
    project.write(path, text)
    d = one(project.validate(), "TL193")
    assert where(d) == (path, line, col)


def test_tabs_and_line_breaks_are_text(project: MiniProject) -> None:
    project.event(variant(TITLE, r'title: "South Korea\tsays\nabout 1,100 North Korean casualties"'))
    assert project.validate().diagnostics == ()
