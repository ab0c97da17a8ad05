"""Commands of the command line that live in their own modules; each has ``add_command(subparsers)``."""
