"""A timeline in which every field a contributor or a source's metadata can set carries a script, an
event handler and Markdown syntax: rendering must leave all of it inert, and escaped the same way in
every output (HTML pages, Markdown pages, search entries)."""

from __future__ import annotations

from pathlib import Path

from generator import dates
from generator.model import Citation, Claim, Event, Measure, Problem, Source, Span, Tag, Timeline, Vocabulary

HOSTILE = "</title><script>alert(1)</script> <img src=x onerror=alert(1)>"
MARKDOWN = "*a* _b_ `c` [d](e) # {#f} :g: ==h== ~~i~~ & <"
PERIODS = {"2024-12": f"Period {HOSTILE}"}
SITE = Path(__file__).resolve().parent / "site"  # the small site the hostile timeline is built in


def write_docs(docs: Path) -> None:
    """The small site's hand-written pages, minus their links to the fixture corpus's pages."""
    docs.mkdir(parents=True, exist_ok=True)
    home = (SITE / "docs" / "index.md").read_text(encoding="utf-8")
    (docs / "index.md").write_text(home.replace("#measure-nk-casualties", ""), encoding="utf-8")
    (docs / "methodology.md").write_text("# Methodology\n", encoding="utf-8")


def hostile_timeline() -> Timeline:
    text = f"Headline {HOSTILE}\nThe figure was 1,100 {HOSTILE} according to officials.\n"
    start = text.index("The figure")
    end = len(text) - 1
    source = Source(
        "evil",
        f"Title {HOSTILE}",
        f"Publisher {HOSTILE}",
        "javascript:alert(1)",
        dates.parse("2024-12-02"),
        f"basis {HOSTILE}",
        "0" * 64,
        text,
    )
    citation = Citation("evil", text[start:end], Span("evil", start, end), note=f"note {HOSTILE}")
    event = Event(
        "evil-event",
        "events/evil-event.yaml",
        dates.parse("2024-12-01"),
        f"Title {HOSTILE} {MARKDOWN}",
        f"Summary {HOSTILE} [x](javascript:alert(1)) *{HOSTILE}*",
        ("evil",),
        (citation,),
        (
            Claim("m", "about", f"Claimant {HOSTILE}", dates.parse("2024-12"), 0, 1100, note=f"n {HOSTILE}"),
            Claim("m", "exact", f"Other {HOSTILE}", dates.parse("2024-12"), 0, 1200),
        ),
        (Problem("error", 0, "1,100", f"Problem {HOSTILE}", correction=HOSTILE),),
    )
    vocabulary = Vocabulary(
        {"evil": Tag("evil", f"Tag {HOSTILE} {MARKDOWN}", f"Desc {HOSTILE}")},
        {"m": Measure("m", f"Measure {HOSTILE} {MARKDOWN}", f"unit {HOSTILE}", f"d {HOSTILE}")},
    )
    return Timeline((event,), {"evil": source}, vocabulary)
