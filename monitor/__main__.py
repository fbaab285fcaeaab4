"""python -m monitor: the command line."""

from monitor.cli import main

main()
