"""What `mkdocs serve` keeps between rebuilds gives the same result as a cold run, after every kind of
edit: validation results reused per file (generator/checkcache.py), rendered pages reused per page
(generator/render/reuse.py) and each event's part of the exported files (generator/exports/common.py
``Kept``). A sequence of edits is applied to a copy of the fixture corpus; after
each, validation with the kept results must equal a cold validation (diagnostics and timeline), and
every page rendered with kept pages must equal a cold render (HTML, headings, search entries), and
every exported file a cold export. The
counts of what was checked and rendered again show that the caches do reuse what they can."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.checkcache import CheckCache
from generator.exports import ExportOptions, Kept, build_exports
from generator.exports.common import updated_at
from generator.render import Headings, Options, Permalinks, Renderer
from generator.render.reuse import Reuse
from generator.validate import Project, Result, validate_project

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def _unique(text: str, used: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "_"
    found, n = slug, 0
    while found in used:
        n += 1
        found = f"{slug}_{n}"
    return found


PERMALINKS = Permalinks(symbol="&para;", auto_id=_unique)
OPTIONS = Options(periods={"2024-06": "June 2024 — the defense pact"})
EXPORTS = ExportOptions(
    title="T", updated=updated_at(0), site_url="https://example.org/t/", directory_urls=True, description="D"
)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _pages(renderer: Renderer, reuse: Reuse | None) -> dict[str, tuple[str, list[object], list[object]]]:
    out = {}
    for path, page in renderer.pages.items():
        title = _unique(" ".join(page.title.split()), set())

        def render(page: object = page, title: str = title) -> object:
            return renderer.render(page, Headings(permalinks=PERMALINKS, used={title}), search=True)  # type: ignore[arg-type]

        got = reuse.get(path, title, True, render) if reuse is not None else render()
        out[path] = (got.html, list(got.headings), list(got.search))  # type: ignore[attr-defined]
    return out


class Serving:
    """A project in a temporary folder, validated and rendered as `mkdocs serve` does on each rebuild."""

    def __init__(self, root: Path) -> None:
        shutil.copytree(CORPUS, root, dirs_exist_ok=True)
        self.root = root
        self.project = Project(root / "events", root / "seeds", root=root)
        self.checks = CheckCache()
        self.reuse = Reuse()
        self.kept = Kept()
        self.options = OPTIONS

    def rebuild(self) -> tuple[Result, int, int]:
        """Validate and render with what was kept; check both against a cold run. Returns the result,
        the files checked again and the pages rendered again."""
        warm = validate_project(self.project, cache=self.checks)
        cold = validate_project(self.project)
        assert warm.diagnostics == cold.diagnostics
        assert warm.timeline == cold.timeline
        assert (warm.event_count, warm.source_count) == (cold.event_count, cold.source_count)
        if not cold.ok:
            return warm, self.checks.checked, -1
        renderer = Renderer(warm.timeline, self.options)
        self.reuse.start(renderer, "settings")
        assert _pages(renderer, self.reuse) == _pages(Renderer(cold.timeline, self.options), None)
        assert build_exports(warm.timeline, EXPORTS, self.kept) == build_exports(cold.timeline, EXPORTS)
        return warm, self.checks.checked, self.reuse.rendered


Edit = Callable[[Path], None]
A, B = "events/jcs-1100-casualties.yaml", "events/estimates-differ.yaml"
STEPS: list[tuple[str, Edit, int | None]] = [
    # (what, the edit, how many event files must be checked again; None: not asserted)
    ("nothing changed", lambda r: None, 0),
    ("an event's summary reworded", lambda r: _edit(r / A, "suffered about", "suffered roughly"), 1),
    ("an event's tags", lambda r: _edit(r / A, "tags: [casualties]", "tags: [casualties, military]"), 1),
    (  # its one-line item in the full timeline changes, and no site-wide input does
        "an event's title",
        lambda r: _edit(
            r / A, "title: South Korea's military estimates", "title: Seoul's military estimates"
        ),
        1,
    ),
    (
        "a source's title",
        lambda r: _edit(r / "seeds/fixture-b.yaml", "sign a defense", "sign a mutual"),
        None,
    ),
    ("a source's publisher", lambda r: _edit(r / "seeds/fixture-a.yaml", "publisher:", "publisher: X"), None),
    (
        "an estimate shared by two events",
        lambda r: (
            _edit(r / A, "    citation: 1\n", "    citation: 1\n    estimate: jcs-dec\n"),
            _edit(r / B, "    citation: 1\n", "    citation: 1\n    estimate: jcs-dec\n"),
        ),
        2,
    ),
    ("the estimate reworded", lambda r: _edit(r / B, "estimate: jcs-dec", "estimate: jcs-december"), 1),
    (
        "a vocabulary label",
        lambda r: _edit(r / "events/_vocabulary.yaml", "label: Military", "label: Armed"),
        7,
    ),
    ("an event removed", lambda r: (r / "events/kursk-incursion.yaml").unlink(), 0),
    (
        "an event added",
        lambda r: (r / "events/copy.yaml").write_text(
            (r / A).read_text(encoding="utf-8").replace("id: jcs-1100-casualties", "id: copy"),
            encoding="utf-8",
        ),
        1,
    ),
    ("a duplicate id", lambda r: _edit(r / "events/copy.yaml", "id: copy", "id: jcs-1100-casualties"), 1),
    (
        "the duplicate fixed",
        lambda r: _edit(r / "events/copy.yaml", "id: jcs-1100-casualties", "id: copy2"),
        1,
    ),
    ("a quote broken", lambda r: _edit(r / A, "had suffered around", "had suffered nearly"), 1),
    ("the quote fixed", lambda r: _edit(r / A, "had suffered nearly", "had suffered around"), 1),
    ("a source's text changed", lambda r: _edit(r / "seeds/fixture-c.txt", "a", "A"), None),
    ("the source's text restored", lambda r: _edit(r / "seeds/fixture-c.txt", "A", "a"), None),
    (
        "an event's month",
        lambda r: _edit(r / "events/pact-signed.yaml", 'date: "2024-06', 'date: "2024-07'),
        1,
    ),
    (
        "the month restored",
        lambda r: _edit(r / "events/pact-signed.yaml", 'date: "2024-07', 'date: "2024-06'),
        1,
    ),
]


@pytest.fixture(scope="module")
def serving(tmp_path_factory: pytest.TempPathFactory) -> Serving:
    site = Serving(tmp_path_factory.mktemp("serving"))
    result, checked, _ = site.rebuild()  # the first build: everything checked and rendered
    assert result.ok and checked == 7
    return site


@pytest.mark.parametrize(("what", "edit", "checked"), STEPS, ids=[s[0] for s in STEPS])
def test_a_rebuild_after_an_edit_equals_a_cold_run(
    serving: Serving, what: str, edit: Edit, checked: int | None
) -> None:
    edit(serving.root)
    result, rechecked, rendered = serving.rebuild()
    if checked is not None:
        assert rechecked == checked, what
    if result.ok and what == "nothing changed":
        assert rendered == 5  # the timeline, the indexes and the figures: always rendered again


def test_a_source_edit_checks_only_the_events_citing_it(tmp_path: Path) -> None:
    site = Serving(tmp_path)
    site.rebuild()
    citing = [p.name for p in (tmp_path / "events").glob("*.yaml") if "source: fixture-b" in p.read_text()]
    assert 0 < len(citing) < 7
    _edit(tmp_path / "seeds/fixture-b.yaml", "sign a defense", "sign a mutual")
    _, checked, rendered = site.rebuild()
    assert checked == len(citing)
    assert 6 < rendered < len(Renderer(validate_project(site.project).timeline, OPTIONS).pages)


def test_changed_options_render_every_page_again(tmp_path: Path) -> None:
    site = Serving(tmp_path)
    site.rebuild()
    site.options = Options(periods={"2024-06": "June 2024 — renamed"})
    _, _, rendered = site.rebuild()
    assert rendered == len(Renderer(validate_project(site.project).timeline, OPTIONS).pages)


def test_compiled_templates_are_reused_until_their_source_changes(tmp_path: Path) -> None:
    """Under serve, templates (the site's overrides and the package's) are compiled once and loaded
    from memory on later rebuilds, and compiled again when their source changes."""
    from generator.render.templates import MemoryBytecode, Templates

    kept = MemoryBytecode()
    override = tmp_path / "timeline" / "time.html"
    override.parent.mkdir()
    override.write_text("<time>{{ label }}</time>", encoding="utf-8")
    first = Templates([tmp_path], bytecode=kept)
    stored = dict(kept.stored)
    assert len(stored) >= 19
    assert first.render("time.html", {"label": "x"}) == "<time>x</time>"
    override.write_text("<time class=changed>{{ label }}</time>", encoding="utf-8")
    again = Templates([tmp_path], bytecode=kept)
    assert again.render("time.html", {"label": "x"}) == "<time class=changed>x</time>"
    changed = [key for key in stored if kept.stored[key] != stored[key]]
    assert len(changed) == 1  # the edited template only; every other one was loaded as it was


def test_sources_are_loaded_again_only_where_their_files_changed(tmp_path: Path) -> None:
    """A source whose two files are unchanged is kept (generator/sourcememo.py); one with an original page
    beside it is loaded every time, since that page can change without them."""
    import hashlib

    site = Serving(tmp_path)
    site.rebuild()
    memo = site.checks.sources
    site.rebuild()
    assert memo.reused == 3
    _edit(tmp_path / "seeds/fixture-b.yaml", "sign a defense", "sign a mutual")
    site.rebuild()
    assert memo.reused == 2
    page = tmp_path / "seeds" / "fixture-c.html"
    page.write_bytes(b"<p>the page</p>")
    meta = tmp_path / "seeds" / "fixture-c.yaml"
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    meta.write_text(
        meta.read_text(encoding="utf-8") + f"original:\n  file: fixture-c.html\n  sha256: {digest}\n"
    )
    result, _, _ = site.rebuild()
    assert result.ok
    site.rebuild()
    assert memo.reused == 2
    page.write_bytes(b"<p>the page, changed</p>")
    result, _, _ = site.rebuild()  # the warm run sees it as the cold one does
    assert any(d.path.endswith("fixture-c.yaml") for d in result.diagnostics)
