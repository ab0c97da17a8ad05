"""Search entries of generated pages, built from their contexts (the same ones the templates get):
one per section (the page's title, then every heading), with the text Material's search plugin would
take from the rendered HTML (searchtext.py). Each function here follows one template's markup.

What is indexed is decided here: to leave something out (an event on the full timeline, say), skip
it in the function for that page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .searchtext import Text, title

Context = dict[str, Any]


class Sections:
    """A page's search sections in order: the title's, then one per heading (as the template writes
    them); each is ``[title, Text]``."""

    def __init__(self, page_title: str) -> None:
        self.items: list[tuple[str, Text]] = [(title(page_title), Text())]
        self.text = self.items[0][1]
        self.text.text("\n")  # after the title's heading

    def heading(self, value: str) -> None:
        self.text.text("\n")
        self.text = Text()
        self.items.append((title(value), self.text))
        self.text.text("\n")

    def block(self) -> None:
        """The blank line after a block."""
        self.text.text("\n\n")


def _paragraph(t: Text, *runs: str) -> None:
    t.open("p")
    for run in runs:
        t.text(run)
    t.close("p")


def _lede(t: Text, before: str, link: str, after: str = ".") -> None:
    t.open("p")
    t.text(before)
    t.open("a")
    t.text(link)
    t.close("a")
    t.text(after)
    t.close("p")


# ---------------------------------------------------------------- cards (card.html, compact-item.html)


def card(s: Sections, c: Context) -> None:
    s.heading(c["event"].title)
    t = s.text
    t.open("div")
    t.open("p")
    t.html(str(c["time"]))
    if c["why"]:
        t.text(" ")
        t.element("span", f"({c['why']})")
    t.text(" ")
    t.element("span", "reported by " + c["sources"])
    t.close("p")
    t.open("div")
    for paragraph in c["summary"]:
        t.open("p")
        t.html(paragraph)
        t.close("p")
    t.close("div")
    if c["claims"]:
        _claims(t, c["claims"])
    citations = c["citations"]
    if c["problems"]:
        _problems(t, c["problems"], c["shown"])
    _folded(t, citations, c["shown"], "ol", "quotes", _citation)
    if c["basis"]:
        first = "Undated:" if c["basis"][0]["by"] else "Dated from"
        _paragraph(t, first, *(_basis(item, i) for i, item in enumerate(c["basis"])), ".")
    if c["tags"]:
        t.open("p")
        for i, tag in enumerate(c["tags"]):
            t.text(" " if i else "")
            t.element("a", tag["label"])
        t.close("p")
    t.close("div")
    s.block()


def _report(t: Text, item: Context) -> None:
    if item["note"]:
        t.text(" ")
        t.element("span", item["note"])
    inference(t, item["inference"])


def inference(t: Text, text: str | None) -> None:
    """`` <span><strong>Inference:</strong> …</span>`` (an inferred attribution, labelled)."""
    if text:
        t.text(" ")
        t.open("span")
        t.element("strong", "Inference:")
        t.text(" " + text)
        t.close("span")


def _claims(t: Text, groups: list[Context]) -> None:
    t.open("div")
    for group in groups:
        t.open("div")
        t.open("p")
        t.element("a", group["label"])
        if group["differ"]:
            t.text(" ")
            t.element("span", "estimates differ")
        t.close("p")
        t.open("ul")
        for claim in group["claims"]:
            t.open("li")
            t.element("span", claim["figure"])
            t.text(" ")
            t.element("span", claim["unit"])
            t.element("span", claim["claimant"])
            reports = claim["reports"]
            t.open("span")
            if len(reports) == 1:
                t.text(f"{claim['as_of']} · ")
                t.element("a", f"quote {reports[0]['quote']}")
                t.close("span")
                _report(t, reports[0])
            else:
                t.text(f"{claim['as_of']} · one estimate, reported in {len(reports)} quotes")
                t.close("span")
                t.open("details")
                inferred = f" ({claim['inferred']} by inference)" if claim["inferred"] else ""
                t.element("summary", f"How each quote words it{inferred}")
                t.open("ul")
                for item in reports:
                    t.open("li")
                    t.text(f"{item['figure']}: ")
                    t.element("a", f"quote {item['quote']}")
                    _report(t, item)
                    t.close("li")
                t.close("ul")
                t.close("details")
            t.close("li")
        t.close("ul")
        t.close("div")
    _lede(
        t, "Each figure is what its claimant said, never merged or rounded. ", "How figures are recorded", ""
    )
    t.close("div")


def _folded(
    t: Text, items: list[Context], shown: int, tag: str, noun: str, write: Callable[[Text, Context], None]
) -> None:
    """A card's list whose items after the first ``shown`` fold into ``<details>`` when two or more
    would (card.html)."""
    cut = shown if len(items) > shown + 1 else len(items)
    t.open(tag)
    for item in items[:cut]:
        write(t, item)
    t.close(tag)
    if len(items) > cut:
        t.open("details")
        t.element("summary", f"{len(items) - cut} more {noun}")
        t.open(tag)
        for item in items[cut:]:
            write(t, item)
        t.close(tag)
        t.close("details")


def _problems(t: Text, problems: list[Context], shown: int) -> None:
    t.open("div")
    _paragraph(t, "Problems in the sources")
    _folded(t, problems, shown, "ul", "problems", _problem)
    t.close("div")


def _problem(t: Text, problem: Context) -> None:
    t.open("li")
    t.element("strong", problem["label"])
    tag = f" {problem['tag']}" if problem["tag"] else ""
    fix = f" Likely meant: {problem['correction']}." if problem["correction"] else ""
    t.text(f" in quote {problem['quote']}: “{problem['words']}”{tag}. {problem['note']}{fix}")
    t.close("li")


def _citation(t: Text, c: Context) -> None:
    t.open("li")
    t.open("blockquote")
    t.open("p")
    for words, tag in c["quote"]:
        if tag is None:
            t.text(words)
        else:
            t.element("span", words)
            t.text(" ")
            t.element("span", tag)
    t.close("p")
    t.close("blockquote")
    t.open("p")
    source = c["source"]
    t.element("a", source["title"])
    t.text(f" · {source['publisher']}" if source["publisher"] else "")
    t.text(f" · published {source['published']}")
    t.close("p")
    if c["note"]:
        _paragraph(t, "Note: " + c["note"])
    t.close("li")


def _basis(item: Context, index: int) -> str:
    before = ";" if index else ""
    if item["phrase"]:
        return (
            f"{before} “{item['phrase']}” in quote {item['quote']}, in an article published "
            f"{item['published']}, which points to {item['resolved']}"
        )
    if item["by"]:
        return (
            f"{before} quote {item['quote']} reports it in an article published {item['published']}, so it "
            "had happened by then"
        )
    return (
        f"{before} quote {item['quote']}, which reports it as current in an article published "
        f"{item['published']}"
    )


# ---------------------------------------------------------------- pages


def month(s: Sections, c: Context) -> None:
    """The lede and the cards; the tag chips, the list of events and the pager carry
    ``data-search-exclude`` (the cards hold the same words)."""
    after = f". {c['ties']}" if c["ties"] else "."
    _lede(s.text, f"{c['summary']}. Reported by {c['sources']}. ", "See them in the full timeline", after)
    s.block()
    for event in c["cards"]:
        card(s, event)


def months(s: Sections, c: Context) -> None:
    _paragraph(
        s.text,
        "One page per month with events, in order: each event is filed under the month its sources "
        "prove, a span under the month it begins. An event whose sources give only the year is filed "
        "under the year (“month not stated”), one they only show happened by some date under that date "
        "(“date not stated”).",
    )
    s.block()
    for year in c["years"]:
        s.heading(year["year"])
        t = s.text
        t.open("ol")
        for item in year["months"]:
            t.open("li")
            t.element("a", item["title"])
            t.text(" ")
            t.element("span", item["events"])
            t.close("li")
        t.close("ol")
        s.block()
