"""``python -m generator bundle``: the site as one zip that works from a folder on disk (``file://``),
with no network at all: no fonts, no CDN, search included.

A thin shell around MkDocs. It builds ``mkdocs-offline.yml`` (which INHERITs ``mkdocs.yml``) into a
temporary folder, copies the iframe-worker shim from ``node_modules`` into the build (third-party code
is never committed), leaves out what only a web server or a developer needs, and writes a reproducible
zip: entries sorted, one timestamp (``SOURCE_DATE_EPOCH``, else the last commit's time), fixed modes.

It is also the offline build's MkDocs hook module (``hooks: [generator/bundle.py]``, hence stdlib-only
imports at the top): ``on_page_context`` keeps the search index lean (see ``SEARCH_EXCLUDED_PAGES``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_CONFIG = Path("mkdocs-offline.yml")
WORK_PREFIX = "offline-bundle-"  # the temporary folder of a build
DEFAULT_NAME = "cited-timeline"
SHIM = Path("node_modules/iframe-worker/shim/index.js")
# Where the shim lands in the site; mkdocs-offline.yml lists this path in extra.polyfills, which also
# stops Material's offline plugin from adding its unpkg.com copy.
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"
# Only for crawlers and web servers: a sitemap is meaningless in a folder (and carries dates), and
# 404.html is served by a web server only, with links rooted at site_url's path.
LEFT_OUT_FILES = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html"})
LEFT_OUT_SUFFIXES = (".map",)  # source maps of Material's minified scripts: for developers only
# (search/search_index.json stays although file:// pages read search/search_index.js: the .json is what
# the same folder needs when someone serves it over HTTP instead, e.g. python -m http.server.)

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can hold
FILE_MODE = 0o644
# Plugins whose options mkdocs-offline.yml may set differently from mkdocs.yml.
TUNABLE_PLUGINS = frozenset({"search", "offline"})
# Material's search freezes under file:// when the index is very large, and the index grows with the
# archive. Indexed: every event (once, on its month's page), tags, figures, the source pages' headline,
# metadata and "cited by" list. Not indexed: the timeline page (the month pages hold the same events,
# so every hit would come twice) and the full text of the stored articles (what the timeline uses of
# them is quoted, and so indexed, in its events; an uncited passage is not on the timeline).
SEARCH_EXCLUDED_PAGES = frozenset({"timeline.md"})
ARTICLE_TEXT = '<div class="tl-article"'
# Material's other search languages (Thai segmentation alone is 400 kB); unused when it is English only.
LUNR_LANGUAGES = "assets/javascripts/lunr/"


class BundleError(Exception):
    """Something the person running the build has to fix; the message says what."""


@dataclass(frozen=True)
class Bundle:
    path: Path
    files: int
    size: int
    search_index_size: int


def source_date_epoch(root: Path, paths: Sequence[Path] = ()) -> int:
    """``SOURCE_DATE_EPOCH`` when set, else the last commit's time (of ``paths`` when given), else
    1980-01-01 (the earliest time a zip entry can hold)."""
    from generator.stamps import StampError, data_epoch  # not at the top: this is a hook module too

    try:
        epoch = data_epoch(root, paths)
    except StampError as exc:
        raise BundleError(str(exc)) from None
    return max(epoch, ZIP_EPOCH_MIN) if epoch is not None else ZIP_EPOCH_MIN


def load_config(config: Path) -> dict[str, Any]:
    """The configuration as MkDocs reads it (INHERIT merged), without building anything."""
    from mkdocs.utils.yaml import yaml_load

    with config.open("rb") as handle:
        data = yaml_load(handle)
    if not isinstance(data, dict):
        raise BundleError(f"{config} is not a mapping")
    return data


def plugins_of(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Enabled plugins and their options, whether ``plugins`` is written as a list or as a mapping."""
    plugins = config.get("plugins", ["search"])
    if isinstance(plugins, dict):
        pairs = list(plugins.items())
    else:
        pairs = [next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins or []]
    return {
        str(name).split("/")[-1]: dict(options or {})  # "material/offline" and "offline" are one plugin
        for name, options in pairs
        if not (isinstance(options, dict) and options.get("enabled") is False)
    }


def check_offline_config(offline: dict[str, Any], main: dict[str, Any] | None = None) -> list[str]:
    """What would make the bundle reach for the network or break under ``file://``. With ``main``:
    also what mkdocs-offline.yml lost from it (lists replace, they do not merge under INHERIT)."""
    problems = []
    theme = offline.get("theme") or {}
    features = list(theme.get("features") or [])
    plugins = plugins_of(offline)
    if "offline" not in plugins:
        problems.append("the Material 'offline' plugin is not enabled")
    if offline.get("use_directory_urls", True) is not False:
        problems.append("use_directory_urls must be false: a folder on disk has no index pages")
    if theme.get("font") is not False:
        problems.append("theme.font must be false: Google Fonts cannot load offline")
    problems += [f"theme feature {f!r} does not work from file://" for f in features if "instant" in f]
    if SHIM_TARGET not in ((offline.get("extra") or {}).get("polyfills") or []):
        problems.append(f"extra.polyfills must list {SHIM_TARGET} (the local iframe-worker shim)")
    if offline.get("repo_url"):
        problems.append("repo_url must be null: Material would ask api.github.com for the star count")
    if main is not None:
        main_theme = main.get("theme") or {}
        wanted = [f for f in main_theme.get("features") or [] if "instant" not in f]
        problems += [f"theme feature {f!r} of mkdocs.yml is missing" for f in wanted if f not in features]
        problems += [f"theme feature {f!r} is not in mkdocs.yml" for f in features if f not in wanted]
        main_plugins = plugins_of(main)
        problems += [
            f"plugin {p!r} is not in mkdocs.yml" for p in plugins if p not in {*main_plugins, "offline"}
        ]
        for name, options in main_plugins.items():
            if name not in plugins:
                problems.append(f"plugin {name!r} of mkdocs.yml is missing")
            elif name not in TUNABLE_PLUGINS and plugins[name] != options:
                problems.append(f"plugin {name!r} has other options than in mkdocs.yml")
        hooks = offline.get("hooks") or []
        problems += [
            f"hook {h!r} of mkdocs.yml is missing" for h in main.get("hooks") or [] if h not in hooks
        ]
    return problems


def build_site(config: Path, site_dir: Path, epoch: int, tmp: Path | None = None) -> None:
    """Build the offline site into ``site_dir``. With ``tmp``, the build keeps its own temporary files
    there (TMPDIR): they go with the caller's work folder, however the build ends."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    if tmp is not None:
        tmp.mkdir(exist_ok=True)
        env["TMPDIR"] = str(tmp)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", str(config), "--site-dir", str(site_dir)]
    if subprocess.run(command, cwd=config.parent, env=env, check=False).returncode:
        raise BundleError(f"mkdocs build -f {config} failed (see above)")
    shim_target = site_dir / SHIM_TARGET
    shim_target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(config.parent / SHIM, shim_target)


def bundled_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """``(name in the zip, file)`` for everything the reader needs, sorted by name."""
    left_out = [LUNR_LANGUAGES] if search_languages(site_dir) == ["en"] else []
    files = sorted((p.relative_to(site_dir).as_posix(), p) for p in site_dir.rglob("*") if p.is_file())
    for name, path in files:
        if name in LEFT_OUT_FILES or name.endswith(LEFT_OUT_SUFFIXES):
            continue
        if not any(name.startswith(folder) for folder in left_out):
            yield name, path


def search_languages(site_dir: Path) -> list[str]:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    languages: list[str] = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    return languages


def write_zip(site_dir: Path, out: Path, folder: str, epoch: int) -> int:
    """A byte-for-byte reproducible zip of ``site_dir`` under ``folder/``; returns the entry count.
    Written to ``<out>.partial`` and renamed when complete; the partial file goes on any failure."""
    stamp = time.gmtime(epoch)[:6]
    count = 0
    partial = out.with_name(out.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name, path in bundled_files(site_dir):
                info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
                info.create_system = 3  # Unix, so that the modes below mean the same everywhere
                info.external_attr = (0o100000 | FILE_MODE) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=9)
                count += 1
        partial.replace(out)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return count


@contextmanager
def _writing(what: Path) -> Iterator[None]:
    """An OSError (a full or read-only disk) becomes a one-line BundleError naming ``what``."""
    try:
        yield
    except OSError as exc:
        raise BundleError(f"cannot write {_shown(what)}: {exc.strerror or exc}") from None


def _shown(path: Path) -> str:
    """The path relative to the current folder if it is inside it, else in full."""
    relative = os.path.relpath(path)
    return str(path.resolve()) if relative.startswith("..") else relative


def bundle(config: Path = DEFAULT_CONFIG, out_dir: Path = Path("dist"), name: str = DEFAULT_NAME) -> Bundle:
    config = config.resolve()
    root = config.parent
    if not config.is_file():
        raise BundleError(f"{config} not found")
    if not (root / SHIM).is_file():
        raise BundleError(f"{SHIM} is missing: run `npm ci` (or `make setup`) first")
    offline = load_config(config)
    main_file = root / "mkdocs.yml"
    main = load_config(main_file) if main_file.is_file() and main_file != config else None
    problems = check_offline_config(offline, main)
    if problems:
        raise BundleError(f"{config.name}:\n" + "\n".join(f"  - {p}" for p in problems))
    from generator.scratch import scratch_folder  # not at the top: this is a hook module too

    epoch = source_date_epoch(root)
    out = (out_dir / f"{name}-offline.zip").resolve()
    with _writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
    with _writing(Path(tempfile.gettempdir())), scratch_folder(WORK_PREFIX) as tmp:
        site_dir = tmp / "site"
        build_site(config, site_dir, epoch, tmp / "tmp")
        index = site_dir / "search" / "search_index.js"
        with _writing(out):
            files = write_zip(site_dir, out, f"{name}-offline", epoch)
        index_size = index.stat().st_size if index.is_file() else 0
    return Bundle(out, files, out.stat().st_size, index_size)


def _cmd_bundle(args: argparse.Namespace) -> int:
    # Stopped (Ctrl-C, SIGTERM from CI or a shell): the work folder and the partial zip go, and the
    # reason is one line, not a traceback.
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        result = bundle(args.config, args.out, args.name)
    except BundleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; nothing was written", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    if args.json:
        print(json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in vars(result).items()}))
    else:
        print(
            f"{_shown(result.path)}: {result.files} files, {result.size:,} bytes "
            f"(search index {result.search_index_size:,} bytes)"
        )
    return 0


def _terminated(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def add_command(commands: Any) -> None:
    """Register ``bundle`` on the CLI's subparsers."""
    parser = commands.add_parser("bundle", help="build the offline zip of the site (dist/<name>-offline.zip)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help=f"default: {DEFAULT_CONFIG}")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="output folder (default: dist)")
    parser.add_argument("--name", default=DEFAULT_NAME, help=f"zip name prefix (default: {DEFAULT_NAME})")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=_cmd_bundle)


# ---------------------------------------------------------------- MkDocs hook (offline build only)


def on_page_context(context: Any, *, page: Any, config: Any, nav: Any) -> Any:
    """Leave the timeline page and the stored articles' text out of the search index: front matter
    ``search: exclude`` and Material's ``data-search-exclude`` attribute. Runs once the timeline
    plugin has put a generated page's body in place (its priority 100) and before the search plugin
    reads the page (0); the plugin leaves pages so marked to Material's own parser."""
    if page.file.src_uri in SEARCH_EXCLUDED_PAGES:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    page.content = (page.content or "").replace(ARTICLE_TEXT, ARTICLE_TEXT + " data-search-exclude")
    return context


on_page_context.mkdocs_priority = 50  # type: ignore[attr-defined]  # what mkdocs.plugins.event_priority sets
