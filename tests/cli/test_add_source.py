"""`python -m generator add-source`: an article page (a file or a URL) or a text becomes a stored source,
with its metadata and, for a page, the original bytes beside it; bad input writes nothing."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
import yaml
from validator.project import MiniProject

from generator.cli import add_source

from .conftest import FIXTURES

COUNCIL = FIXTURES / "council-taxes.html"
BRIDGE = FIXTURES / "bridge-repairs.html"
COUNCIL_TEXT = """\
Council to raise local taxes by the end of April
The Riverside council voted on Thursday to raise local taxes by 4 per cent, a move its leader called “painful but necessary” after a year of rising costs.
The increase will take effect by the end of April, the council’s finance chief, Maria Lopez, told reporters after the vote, which passed by 31 votes to 12.
“We have cut everything we can cut,” Lopez said. “The alternative was closing two libraries and a swimming pool.”
Opposition councillors said the rise would hit families already struggling with energy bills, and called for a review of the council’s spending on consultants, which reached £2.3 million in 2024.
The last increase, of 2 per cent, came in April 2023.
"""  # noqa: E501 - the stored text, one paragraph per line


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def listing(project: MiniProject) -> list[str]:
    return sorted(p.name for p in project.seeds.iterdir())


def meta(project: MiniProject, ident: str) -> dict[str, object]:
    loaded = yaml.safe_load((project.seeds / f"{ident}.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


# ---------------------------------------------------------------- pages


def test_a_page_becomes_a_source(project: MiniProject) -> None:
    run = project.cli_command("add-source", str(COUNCIL))
    assert run.code == 0, run.err
    digest = sha(COUNCIL_TEXT.encode())
    ident = f"000_{digest[:16]}"  # the repository's rule: the next number (none yet), the text's hash
    assert run.out == f"{ident}\n"
    text = (project.seeds / f"{ident}.txt").read_bytes()
    assert text.decode() == COUNCIL_TEXT  # the article, curly quotes kept; none of the page around it
    for boilerplate in (
        "cookies",
        "Home",
        "Related stories",
        "Bridge repairs",
        "Jane Reporter",
        "rights reserved",
    ):
        assert boilerplate not in text.decode()
    assert (project.seeds / f"{ident}.html").read_bytes() == COUNCIL.read_bytes()
    assert meta(project, ident) == {
        "title": "Council to raise local taxes by the end of April",
        "publisher": "The Riverside Ledger",
        "url": "https://ledger.example.org/2025/03/council-taxes",
        "published": "2025-03-14",
        "published_basis": "datePublished in the page's JSON-LD (2025-03-14), read by htmldate",
        "sha256": digest,
        "original": {
            "file": f"{ident}.html",
            "sha256": sha(COUNCIL.read_bytes()),
            "extracted_with": "trafilatura 2.3.1",
        },
    }
    assert (
        (project.seeds / f"{ident}.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../.schema/source.schema.json\n")
    )
    assert "normalized: extracted the article from the page's HTML" in run.err
    assert project.cli().out.splitlines()[-1] == "0 events, 3 sources: 0 errors"


def test_the_new_id_is_in_the_editor_schema(project: MiniProject) -> None:
    ident = project.cli_command("add-source", str(COUNCIL)).out.strip()
    schema = (project.root / ".schema" / "event.schema.json").read_text(encoding="utf-8")
    assert f'"{ident}"' in schema


def test_the_next_number_follows_the_highest(project: MiniProject) -> None:
    project.source("041_0123456789abcdef", "An older article.\n", "title: x\n")
    ident = project.cli_command("add-source", str(BRIDGE)).out.strip()
    assert ident.startswith("042_")


def test_a_meta_tag_date_and_its_basis(project: MiniProject) -> None:
    ident = project.cli_command("add-source", str(BRIDGE)).out.strip()
    data = meta(project, ident)
    assert (data["published"], data["published_basis"]) == (
        "2024-11-05",
        "the article:published_time meta tag (2024-11-05), read by htmldate",
    )
    assert data["publisher"] == "Valley Courier"
    assert data["url"] == "TODO: the article's address, or null if it is not known"  # the page does not say
    text = (project.seeds / f"{ident}.txt").read_text(encoding="utf-8")
    assert (
        "“far more corrosion than expected”" in text and "Sam Writer" not in text and "Subscribe" not in text
    )
    codes = [d.code for d in project.validate().diagnostics]
    assert codes == ["TL134"]  # the url, until someone fills it in


def test_a_url_is_fetched_once(project: MiniProject, served: str) -> None:
    url = f"{served}/bridge-repairs.html"
    run = project.cli_command("add-source", url)
    assert run.code == 0, run.err
    ident = run.out.strip()
    assert meta(project, ident)["url"] == url
    assert (project.seeds / f"{ident}.html").read_bytes() == BRIDGE.read_bytes()
    assert project.validate().diagnostics == ()


def test_a_url_that_fails(project: MiniProject, served: str) -> None:
    before = listing(project)
    run = project.cli_command("add-source", f"{served}/missing.html")
    assert run.code == 2 and run.err.startswith(f"error: cannot fetch {served}/missing.html")
    assert listing(project) == before


# ---------------------------------------------------------------- texts


def test_a_text_takes_its_metadata_from_options_and_leaves_todos(project: MiniProject) -> None:
    project.write("article.txt", "\ufeffA headline\r\nA first paragraph, with a cafe\u0301.\r\n")
    run = project.cli_command(
        "add-source", "article.txt", "--title", "A headline", "--published", "2024-12", "--id", "gamma"
    )
    assert run.code == 0, run.err
    assert run.out == "gamma\n"
    assert (
        project.seeds / "gamma.txt"
    ).read_bytes() == "A headline\nA first paragraph, with a café.\n".encode()
    for note in ("removed the byte order mark", "line ends to LF (2 CRLF, 0 CR)", "Unicode to NFC"):
        assert f"normalized: {note}" in run.err
    assert not (project.seeds / "gamma.html").exists()
    data = meta(project, "gamma")
    assert data["published_basis"] == "given when the source was added: 2024-12"
    assert "to fill in, in seeds/gamma.yaml: publisher, url" in run.err
    found = [(d.code, d.line, d.message) for d in project.validate().diagnostics]
    assert found == [
        ("TL134", 3, "publisher is still a placeholder"),
        ("TL134", 4, "url is still a placeholder"),
    ]


def test_never_prompts(project: MiniProject) -> None:
    project.write("article.txt", "A headline\nA paragraph.\n")
    proc = subprocess.run(
        [sys.executable, "-P", "-m", "generator", "add-source", "article.txt"],
        cwd=project.root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = meta(project, proc.stdout.strip())
    assert data["title"] == "TODO: the article's headline" and data["published"] == "TODO"


# ---------------------------------------------------------------- refusals: nothing written


def test_refuses_to_overwrite(project: MiniProject) -> None:
    before = (project.seeds / "alpha.txt").read_bytes()
    project.write("article.txt", "Something else entirely.\n")
    run = project.cli_command("add-source", "article.txt", "--id", "alpha")
    assert run.code == 2
    assert run.err == "error: the id alpha is taken (alpha.txt, alpha.yaml): nothing was written\n"
    assert (project.seeds / "alpha.txt").read_bytes() == before


def test_text_already_stored_names_its_id(project: MiniProject) -> None:
    before = listing(project)
    run = project.cli_command("add-source", str(project.seeds / "beta.txt"))
    assert run.code == 1
    assert run.err == "error: this text is already stored as beta (seeds/beta.txt)\n"
    assert listing(project) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "page.html",
            (FIXTURES / "no-article.html").read_bytes(),
            "has no article text the extractor can find",
        ),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file, not text or HTML"),
        ("latin1.txt", "Caf\xe9 society\n".encode("latin-1"), "is not UTF-8 (byte 0xe9 on line 1)"),
        ("empty.txt", b"  \n\n", "the text is empty"),
        ("bell.txt", b"A bell \x07 rings\n", "control characters (U+0007)"),
    ],
)
def test_bad_input_writes_nothing(project: MiniProject, name: str, content: bytes, message: str) -> None:
    before = listing(project)
    project.write(name, content)
    run = project.cli_command("add-source", name)
    assert run.code == 2
    assert run.err.startswith("error: ") and message in run.err, run.err
    assert run.out == ""
    assert listing(project) == before


def test_a_file_over_the_size_limit(project: MiniProject, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(add_source, "MAX_TEXT_BYTES", 1000)
    project.write("long.txt", "word " * 300)
    before = listing(project)
    run = project.cli_command("add-source", "long.txt")
    assert (run.code, run.err) == (2, "error: long.txt is 1,500 bytes; the limit is 1,000\n")
    assert listing(project) == before


def test_a_missing_file_and_a_bad_date(project: MiniProject) -> None:
    assert project.cli_command("add-source", "nowhere.html").err == "error: nowhere.html: no such file\n"
    project.write("article.txt", "A headline\n")
    run = project.cli_command("add-source", "article.txt", "--published", "14 March")
    assert run.code == 2 and run.err.startswith("error: --published: '14 March' is not a date")
    assert [p for p in listing(project) if p.endswith(".txt")] == ["alpha.txt", "beta.txt"]
