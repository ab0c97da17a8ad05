"""What the Data page lists: every export, its link from the page, and its size for people."""

from __future__ import annotations

import pytest

from generator.exports.page import data_files, fill_sizes, size_label


def test_the_data_page_lists_every_export_with_its_size(files: dict[str, bytes]) -> None:
    listed = data_files({path: len(data) for path, data in files.items()})
    assert [f.path for f in listed] == list(files)
    by_path = {f.path: f for f in listed}
    assert by_path["feed.xml"].href == "../feed.xml"
    assert by_path["data/events.json"].href == "events.json"
    assert by_path["data/events.json"].size == len(files["data/events.json"])
    assert all(f.size_label for f in listed)
    pending = data_files()
    assert all(f.size is None for f in pending)
    marked = " ".join(f"<td>{f.size_label}</td>" for f in pending)
    assert fill_sizes(marked, {f.path: f.size for f in listed if f.size is not None}) == " ".join(
        f"<td>{f.size_label}</td>" for f in listed
    )


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (0, "0 bytes"),
        (999, "999 bytes"),
        (1000, "1.0 kB"),
        (77_561, "77.6 kB"),
        (999_960, "1.0 MB"),
        (15_180_000, "15.2 MB"),
        (2_500_000_000, "2.5 GB"),
    ],
)
def test_sizes_for_people(size: int, label: str) -> None:
    assert size_label(size) == label
