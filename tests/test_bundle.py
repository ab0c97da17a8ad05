"""The offline bundle (``python -m generator bundle``): configuration, reproducibility, no network."""

from __future__ import annotations

import calendar
import errno
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from generator import bundle as b

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs-offline.yml"
FOLDER = f"{b.DEFAULT_NAME}-offline/"
# Hosts a page must never load from. Material's own bundle names unpkg.com in two loaders that run
# only when needed (a ResizeObserver polyfill for old browsers, Mermaid for diagrams); the browser test
# proves neither is requested. Everything else, HTML included, must not mention any of them.
EXTERNAL = re.compile(
    r"""[\w:/.-]*(?:fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|cdnjs\.cloudflare)[^\s"'`)<>]*"""
)
MATERIAL_LOADERS = {
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
}
SEARCH_INDEX_BUDGET = 1_000_000  # bytes; Material's search freezes under file:// with very large indexes


def run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def build(out: Path, *, env: dict[str, str] | None = None) -> dict[str, str]:
    proc = run([sys.executable, "-m", "generator", "bundle", "--out", str(out), "--json"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result: dict[str, str] = json.loads(proc.stdout.splitlines()[-1])
    return result


# ---------------------------------------------------------------- the configuration (fast)


def test_offline_config_keeps_up_with_mkdocs_yml() -> None:
    offline = b.load_config(CONFIG)
    main = b.load_config(ROOT / "mkdocs.yml")
    assert b.check_offline_config(offline, main) == []


def test_config_check_names_every_problem() -> None:
    main = {
        "theme": {"features": ["navigation.instant", "navigation.tabs"]},
        "plugins": ["search", {"timeline": {"events": "events"}}, "tags"],
        "hooks": ["hooks/x.py"],
    }
    bad = {
        "theme": {"features": ["navigation.instant.prefetch"]},
        "plugins": {"search": {"lang": "en"}, "offline": {"enabled": False}, "timeline": {}, "blog": {}},
        "repo_url": "https://github.com/o/r",
    }
    problems = "\n".join(b.check_offline_config(bad, main))
    for text in (
        "'offline' plugin",
        "use_directory_urls",
        "theme.font",
        "'navigation.instant.prefetch'",
        b.SHIM_TARGET,
        "repo_url",
        "'navigation.tabs' of mkdocs.yml",
        "'tags' of mkdocs.yml is missing",
        "'timeline' has other options",
        "hook 'hooks/x.py'",
        "plugin 'blog' is not in mkdocs.yml",
        "feature 'navigation.instant.prefetch' is not in mkdocs.yml",
    ):
        assert text in problems
    assert "'navigation.instant' of" not in problems
    assert "'search'" not in problems  # the offline build may tune search


def test_plugins_from_lists_and_mappings() -> None:
    listed = ["search", {"material/offline": {}}, {"x": {"enabled": False}}]
    assert b.plugins_of({"plugins": listed}) == {"search": {}, "offline": {}}
    mapping = {"search": None, "offline": {"enabled": True}}
    assert b.plugins_of({"plugins": mapping}) == {"search": {}, "offline": {"enabled": True}}
    assert b.plugins_of({}) == {"search": {}}  # MkDocs' default


def test_source_date_epoch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1734912000")
    assert b.source_date_epoch(tmp_path) == 1734912000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert b.source_date_epoch(tmp_path) == b.ZIP_EPOCH_MIN  # zip cannot hold times before 1980
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert b.source_date_epoch(tmp_path) == b.ZIP_EPOCH_MIN  # not a git checkout
    last_commit = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if last_commit.returncode == 0:
        assert b.source_date_epoch(ROOT) == int(last_commit.stdout)


def test_zip_is_sorted_stamped_and_leaves_out_server_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("b.html", "a/z.js", "a/z.js.map", "sitemap.xml", "sitemap.xml.gz", "a/b/c.css"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, encoding="utf-8")
    (site / "b.html").chmod(0o600)
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    assert b.write_zip(site, first, "x", 1734912000) == 3
    os.utime(site / "b.html", (0, 0))
    b.write_zip(site, second, "x", 1734912000)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["x/a/b/c.css", "x/a/z.js", "x/b.html"]
    assert {i.date_time for i in infos} == {(2024, 12, 23, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


# ---------------------------------------------------------------- the built bundle (slow)


@pytest.mark.slow
def test_two_builds_are_byte_identical(offline_zip: Path, tmp_path: Path) -> None:
    # The same timestamp as the first build, even if a commit landed in between (shared checkouts):
    # the feed's <updated> has it to the second (a zip entry's time only to two seconds).
    with zipfile.ZipFile(offline_zip) as archive:
        feed = archive.read(f"{archive.infolist()[0].filename.split('/')[0]}/feed.xml").decode()
    updated = re.search(r"<updated>([^<]+)</updated>", feed)
    assert updated is not None
    stamp = calendar.timegm(time.strptime(updated.group(1), "%Y-%m-%dT%H:%M:%SZ"))
    again = Path(build(tmp_path, env={"SOURCE_DATE_EPOCH": str(stamp)})["path"])
    first, second = (hashlib.sha256(p.read_bytes()).hexdigest() for p in (offline_zip, again))
    assert first == second


@pytest.mark.slow
def test_bundle_layout(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        shim = archive.read(FOLDER + b.SHIM_TARGET)
        index_html = archive.read(FOLDER + "index.html").decode()
        index_size = archive.getinfo(FOLDER + "search/search_index.js").file_size
    assert all(n.startswith(FOLDER) and ".." not in n.split("/") for n in names)
    assert names == sorted(names)
    assert shim == (ROOT / b.SHIM).read_bytes()
    assert f'src="{b.SHIM_TARGET}"' in index_html  # relative: works from any folder
    assert not any(n.endswith((".map", "sitemap.xml", "sitemap.xml.gz", "/404.html")) for n in names)
    assert index_size < SEARCH_INDEX_BUDGET, (
        f"search index {index_size:,} bytes: Material's search stalls under file:// with very large "
        "indexes; leave more out (SEARCH_EXCLUDED_PAGES in generator/bundle.py)"
    )


@pytest.mark.slow
def test_search_index_holds_every_event_once_and_no_article_text(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        index = json.loads(archive.read(FOLDER + "search/search_index.json"))
        inlined = archive.read(FOLDER + "search/search_index.js").decode()
    prefix = "var __index = "  # what Material's offline plugin writes; file:// pages load it as a script
    assert inlined.startswith(prefix) and json.loads(inlined[len(prefix) :]) == index
    locations = [doc["location"] for doc in index["docs"]]
    events = sorted(p.stem for p in (ROOT / "events").glob("*.yaml") if not p.name.startswith("_"))
    for event in events:
        hits = [loc for loc in locations if loc.endswith(f"#e-{event}")]
        assert [h.split("#")[0].split("/")[0] for h in hits] == ["dated"], (event, hits)
    assert not [loc for loc in locations if loc.split("#")[0] == "timeline.html"]
    articles = [d for d in index["docs"] if re.fullmatch(r"sources/.+\.html#the-article", d["location"])]
    assert articles and all(d["text"] == "" for d in articles)  # headline only, no article text


@pytest.mark.slow
def test_no_fonts_or_cdns(offline_zip: Path) -> None:
    found: dict[str, set[str]] = {}
    with zipfile.ZipFile(offline_zip) as archive:
        for name in archive.namelist():
            if not name.endswith((".html", ".js", ".css", ".json", ".xml", ".svg", ".txt")):
                continue
            urls = set(EXTERNAL.findall(archive.read(name).decode("utf-8", "replace")))
            if name.startswith(FOLDER + "assets/javascripts/bundle."):
                urls -= MATERIAL_LOADERS
            if urls:
                found[name] = urls
    assert found == {}


@pytest.mark.slow
def test_pages_link_relatively(offline_zip: Path) -> None:
    """Under file://, a link starting with / points at the root of the disk."""
    rooted = re.compile(r"""\s(?:href|src)=["']?(/[^/]|file:)""")
    with zipfile.ZipFile(offline_zip) as archive:
        bad = [
            n for n in archive.namelist() if n.endswith(".html") and rooted.search(archive.read(n).decode())
        ]
    assert bad == []


# ---------------------------------------------------------------- failures: one line, nothing left behind


def _fake_site(config: Path, site_dir: Path, epoch: int, tmp: Path | None = None) -> None:
    """Stands in for the MkDocs build: a few pages, one of them big and incompressible."""
    site_dir.mkdir(parents=True)
    (site_dir / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (site_dir / "big.bin").write_bytes(os.urandom(256 * 1024))


def _fail(error: int) -> Any:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(error, os.strerror(error))

    return fail


@pytest.mark.parametrize(
    ("target", "error", "written"),
    [
        ("zipfile.ZipFile.writestr", errno.ENOSPC, "out/cited-timeline-offline.zip"),
        ("zipfile.ZipFile.__init__", errno.EROFS, "out/cited-timeline-offline.zip"),
        ("pathlib.Path.mkdir", errno.EROFS, "out"),
    ],
)
def test_a_full_or_read_only_disk_is_one_line(
    target: str,
    error: int,
    written: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """It raised an OSError traceback and left cited-timeline-offline.zip.partial behind."""
    from generator.__main__ import main

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(b, "build_site", _fake_site)
    monkeypatch.chdir(tmp_path)
    module, _, name = target.rpartition(".")
    owner = {"zipfile.ZipFile": zipfile.ZipFile, "pathlib.Path": Path}[module]
    if name == "mkdir":
        real = Path.mkdir
        monkeypatch.setattr(
            Path, "mkdir", lambda self, *a, **k: _fail(error)() if self.name == "out" else real(self, *a, **k)
        )
    else:
        monkeypatch.setattr(owner, name, _fail(error))
    code = main(["bundle", "--config", str(CONFIG), "--out", "out"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"error: cannot write {written}: {os.strerror(error)}\n"
    assert list(scratch.iterdir()) == []  # the work folder is gone
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []  # no .partial


def test_stale_work_folders_of_killed_runs_are_removed(tmp_path: Path) -> None:
    """Killed runs leaked /tmp/offline-bundle-* folders."""
    from generator import scratch

    def folder(name: str, *, lock: bool, age: float = 0) -> Path:
        path = tmp_path / name
        (path / "site").mkdir(parents=True)
        if lock:
            (path / scratch.LOCK_FILE).write_bytes(b"")
        os.utime(path, (time.time() - age, time.time() - age))
        return path

    killed = folder(b.WORK_PREFIX + "killed", lock=True)
    live = folder(b.WORK_PREFIX + "live", lock=True)
    legacy = folder(b.WORK_PREFIX + "legacy", lock=False, age=scratch.UNLOCKED_GRACE + 60)
    starting = folder(b.WORK_PREFIX + "starting", lock=False)
    other = folder("timeline-pages-x", lock=True)
    (tmp_path / (b.WORK_PREFIX + "link")).symlink_to(killed)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(live / scratch.LOCK_FILE)!r}, os.O_RDWR)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(120)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        removed = scratch.remove_stale_folders(b.WORK_PREFIX, tmp_path)
    finally:
        holder.kill()
        holder.wait()
    assert removed == [killed, legacy]
    assert not killed.exists() and not legacy.exists()
    assert live.exists() and starting.exists() and other.exists()


def _start_bundle(out: Path, scratch_dir: Path) -> tuple[subprocess.Popen[str], Path]:
    """A real ``bundle`` run, in a session of its own, with its work folder once it has one."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "bundle", "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(scratch_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = [p for p in scratch_dir.glob(b.WORK_PREFIX + "*") if (p / "site").exists()]
        if found:
            return proc, found[0]
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    proc.kill()
    pytest.fail("the bundle run made no work folder")


@pytest.mark.slow
def test_a_killed_run_leaves_a_folder_the_next_run_removes(tmp_path: Path) -> None:
    scratch_dir = tmp_path / "tmp"
    scratch_dir.mkdir()
    proc, work = _start_bundle(tmp_path / "out", scratch_dir)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its MkDocs build, as a killed CI job
    proc.communicate()
    assert work.exists()  # nothing can clean up after SIGKILL...
    build(tmp_path / "out", env={"TMPDIR": str(scratch_dir)})
    assert list(scratch_dir.iterdir()) == []  # ...but the next run does


@pytest.mark.slow
def test_sigterm_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    scratch_dir = tmp_path / "tmp"
    scratch_dir.mkdir()
    proc, _ = _start_bundle(tmp_path / "out", scratch_dir)
    proc.send_signal(signal.SIGTERM)  # the run alone, as `timeout` does; it stops its build itself
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.splitlines()[-1] == "error: interrupted; nothing was written"
    assert "Traceback" not in err
    assert list(scratch_dir.iterdir()) == []
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def _unshare(script: str) -> subprocess.CompletedProcess[str]:
    return run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("options", "reason"), [("size=64k", "No space left on device"), ("ro", "Read-only")]
)
def test_a_real_full_or_read_only_disk(tmp_path: Path, options: str, reason: str) -> None:
    """The real command on a small tmpfs (a mount namespace of our own; skipped where there is none)."""
    disk, scratch_dir = tmp_path / "disk", tmp_path / "tmp"
    disk.mkdir()
    scratch_dir.mkdir()
    if _unshare(f"mount -t tmpfs -o size=64k tmpfs {disk}").returncode != 0:
        pytest.skip("no mount namespace here (unshare --user --mount is not allowed)")
    out = disk / "dist" if options == "ro" else disk
    proc = _unshare(
        f"mount -t tmpfs -o {options} tmpfs {disk} && "
        f"TMPDIR={scratch_dir} {sys.executable} -m generator bundle --out {out}; echo exit=$?"
    )
    assert proc.stdout.splitlines()[-1] == "exit=1", proc.stdout + proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and reason in proc.stderr, proc.stderr
    assert list(scratch_dir.iterdir()) == []
