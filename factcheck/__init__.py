"""factcheck: a cross-source fact-consistency checker.

The pipeline, one subpackage per stage, data flowing one way:

    text --extract--> claims (model, load) --engine + comparators--> findings --report--> text/json/...

`gate` wraps the engine for CI, `cli` is the thin command line over all of it.
"""

__version__ = "0.1.0"
