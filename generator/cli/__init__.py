"""Commands of the command line that live in their own modules; each registers itself with
``add_command(subparsers)``."""
