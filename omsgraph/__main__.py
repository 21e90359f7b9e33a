"""Run the command-line interface: ``python -m omsgraph``."""

from omsgraph.cli import main

main()
