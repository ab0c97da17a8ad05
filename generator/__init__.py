"""cited-timeline: a static site generator for timelines whose every date, figure and quote is anchored
to an exact span of a stored source article."""

# The one place the version is written: pyproject.toml reads it (dynamic version), CHANGELOG.md's newest
# heading must match it (tests/packaging), `cited-timeline --version` prints it.
__version__ = "0.2.0"
