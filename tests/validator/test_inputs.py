"""The input policy (generator/inputs.py): only regular files inside the project's folders are read,
each within its kind's size limit; links, pipes, devices and folders are refused at file:line; names
that nearly match are reported."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import inputs
from generator.validate import Result

from .project import ALPHA_META, EVENT, MiniProject, codes, each, only, plain, sha256, where

OUTSIDE_EVENT = EVENT.replace("id: jcs-casualties", "id: linked") + "auths: secret-from-outside\n"


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the project, holding files an attacker would like to publish."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "linked.yaml").write_text(OUTSIDE_EVENT, encoding="utf-8")
    (folder / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return folder


def _texts(project: MiniProject) -> str:
    result = project.validate()
    return "\n".join(f"{d.path} {d.message} {d.hint}" for d in result.diagnostics) + repr(result.timeline)


def test_an_event_linked_from_outside_is_refused_and_never_read(project: MiniProject, outside: Path) -> None:
    (project.events / "linked.yaml").symlink_to(outside / "linked.yaml")
    d = only(project.validate(), "TL108")
    assert where(d) == ("events/linked.yaml", 1, 1)
    assert "symbolic link" in d.message
    assert "auths" not in _texts(project)  # nothing of the outside file leaks into diagnostics


def test_a_source_text_linked_to_a_system_file_is_refused(project: MiniProject, outside: Path) -> None:
    """With the hash the first run printed in the metadata, the build was green and the file published."""
    passwd = (outside / "passwd").read_text(encoding="utf-8")
    (project.seeds / "900_x.txt").symlink_to(outside / "passwd")
    project.write("seeds/900_x.yaml", ALPHA_META.replace("{sha256}", sha256(passwd)))
    project.event(plain(source="900_x", quote="root:x:0:0:root:/root:/bin/bash"))
    result = project.validate()
    d = only(result, "TL108")  # no follow-on: the id is known, its metadata is not an orphan
    assert where(d) == ("seeds/900_x.txt", 1, 1)
    assert "900_x" not in result.timeline.sources
    assert sha256(passwd) not in _texts(project).replace(ALPHA_META, "")
    assert "root:x" not in "\n".join(d.message + d.hint for d in result.diagnostics)


@pytest.mark.parametrize("name", ["seeds/alpha.yaml", "events/_vocabulary.yaml"])
def test_linked_metadata_and_vocabulary_are_refused(project: MiniProject, outside: Path, name: str) -> None:
    target = project.root / name
    (outside / "copy").write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(outside / "copy")
    d = each(project.validate(), "TL108")[0]
    assert where(d) == (name, 1, 1)
    assert "symbolic link" in d.message


def test_a_link_inside_the_project_is_refused_too(project: MiniProject) -> None:
    """As in Jekyll's safe mode: links are never followed, wherever they point."""
    project.event(EVENT)
    (project.events / "copy.yaml").symlink_to(project.events / "jcs-casualties.yaml")
    assert where(only(project.validate(), "TL108")) == ("events/copy.yaml", 1, 1)


def test_a_fifo_is_refused_without_blocking(project: MiniProject) -> None:
    """Reading a FIFO blocked validation forever."""
    project.event(EVENT)
    pipes = [project.events / "pipe.yaml", project.seeds / "pipe.txt"]
    for pipe in pipes:
        os.mkfifo(pipe)
    done: list[Result] = []
    worker = threading.Thread(target=lambda: done.append(project.validate()), daemon=True)
    worker.start()
    worker.join(timeout=60)
    if worker.is_alive():  # blocked on a pipe: write to both so that the thread ends, then fail
        for pipe in pipes:
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("validation blocked on a FIFO")
    [result] = done
    assert codes(result) == ["TL108", "TL108"]
    assert sorted(d.path for d in result.diagnostics) == ["events/pipe.yaml", "seeds/pipe.txt"]
    assert all("named pipe" in d.message for d in result.diagnostics)


def test_a_fifo_swapped_in_after_listing_is_refused_by_the_opened_descriptor(tmp_path: Path) -> None:
    """No check-then-open: what was opened is what is checked (a FIFO opens at once with O_NONBLOCK)."""
    os.mkfifo(tmp_path / "swapped.yaml")
    raw, [d] = inputs.read(tmp_path / "swapped.yaml", "events/swapped.yaml", inputs.EVENT)
    assert raw is None and d.code == "TL108" and "named pipe" in d.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_unread(tmp_path: Path) -> None:
    raw, [d] = inputs.read("/dev/zero", "seeds/zero.txt", inputs.SOURCE_TEXT)
    assert raw is None and d.code == "TL108" and "device" in d.message


def test_a_folder_named_like_a_source_is_refused(project: MiniProject) -> None:
    (project.seeds / "gamma.txt").mkdir()
    d = only(project.validate(), "TL108")
    assert where(d) == ("seeds/gamma.txt", 1, 1)
    assert "folder" in d.message


# ---------------------------------------------------------------- size limits, while reading


@pytest.mark.parametrize("kind", [inputs.EVENT, inputs.VOCABULARY, inputs.SOURCE_META, inputs.SOURCE_TEXT])
def test_a_file_that_grows_is_read_only_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: inputs.Kind
) -> None:
    """The limit holds while reading, not only by the size the file had when it was opened."""
    big = tmp_path / "big"
    big.write_bytes(b"#" * (3 * kind.limit))
    real_fstat, real_read = os.fstat, os.read
    reads: list[int] = []

    def small(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((*info[:6], 10, *info[7:]))  # st_size says 10 bytes

    def counted(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        reads.append(len(data))
        return data

    monkeypatch.setattr(os, "fstat", small)
    monkeypatch.setattr(os, "read", counted)
    raw, [d] = inputs.read(big, "big", kind)
    assert raw is None and d.code == "TL105"
    assert f"more than {kind.limit:,} bytes" in d.message and kind.what in d.message
    assert sum(reads) == kind.limit + 1


def test_a_source_text_over_its_limit(project: MiniProject) -> None:
    """Seed texts had no limit at all: a 100 MB seed took 1.4 GB to validate."""
    text = "Analysts expect the fighting to continue for several more months.\n" * (
        inputs.SOURCE_TEXT.limit // 60
    )
    project.source("gamma", text, ALPHA_META.split("unrelated:")[0])
    d = only(project.validate(), "TL105")
    assert where(d) == ("seeds/gamma.txt", 1, 1)
    assert f"{len(text):,} bytes" in d.message and f"{inputs.SOURCE_TEXT.limit:,}" in d.message


# ---------------------------------------------------------------- near-miss names


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("events/new-event.YAML", "new-event.yaml"),
        ("events/new-event.Yml", "new-event.yml"),
        ("events/new-event.yml~", "new-event.yml"),
        ("events/new-event.yaml.bak", "new-event.yaml"),
        ("events/new-event.yaml ", "new-event.yaml"),
        ("seeds/gamma.TXT", "gamma.txt"),
        ("seeds/gamma.yml", "gamma.yaml"),
        ("seeds/gamma.txt.orig", "gamma.txt"),
    ],
)
def test_a_near_miss_name_is_reported_not_skipped(project: MiniProject, name: str, meant: str) -> None:
    project.write(name, "x: 1\n")
    d = only(project.validate(), "TL109")
    assert where(d) == (name, 1, 1)
    assert d.severity.value == "warning"
    assert d.message == f"this file is not read: its name is not {meant}"
    assert f"rename it to {meant}" in d.hint


@pytest.mark.parametrize(
    "name",
    ["events/README.md", "events/.new-event.yaml.swp", "events/#new-event.yaml#", "events/_draft.yml~"],
)
def test_other_files_are_left_alone(project: MiniProject, name: str) -> None:
    project.write(name, "x: 1\n")
    assert project.validate().diagnostics == ()


def test_event_files_are_read_in_name_order(project: MiniProject) -> None:
    for name in ("b", "a", "c"):
        project.event(EVENT.replace("id: jcs-casualties", f"id: {name}"), name)
    assert [p.name for p in inputs.list_folder(project.events, "events", (".yaml",)).files.values()] == [
        "a.yaml",
        "b.yaml",
        "c.yaml",
    ]


# ---------------------------------------------------------------- characters no text may hold


def _not_in_text(char: str, carriage_return: bool) -> bool:
    """The plain definition: control characters but tab and line feed (and CR where it is reported on
    its own), DEL and C1, the separators, the byte order mark, and noncharacters."""
    code = ord(char)
    if char in "\t\n" or (char == "\r" and not carriage_return):
        return False
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or char in "\u2028\u2029\ufeff"
        or 0xFDD0 <= code <= 0xFDEF
        or code & 0xFFFE == 0xFFFE
    )


@given(
    st.text(
        st.one_of(
            st.characters(codec="utf-8"),
            st.sampled_from("\x00\t\n\r\x1b\x7f\x85\x9f\u2028\ufeff\ufdd0\ufdef\ufffe\U0001fffe\U0010ffff"),
        )
    ),
    st.booleans(),
)
def test_first_invisible_is_the_plain_definition(text: str, carriage_return: bool) -> None:
    expected = next((i for i, c in enumerate(text) if _not_in_text(c, carriage_return)), None)
    assert inputs.first_invisible(text, carriage_return=carriage_return) == expected


@given(
    st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from("\x85\u2028\u2029\ufdd0\U0001fffe\\")))
)
def test_the_byte_pre_check_misses_nothing_libyaml_reads_as_it_is(text: str) -> None:
    """A backslash (an escape) or a character libyaml lets through as it is (NEL, the separators,
    noncharacters) always sends a file through the check of every value."""
    passes = [
        c
        for c in text
        if c in "\\\x85\u2028\u2029" or 0xFDD0 <= ord(c) <= 0xFDEF or ord(c) & 0xFFFE == 0xFFFE
    ]
    if passes:
        assert inputs.may_hold_invisible(text.encode("utf-8"))


def test_an_astral_noncharacter_in_a_value(project: MiniProject) -> None:
    project.event(
        EVENT.replace("title: South Korea's", "title: \"\U0001fffe South Korea's").replace(
            "North Korean casualties\n", 'North Korean casualties"\n', 1
        )
    )
    d = only(project.validate(), "TL193")
    assert "U+1FFFE (a noncharacter)" in d.message
