"""The largest misquote's cost: a 20 KB quote that misses its 20 KB article, validated end to end.

    python bench/bench_misquote.py [--size 20000] [--rounds 5]

Makes a project with ``cited-timeline init`` and replaces its example with one article of ``--size``
characters (sentences of words from the repository's stored articles) and one event quoting all of it.
Two versions of the event are timed, each by ``python -m generator validate`` in a fresh interpreter,
rounds alternating:

* **floor**: the quote is exact (what validating a correct 20 KB quote costs);
* **misquote**: every 50th word of the quote is changed, so the quote is not found and the validator
  searches the article for the closest passage and lists the word differences (issue 12: ≤ 1 s).

Prints the best time of each, their ratio, and the misquote's first diagnostic line.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.cli.init import init  # noqa: E402

TARGET_S = 1.0


def article(size: int) -> str:
    words = sorted(
        {w.strip(".,;:\"'“”‘’()") for f in (REPO / "seeds").glob("*.txt") for w in f.read_text().split()}
    )
    months = {"January", "February", "March", "April", "May", "June", "July", "August", "September"}
    months |= {"October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday"}
    months |= {"Friday", "Saturday", "Sunday", "Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug"}
    words = [w for w in words if w.isalpha() and w not in months]  # no date the event would have to match
    rng = random.Random(20)
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < size:
        lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(8, 25))).capitalize() + ".")
    return "\n".join(lines) + "\nThe council met on 14 March 2025.\n"


def project(folder: Path, size: int, *, misquote: bool) -> Path:
    init(folder, title="Misquote bench")
    text = article(size)
    for old in (folder / "seeds").iterdir():
        old.unlink()
    (folder / "seeds" / "article.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    (folder / "seeds" / "article.yaml").write_text(
        f'title: A long article\npublisher: null\nurl: null\npublished: "2025-03"\n'
        f"published_basis: invented for the bench\nsha256: {digest}\n",
        encoding="utf-8",
    )
    words = text.split()
    if misquote:
        words = [w if i % 50 else w + "x" for i, w in enumerate(words)]
    quote = " ".join(words).replace("'", "''")
    for old in (folder / "events").glob("example-*.yaml"):
        old.unlink()
    (folder / "events" / "long-quote.yaml").write_text(
        'id: long-quote\ndate: "2025-03"\ntitle: A long quote\nsummary: The whole article, quoted.\n'
        f"tags: [announcements]\ncitations:\n  - source: article\n    quote: '{quote}'\n",
        encoding="utf-8",
    )
    return folder


def timed(folder: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--strict"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return time.perf_counter() - start, (proc.stdout + proc.stderr).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        floor = project(Path(tmp) / "floor", args.size, misquote=False)
        miss = project(Path(tmp) / "miss", args.size, misquote=True)
        best = {"floor": float("inf"), "misquote": float("inf")}
        said = ""
        for round_ in range(1, args.rounds + 1):
            got_floor, out = timed(floor)
            assert "0 errors" in out, out
            got_miss, said = timed(miss)
            assert "error[TL" in said, said
            best["floor"], best["misquote"] = min(best["floor"], got_floor), min(best["misquote"], got_miss)
            ratio = got_miss / got_floor
            print(f"round {round_}: floor {got_floor:.2f} s, misquote {got_miss:.2f} s, ratio {ratio:.2f}")
    first = next(line for line in said.splitlines() if "error[TL" in line)
    print(f"quote {args.size:,} characters against an article of {args.size:,}: {first[:160]}…")
    print(
        f"best: floor {best['floor']:.2f} s, misquote {best['misquote']:.2f} s, "
        f"ratio {best['misquote'] / best['floor']:.2f} (target: misquote ≤ {TARGET_S:.0f} s)"
    )
    return 0 if best["misquote"] <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
