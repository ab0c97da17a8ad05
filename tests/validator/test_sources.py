"""TL130–TL133: citations name stored articles by id; the articles are exactly the recorded bytes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .project import (
    ALPHA,
    ALPHA_META,
    BETA,
    BETA_META,
    EVENT_PATH,
    PLAIN,
    MiniProject,
    each,
    only,
    sha256,
    variant,
    where,
)

SECOND_SOURCE = "  - source: alpha\n    quote: Analysts"


def second_source(ident: str) -> str:
    return variant(SECOND_SOURCE, f"  - source: {ident}\n    quote: Analysts", PLAIN)


# ---------------------------------------------------------------- TL130 unknown source


def test_tl130_unknown_source_did_you_mean(project: MiniProject) -> None:
    project.event(second_source("alpah"))
    d = only(project.validate(), "TL130")
    assert where(d) == (EVENT_PATH, 9, 13)
    assert d.message == "no source 'alpah' in seeds/"
    assert d.hint == "did you mean 'alpha'?"


def test_tl130_unknown_source_without_a_close_match(project: MiniProject) -> None:
    project.event(second_source("zzz-999"))
    d = only(project.validate(), "TL130")
    assert "seeds/<id>.txt" in d.hint


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Every file the code under test opens."""
    seen: list[Path] = []
    real_open = os.open

    def spy(path: str | Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(Path(path).resolve())
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    yield seen


@pytest.mark.parametrize(
    "ident", ["../outside", "seeds/../../outside", "/tmp/outside", "..\\outside", "alpha.txt"]
)
def test_tl130_a_path_is_refused_and_never_read(project: MiniProject, opened: list[Path], ident: str) -> None:
    # A perfectly valid article just outside seeds/, holding the quoted sentence: were it read, the quote
    # would be found there.
    quote = "Analysts expect the fighting to continue for several more months.\n"
    project.write("outside.txt", quote)
    project.write("outside.yaml", ALPHA_META.replace("{sha256}", sha256(quote)).split("unrelated:")[0])
    project.event(second_source(ident))
    opened.clear()  # only what validation opens
    d = only(project.validate(), "TL130")
    assert where(d) == (EVENT_PATH, 9, 13)
    assert d.message == f"'{ident}' is a path; a source is named by its id"
    assert "without folder and without .txt" in d.hint
    assert opened, "the spy saw nothing: it is not watching the right function"
    assert all(p.parent == project.seeds.resolve() or p.parent.name == "events" for p in opened), opened
    assert project.root.resolve() / "outside.txt" not in opened


# ---------------------------------------------------------------- TL131 hash


def test_tl131_sha_mismatch(project: MiniProject) -> None:
    changed = ALPHA.replace("about 1,100", "about 1,200")
    project.source("alpha", changed, ALPHA_META, digest=sha256(ALPHA))
    d = only(project.validate(), "TL131")
    assert where(d) == ("seeds/alpha.yaml", 6, 9)
    assert f"alpha.txt has SHA-256 {sha256(changed)}" in d.message
    assert "byte for byte" in d.hint


def test_tl131_makes_the_source_unusable(project: MiniProject) -> None:
    project.source("alpha", ALPHA + "\n", ALPHA_META, digest=sha256(ALPHA))
    project.event(PLAIN)
    result = project.validate()
    assert each(result, "TL131")
    assert "alpha" not in result.timeline.sources
    assert result.timeline.events == ()


# ---------------------------------------------------------------- TL132 encoding of the text


def test_tl132_crlf(project: MiniProject) -> None:
    text = BETA.replace("\n", "\r\n")
    project.source("beta", text, BETA_META)
    d = only(project.validate(), "TL132")
    line, col = 1, BETA.index("\n") + 1
    assert where(d) == ("seeds/beta.txt", line, col)
    assert "CR" in d.message
    assert "LF" in d.hint


def test_tl132_not_nfc(project: MiniProject) -> None:
    text = BETA.replace("Russian units", "Russian units near Sume\u0301\u0301ly")  # e + combining acute
    project.source("beta", text, BETA_META)
    d = only(project.validate(), "TL132")
    line = 2
    col = text.splitlines()[1].index("Sume") + 4  # the 'e' that the accent combines with
    assert where(d) == ("seeds/beta.txt", line, col)
    assert "NFC" in d.message


def test_tl132_not_utf8(project: MiniProject) -> None:
    raw = BETA.encode("utf-8").replace(b"Kursk", b"K\xfcrsk")
    project.source("beta", raw, BETA_META)
    d = only(project.validate(), "TL132")
    assert where(d)[:2] == ("seeds/beta.txt", 2)
    assert "0xfc" in d.message


def test_nfc_text_with_accents_is_fine(project: MiniProject) -> None:
    text = BETA.replace("Russian units", "Russian units near Sumé")
    project.source("beta", text, BETA_META)
    assert project.validate().diagnostics == ()


# ---------------------------------------------------------------- TL133 incomplete pairs


def test_tl133_text_without_metadata(project: MiniProject) -> None:
    project.write("seeds/gamma.txt", "A stored article without its metadata file.\n")
    d = only(project.validate(), "TL133")
    assert where(d) == ("seeds/gamma.txt", 1, 1)
    assert "'gamma' has no metadata file" in d.message
    assert "gamma.yaml" in d.hint


def test_tl133_metadata_without_text(project: MiniProject) -> None:
    project.write("seeds/gamma.yaml", BETA_META.replace("{sha256}", sha256("x")))
    d = only(project.validate(), "TL133")
    assert where(d) == ("seeds/gamma.yaml", 1, 1)
    assert "no gamma.txt" in d.message


def test_tl133_missing_vocabulary(project: MiniProject) -> None:
    (project.events / "_vocabulary.yaml").unlink()
    d = only(project.validate(), "TL133")
    assert where(d) == ("events/_vocabulary.yaml", 1, 1)
    assert "vocabulary" in d.message


def test_an_article_without_metadata_is_still_known(project: MiniProject) -> None:
    """Citing it is not 'unknown source' (its own TL133 says what is wrong)."""
    project.write("seeds/gamma.txt", "Analysts expect the fighting to continue for several more months.\n")
    project.event(second_source("gamma"))
    result = project.validate()
    assert [d.code for d in result.diagnostics] == ["TL133"]


# ---------------------------------------------------------------- metadata


def test_unrelated_starts_must_be_unique(project: MiniProject) -> None:
    meta = ALPHA_META.replace("starts: Latest Contents", "starts: Officials said the figures")
    project.source("alpha", ALPHA, meta)
    d = only(project.validate(), "TL140")
    assert where(d) == ("seeds/alpha.yaml", 8, 13)
    assert "(2 times)" in d.message


def test_unrelated_starts_must_exist(project: MiniProject) -> None:
    project.source("alpha", ALPHA, ALPHA_META.replace("starts: Latest Contents", "starts: Sports news"))
    d = only(project.validate(), "TL140")
    assert "unrelated[0].starts" in d.message and "(0 times)" in d.message


def test_unrelated_ends_before_starts(project: MiniProject) -> None:
    meta = ALPHA_META.replace("starts: Latest Contents", "starts: Analysts expect") + (
        "    ends: The troops began fighting\n"
    )
    project.source("alpha", ALPHA, meta)
    result = project.validate()
    assert any(d.path == "seeds/alpha.yaml" and d.line in {8, 10} for d in result.diagnostics)


def test_tl150_invalid_publication_date(project: MiniProject) -> None:
    project.source("alpha", ALPHA, ALPHA_META.replace('"2024-12-26"', '"2024-12-32"'))
    d = only(project.validate(), "TL150")
    assert where(d) == ("seeds/alpha.yaml", 4, 12)
    assert "December 2024 has no day 32" in d.message


def test_tl107_unquoted_publication_date(project: MiniProject) -> None:
    project.source("alpha", ALPHA, ALPHA_META.replace('"2024-12-26"', "2024-12-26"))
    d = only(project.validate(), "TL107")
    assert where(d) == ("seeds/alpha.yaml", 4, 12)


# ---------------------------------------------------------------- the original page add-source keeps

PAGE = b"<html><body><p>The page the text was extracted from.</p></body></html>\n"


def with_original(project: MiniProject, name: str = "beta.html") -> None:
    """beta with an original page: seeds/beta.html holds PAGE; ``name`` is what the metadata names."""
    project.write("seeds/beta.html", PAGE)
    meta = BETA_META + f"original:\n  file: {name}\n  sha256: {sha256(PAGE)}\n  extracted_with: by hand\n"
    project.source("beta", BETA, meta)


def test_the_original_page_is_checked_by_its_hash(project: MiniProject) -> None:
    with_original(project)
    assert project.validate().diagnostics == ()
    project.write("seeds/beta.html", PAGE + b"<!-- edited -->")
    d = only(project.validate(), "TL131")
    assert where(d) == ("seeds/beta.yaml", 9, 11)
    assert d.message.startswith("beta.html has SHA-256 ")
    assert d.hint.endswith(f"write sha256: {sha256(PAGE + b'<!-- edited -->')})")


def test_the_original_page_must_be_there(project: MiniProject) -> None:
    with_original(project, name="gone.html")
    d = only(project.validate(), "TL133")
    assert where(d) == ("seeds/beta.yaml", 8, 9)
    assert d.message == "the original page gone.html is missing or unreadable"


def test_the_original_page_is_named_not_a_path(project: MiniProject) -> None:
    with_original(project, name="../outside.html")
    d = only(project.validate(), "TL113")
    assert d.message == "original.file '../outside.html' is not a page's file name in the sources folder"


# ---------------------------------------------------------------- characters no article needs


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("\ufeff" + BETA, 1, 1, "starts with a byte order mark"),
        (BETA.replace("Kursk", "Ku\x00rsk"), 2, BETA.splitlines()[1].index("Kursk") + 3, "U+0000"),
        (BETA.replace("Russia,", "Russia,\ufeff"), 3, BETA.splitlines()[2].index("Russia,") + 8, "U+FEFF"),
        (BETA.replace("spy", "\x1b[31mspy"), 1, BETA.index("spy") + 1, "U+001B (a control character)"),
        (BETA.replace("spy", "sp\x85y"), 1, BETA.index("spy") + 3, "U+0085 (a control character)"),
        (BETA.replace("spy", "spy\uffff"), 1, BETA.index("spy") + 4, "U+FFFF (a noncharacter)"),
    ],
)
def test_tl132_nul_bom_and_other_controls_are_refused(
    project: MiniProject, text: str, line: int, col: int, words: str
) -> None:
    """NUL bytes and a byte order mark once passed through into the HTML of the source page."""
    project.source("beta", text, BETA_META)
    d = only(project.validate(), "TL132")
    assert where(d) == ("seeds/beta.txt", line, col)
    assert words in d.message


# ---------------------------------------------------------------- ids that would replace a page


@pytest.mark.parametrize(
    ("ident", "why"),
    [
        ("index", "index page"),
        ("Index", "index page"),
        ("con", "Windows"),
        ("NUL.2024", "Windows"),
        ("com1", "Windows"),
        ("alpha.", "dot at the end"),
    ],
)
def test_tl120_a_source_id_that_would_replace_a_page(project: MiniProject, ident: str, why: str) -> None:
    """A source called index built green and replaced sources/index.html."""
    project.source(ident, ALPHA, ALPHA_META)
    d = only(project.validate(), "TL120")
    assert where(d) == (f"seeds/{ident}.txt", 1, 1)
    assert f"'{ident}' is not a usable source id" in d.message and why in d.message
    assert ident not in project.validate().timeline.sources


def test_tl122_source_ids_that_differ_only_in_case(project: MiniProject) -> None:
    project.source("Alpha", ALPHA, ALPHA_META)
    result = project.validate()
    d = only(result, "TL122")
    assert where(d) == ("seeds/alpha.txt", 1, 1)  # sorted: 'Alpha' comes first and keeps its id
    assert "'alpha' differs from 'Alpha' only in case" in d.message
    assert sorted(result.timeline.sources) == ["Alpha", "beta"]
