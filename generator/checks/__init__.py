"""The checks an event must pass, one module per concern. Each check appends diagnostics to a
:class:`~generator.checks.context.Context` and never raises on bad data."""
