"""The command line: an argparse front over services, exports and imports.

A public interface: command names, options and exit codes are kept stable.
Exit 0 on success; 2 on bad input, with the reason on stderr and nothing changed;
1 on an unexpected fault (the traceback only under --debug). No Qt on this path.
"""

from desktop.cli.arguments import build_parser, record_id
from desktop.cli.exits import EXIT_BAD_INPUT, EXIT_FAULT, EXIT_FOUND, EXIT_OK
from desktop.cli.running import main, window_arguments

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAULT",
    "EXIT_FOUND",
    "EXIT_OK",
    "build_parser",
    "main",
    "record_id",
    "window_arguments",
]
