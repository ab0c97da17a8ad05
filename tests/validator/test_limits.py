"""TL114: resource limits per event, source and vocabulary, as docs/contributing/event-format.md states
them. 1,000 events of 1,000 tags each once took 188 s and 1.45 GB to build."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from generator import inputs, schema

from .project import EVENT, EVENT_PATH, VOCABULARY, MiniProject, only, variant, where

ROOT = Path(__file__).resolve().parents[2]
TITLE = "title: South Korea's military estimates about 1,100 North Korean casualties"
CITATION = """\
  - source: alpha
    quote: >-
      On Monday, South Korea’s Joint Chiefs of Staff said that about 1,100 North Korean soldiers
      had been killed or wounded in the Kursk region.
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "message"),
    [
        (
            "tags: [casualties, north-korea]",
            "tags: [" + ", ".join(["casualties"] * 1000) + "]",
            7,
            7,
            "tags has 1,000 entries; the limit is 10",
        ),
        ("citations:\n" + CITATION, "citations:\n" + CITATION * 21, 9, 3, "citations has 21 entries"),
        (TITLE, "title: " + "x" * 301, 3, 8, "title is 301 characters long; the limit is 300"),
        (
            "    claimant: South Korea's Joint Chiefs of Staff",
            "    claimant: " + "J" * 400,
            20,
            15,
            "claims[0].claimant is 400 characters long; the limit is 300",
        ),
    ],
)
def test_tl114_an_event_over_a_limit(
    project: MiniProject, old: str, new: str, line: int, col: int, message: str
) -> None:
    project.event(variant(old, new))
    started = time.perf_counter()
    d = only(project.validate(), "TL114")
    assert time.perf_counter() - started < 10  # not a timing test: a guard against the 1,000-tag blowup
    assert where(d) == (EVENT_PATH, line, col)
    assert message in d.message
    assert "event-format.md" in d.hint


def test_tl114_in_the_vocabulary(project: MiniProject) -> None:
    tags = "".join(f"  tag-{i}:\n    label: Tag {i}\n" for i in range(schema.MAX_VOCABULARY_TAGS + 1))
    project.write("events/_vocabulary.yaml", variant("tags:\n", "tags:\n" + tags, VOCABULARY))
    d = only(project.validate(), "TL114")
    assert where(d) == ("events/_vocabulary.yaml", 2, 3)
    assert d.message == f"tags has {schema.MAX_VOCABULARY_TAGS + 4:,} entries; the limit is 500"


def test_tl114_in_a_source(project: MiniProject) -> None:
    meta = (project.seeds / "beta.yaml").read_text(encoding="utf-8")
    project.write("seeds/beta.yaml", variant("title: Spy agency", "title: " + "S" * 300 + " agency", meta))
    d = only(project.validate(), "TL114")
    assert where(d) == ("seeds/beta.yaml", 1, 8)


def test_the_documented_limits_are_the_real_ones() -> None:
    """The Limits section of the event format states every limit the code enforces."""
    doc = (ROOT / "docs" / "contributing" / "event-format.md").read_text(encoding="utf-8")
    section = doc.split("## Limits", 1)[1].split("\n## ", 1)[0]
    stated = {int(n.replace(",", "")) for n in re.findall(r"\| (?:[\d,]+ / )?([\d,]+)(?: of each)?", section)}
    stated |= {int(n) for n in re.findall(r"(\d+) / \d+", section)}
    stated |= {int(n) * 1024 for n in re.findall(r"(\d+) KiB", section)}
    stated |= {int(n) * 1024 * 1024 for n in re.findall(r"(\d+) MiB", section)}
    enforced = {
        schema.MAX_TAGS,
        schema.MAX_ENTRIES,
        schema.LINE,
        schema.NOTE,
        schema.PASSAGE,
        schema.MAX_UNRELATED,
        schema.MAX_VOCABULARY_TAGS,
        schema.MAX_MEASURES,
        *(kind.limit for kind in (inputs.EVENT, inputs.SOURCE_META, inputs.VOCABULARY, inputs.SOURCE_TEXT)),
    }
    assert enforced <= stated, f"not in the Limits section: {sorted(enforced - stated)}"


def test_an_event_at_every_limit_is_valid(project: MiniProject) -> None:
    """The limits are inclusive: an event exactly at them passes."""
    text = variant(TITLE, "title: South Korea's military estimates " + "x" * (schema.LINE - 33), EVENT)
    assert len(text.splitlines()[2]) - len("title: ") == schema.LINE
    text = variant("tags: [casualties, north-korea]", "tags: [" + ", ".join(["casualties"] * 10) + "]", text)
    text = variant("citations:\n" + CITATION, "citations:\n" + CITATION * schema.MAX_ENTRIES, text)
    project.event(text)
    assert [d.code for d in project.validate().diagnostics if d.code == "TL114"] == []
