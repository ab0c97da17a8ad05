"""Site build speed and memory against its floor, measured in the same run.

    python bench/bench_site.py [--events 10000] [--sources 200] [--repeat 1] [--keep DIR]

Builds a synthetic corpus (``bench/corpus.py``) twice with ``mkdocs build``, each in its own process:

* **plugin**: the ``timeline`` plugin validates the corpus and renders every page (the real path);
* **floor**: the very same pages, rendered beforehand as plain Markdown by ``python -m generator render``
  (the site as a plain MkDocs project), built by MkDocs without the plugin. This is what MkDocs and
  Material cost for this content when every page goes through Python-Markdown.

Prints both wall times, their ratio and each build's peak memory (``ru_maxrss`` of that process), and
checks that both builds wrote the same HTML. Targets (issue: the site): ratio ≤ 1.15, peak < 300 MB.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from corpus import write_corpus  # noqa: E402

from generator.cli.render import render  # noqa: E402

RATIO_TARGET = 1.15
MEMORY_TARGET_MB = 300
PLUGIN_BLOCK = re.compile(r"^  - timeline:\n(?:^ {6,}.*\n)*", re.MULTILINE)


def _config(events: Path, seeds: Path) -> str:
    """The repository's mkdocs.yml, its plugin pointed at the corpus."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    match = PLUGIN_BLOCK.search(text)
    if match is None:
        raise SystemExit("mkdocs.yml has no `- timeline:` plugin block to point at the corpus")
    block = f"  - timeline:\n      events: {events}\n      seeds: {seeds}\n"
    return text[: match.start()] + block + text[match.end() :]


def _project(root: Path, corpus: Path) -> Path:
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")  # mkdocs.yml theme.custom_dir
    (root / "mkdocs.yml").write_text(_config(corpus / "events", corpus / "seeds"), encoding="utf-8")
    return root


def _floor(plugin: Path, root: Path) -> int:
    """The plugin's site as a plain MkDocs project (``python -m generator render``); its page count."""
    return render(plugin / "mkdocs.yml", root)


def _build(root: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one ``mkdocs build`` in its own process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-f", str(root / "mkdocs.yml")]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {root} (exit {process.returncode})")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind; the best time counts")
    parser.add_argument("--keep", type=Path, help="build here and keep the result (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        base = args.keep or Path(tmp)
        if args.keep and base.exists():
            shutil.rmtree(base)
        corpus = base / "corpus"
        write_corpus(corpus, args.events, args.sources)
        plugin = _project(base / "plugin", corpus)
        floor = base / "floor"
        pages = _floor(plugin, floor)
        runs: dict[str, list[tuple[float, float]]] = {"floor": [], "plugin": []}
        for _ in range(args.repeat):  # alternate, so neither gets a warmer machine
            runs["floor"].append(_build(floor))
            runs["plugin"].append(_build(plugin))
        same = _differences(plugin / "site", floor / "site")
    (floor_s, floor_mb), (plugin_s, plugin_mb) = (min(runs[k]) for k in ("floor", "plugin"))
    peak = max(mb for results in runs.values() for _, mb in results)
    ratio = plugin_s / floor_s
    print(f"{args.events:,} events, {args.sources} sources, {pages:,} generated pages, best of {args.repeat}")
    print(f"floor  (plain Markdown, no plugin): {floor_s:6.2f} s  {floor_mb:6.0f} MB peak")
    print(f"plugin (validate + render + build): {plugin_s:6.2f} s  {plugin_mb:6.0f} MB peak")
    print(f"ratio {ratio:.3f} (target ≤ {RATIO_TARGET}), peak {peak:.0f} MB (target < {MEMORY_TARGET_MB} MB)")
    print("same HTML from both builds" if not same else f"builds differ in {len(same)} files: {same[:5]}")
    missed = ratio > RATIO_TARGET or peak >= MEMORY_TARGET_MB or bool(same)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
