"""What the ``timeline`` plugin takes from ``mkdocs.yml``: its options (``TimelineConfig``) and, from
them and the MkDocs config, where the data is, how to render it and which templates to use."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .render import Options, TemplateProblem, Templates
from .render.context import PERIOD_KEY
from .render.templates import MemoryBytecode
from .stamps import StampError, data_date
from .validate import Project

ASSETS = Path(__file__).resolve().parent / "assets"
STYLESHEET = "assets/timeline/timeline.css"  # where the plugin's stylesheet lands in the site
SCRIPT = "assets/timeline/timeline.js"  # its progressive enhancements (tag filter, focus on arrival)


class TimelineConfig(Config):  # type: ignore[no-untyped-call]
    events = c.Type(str, default="events")
    seeds = c.Type(str, default="seeds")
    vocabulary = c.Optional(c.Type(str))
    periods = c.DictOfItems(c.Type(str), default={})
    strict = c.Type(bool, default=False)
    full_timeline_limit = c.Type(int, default=500)
    latest = c.Type(int, default=5)
    key_figures = c.Type(int, default=3)
    exports = c.Type(bool, default=True)  # feeds and data files, and the Data page listing them
    # The offline zip (a path from mkdocs.yml's folder): when it exists at build time, it is copied
    # beside the home page, which links it with its size. Left out of builds with the offline plugin.
    download = c.Optional(c.Type(str))
    # Show on the home page when the data (events and seeds) last changed: its last commit's date.
    last_updated = c.Type(bool, default=False)


def site_settings(
    plugin: TimelineConfig, config: MkDocsConfig, bytecode: MemoryBytecode | None = None
) -> tuple[Project, Options, Templates]:
    """What the timeline takes from ``mkdocs.yml``: where the data is, how to render it, the templates
    (the site's overrides in its theme ``custom_dir`` first). Every template is compiled now: a broken
    one raises :class:`PluginError` (one line, ``file:line``) before anything is built."""
    bad = sorted(k for k in plugin.periods if not PERIOD_KEY.match(str(k)))
    if bad:
        raise PluginError(f'timeline: periods keys must be months like "2024-06", not {", ".join(bad)}')
    base = project_root(config)
    vocabulary = plugin.vocabulary
    # Diagnostics name files relative to the project root, as `python -m generator validate` does
    # when run there: events/x.yaml:12:5.
    project = Project(
        base / plugin.events, base / plugin.seeds, base / vocabulary if vocabulary else None, root=base
    )
    try:
        updated = data_date(base, (project.events, project.seeds)) if plugin.last_updated else None
    except StampError as exc:
        raise PluginError(f"timeline: {exc}") from None
    options = Options(
        periods=dict(plugin.periods),
        directory_urls=bool(config.use_directory_urls),
        full_limit=plugin.full_timeline_limit,
        latest=plugin.latest,
        key_figures=plugin.key_figures,
        download=_download(base / plugin.download, config) if plugin.download else None,
        updated=updated,
    )
    custom = config.theme.custom_dir
    try:
        templates = Templates([Path(custom)] if custom else [], root=base, bytecode=bytecode)
    except TemplateProblem as problem:
        raise PluginError(str(problem)) from None
    return project, options, templates


def project_root(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``: the plugin's paths (events, seeds, download) are relative to it."""
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


def offline_build(config: MkDocsConfig) -> bool:
    """Whether this build runs Material's ``offline`` plugin (listed, and not ``enabled: false``)."""
    return any(
        name.split("/")[-1] == "offline" and getattr(plugin.config, "enabled", True)
        for name, plugin in config.plugins.items()
    )


def _download(path: Path, config: MkDocsConfig) -> tuple[str, int] | None:
    """The offline zip's name and size when it exists and this is not the offline build itself."""
    return (path.name, path.stat().st_size) if path.is_file() and not offline_build(config) else None
