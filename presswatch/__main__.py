"""`python -m presswatch` runs the command line."""

from presswatch.cli import main

main()
