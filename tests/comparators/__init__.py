"""Tests of the comparators (a package, so test module names cannot clash with other test directories)."""
