"""Golden files of the two build-time SVGs: the overview axis (overview.html) and a measure's chart
(chart.html), each made from a small timeline that holds every kind of mark, and the overview of a
timeline long enough to be drawn as density bars. Each SVG is also read with a real XML parser and
checked for what a reader relies on.

After an intended change: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_svg_golden.py
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator import dates
from generator.model import Citation, Claim, Event, Measure, Source, Span, Timeline, Vocabulary
from generator.render import Options, Renderer
from generator.render.chart import Claimants, chart
from generator.render.overview import BIN_ABOVE, overview_html

GOLDEN = Path(__file__).resolve().parent / "golden-svg"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
SVG = "{http://www.w3.org/2000/svg}"
TEXT = "One sentence. Another sentence.\n"
PERIODS = {"2024-06": "June — a pact", "2024-12": "December — reports"}


def _source() -> Source:
    return Source("s", "A source", "A publisher", None, dates.parse("2024-12-23"), "dated", "0" * 64, TEXT)


def _event(ident: str, value: str, claims: tuple[Claim, ...] = ()) -> Event:
    citation = Citation("s", TEXT[:13], Span("s", 0, 13))
    return Event(
        ident, f"events/{ident}.yaml", dates.parse(value), f"Title {ident}", "S.", ("t",), (citation,), claims
    )


def _claim(claimant: str, qualifier: str, value: float, as_of: str, estimate: str | None = None) -> Claim:
    return Claim("m", qualifier, claimant, dates.parse(as_of), 0, value=value, estimate=estimate)


EVENTS = (
    _event("day", "2024-06-19"),
    _event("month", "2024-08"),
    _event("uncertain-month", "2024-12?"),
    _event("year", "2024"),
    _event("span", "2024-04?/2024-11?"),
    _event("since", "2024-08/.."),
    _event("by", "../2024-12-23"),
    _event("early", "2022-02"),
)


def _timeline(events: tuple[Event, ...]) -> Timeline:
    vocabulary = Vocabulary(measures={"m": Measure("m", "Casualties", "soldiers")})
    return Timeline(events, {"s": _source()}, vocabulary)


def _compare(name: str, svg: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == svg, f"{name} differs: UPDATE_GOLDEN=1 and review the diff"


def _svg(html: str) -> ET.Element:
    found = re.search(r"<svg .*?</svg>", html, re.DOTALL)
    assert found, html[:200]
    return ET.fromstring(found.group(0))


def test_overview_marks_every_event_as_a_named_link() -> None:
    renderer = Renderer(_timeline(EVENTS), Options(periods=PERIODS))
    html = str(overview_html(renderer.site, "index.md"))
    _compare("overview.html", html)
    svg = _svg(html)
    links = svg.findall(f".//{SVG}a")
    assert len(links) == len(EVENTS)
    names = {link.findtext(f"{SVG}title") for link in links}
    assert "Title year (2024)" in names and "Title by (by 23 December 2024)" in names
    kinds = {link.get("href", "").split("#")[1]: link.get("class", "") for link in links}
    assert "tl-om-point" in kinds["e-day"] and "tl-om-span" in kinds["e-month"]
    assert "tl-om-since" in kinds["e-since"] and "tl-om-by" in kinds["e-by"]
    assert "tl-unsure" in kinds["e-uncertain-month"] and "tl-unsure" not in kinds["e-month"]
    assert len(svg.findall(f".//{SVG}rect[@class='tl-band']")) == len(PERIODS)
    labels = [t.text for t in svg.findall(f".//{SVG}text[@class='tl-band-label']")]
    assert labels == list(PERIODS.values())
    month = next(link for link in links if "e-month" in link.get("href", ""))
    bar = month.find(f"{SVG}rect")
    assert bar is not None and float(bar.get("width", "0")) > 20  # a month is a span, not a point


def test_a_long_overview_draws_density_bars_per_group() -> None:
    start = date(2020, 1, 1)
    many = tuple(_event(f"e{i}", (start + timedelta(days=i)).isoformat()) for i in range(BIN_ABOVE + 200))
    renderer = Renderer(_timeline(many), Options())
    html = str(overview_html(renderer.site, "index.md"))
    _compare("overview-binned.html", html)
    svg = _svg(html)
    links = svg.findall(f".//{SVG}a")
    assert len(links) == len(renderer.site.groups) < 30  # one bar per month, not per event
    assert all(re.fullmatch(r"dated/\d{4}-\d{2}/", link.get("href", "")) for link in links)
    assert all(re.search(r": \d+ events?$", link.findtext(f"{SVG}title") or "") for link in links)
    assert len(html) < 20_000


def test_chart_gives_each_claimant_one_colour_and_shape_and_draws_spans() -> None:
    claims = [
        _claim("Alpha", "about", 1100, "2024-12", estimate="a-dec"),
        _claim("Alpha", "at-least", 1100, "2024-12", estimate="a-dec"),  # the same estimate again
        _claim("Beta", "at-least", 3000, "2024-12-23"),
        _claim("Gamma", "at-most", 500, "2024-11"),
    ]
    claimants = Claimants(claims)
    found = chart("chart-m", "Casualties", "soldiers", claims, claimants)
    assert found is not None
    renderer = Renderer(_timeline(EVENTS), Options())
    html = renderer.site.templates.render("chart.html", found)
    _compare("chart.html", html)
    svg = _svg(html)
    series = svg.findall(f"{SVG}g[@class]")
    marks = [g for g in series if "tl-series" in (g.get("class") or "")]
    assert len(marks) == 3  # one per estimate: Alpha's two reports are one
    assert svg.find(f".//{SVG}polyline") is None  # nothing joins separate estimates
    spans = [g for g in marks if g.find(f"{SVG}line[@class='tl-span']") is not None]
    assert {(g.findtext(f"{SVG}title") or "").split(":")[0] for g in spans} == {"Alpha", "Gamma"}  # months
    labels = [" ".join(t.text or "" for t in g.iter(f"{SVG}tspan")) for g in marks]
    assert any("Beta" in label and "at least 3,000" in label for label in labels)  # labelled directly
    assert claimants.colour("Beta") == found["series"][1]["class"]
    again = chart("chart-n", "Other", "soldiers", [claims[2]] * 2 + [claims[3]], claimants)
    assert again is not None
    colours = {s["claimant"]: (s["class"], s["shape"]) for s in again["series"]}
    assert colours["Beta"] == (claimants.colour("Beta"), found["series"][1]["shape"])  # same in every chart


@pytest.mark.parametrize("name", ["overview.html", "overview-binned.html", "chart.html"])
def test_golden_files_are_well_formed(name: str) -> None:
    _svg((GOLDEN / name).read_text(encoding="utf-8"))
