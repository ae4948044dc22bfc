"""The command line's exit codes: a public interface, kept stable."""

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2
EXIT_FOUND = 3
"""`check` found something probably wrong (listed on stdout)."""
