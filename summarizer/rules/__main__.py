"""``python -m summarizer.rules``: compile the rules engine with mypyc (``make native``)."""

import sys

from .native import main

sys.exit(main())
