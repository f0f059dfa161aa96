"""`plain_text`, the form quotes are compared in before case: its ASCII and few-dots ways give what
NFKC, the typographic table and the ellipsis pattern give."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from factcheck.comparators.wording import _ELLIPSIS, ELLIPSIS, TYPOGRAPHIC, plain_text

_ALPHABET = "ab .`'\"“”«»‘’—–…\t\n\u00a0\u2009\u3000ﬁ½1-"


@given(st.text(alphabet=_ALPHABET, max_size=40) | st.text(max_size=40))
def test_plain_text_as_nfkc_the_table_and_the_pattern(text: str) -> None:
    """For every text, ASCII or not: backticks, dots with blanks of every kind between them (the
    ellipsis pattern's `\\s`), typographic quotes and dashes, compatibility characters (NFKC)."""
    assert plain_text(text) == _ELLIPSIS.sub(f" {ELLIPSIS} ", unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC))


def test_plain_text_of_an_ascii_quote() -> None:
    assert plain_text("`we will`... not. go . . . now") == "'we will' ... not. go ... now"
