"""Validation speed against its floor, measured in the same run.

    python bench/bench_validate.py [--events 10000] [--sources 200] [--repeat 5]

The floor is a bare ``yaml.load`` (libyaml's C loader) of the same event files: reading and parsing YAML
is the least any validator must do. Each measurement runs in a fresh interpreter (so one run's leftovers
cannot slow the next), rounds interleave floor and validator (so a slow spell of a shared machine slows
both alike), and the best of ``--repeat`` rounds is kept. Prints the times and their ratios (validation
returning the model, as the plugin asks; and the diagnostics only, as the ``validate`` command asks),
and, as a check on a noisy machine, the median of the ratios taken round by round (each against the floor
measured just before it).
Targets (issue: cited events): ratio ≤ 1.5 and 10,000 events in under 3 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus

from generator.validate import Project, event_files, validate_project

KINDS = ("floor", "single", "parallel", "command")


def bare_load(events: Path) -> int:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    count = 0
    for file in event_files(events):
        with file.open("rb") as handle:
            yaml.load(handle.read().decode("utf-8"), Loader=loader)
        count += 1
    return count


def measure(kind: str, root: Path) -> dict[str, float]:
    """One timed run in this (fresh) interpreter; the imports are done before the clock starts."""
    project = Project(root / "events", root / "seeds", root=root)
    wall, cpu = time.perf_counter(), time.process_time()
    if kind == "floor":
        count = bare_load(project.events)
    elif kind == "command":  # what `validate` runs: the diagnostics only, the events stay in the workers
        result = validate_project(project, model=False)
        count = result.event_count if result.ok else -1
    else:
        result = validate_project(project, workers=1 if kind == "single" else None)
        count = len(result.timeline.events) if result.ok else -1
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "count": count}


def run_fresh(kind: str, root: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(root)], check=True, capture_output=True, text=True
    )
    return dict(json.loads(out.stdout))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_corpus(root, args.events, args.sources)
        bare_load(root / "events")  # warm the file cache
        best: dict[str, dict[str, float]] = {}
        rounds: list[dict[str, float]] = []
        for _ in range(args.repeat):
            walls: dict[str, float] = {}
            for kind in KINDS:
                got = run_fresh(kind, root)
                if got["count"] != args.events:
                    print(f"{kind}: expected {args.events} valid events, got {got['count']}", file=sys.stderr)
                    return 1
                walls[kind] = got["wall"]
                if kind not in best or got["wall"] < best[kind]["wall"]:
                    best[kind] = got
            rounds.append(walls)
    floor, single, parallel, command = (best[k] for k in KINDS)
    cores = os.cpu_count() or 1
    print(
        f"corpus: {args.events} events, {args.sources} sources (every quote real); {cores} cores; "
        f"best of {args.repeat} interleaved rounds, each run in a fresh interpreter"
    )
    print("                                       wall     cpu (main process)")
    print(f"floor: bare yaml.load (C loader)   {floor['wall']:6.2f} s {floor['cpu']:6.2f} s")
    rows = (
        ("validate_project, one process", single),
        (f"validate_project, {cores} processes", parallel),
        ("the validate command (no model)", command),
    )
    for label, got in rows:
        print(
            f"{label:<34} {got['wall']:6.2f} s {got['cpu']:6.2f} s   ratio {got['wall'] / floor['wall']:.2f}"
        )
    paired = sorted(r["parallel"] / r["floor"] for r in rounds)
    print(
        f"round by round, {cores} processes against the floor: median ratio "
        f"{statistics.median(paired):.2f} (from {paired[0]:.2f} to {paired[-1]:.2f})"
    )
    print(
        f"result: ratio {parallel['wall'] / floor['wall']:.2f} with the model (the plugin), "
        f"{command['wall'] / floor['wall']:.2f} without (`validate`) (target ≤ 1.5); "
        f"{parallel['wall'] / args.events * 10_000:.2f} s per 10,000 events (target < 3 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
