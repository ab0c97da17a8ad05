"""Validation speed against its floor, measured in the same run.

    python bench/bench_validate.py [--events 10000] [--sources 200] [--repeat 3]

The floor is a bare ``yaml.load`` (libyaml's C loader) of the same event files: reading and parsing YAML
is the least any validator must do. Prints the best of ``--repeat`` runs of each, and their ratio.
Targets (issue: cited events): ratio ≤ 1.5 and 10,000 events in under 3 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus

from generator.validate import Project, event_files, validate_project


def bare_load(events: Path) -> int:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    count = 0
    for file in event_files(events):
        with file.open("rb") as handle:
            yaml.load(handle.read().decode("utf-8"), Loader=loader)
        count += 1
    return count


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """The best wall-clock and the best CPU time of ``repeat`` runs (CPU time is steadier on a busy
    machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_corpus(root, args.events, args.sources)
        project = Project(root / "events", root / "seeds", root=root)
        result = validate_project(project)  # warm the file cache, and check the corpus is valid
        if not result.ok or len(result.timeline.events) != args.events:
            print(f"corpus invalid: {len(result.diagnostics)} problems", file=sys.stderr)
            return 1
        floor = best_of(args.repeat, lambda: bare_load(project.events))
        full = best_of(args.repeat, lambda: validate_project(project))
    print(f"corpus: {args.events} events, {args.sources} sources (every quote real)")
    print("                               wall      cpu")
    print(f"floor  yaml.load (C loader):  {floor[0]:6.2f} s {floor[1]:6.2f} s")
    print(f"validate_project:             {full[0]:6.2f} s {full[1]:6.2f} s")
    print(
        f"ratio: wall {full[0] / floor[0]:.2f}, cpu {full[1] / floor[1]:.2f} (target ≤ 1.5); "
        f"per event: {full[0] / args.events * 1e6:.0f} µs wall"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
