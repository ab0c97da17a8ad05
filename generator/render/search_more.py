"""Search entries of the figures, source and tag pages (see search.py)."""

from __future__ import annotations

from typing import Any

from .search import Sections, _lede, _paragraph, inference
from .searchtext import Text

Context = dict[str, Any]


def _table(t: Text, head: list[str], rows: list[list[str | list[str]]]) -> None:
    """A table in its scroll wrappers; a cell given as a list holds runs of text between tags."""
    for tag in ("div", "div", "table", "thead", "tr"):
        t.open(tag)
    for name in head:
        t.element("th", name)
    for tag in ("tr", "thead"):
        t.close(tag)
    t.open("tbody")
    for row in rows:
        t.open("tr")
        for cell in row:
            t.open("td")
            runs = [cell] if isinstance(cell, str) else cell
            for run in runs:
                t.element("span", run)
            t.close("td")
        t.close("tr")
    for tag in ("tbody", "table", "div", "div"):
        t.close(tag)


def figures(s: Sections, c: Context) -> None:
    _lede(
        s.text,
        "Every figure in the timeline is a claim: someone said it, as of some date, and a quote backs "
        "it. Claims are never merged, averaged or rounded; where estimates differ, they are shown side "
        "by side with who made them. ",
        "How figures are recorded",
    )
    s.block()
    if not c["measures"]:
        _paragraph(s.text, "No figures have been recorded yet.")
    for measure in c["measures"]:
        s.heading(measure["label"])
        t = s.text
        t.open("p")
        if measure["description"]:
            t.text(measure["description"] + " ")
        if measure["spread"]:
            t.text("Claimed: ")
            t.element("strong", measure["spread"].text)
            t.text(f" {measure['unit']} ({measure['agreement']}).")
        t.close("p")
        s.block()
        if measure["chart"]:
            _chart(t)
            s.block()
        _claimants(t, measure)
        s.block()


def _claimants(t: Text, measure: Context) -> None:
    t.open("ul")
    for claimant in measure["claimants"]:
        t.open("li")
        t.open("svg")
        t.open("path")
        t.close("svg")
        t.text(" ")
        t.element("strong", claimant["name"])
        t.open("ul")
        for estimate in claimant["estimates"]:
            t.open("li")
            t.element("span", estimate["figure"])
            also = f" (also reported as {estimate['also']})" if estimate["also"] else ""
            t.text(f" {measure['unit']}, {estimate['as_of']}{also}, {estimate['quotes']}")
            if estimate["event"]:
                t.text(" · ")
                t.element("a", estimate["event"].title)
            t.text(":")
            t.open("ul")
            for report in estimate["reports"]:
                t.open("li")
                if report["source"]:
                    t.element("a", report["source"]["title"])
                else:
                    t.text("an unknown source")
                t.text(f": {report['figure']}")
                if not estimate["event"]:
                    t.text(" · ")
                    t.element("a", report["event"].title)
                inference(t, report["inference"])
                t.close("li")
            t.close("ul")
            t.close("li")
        t.close("ul")
        t.close("li")
    t.close("ul")


def _chart(t: Text) -> None:
    """chart.html: the plot and its caption are left out of search (data-search-exclude)."""
    t.open("figure")
    t.open("div")
    t.close("div")
    t.text("\n")
    t.open("figcaption")
    t.close("figcaption")
    t.close("figure")


def sources(s: Sections, c: Context) -> None:
    none = "" if c["publishers"] else " No stored article records its publisher."
    _lede(
        s.text,
        "Every article the timeline cites, stored word for word. Each page shows the whole text with "
        f"the quoted passages highlighted.{none} ",
        "How sources are chosen and stored",
    )
    s.block()
    shown = bool(c["publishers"])
    rows: list[list[str | list[str]]] = [
        [row["title"], *([row["publisher"] or "unknown"] if shown else []), row["published"], row["events"]]
        for row in c["sources"]
    ]
    heads = ["Article", *(["Publisher"] if shown else []), "Published", "Cited by"]
    _table(s.text, heads, rows)


def source(s: Sections, c: Context) -> None:
    t = s.text
    info = c["source"]  # its metadata (the <dl>) carries data-search-exclude
    t.open("p")
    t.text(
        f"The stored text of this article, exactly as kept in the repository. {c['quotes']} from it back "
        f"{c['events']}; each is highlighted below and links back (↩) to the quote in its event. "
        "Check the copy: "
    )
    t.element("code", f"sha256sum seeds/{info['id']}.txt")
    t.text(" must print the SHA-256 above. ")
    t.element("a", "How sources are stored and checked")
    t.text(".")
    t.close("p")
    s.block()
    s.heading("Cited by")
    t = s.text
    if c["cited_by"]:
        t.open("ol")
        for item in c["cited_by"]:
            t.open("li")
            t.element("a", item["event"].title)
            t.text(" ")
            t.element("span", item["date"])
            t.text(" · ")
            t.element("a", "quote")
            t.close("li")
        t.close("ol")
    else:
        _paragraph(t, "No event cites this article.")
    s.block()
    s.heading("The article")
    _article(s.text, c["paragraphs"])


def _article(t: Text, paragraphs: list[Context]) -> None:
    t.open("div")
    t.text("\n")
    for paragraph in paragraphs:
        t.open("p")
        for part in paragraph["parts"]:
            if part["note"]:
                t.element("span", "Not part of the article: " + part["note"])
                t.text(" ")
            if part["dim"]:
                t.open("span")
            mark = part["mark"]
            if mark:
                for _ in range(1 + len(mark["inner"])):
                    t.open("mark")
                t.text(part["text"])
                for _ in range(1 + len(mark["inner"])):
                    t.close("mark")
                # the back-links (<sup>) carry data-search-exclude
            else:
                t.text(part["text"])
            if part["dim"]:
                t.close("span")
        t.close("p")
        t.text("\n")
    t.close("div")
