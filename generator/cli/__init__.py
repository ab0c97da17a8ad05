"""The command line's subcommands, one module each; each registers itself with ``add_command``."""
