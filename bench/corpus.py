"""A synthetic corpus for benchmarks: N events over M sources, realistic sizes, every quote real.

    python bench/corpus.py OUT [--events 10000] [--sources 200]

writes ``OUT/events/*.yaml`` (with ``_vocabulary.yaml``) and ``OUT/seeds/*.txt`` + ``*.yaml``. The same
arguments always give the same bytes. Every event passes ``python -m generator validate --strict``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

MONTHS = ("January February March April May June July August September October November December").split()
PLACES = (
    "the northern province",
    "the coastal district",
    "the capital",
    "the border region",
    "the river valley",
    "the eastern front",
    "the port city",
    "the mountain pass",
    "the southern plain",
    "the island chain",
)
ACTORS = (
    "the defence ministry",
    "the interior ministry",
    "regional officials",
    "the joint staff",
    "the foreign ministry",
    "an intelligence agency",
    "a parliamentary committee",
    "the presidential office",
)
THINGS = (
    "soldiers",
    "engineers",
    "artillery pieces",
    "drones",
    "trucks",
    "medical staff",
    "rocket launchers",
    "observers",
)
VERBS = ("deployed", "reported", "counted", "withdrew", "moved", "lost", "registered", "trained")
FILLER = (
    "Analysts cautioned that the figures could not be independently verified.",
    "The statement did not say how the estimate had been reached.",
    "Officials declined to comment further on the matter.",
    "Observers said the situation remained fluid and difficult to assess.",
)
TAGS = ("deployment", "casualties", "statements", "supplies", "diplomacy", "context")
MEASURES = ("personnel", "losses", "equipment")

SENTENCES_PER_SOURCE = 60


def _sentence(rng: random.Random, pub: date, k: int) -> tuple[str, date, int, str]:
    when = pub - timedelta(days=rng.randint(1, 300))
    figure = rng.randint(12, 60_000)
    actor = rng.choice(ACTORS)
    text = (
        f"On {MONTHS[when.month - 1]} {when.day}, {when.year}, {actor} said {figure:,} "
        f"{rng.choice(THINGS)} were {rng.choice(VERBS)} in {rng.choice(PLACES)} (bulletin {k + 1})."
    )
    return text, when, figure, actor


def _article(rng: random.Random, i: int) -> tuple[str, date, list[tuple[str, date, int, str]]]:
    pub = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))
    facts = [_sentence(rng, pub, k) for k in range(SENTENCES_PER_SOURCE)]
    lines = [f"Synthetic report {i + 1}", f"{pub.day} {MONTHS[pub.month - 1]} {pub.year}", ""]
    for n, (text, *_rest) in enumerate(facts):
        lines.append(text + (" " + FILLER[n % len(FILLER)] if n % 3 == 0 else ""))
        if n % 4 == 3:
            lines.append("")
    return "\n".join(lines), pub, facts


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_corpus(root: Path, events: int = 10_000, sources: int = 200, seed: int = 1) -> None:
    rng = random.Random(seed)
    seeds, evdir = root / "seeds", root / "events"
    seeds.mkdir(parents=True, exist_ok=True)
    evdir.mkdir(parents=True, exist_ok=True)
    articles = []
    for i in range(sources):
        text, pub, facts = _article(rng, i)
        sid = f"s{i:04d}"
        raw = text.encode("utf-8")
        (seeds / f"{sid}.txt").write_bytes(raw)
        (seeds / f"{sid}.yaml").write_text(
            f"title: Synthetic report {i + 1}\npublisher: null\nurl: null\n"
            f'published: "{pub.isoformat()}"\npublished_basis: "page header"\n'
            f"sha256: {hashlib.sha256(raw).hexdigest()}\n",
            encoding="utf-8",
        )
        articles.append((sid, facts))
    vocab = ["tags:"] + [f"  {t}:\n    label: {t.title()}\n    description: Synthetic tag {t}." for t in TAGS]
    vocab += ["measures:"] + [f"  {m}:\n    label: {m.title()}\n    unit: units" for m in MEASURES]
    (evdir / "_vocabulary.yaml").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    for e in range(events):
        sid, facts = articles[e % sources]
        text, when, figure, actor = facts[(e // sources) % len(facts)]
        extra_sid, extra_facts = articles[(e * 7 + 3) % sources]
        extra = extra_facts[(e * 13) % len(extra_facts)][0]
        day_precise = e % 3 != 0
        when_text = when.isoformat() if day_precise else when.isoformat()[:7]
        claim = ""
        if e % 2 == 0:
            claim = (
                f"claims:\n  - measure: {MEASURES[e % len(MEASURES)]}\n    qualifier: about\n"
                f"    value: {figure}\n    claimant: {actor.capitalize()}\n"
                f'    as_of: "{when_text}"\n    citation: 1\n'
            )
        (evdir / f"event-{e:05d}.yaml").write_text(
            "# yaml-language-server: $schema=../generator/schema/event.schema.json\n"
            f"id: event-{e:05d}\n"
            f'date: "{when_text}"\n'
            f"title: {actor.capitalize()} reported {figure:,} in {MONTHS[when.month - 1]}\n"
            f"summary: >-\n  According to {actor}, the count stood at {figure:,}. Other reports gave "
            f"*different* figures.\n"
            f"tags: [{TAGS[e % len(TAGS)]}, {TAGS[(e + 2) % len(TAGS)]}]\n"
            "citations:\n"
            f"  - source: {sid}\n    quote: {_yaml_text(text)}\n"
            f"  - source: {extra_sid}\n    quote: {_yaml_text(extra)}\n    note: A related bulletin.\n"
            + claim,
            encoding="utf-8",
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=200)
    args = parser.parse_args()
    write_corpus(args.out, args.events, args.sources)


if __name__ == "__main__":
    main()
