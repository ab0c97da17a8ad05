"""A site at the limits (docs/contributing/event-format.md, "Limits"), to measure what building it takes:

    .venv/bin/python tests/fuzz/limits_site.py OUT [--events 1000]
    cd OUT && /usr/bin/time -v ../.venv/bin/python -m mkdocs build

writes the repository's site (mkdocs.yml, docs/, seeds/) into OUT with a vocabulary at its limits (500
tags, 200 measures, longest labels and descriptions) and N events, each a real event grown to the
limits: 10 tags, 20 citations, 20 claims, 20 problems, the longest title and summary, notes filling the
event file up to its 32 KiB. Every event validates (the script checks)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator import inputs, schema  # noqa: E402
from generator.validate import Project, validate_project  # noqa: E402

BASE = "jcs-1100-casualties"
WORDS = "the ministry said that officials reported what witnesses saw near the border region ".split()


def words(length: int, seed: int) -> str:
    """Plain words (no digits, no markup) of exactly ``length`` characters."""
    out, i = "", seed
    while len(out) < length:
        out += WORDS[i % len(WORDS)] + " "
        i += 7
    return out[:length].rstrip() + "x" * (length - len(out[:length].rstrip()))


def vocabulary(real: dict[str, Any]) -> dict[str, Any]:
    tags = dict(real["tags"])
    for i in range(schema.MAX_VOCABULARY_TAGS - len(tags)):
        tags[
            f"tag-{words(12, i).replace(' ', '-').strip('-')}-{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}"
        ] = {}
    measures = dict(real["measures"])
    for i in range(schema.MAX_MEASURES - len(measures)):
        measures[f"measure-{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}"] = {"unit": "soldiers"}
    entries = [*tags.values(), *measures.values()]
    room = (inputs.VOCABULARY.limit - 40 * len(entries)) // len(entries)  # the file's limit binds first
    for i, entry in enumerate(entries):
        entry["label"] = words(min(schema.LINE, room // 4), i)
        entry["description"] = words(min(schema.NOTE, room - room // 4 - 20), i + 1)
    return {"tags": tags, "measures": measures}


def event(base: dict[str, Any], n: int, tags: list[str]) -> dict[str, Any]:
    data = {**base, "id": f"limits-{n:04d}"}
    data["title"] = words(schema.LINE, n)
    data["summary"] = words(schema.PASSAGE, n + 1)
    data["tags"] = tags[: schema.MAX_TAGS]
    cited = base["citations"]
    data["citations"] = [dict(cited[i % len(cited)]) for i in range(schema.MAX_ENTRIES)]
    claim = base["claims"][0]
    data["claims"] = [{**claim, "citation": 1} for _ in range(schema.MAX_ENTRIES)]
    recorded = [dict(p) for p in base["problems"]]  # one of them dates the event
    data["problems"] = recorded + [
        {"kind": "note", "citation": 1, "text": " ".join(cited[0]["quote"].split()[:3]), "note": "x"}
        for _ in range(schema.MAX_ENTRIES - len(recorded))
    ]
    # Notes fill the file up to its limit.
    notes = [*data["citations"], *data["claims"], *data["problems"]]
    size = len(yaml.safe_dump(data, allow_unicode=True, width=1000).encode())
    each = min(schema.NOTE, (inputs.EVENT.limit - size - 2000) // len(notes))
    for i, entry in enumerate(notes):
        entry["note"] = words(each, n + i)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args()
    out: Path = args.out
    for name in ("docs", "seeds", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, out / name, dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    (out / "events").mkdir(parents=True, exist_ok=True)
    real_vocabulary = yaml.safe_load((ROOT / "events" / "_vocabulary.yaml").read_bytes())
    (out / "events" / "_vocabulary.yaml").write_text(
        yaml.safe_dump(vocabulary(real_vocabulary), allow_unicode=True, width=1000), encoding="utf-8"
    )
    base = yaml.safe_load((ROOT / "events" / f"{BASE}.yaml").read_bytes())
    tags = [*base["tags"], *(t for t in real_vocabulary["tags"] if t not in base["tags"])]
    for n in range(args.events):
        text = yaml.safe_dump(event(base, n, tags), allow_unicode=True, sort_keys=False, width=1000)
        (out / "events" / f"limits-{n:04d}.yaml").write_text(text, encoding="utf-8")
    result = validate_project(Project(out / "events", out / "seeds", root=out))
    problems = [d for d in result.diagnostics if d.severity.value == "error"]
    sizes = [p.stat().st_size for p in (out / "events").glob("limits-*.yaml")]
    valid = len(result.timeline.events)
    print(f"{valid} valid events, {len(problems)} errors; event files up to {max(sizes):,} bytes")
    for d in problems[:5]:
        print(f"  {d.path}:{d.line}:{d.col} {d.code} {d.message}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
