"""Where a big build's time goes: ``mkdocs build`` of the bench corpus under cProfile, grouped.

    python bench/profile_site.py [--events 10000] [--sources 200] [--one-process] [--top 15] [--keep DIR]

Writes the synthetic corpus (``bench/corpus.py``) as ``bench_site.py`` does and builds it once in this
process under cProfile. The plugin renders pages ahead in a second process and writes the exports in a
third; cProfile sees only this one, so the table is what the build waits for. ``--one-process`` turns
the pages ahead off, so that every page is rendered here and the table shows all of the rendering's
cost. Prints the share of the profiled time spent in each part of the stack (by the file of each
function's own time; a built-in's time counts for the part that called it) and the functions with
the most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from bench_site import _project  # noqa: E402
from corpus import write_corpus  # noqa: E402

# (part of the stack, a piece of the path of the file a function lives in); the first match wins
PARTS = (
    (
        "validation (generator core)",
        (
            "generator/checks/",
            "generator/validate",
            "generator/checkpool",
            "generator/loading",
            "generator/yamlguard",
            "generator/schema",
            "generator/sources",
            "generator/quotes",
            "generator/facts",
            "generator/dates",
            "generator/datetext",
            "generator/crossfile",
            "generator/causes",
            "generator/inputs",
            "yaml/",
            "pydantic",
        ),
    ),
    ("rendering: page contexts (generator/render)", ("generator/render/",)),
    ("rendering: the timeline's Jinja2 templates", ("generator/templates/",)),
    ("MkDocs + Material theme templates (every page)", ("material/templates/", "mkdocs/templates/")),
    ("Jinja2 and MarkupSafe runtime", ("jinja2/", "markupsafe/")),
    ("plugin glue (generator/plugin*)", ("generator/plugin", "generator/sitedir", "generator/exports/")),
    ("Python-Markdown (hand-written pages, titles)", ("markdown/", "pymdownx/")),
    ("Material's search plugin", ("material/plugins/search/",)),
    ("Material, other", ("material/",)),
    ("MkDocs: theme templates, nav, files", ("mkdocs/",)),
    (
        "waiting for the other processes (pipes, locks)",
        (
            "multiprocessing/",
            "selectors",
            "<method 'acquire'",
            "<method 'recv",
            "<built-in method posix.read>",
            "<built-in method select",
        ),
    ),
)


OTHER = "other (Python runtime, I/O, libraries)"


def part(filename: str, name: str) -> str:
    where = f"{filename}:{name}" if filename != "~" else name
    for label, pieces in PARTS:
        if any(piece in where for piece in pieces):
            return label
    return OTHER


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--one-process", action="store_true", help="render every page in this process")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="work here and keep it (default: a temp dir)")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    work = args.keep or Path(tempfile.mkdtemp(prefix="profile-site-"))
    corpus = work / "corpus"
    if not (corpus / "events").is_dir():
        write_corpus(corpus, args.events, args.sources)
    root = work / "site-project"
    if not root.is_dir():
        root.mkdir(parents=True)
        _project(root, corpus)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import plugin_render

    if args.one_process:
        plugin_render.PARALLEL_MIN_PAGES = 10**9
    os.chdir(root)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(work / "site"))
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    shares: dict[str, float] = defaultdict(float)
    own = []
    for (filename, _line, name), (_calls, _prim, tottime, _cum, callers) in stats.stats.items():  # type: ignore[attr-defined]
        label = part(filename, name)
        own.append(
            (tottime, f"{Path(filename).name}:{name}" if filename != "~" else name, label.split(" (")[0])
        )
        if filename != "~" or label != OTHER or not callers:
            shares[label] += tottime
            continue
        # A built-in (str.join, re.sub, getattr…) counts for the part that called it.
        for (caller_file, _caller_line, caller_name), edge in callers.items():
            shares[part(caller_file, caller_name)] += edge[2]
    total = sum(shares.values())
    mode = "every page rendered here" if args.one_process else "pages rendered ahead in a second process"
    print(f"{args.events:,} events; {mode}; build {wall:.2f} s wall (under cProfile), {total:.2f} s profiled")
    for label, seconds in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"  {100 * seconds / total:5.1f}%  {seconds:6.2f} s  {label}")
    print(f"functions with the most own time (top {args.top}):")
    for seconds, where, label in sorted(own, reverse=True)[: args.top]:
        print(f"  {seconds:6.2f} s  {where}  [{label}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
