"""Live-preview speed: how long `mkdocs serve` takes from saving a file to "Documentation built".

    python bench/bench_serve.py [--events 1000] [--sources 200] [--edits 5] [--keep DIR]

Writes a synthetic corpus (``bench/corpus.py``), starts a real ``mkdocs serve`` on it (the ``timeline``
plugin) and, once the first build is done, saves a change and waits for the rebuild's "Documentation
built" log line, ``--edits`` times for each kind of change:

* **event**: an event file's summary reworded (a valid edit: the event is checked again);
* **source**: a stored article's metadata changed (its title: every event citing it is checked again);
* **invalid**: an event made invalid (a quote no longer in its source), then fixed again.

The floor is plain MkDocs + Material + search serving the same events as a hand-written Markdown
timeline (``bench/plain.py``), one month page reworded per edit. Both servers run one after the other
side by side on the same machine, their edits alternating (the floor's, then one of each kind of the
plugin's), so that a slow spell of a shared machine slows both alike. Prints, per kind, the median and
the slowest time from saving to the log line and the build time MkDocs reports, and their ratio to
the floor. Target (issue 13): every save to "Documentation built" within 2 s for 1,000 events.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bench_site import _load, _project  # noqa: E402
from corpus import write_corpus  # noqa: E402
from plain import write_plain  # noqa: E402

TARGET_S = 2.0
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
# MkDocs logs a message it has logged before in the same process only once (its DuplicateFilter): a
# rebuild that takes as long as an earlier one, to the hundredth, says nothing but "Reloading browsers",
# which the server logs right after the build returns.
RELOADED = "Reloading browsers"


class Server:
    """A running ``mkdocs serve``, its log read line by line with the time each line arrived."""

    def __init__(self, root: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line.rstrip()))

    def wait_built(self, after: float, timeout: float = 120) -> tuple[float, float | None]:
        """The time the next "Documentation built" line arrived (after ``after``) and the build time
        it states (or, if MkDocs did not repeat it, when "Reloading browsers" did, and None)."""
        deadline = time.perf_counter() + timeout
        while True:
            try:
                at, line = self.lines.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                raise SystemExit(
                    "no rebuild within the timeout; server log:\n" + "\n".join(self.log)
                ) from None
            self.log.append(line)
            found = BUILT.search(line)
            if at >= after and (found or RELOADED in line):
                return at, float(found.group(1)) if found else None

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _save(path: Path, text: str) -> float:
    """Write ``text`` and return the time the file was saved."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return time.perf_counter()


def _edits(root: Path, kind: str, n: int) -> list[tuple[Path, str]]:
    """The file and its new text for the ``n``-th save of ``kind``."""
    if kind == "floor":
        page = sorted((root / "docs" / "months").glob("*.md"))[n % 7]
        text = page.read_text(encoding="utf-8")
        return [(page, text.replace("figures.", "figures" + "!" * (n + 1) + ".", 1))]
    events = root.parent / "corpus" / "events"
    if kind == "event":
        event = events / f"event-{n * 37 % 500:05d}.yaml"
        text = event.read_text(encoding="utf-8")
        return [(event, text.replace("Other reports gave", "Other reports " + "also " * (n + 1) + "gave"))]
    if kind == "source":
        meta = root.parent / "corpus" / "seeds" / f"s{n % 7:04d}.yaml"
        text = meta.read_text(encoding="utf-8")
        return [(meta, re.sub(r"^title: (.*)$", rf"title: \1 (rev. {n + 1})", text, count=1, flags=re.M))]
    event = events / f"event-{n * 41 % 500:05d}.yaml"
    text = event.read_text(encoding="utf-8")
    broken = text.replace(" said ", " stated ", 1)
    return [(event, broken), (event, text)]  # invalid, then fixed


Results = dict[str, list[tuple[float, float | None]]]


def _run(sites: list[tuple[Path, list[str]]], edits: int, results: Results) -> None:
    """Serve every site at once; then, ``edits`` times, save each site's edits of each of its kinds in
    turn, each timed to its server's next build."""
    servers: list[Server] = []
    try:
        for root, _ in sites:
            servers.append(Server(root))
            servers[-1].wait_built(0.0)
        for n in range(edits):
            for server, (root, kinds) in zip(servers, sites, strict=True):
                for kind in kinds:
                    for path, text in _edits(root, kind, n):
                        time.sleep(0.6)  # the watcher's polling sees each save on its own
                        saved = _save(path, text)
                        at, stated = server.wait_built(saved)
                        results.setdefault(kind, []).append((at - saved, stated))
    finally:
        for server in servers:
            server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--edits", type=int, default=5, help="saves of each kind")
    parser.add_argument("--keep", type=Path, help="work here and keep it (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        base = args.keep or Path(tmp)
        if args.keep and base.exists():
            shutil.rmtree(base)
        write_corpus(base / "corpus", args.events, args.sources)
        plugin = _project(base / "plugin", base / "corpus")
        floor = base / "floor"
        write_plain(base / "corpus", floor)
        results: Results = {}
        one, five, _ = os.getloadavg()
        print(
            f"{args.events:,} events, {args.sources} sources; load {one:.2f} (5 min {five:.2f}) at the start"
        )
        _run([(floor, ["floor"]), (plugin, ["event", "source", "invalid"])], args.edits, results)
    floor_median = statistics.median(t for t, _ in results["floor"])
    print("                      save → 'Documentation built'     build time MkDocs states")
    print("                      median   slowest  vs floor       median   slowest")
    worst = 0.0
    labels = {
        "floor": "floor (a month page)",
        "event": "event reworded",
        "source": "source metadata",
        "invalid": "event broken/fixed",
    }
    for kind, got in results.items():
        waits, builds = [t for t, _ in got], [b for _, b in got if b is not None] or [0.0]
        if kind != "floor":
            worst = max(worst, *waits)
        print(
            f"{labels[kind]:<21} {statistics.median(waits):6.2f} s {max(waits):6.2f} s  "
            f"{statistics.median(waits) / floor_median:6.2f}      {statistics.median(builds):6.2f} s "
            f"{max(builds):6.2f} s"
        )
    print(f"result: slowest rebuild {worst:.2f} s (target ≤ {TARGET_S} s); {_load()} at the end")
    return 1 if worst > TARGET_S else 0


if __name__ == "__main__":
    sys.exit(main())
