"""Rendered pages kept from one render of a site to the next (``mkdocs serve`` rebuilds), reused when
everything the page is made from is equal to last time, so that after one edit only the pages it can
change are rendered again.

A page is reused only when all of these are equal (``==``: the model is frozen dataclasses) to what
they were when it was rendered:

* the site-wide inputs: the options, the templates (their text), the heading settings, the vocabulary,
  the list of groups of events (months, years, "by" dates: their titles and the pager between them),
  and every claim that names an estimate (estimates are shared across events);
* its title's id;
* what its kind of page is made of (:func:`page_inputs`): a group's page (``dated/``), its events and
  the sources they cite; a source page, the source and every citation of it (with the citing events,
  in order); a tag page, its events.

Every other page (the full timeline, the indexes, the figures) is rendered each time, but each event's
one-line item in it (``cards.compact_item``: made from the event and the site-wide inputs) is kept
while the event is equal. A page kind
whose context comes to read more than :func:`page_inputs` lists must list it there:
tests/render/test_reuse.py renders after many kinds of edit and compares every page with a cold render.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from .pages import Page, Rendered, Renderer


def page_inputs(renderer: Renderer, page: Page) -> tuple[Any, ...] | None:
    """What ``page`` is made of beyond the site-wide inputs; None: everything (never reused)."""
    site = renderer.site
    if page.kind == "month":
        group = renderer.groups_by_key.get(page.key)
        events = tuple(site.groups.get(group, ())) if group is not None else ()
        cited = sorted({c.source for e in events for c in e.citations})
        return events, tuple((sid, site.timeline.sources.get(sid)) for sid in cited)
    if page.kind == "source":
        return site.timeline.sources.get(page.key), tuple(renderer.by_source.get(page.key, ()))
    if page.kind == "tag":
        return (tuple(renderer.by_tag.get(page.key, ())),)
    return None


def site_inputs(renderer: Renderer) -> tuple[Any, ...]:
    """What every page may read: the options, the templates' text, the vocabulary, the months with
    their titles, and every claim naming an estimate."""
    site = renderer.site
    months = tuple((group.key, site.group_title(group)) for group in site.group_keys)
    estimates = tuple((e.id, c) for e in site.events for c in e.claims if c.estimate)
    return site.options, site.templates.fingerprint, site.timeline.vocabulary, months, estimates


class Reuse:
    """The pages of the last render, by path. :meth:`start` each render with its renderer and the
    caller's own settings (anything else its output depends on, e.g. how headings are written)."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[tuple[Any, ...], Rendered]] = {}
        self._site: tuple[Any, ...] | None = None
        self._renderer: Renderer | None = None
        self.reused = 0
        self.rendered = 0

    def start(self, renderer: Renderer, settings: Hashable) -> None:
        site = (settings, site_inputs(renderer))
        if site != self._site:
            self._kept.clear()
        elif self._renderer is not None:  # each event's one-line item, likewise (cards.compact_item)
            renderer.site.carried = self._renderer.site.items
        self._site, self._renderer = site, renderer
        self.reused = self.rendered = 0

    def get(self, path: str, title_id: str | None, search: bool, render: Callable[[], Rendered]) -> Rendered:
        """``path`` as rendered last time if nothing it is made of changed, else ``render()``."""
        renderer = self._renderer
        assert renderer is not None
        inputs = page_inputs(renderer, renderer.pages[path])
        if inputs is None:
            self.rendered += 1
            return render()
        key = (title_id, search, inputs)
        kept = self._kept.get(path)
        if kept is not None and kept[0] == key:
            self.reused += 1
            return kept[1]
        self.rendered += 1
        rendered = render()
        self._kept[path] = (key, rendered)
        return rendered

    def clear(self) -> None:
        self._kept.clear()
        self._site = self._renderer = None
