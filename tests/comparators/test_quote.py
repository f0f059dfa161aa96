"""The quote comparator: containment, ellipses piece by piece, and attribution through the entity file."""

from __future__ import annotations

from hypothesis import given, strategies as st

from factcheck.comparators.base import Comparison, Verdict
from factcheck.comparators.quote import Params, compare_quotes, normalize_quote, quote_pieces
from factcheck.model.sourced import SourcedClaim

from .comparator_claims import compare_both_ways, make_claim

PENTAGON = ("The Department of Defense expresses our strong concern and disappointment that the Moon "
            "administration has withheld its renewal")
POMPEO_DIPLOMAT = ("There is no doubt that the shared interests of Japan and South Korea are important, and "
                   "they’re important to the United States of America…We hope each of those two countries can "
                   "begin to put that relationship back in exactly the right place.")
POMPEO_BLOOMBERG = "can begin to put that relationship back in exactly the right place."


def quote(text: str, speaker: str, *, source: str = "bloomberg-2019-08-22", role: str | None = None,
          organisation: str | None = None) -> SourcedClaim:
    return make_claim("quote", {"text": text, "speaker": speaker, "role": role, "organisation": organisation},
                      source=source, published="2019-08" if source.startswith("diplomat") else "2019-08-22")


def maybe_compare(a: SourcedClaim, b: SourcedClaim, params: Params | None = None) -> Comparison | None:
    """The comparison both ways round, checked to give the same verdict (or None both ways)."""
    return compare_both_ways(compare_quotes, a, b, params or Params())


def compare(a: SourcedClaim, b: SourcedClaim, params: Params | None = None) -> Comparison:
    result = maybe_compare(a, b, params)
    assert result is not None
    return result


EASTBURN = quote(PENTAGON, "dave-eastburn", role="a Pentagon spokesman", organisation="us-dod")


def test_normalize_quote() -> None:
    assert normalize_quote("“They’re important — very”  ") == "they're important - very"
    assert normalize_quote("America…We hope") == "america ... we hope"
    assert quote_pieces(POMPEO_DIPLOMAT)[1].startswith("we hope each")
    assert normalize_quote.cache_info().hits >= 0  # cached: the engine normalises each quote once


def test_the_pentagon_fragment_agrees_with_compatible_attribution() -> None:
    official = quote("strong concern and disappointment", "us-dod", source="diplomat-2019-08",
                     role="a U.S. Department of Defense official")
    result = compare(EASTBURN, official)
    assert result.verdict is Verdict.agree
    assert "'strong concern and disappointment' (4 words)" in result.explanation
    assert "is contained in the 18-word quote by Dave Eastburn: covers 22%" in result.explanation
    assert "Dave Eastburn speaks for U.S. Department of Defense" in result.explanation
    assert result.facts["attribution"] == "linked" and result.score == 1.0


def test_the_quote_s_organisation_field_links_the_speakers() -> None:
    unknown = quote(PENTAGON, "lt-col-eastburn", organisation="us-dod")  # not in the entity file
    official = quote("strong concern and disappointment", "us-dod", source="diplomat-2019-08")
    result = compare(unknown, official)
    assert result.verdict is Verdict.agree and "names" in result.explanation


def test_the_same_words_from_an_unrelated_speaker_conflict() -> None:
    kono = quote("strong concern and disappointment", "taro-kono", source="other-source")
    result = compare(EASTBURN, kono)
    assert result.verdict is Verdict.conflict
    assert "attributed to Dave Eastburn (a Pentagon spokesman) by bloomberg-2019-08-22 and to Taro Kono by " \
           "other-source" in result.explanation


def test_a_two_word_fragment_is_not_compared() -> None:
    assert maybe_compare(quote("He told them the pact was over", "taro-kono"),
                   quote("told them", "dave-eastburn", source="other-source")) is None
    # The Diplomat's echo "right place" is too short to say anything about Pompeo's words.
    assert maybe_compare(quote(POMPEO_BLOOMBERG, "mike-pompeo"), quote("right place", "mike-pompeo",
                                                                 source="diplomat-2019-08")) is None


def test_the_pompeo_quote_with_an_ellipsis() -> None:
    result = compare(quote(POMPEO_DIPLOMAT, "mike-pompeo", source="diplomat-2019-08"),
                     quote(POMPEO_BLOOMBERG, "mike-pompeo"))
    assert result.verdict is Verdict.agree
    assert "Both sources attribute it to Mike Pompeo" in result.explanation


def test_each_ellipsis_piece_must_be_found_in_order() -> None:
    full = quote(POMPEO_DIPLOMAT.replace("…", " "), "mike-pompeo", source="other-source")
    elided = quote("the shared interests of Japan and South Korea are important … each of those two countries "
                   "can begin", "mike-pompeo", source="diplomat-2019-08")
    result = compare(full, elided)
    assert result.verdict is Verdict.agree and "2 pieces around ellipses" in result.explanation
    swapped = quote("each of those two countries can begin … the shared interests of Japan and South Korea",
                    "mike-pompeo", source="diplomat-2019-08")
    assert maybe_compare(full, swapped) is None  # the second piece is not found after the first


INTEGRITY = ("We strongly believe that the integrity of our mutual defense and security ties must persist despite "
             "frictions in other areas")
PARAPHRASE = "We strongly believe the integrity of our mutual defence ties must persist despite frictions elsewhere"


def test_the_same_speaker_worded_differently_conflicts() -> None:
    bloomberg = quote(INTEGRITY, "dave-eastburn")
    paraphrase = quote(PARAPHRASE, "dave-eastburn", source="other-source")
    result = compare(bloomberg, paraphrase)
    assert result.verdict is Verdict.conflict and "worded differently" in result.explanation
    # The same paraphrase from someone else is simply a different quote.
    assert maybe_compare(bloomberg, quote(PARAPHRASE, "taro-kono", source="other-source")) is None
    typo = quote(INTEGRITY.replace("defense", "defence"), "dave-eastburn", source="other-source")
    assert compare(bloomberg, typo).verdict is Verdict.agree
    assert compare(bloomberg, typo, Params(agree_at=100)).verdict is Verdict.compatible


def test_unrelated_quotes_are_not_compared() -> None:
    kono = ("shows complete misunderstanding of the security environment in this region and it is extremely "
            "regrettable")
    assert maybe_compare(EASTBURN, quote(kono, "dave-eastburn", source="x")) is None


SEED_WORDS = " ".join([PENTAGON, POMPEO_DIPLOMAT]).split()
texts = st.lists(st.sampled_from(SEED_WORDS), min_size=1, max_size=14).map(" ".join)
speakers = st.sampled_from(["dave-eastburn", "us-dod", "taro-kono", "mike-pompeo", "us-government"])


@given(texts, speakers, texts, speakers, st.booleans())
def test_verdicts_are_symmetric(t1: str, s1: str, t2: str, s2: str, elide: bool) -> None:
    if elide and len(t1.split()) > 4:
        words = t1.split()
        t1 = " ".join(words[:3]) + "…" + " ".join(words[3:])
    maybe_compare(quote(t1, s1), quote(t2, s2, source="diplomat-2019-08"))


@given(st.integers(0, 14), st.integers(3, 10))
def test_a_fragment_of_a_quote_agrees_with_it(start: int, size: int) -> None:
    words = PENTAGON.split()
    fragment = " ".join(words[start:start + size])
    if len(fragment.split()) >= 3:
        assert compare(EASTBURN, quote(fragment, "dave-eastburn", source="x")).verdict is Verdict.agree


# Different things one speaker said, as Bloomberg quotes them: they share phrases ("South Korea and")
# but are different quotes, so they must not be called one quote worded differently.
SAME_SPEAKER_DIFFERENT_QUOTES = [
    ("taro-kono", "shows complete misunderstanding of the security environment in this region and it is "
                  "extremely regrettable.",
     "relations between Japan and South Korea are in an extremely difficult state, with the South Korean side "
     "taking a series of extremely negative and irrational actions."),
    ("kim-hyun-wook", "South Korea is showing that it will not back down on this,",
     "However, this will impact how the U.S. identifies South Korea as a strategic partner in defense. South "
     "Korea will gradually be seen as breaking away from the Indo-Pacific defense alliance."),
    ("kang-kyung-wha", "South Korea made the decision under the circumstances created by trust issues between "
                       "South Korea and Japan, and this has nothing to do with the alliance with U.S.,",
     "South Korea and U.S. will continue to strengthen and develop alliance between two countries."),
    ("kim-you-geun", "brought about a significant change to the environment of defense cooperation.",
     "South Korea judged that maintaining an agreement meant for the exchange of sensitive military "
     "information is not fitting for our national interests."),
]


def test_different_quotes_of_one_speaker_are_not_a_rewording_conflict() -> None:
    for speaker, first, second in SAME_SPEAKER_DIFFERENT_QUOTES:
        a = quote(first, speaker)
        b = quote(second, speaker, source="other-2019-08-23")
        assert maybe_compare(a, b) is None, (speaker, first)


def test_the_same_statement_reworded_is_flagged() -> None:
    reworded = quote("We are disappointed to see this decision, and we hope the two countries can put their "
                     "relationship back in the right place.", "mike-pompeo", source="wire-2019-08-23")
    result = compare(quote(POMPEO_BLOOMBERG, "mike-pompeo"), reworded)
    assert result.verdict is Verdict.conflict and "worded differently" in result.explanation
