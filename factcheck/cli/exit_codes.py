"""Exit codes: each means one thing."""

EXIT_OK = 0  # ran; the data is clean (for `report`: ran, whatever the verdicts)
EXIT_DATA = 1  # the data fails: invalid claims files, or (gate) new conflicts
EXIT_USAGE = 2  # could not run: bad arguments, a bad rule or config file, a git error
EXIT_BUG = 3  # an unexpected error inside factcheck
