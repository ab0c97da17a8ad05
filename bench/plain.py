"""The plain-timeline floor: the events of a corpus as the timeline a person would write by hand in plain
MkDocs + Material + search, with no plugin of ours.

    python bench/plain.py CORPUS OUT

writes ``OUT/mkdocs.yml`` and ``OUT/docs/``: a home page and one page per month that has events
(``docs/months/2024-06.md``), each event one short section in date order: its title as a heading, its
date and summary in one paragraph, its first quote as a blockquote. The configuration is the
repository's ``mkdocs.yml`` (theme, Markdown extensions, validation settings) without the ``timeline``
plugin, without its ``nav`` (MkDocs lists every page, as it does for a site that names none) and
without its theme overrides (``custom_dir``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MONTHS = ("January February March April May June July August September October November December").split()
_PLUGIN = re.compile(r"^  - timeline:\n(?:^ {6,}.*\n)*", re.MULTILINE)
_NAV = re.compile(r"^nav:\n(?:^ +.*\n)*", re.MULTILINE)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _label(date: str) -> str:
    parts = [int(p) for p in date.split("-")]
    month = f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {month}" if len(parts) == 3 else month


def _section(event: dict[str, str | list[dict[str, str]]]) -> str:
    citations = event["citations"]
    assert isinstance(citations, list)
    quote = " ".join(str(citations[0]["quote"]).split())
    summary = " ".join(str(event["summary"]).split())
    return f"## {event['title']}\n\n*{_label(str(event['date']))}* · {summary}\n\n> {quote}\n"


def write_plain(corpus: Path, out: Path) -> int:
    """The plain project for ``corpus``'s events in ``out``; returns the number of month pages."""
    by_month: dict[str, list[dict[str, str]]] = defaultdict(list)
    for file in sorted((corpus / "events").glob("*.yaml")):
        if not file.name.startswith("_"):
            event = yaml.load(file.read_bytes().decode("utf-8"), Loader=_LOADER)
            by_month[event["date"][:7]].append(event)
    docs = out / "docs" / "months"
    docs.mkdir(parents=True, exist_ok=True)
    for key, events in sorted(by_month.items()):
        events.sort(key=lambda e: (e["date"], e["id"]))
        title = f"{MONTHS[int(key[5:]) - 1]} {key[:4]}"
        body = "\n".join(_section(e) for e in events)
        (docs / f"{key}.md").write_text(f"# {title}\n\n{body}", encoding="utf-8")
    count = sum(len(v) for v in by_month.values())
    (out / "docs" / "index.md").write_text(
        f"# A timeline\n\n{count:,} events, one page per month.\n", encoding="utf-8"
    )
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = _NAV.sub("", _PLUGIN.sub("", config))
    config = config.replace("  favicon: assets/favicon.svg\n", "")  # docs/assets is not copied
    config = re.sub(r"^  custom_dir: .*\n", "", config, flags=re.MULTILINE)  # the site's own theme changes
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return len(by_month)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(f"{write_plain(args.corpus, args.out)} month pages", file=sys.stderr)


if __name__ == "__main__":
    main()
