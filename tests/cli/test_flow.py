"""The whole flow a contributor follows, as real processes in a new repository: an article's URL →
add-source → new → cite --event → fill in the words → validate --strict, green."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

VOCABULARY = """\
tags:
  local-government:
    label: Local government
measures:
  tax-rise:
    label: Tax rise
    unit: per cent
"""


def generator(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "generator", *args],
        cwd=root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_from_an_article_url_to_a_green_validation(tmp_path: Path, served: str) -> None:
    root = tmp_path / "timeline"
    (root / "events").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "events" / "_vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")

    added = generator(root, "add-source", f"{served}/council-taxes.html")
    assert added.returncode == 0, added.stderr
    source = added.stdout.strip()
    assert source.startswith("000_")

    made = generator(
        root,
        "new",
        "riverside-council-raises-taxes",
        "--source",
        source,
        "--quote",
        "The Riverside council voted on Thursday to raise local taxes by 4 per cent",
    )
    assert made.returncode == 0, made.stderr
    event = root / made.stdout.strip()
    assert event == root / "events" / "riverside-council-raises-taxes.yaml"
    assert 'date: "2025-03-13"' in event.read_text(encoding="utf-8")  # the Thursday before 14 March 2025

    cited = generator(
        root,
        "cite",
        source,
        "The increase will take effect by the end of April, the council's finance chief",
        "--event",
        str(event.relative_to(root)),
    )
    assert cited.returncode == 0, cited.stderr

    before = generator(root, "validate", "--strict")
    assert before.returncode == 1
    assert [line.split(": ")[1] for line in before.stdout.splitlines() if ": error[" in line] == [
        "error[TL134]",
        "error[TL134]",
        "error[TL134]",
    ]

    # the contributor writes what only a person can write
    text = event.read_text(encoding="utf-8")
    text = text.replace(
        '"TODO: one neutral line that says who said or did what"',
        "Riverside council votes to raise local taxes",
    )
    text = text.replace(
        "TODO: two or three sentences, each attributed (who said it)",
        "The Riverside council voted to raise local taxes by 4 per cent. Its finance chief said the increase "
        "would take effect by the end of April.",
    )
    text = text.replace("tags: [TODO]", "tags: [local-government]")
    event.write_text(text, encoding="utf-8")

    after = generator(root, "validate", "--strict")
    assert after.returncode == 0, after.stdout + after.stderr
    assert after.stdout == "1 events, 1 sources: 0 errors\n"
