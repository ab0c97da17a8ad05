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
from typing import Any

import pytest

from generator import dates
from generator.model import Citation, Claim, Event, Measure, Source, Span, Timeline, Vocabulary
from generator.render import Options, Renderer, shapes
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
    labels = [" — ".join(t.text or "" for t in label) for label in svg.iter(f"{SVG}text")]
    assert [label for label in labels if label in PERIODS.values()] == list(PERIODS.values())
    month = next(link for link in links if "e-month" in link.get("href", ""))
    bar = month.find(f"{SVG}rect[@rx]")
    assert bar is not None and float(bar.get("width", "0")) > 20  # a month is a span, not a point
    for link in links:  # every link can be hit: at least 24 by 24 px, at 1 unit per px
        hit = link.find(f"{SVG}rect[@class='tl-hit']")
        assert hit is not None and float(hit.get("height", 0)) >= 24 and float(hit.get("width", 0)) >= 24
    assert svg.get("width") == svg.get("viewBox", "").split()[2]  # drawn at its natural size


def _x(element: ET.Element | None, name: str = "x") -> float:
    assert element is not None
    return float(element.get(name, "nan"))


def test_a_by_date_is_an_end_tick_with_an_open_start_never_a_span() -> None:
    renderer = Renderer(_timeline(EVENTS), Options(periods=PERIODS))
    svg = _svg(str(overview_html(renderer.site, "index.md")))
    links = {link.get("href", "").split("#")[1]: link for link in svg.iter(f"{SVG}a")}
    by = links["e-by"]
    assert by.find(f"{SVG}rect[@rx]") is None and by.find(f"{SVG}circle") is None  # no bar, no dot
    tick, line = by.find(f"{SVG}rect[@class='tl-by-tick']"), by.find(f"{SVG}line[@class='tl-by-line']")
    arrow = by.find(f"{SVG}path[@class='tl-by-arrow']")
    assert tick is not None and line is not None and arrow is not None
    assert float(tick.get("width", 99)) <= 4 and "url(#" in line.get("stroke", "")  # a fading line
    # the tick is at the end of 23 December, the line starts at the scale's start, not at a made-up day
    december = links["e-uncertain-month"].find(f"{SVG}rect[@rx]")
    day_width = _x(december, "width") / 31
    assert abs(_x(tick) + 4 - (_x(december) + 23 * day_width)) < 1
    year = links["e-year"].find(f"{SVG}rect[@rx]")
    assert _x(line, "x1") == _x(year)  # the year 2024 starts the scale


def test_an_early_context_event_sits_left_of_a_break_and_does_not_squash_the_scale() -> None:
    renderer = Renderer(_timeline(EVENTS), Options(periods=PERIODS))
    svg = _svg(str(overview_html(renderer.site, "index.md")))
    links = {link.get("href", "").split("#")[1]: link for link in svg.iter(f"{SVG}a")}
    early, year = links["e-early"].find(f"{SVG}circle"), links["e-year"].find(f"{SVG}rect[@rx]")
    assert _x(early, "cx") < _x(year) and svg.find(f".//{SVG}path[@class='tl-break']") is not None
    assert _x(year, "width") > 0.8 * float(svg.get("width", 0))  # 2024 takes the scale, not a fifth
    months = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "tl-month"]
    assert months[:12] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    title = svg.findtext(f"{SVG}title") or ""
    assert title == "Overview: 8 events, February 2022 to 2024" and "to by" not in title
    without = Renderer(_timeline(EVENTS), Options())  # no periods: nothing is context
    assert "tl-break" not in str(overview_html(without.site, "index.md"))


def test_events_sharing_a_date_are_one_counted_mark_linking_to_their_page() -> None:
    same = tuple(_event(f"by{i}", "../2024-12-23") for i in range(5)) + EVENTS[:3]
    renderer = Renderer(_timeline(same), Options(periods=PERIODS))
    svg = _svg(str(overview_html(renderer.site, "index.md")))
    links = svg.findall(f".//{SVG}a")
    assert len(links) == 4
    counted = [link for link in links if link.find(f"{SVG}text[@class='tl-count']") is not None]
    assert len(counted) == 1 and counted[0].findtext(f"{SVG}text") == "5 events"
    assert counted[0].get("href") == "dated/by-2024-12/"
    assert (counted[0].findtext(f"{SVG}title") or "").startswith("5 events, by 23 December 2024")
    title = svg.findtext(f"{SVG}title") or ""
    assert title == "Overview: 8 events, 19 June 2024 to probably December 2024", title


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


CHART_CLAIMS = [
    _claim("Alpha", "about", 1100, "2024-12", estimate="a-dec"),
    _claim("Alpha", "at-least", 1100, "2024-12", estimate="a-dec"),  # the same estimate again
    _claim("Beta", "at-least", 3000, "2024-12-23"),
    _claim("Gamma", "at-most", 500, "2024-11"),
    _claim("Delta", "at-least", 2000, "../2024-12-23"),  # by a date
    _claim("Epsilon", "exact", 800, "2024-12-10?"),  # probably that day
    _claim("Not named in the article", "about", 2500, "2024-12?"),  # unnamed, probably that month
    Claim("m", "range", "Zeta", dates.parse("2024-11-20/.."), 0, min=200, max=400),  # since, a range
]
UNNAMED_IN = "An article"


def _chart() -> tuple[dict[str, Any], Claimants]:
    claimants = Claimants(CHART_CLAIMS)
    found = chart("chart-m", "Casualties", "soldiers", CHART_CLAIMS, claimants, lambda claim: UNNAMED_IN)
    assert found is not None
    return found, claimants


def _marks(svg: ET.Element) -> dict[str, ET.Element]:
    groups = [g for g in svg.iter(f"{SVG}g") if "tl-series" in (g.get("class") or "")]
    return {(g.findtext(f"{SVG}title") or "").split(":")[0]: g for g in groups}


def test_chart_gives_each_claimant_one_colour_and_shape_and_draws_spans() -> None:
    found, claimants = _chart()
    renderer = Renderer(_timeline(EVENTS), Options())
    html = renderer.site.templates.render("chart.html", found)
    _compare("chart.html", html)
    svg = _svg(html)
    marks = _marks(svg)
    assert len(marks) == 7  # one per estimate: Alpha's two reports are one
    assert svg.find(f".//{SVG}polyline") is None  # nothing joins separate estimates
    spans = {
        name
        for name, g in marks.items()
        if any("tl-span" in (line.get("class") or "") for line in g.findall(f"{SVG}line"))
    }
    assert spans == {"Alpha", "Gamma", f"unnamed (in “{UNNAMED_IN}”)"}  # months are bars
    labels = [" ".join(t.text or "" for t in text.iter(f"{SVG}tspan")) for text in svg.iter(f"{SVG}text")]
    assert any("Beta" in label and "at least 3,000" in label for label in labels)  # labelled directly
    assert claimants.colour("Beta") == next(s["class"] for s in found["series"] if s["claimant"] == "Beta")
    again = chart("chart-n", "Other", "soldiers", [CHART_CLAIMS[2]] * 2 + [CHART_CLAIMS[3]], claimants)
    assert again is not None
    colours = {s["claimant"]: (s["class"], s["shape"]) for s in again["series"]}
    first = {s["claimant"]: (s["class"], s["shape"]) for s in found["series"]}
    assert colours["Beta"] == first["Beta"]  # the same in every chart


def test_a_by_claim_is_a_whisker_ending_at_its_date_not_a_day_point() -> None:
    found, _ = _chart()
    by = next(m for m in found["marks"] if m["claimant"] == "Delta")
    assert by["kind"] == "by" and by["span"] is None and by["whisker"] is not None
    day_end = by["x2"]  # the end of 23 December
    assert day_end - 4 * shapes.R < by["x"] + shapes.R <= day_end + 0.05  # the mark ends by the date …
    xs = [float(n) for n in re.findall(r"-?\d+\.?\d*", by["whisker"]["line"])[::2]]
    assert max(xs) < by["x"] and min(xs) < by["x"] - 15  # … and its whisker points back from it
    since = next(m for m in found["marks"] if m["claimant"] == "Zeta")
    xs = [float(n) for n in re.findall(r"-?\d+\.?\d*", since["whisker"]["line"])[::2]]
    assert since["kind"] == "since" and min(xs) > since["x"]
    assert [k["name"] for k in found["key"] if k["name"] in ("by", "since")] == ["by", "since"]


def test_an_uncertain_as_of_date_is_dashed_and_in_the_key() -> None:
    found, _ = _chart()
    html = Renderer(_timeline(EVENTS), Options()).site.templates.render("chart.html", found)
    marks = _marks(_svg(html))
    probably_day = marks["Epsilon"]
    assert probably_day.find(f"{SVG}path[@class='tl-halo']") is not None  # a dashed ring round the point
    month = marks[f"unnamed (in “{UNNAMED_IN}”)"]
    assert month.find(f"{SVG}line[@class='tl-span tl-unsure']") is not None  # a dashed bar
    certain = marks["Alpha"]
    assert certain.find(f"{SVG}line[@class='tl-span']") is not None
    assert certain.find(f"{SVG}path[@class='tl-halo']") is None
    assert "unsure" in [k["name"] for k in found["key"]]


def test_an_unnamed_source_is_grey_and_no_claimant() -> None:
    found, claimants = _chart()
    unnamed = next(m for m in found["marks"] if m["claimant"].startswith("Not named"))
    assert unnamed["class"] == "n" and unnamed["shape_name"] == shapes.UNNAMED_SHAPE
    assert unnamed["name"] == f"unnamed (in “{UNNAMED_IN}”)"
    named = {claimants.shape(c.claimant) for c in CHART_CLAIMS if not c.claimant.startswith("Not")}
    assert shapes.UNNAMED_SHAPE not in named
    assert all(claimants.colour(c.claimant) != "n" for c in CHART_CLAIMS if not c.claimant.startswith("Not"))
    assert "Not named in the article" not in claimants.index  # takes no claimant's place


def _points(path: str) -> list[tuple[float, float]]:
    """The absolute points of a path written with M, L, H and V only (Z ignored)."""
    found: list[tuple[float, float]] = []
    for command, args in re.findall(r"([MLHV])([^MLHVZ]*)", path):
        values = [float(n) for n in args.split()]
        if command == "H":
            found.append((values[0], found[-1][1]))
        elif command == "V":
            found.append((found[-1][0], values[0]))
        else:
            found.append((values[0], values[1]))
    return found


def _normal(path: str) -> list[tuple[float, float]]:
    """A path's points relative to its first (so that a glyph compares wherever it is drawn)."""
    points = _points(path)
    return [(round(x - points[0][0], 1), round(y - points[0][1], 1)) for x, y in points]


@pytest.mark.parametrize("name", shapes.CLAIMANT_SHAPES)
def test_no_claimant_shape_is_a_qualifier_glyph(name: str) -> None:
    corners = shapes.shape_points(name, 50, 50)
    assert len(corners) != 3  # no triangle: ▲ and ▼ say "at least" and "at most"
    drawn = _normal(shapes.shape_path(name, 50, 50))
    glyphs = [shapes.up(50, 50), shapes.down(50, 50), *shapes.whisker(50, 50, 30, True).values()]
    assert all(drawn != _normal(glyph) for glyph in glyphs)
    assert all(drawn != _normal("M" + part) for glyph in glyphs for part in glyph.split("M")[1:])


def test_the_key_draws_the_qualifiers_as_the_chart_does() -> None:
    found, _ = _chart()
    key = {k["name"]: k for k in found["key"]}
    beta = next(m for m in found["marks"] if m["claimant"] == "Beta")
    gamma = next(m for m in found["marks"] if m["claimant"] == "Gamma")
    up = next(p["d"] for p in key["up"]["paths"] if p["class"] == "tl-up")
    down = next(p["d"] for p in key["down"]["paths"] if p["class"] == "tl-up")
    assert _normal(up) == _normal(beta["up"]) and _normal(down) == _normal(gamma["down"])
    assert set(key) == {"point", "span", "by", "since", "unsure", "about", "up", "down", "range", "unnamed"}


def test_no_leader_or_label_enters_the_plot_and_the_axis_ends_with_the_data() -> None:
    found, _ = _chart()
    right, bottom = float(found["right"]), float(found["bottom"])
    for mark in found["marks"]:
        points = _points(mark["leader"])
        assert all(x > right for x, _ in points), mark["leader"]  # in the gutter, right of the plot …
        assert all(y <= bottom for _, y in points)  # … never below the x axis
        assert float(mark["label_x"]) > right
        *name, said = (line["text"] for line in mark["label"])  # the label is its own mark's
        assert mark["name"].startswith(" ".join(name).rstrip("…")) and mark["said"].startswith(mark["name"])
        assert f": {said} soldiers, " in mark["said"]
        assert all(float(line["y"]) <= bottom for line in mark["label"])
        assert max(float(mark["span"]["x2"]) if mark["span"] else mark["x"], 0) <= right
    assert found["time"]["last"] == "31 December 2024"  # the data's last day, not a month later


@pytest.mark.parametrize("name", ["overview.html", "overview-binned.html", "chart.html"])
def test_golden_files_are_well_formed(name: str) -> None:
    _svg((GOLDEN / name).read_text(encoding="utf-8"))


def test_an_unnamed_source_is_called_by_its_article() -> None:
    from generator.render.chart import unnamed_label

    assert unnamed_label("Not named in the article", "A") == "unnamed (in “A”)"
    assert unnamed_label('Not named in the article ("estimates suggest")', "A") == "unnamed (in “A”)"
    assert unnamed_label("Unnamed officials", "A") == "Unnamed officials (in “A”)"


def test_density_bars_draw_a_by_group_as_a_tick_at_its_date_not_a_month() -> None:
    start = date(2020, 1, 1)
    many = tuple(_event(f"e{i}", (start + timedelta(days=i)).isoformat()) for i in range(BIN_ABOVE + 200))
    many += tuple(_event(f"by{i}", "../2020-03-31") for i in range(3))
    renderer = Renderer(_timeline(many), Options())
    svg = _svg(str(overview_html(renderer.site, "index.md")))
    bars = {
        link.get("href"): link.findall(f"{SVG}rect")[-1] for link in svg.findall(f".//{SVG}a")
    }  # not the hit area
    month, by = bars["dated/2020-03/"], bars["dated/by-2020-03/"]
    assert month is not None and by is not None
    assert float(by.get("width", "0")) < 5 < float(month.get("width", "0"))
    month_end = float(month.get("x", "0")) + float(month.get("width", "0"))
    assert (
        abs(float(by.get("x", "0")) + float(by.get("width", "0")) - month_end) < 1.5
    )  # ends where March ends
