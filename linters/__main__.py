"""`python -m linters` runs the `webredactie` command line."""

import sys

from linters.commands.cli import main

sys.exit(main())
