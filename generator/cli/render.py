"""``python -m generator render OUT``: the site as a plain MkDocs project, for builders that read an
MkDocs docs folder and ``mkdocs.yml`` but run no MkDocs plugins (Zensical, for one: ``--for zensical``).

``OUT/docs/`` holds a copy of the site's docs folder, every generated page and the filled home page as
Markdown (headings ``## Title {#id .cls}``, everything else raw HTML blocks, from the same templates as
the plugin), and the plugin's stylesheet; ``OUT/mkdocs.yml`` is the site's configuration without the
``timeline`` plugin, pointed at that folder. ``mkdocs build -f OUT/mkdocs.yml`` then builds the same
pages as the plugin does. Invalid data or a broken template writes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .. import diagnostics as diag

MARKER = ".timeline-render"  # marks a folder this command wrote, which it may replace
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class RenderError(Exception):
    """What the person running the command has to fix; the message says what, on one line."""


def render(config_file: Path, out: Path, builder: str = "mkdocs") -> int:
    """Write the plain project into ``out``; returns the number of generated pages. ``builder``
    ``zensical`` writes the links in the pages' HTML relative to each page's Markdown file, which is
    how Zensical reads them (MkDocs leaves them as they are, relative to the page's URL)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError, PluginError

    from ..bundle import load_config as raw_config
    from ..plugin_config import ASSETS, SCRIPT, STYLESHEET, site_settings
    from ..plugin_exports import write_plain
    from ..render import Renderer, TemplateProblem, fill_home
    from ..validate import validate_project

    _check_out(out)
    try:
        config = load_config(str(config_file))
    except ConfigurationError as exc:
        raise RenderError(f"{config_file}: {exc}") from None
    plugin = next((p for name, p in config.plugins.items() if name.split("/")[-1] == "timeline"), None)
    if plugin is None:
        raise RenderError(f"{config_file} does not use the timeline plugin")
    try:
        project, options, templates = site_settings(plugin.config, config)
    except PluginError as exc:
        raise RenderError(str(exc)) from None
    result = validate_project(project)
    found = diag.ordered(diag.strict(result.diagnostics) if plugin.config.strict else result.diagnostics)
    for d in found:
        print(diag.format_text(d), file=sys.stderr)
    if diag.count(found, diag.Severity.ERROR):
        raise RenderError(diag.summary(found, result.event_count, result.source_count))
    if builder == "zensical":
        options = dataclasses.replace(options, links_from="source")
    renderer = Renderer(result.timeline, options, templates)
    docs = Path(config.docs_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        shutil.copytree(docs, staging / "docs")
        try:
            for path, page in renderer.pages.items():
                _write(staging / "docs" / path, renderer.markdown(page))
            home = staging / "docs" / "index.md"
            if home.is_file():
                home.write_text(fill_home(home.read_text(encoding="utf-8"), renderer.home_parts()), "utf-8")
            if plugin.config.exports:  # the feeds, data files and Data page the plugin adds
                base = config_file.resolve().parent
                write_plain(
                    result.timeline,
                    config,
                    base,
                    templates,
                    staging / "docs",
                    renderer.site.links,
                    (project.events, project.seeds),
                )
        except TemplateProblem as problem:
            raise RenderError(str(problem)) from None
        for asset in (STYLESHEET, SCRIPT):
            (staging / "docs" / asset).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ASSETS / Path(asset).name, staging / "docs" / asset)
        base = config_file.resolve().parent
        raw = raw_config(config_file)
        raw["nav"] = _nav_with_sections(raw.get("nav"), renderer.nav_sections())
        plain = _plain_config(raw, base, out.resolve(), STYLESHEET, SCRIPT)
        _write(staging / "mkdocs.yml", plain)
        (staging / MARKER).write_text("written by python -m generator render\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(renderer.pages)


def _check_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise RenderError(f"{out} exists and was not written by this command: give an empty or new folder")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _plain_config(raw: dict[str, Any], base: Path, out: Path, stylesheet: str, script: str) -> str:
    """The site's configuration for ``out``: no timeline plugin, ``docs/`` as the docs folder, the
    plugin's stylesheet first among ``extra_css`` and its script last among ``extra_javascript``,
    attr_list on (the headings use it), paths that point outside the project still pointing there."""
    config = {k: v for k, v in raw.items() if k != "INHERIT"}
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        config["plugins"] = {k: v for k, v in plugins.items() if str(k).split("/")[-1] != "timeline"}
    elif isinstance(plugins, list):
        config["plugins"] = [p for p in plugins if _name(p).split("/")[-1] != "timeline"]
    config["docs_dir"] = "docs"
    config["extra_css"] = [stylesheet, *[c for c in config.get("extra_css") or [] if c != stylesheet]]
    config["extra_javascript"] = [*[j for j in config.get("extra_javascript") or [] if j != script], script]
    extensions = list(config.get("markdown_extensions") or [])
    if "attr_list" not in [_name(e) for e in extensions]:
        extensions.append("attr_list")
    config["markdown_extensions"] = extensions
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath(base / theme["custom_dir"], out)
    if config.get("hooks"):
        config["hooks"] = [os.path.relpath(base / h, out) for h in config["hooks"]]
    try:
        text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)
    except yaml.YAMLError as exc:
        raise RenderError(f"mkdocs.yml holds a value that cannot be written as plain YAML: {exc}") from None
    return "# Written by `python -m generator render`: the site without the timeline plugin.\n" + text


def _nav_with_sections(nav: Any, plan: dict[str, list[tuple[str | None, list[str]]]]) -> Any:
    """The ``nav`` of mkdocs.yml with the sections the plugin adds (plugin_pages.add_sections): each
    top-level ``Title: index.md`` whose page has generated pages of its kind becomes a section."""
    if not isinstance(nav, list):
        return nav
    found: list[Any] = []
    for item in nav:
        title, path = next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (None, None)
        children: list[Any] = []
        for sub, paths in plan.get(path, []) if isinstance(path, str) else []:
            if paths:
                children.extend([{sub: paths}] if sub else paths)
        found.append({title: [{title: path}, *children]} if children else item)
    return found


def _name(item: object) -> str:
    """The name of a ``plugins`` or ``markdown_extensions`` list item (``name`` or ``{name: options}``)."""
    return str(next(iter(item))) if isinstance(item, dict) else str(item)


def _cmd_render(args: argparse.Namespace) -> int:
    try:
        count = render(args.config, args.out, args.builder)
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    how = (
        f"cd {args.out} && zensical build"
        if args.builder == "zensical"
        else f"mkdocs build -f {args.out}/mkdocs.yml"
    )
    print(f"{args.out}: {count} generated pages; build it with: {how}")
    return EXIT_OK


def add_command(commands: Any) -> None:
    """Register ``render`` on the CLI's subparsers."""
    parser = commands.add_parser(
        "render", help="write the site as a plain MkDocs project (pages as Markdown) for plugin-less builders"
    )
    parser.add_argument("out", type=Path, help="the folder to write: new, empty, or written by render before")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml")
    parser.add_argument(
        "--for",
        dest="builder",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the builder that will read OUT: Zensical rewrites links in raw HTML (default: mkdocs)",
    )
    parser.set_defaults(run=_cmd_render)
