"""The quote comparator: containment, ellipses piece by piece, and attribution through the entity file."""

from __future__ import annotations

from hypothesis import given, strategies as st

from factcheck.comparators.base import Comparison, Verdict
from factcheck.comparators.quote import Params, compare_quotes, normalize_quote
from factcheck.comparators.wording import quote_words
from factcheck.model.sourced import SourcedClaim

from .comparator_claims import compare_both_ways, make_claim

PENTAGON = ("The Department of Defense expresses our strong concern and disappointment that the Moon "
            "administration has withheld its renewal")
POMPEO_DIPLOMAT = ("There is no doubt that the shared interests of Japan and South Korea are important, and "
                   "they’re important to the United States of America…We hope each of those two countries can "
                   "begin to put that relationship back in exactly the right place.")
POMPEO_BLOOMBERG = "can begin to put that relationship back in exactly the right place."


def quote(text: str, speaker: str, *, source: str = "bloomberg-2019-08-22", role: str | None = None,
          organisation: str | None = None, evidence: str = "(test)") -> SourcedClaim:
    return make_claim("quote", {"text": text, "speaker": speaker, "role": role, "organisation": organisation},
                      source=source, published="2019-08" if source.startswith("diplomat") else "2019-08-22",
                      evidence=evidence)


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
    assert [w.text for w in quote_words(POMPEO_DIPLOMAT)[1][:3]] == ["We", "hope", "each"]
    assert [w.key for w in quote_words("our Defence isn't")[0]] == ["our", "defense", "is", "not"]
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


def test_a_near_verbatim_paraphrase_is_a_misquote() -> None:
    # Was "worded differently" by character score (issue 8): 13 of its 15 words stand in runs shared
    # with Bloomberg's quote, so it is the same passage with "and security" dropped, a misquote.
    bloomberg = quote(INTEGRITY, "dave-eastburn")
    paraphrase = quote(PARAPHRASE, "dave-eastburn", source="other-source")
    result = compare(bloomberg, paraphrase)
    assert result.verdict is Verdict.conflict and result.facts["difference"] == "misquote"
    assert "[-and security-] ties must persist despite frictions [-in other areas-] {+elsewhere+}" in result.explanation
    assert "'and security' only in the longer quote (content)" in result.explanation
    # The same passage given to someone the entity file does not link: misattributed as well as misquoted.
    assert compare(bloomberg, quote(PARAPHRASE, "taro-kono", source="other-source")).verdict is Verdict.conflict


def test_a_spelling_variant_is_worded_differently() -> None:
    # Was `agree` at a character score of 99 (issue 8): the words are not the same, only compatible.
    bloomberg = quote(INTEGRITY, "dave-eastburn")
    result = compare(bloomberg, quote(INTEGRITY.replace("defense", "defence"), "dave-eastburn", source="other-source"))
    assert result.verdict is Verdict.compatible and result.facts["difference"] == "worded_differently"
    assert "[-defence-] {+defense+}" in result.explanation and "only stop words or spellings" in result.explanation


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
    # Was "worded differently" (issue 8): half of Bloomberg's words stand in shared runs, so it is the
    # same passage with "begin to" and "exactly" dropped: a misquote, with the words shown.
    assert result.verdict is Verdict.conflict and result.facts["difference"] == "misquote"
    assert "can {+begin to+} put [-their-] {+that+} relationship back in {+exactly+} the right place" \
        in result.explanation


# Word-level differences (issue 8). Sentences marked "written for tests" are not from the seeds.

def test_one_changed_word_in_the_pentagon_quote_is_a_misquote() -> None:
    deep = quote(PENTAGON.replace("strong", "deep"), "us-dod", source="other-source")  # written for tests
    result = compare(EASTBURN, deep)
    assert result.verdict is Verdict.conflict and result.facts["difference"] == "misquote"
    assert "expresses our [-strong-] {+deep+} concern and disappointment" in result.explanation
    assert result.facts["changed_words"] == [
        {"words": {"bloomberg-2019-08-22": "strong", "other-source": "deep"}, "kind": "content"}]
    assert result.facts["attribution"] == "linked"  # the speakers still match; the words do not


def test_a_changed_word_inside_a_fragment_is_a_misquote() -> None:
    result = compare(EASTBURN, quote("deep concern and disappointment", "us-dod", source="diplomat-2019-08"))
    assert result.verdict is Verdict.conflict and "[-strong-] {+deep+} concern" in result.explanation


THREAT = "The Department of Defense considers the exercise a 90 day delay in our cooperation"  # written for tests


def test_a_changed_number_is_a_misquote() -> None:
    result = compare(quote(THREAT, "dave-eastburn"), quote(THREAT.replace("90", "60"), "dave-eastburn", source="x"))
    assert result.verdict is Verdict.conflict and result.facts["difference"] == "misquote"
    assert "[-90-] {+60+}" in result.explanation and "(number)" in result.explanation
    # Two spellings of one number are the same number.
    assert compare(quote(THREAT, "dave-eastburn"),
                   quote(THREAT.replace("90", "ninety"), "dave-eastburn", source="x")).verdict is Verdict.compatible


def test_an_added_not_is_a_misquote() -> None:
    kim = quote("South Korea is showing that it will not back down on this,", "kim-hyun-wook")
    backs_down = quote("South Korea is showing that it will back down on this", "kim-hyun-wook",
                       source="x")  # written for tests
    result = compare(kim, backs_down)
    assert result.verdict is Verdict.conflict and "will [-not-] back down" in result.explanation
    assert "(negation)" in result.explanation
    contracted = quote("South Korea is showing that it won't back down on this", "kim-hyun-wook", source="x")
    assert compare(kim, contracted).verdict is Verdict.agree  # won't is will not


def test_stop_words_alone_do_not_make_a_misquote() -> None:
    stop = quote(PENTAGON.replace("expresses our", "expresses the"), "us-dod", source="x")  # written for tests
    result = compare(EASTBURN, stop)
    assert result.verdict is Verdict.compatible and result.facts["difference"] == "worded_differently"
    assert result.facts["changed_words"] == [
        {"words": {"bloomberg-2019-08-22": "our", "x": "the"}, "kind": "stop"}]


def test_case_and_punctuation_only_agree() -> None:
    shouted = quote("Can begin to put that relationship back, in exactly the RIGHT place!", "mike-pompeo", source="x")
    result = compare(quote(POMPEO_BLOOMBERG, "mike-pompeo"), shouted)
    assert result.verdict is Verdict.agree and result.facts["difference"] == "case_or_punctuation"
    same = compare(quote(POMPEO_BLOOMBERG, "mike-pompeo"), quote(POMPEO_BLOOMBERG, "mike-pompeo", source="x"))
    assert same.facts["difference"] == "identical"


def test_seed_agreements_name_their_difference() -> None:
    official = quote("strong concern and disappointment", "us-dod", source="diplomat-2019-08")
    assert compare(EASTBURN, official).facts["difference"] == "fragment"
    full = quote(POMPEO_DIPLOMAT.replace("…", " "), "mike-pompeo", source="other-source")
    elided = quote(POMPEO_DIPLOMAT, "mike-pompeo", source="diplomat-2019-08")
    assert compare(full, elided).facts["difference"] == "ellipsis"


# An official statement as two outlets translate it (written for tests).
SERIOUS = "a serious threat to regional stability"
GRAVE = "a grave threat to the stability of the region"


def test_a_translation_is_worded_differently() -> None:
    result = compare(quote(SERIOUS, "kim-you-geun"), quote(GRAVE, "kim-you-geun", source="x"))
    assert result.verdict is Verdict.compatible and result.facts["difference"] == "worded_differently"
    assert "75% of their content-word lemmas are shared (from 60%)" in result.explanation
    long_a = ("The joint military exercises by the United States and South Korea pose a serious threat to "
              "regional stability")
    long_b = ("The military drills of the United States and South Korea are a grave threat to the stability of "
              "the region")
    assert compare(quote(long_a, "kim-you-geun"), quote(long_b, "kim-you-geun", source="x")).verdict \
        is Verdict.compatible
    # A name one translation lacks is not the same statement.
    assert maybe_compare(quote(long_a, "kim-you-geun"),
                         quote(long_b.replace("United States", "allies"), "kim-you-geun", source="x")) is None


STATE_MEDIA = "The decision is a grave threat to the peace and stability of the Korean peninsula"  # written for tests
WIRE = "The decision is a serious threat to the peace and stability of the Korean peninsula"  # written for tests
REWORDED = "The decision is a serious threat to the peace and security of the Korean peninsula"  # written for tests


def test_a_translation_cue_turns_a_near_verbatim_difference_into_a_rewording() -> None:
    plain = compare(quote(STATE_MEDIA, "kim-you-geun"), quote(WIRE, "kim-you-geun", source="x"))
    assert plain.verdict is Verdict.conflict  # near-verbatim, one content word changed: a misquote
    cued = quote(WIRE, "kim-you-geun", source="x",
                 evidence="the ministry said in a statement in Korean, according to a translation by Yonhap")
    result = compare(quote(STATE_MEDIA, "kim-you-geun"), cued)
    assert result.verdict is Verdict.compatible and result.facts["difference"] == "worded_differently"
    assert "x's evidence says 'translation', so they are a translation's words" in result.explanation
    # A translation keeps its numbers: a changed number is still a misquote.
    numbered = quote(THREAT.replace("90", "60"), "dave-eastburn", source="x", evidence="translated by Yonhap")
    assert compare(quote(THREAT, "dave-eastburn"), numbered).verdict is Verdict.conflict


def test_words_put_for_others_at_two_places_are_a_rewording_but_one_change_more_is_not() -> None:
    # written for tests: two outlets' renderings of one statement; a misquote changes one thing
    result = compare(quote(STATE_MEDIA, "kim-you-geun"), quote(REWORDED, "kim-you-geun", source="x"))
    assert result.verdict is Verdict.compatible and result.facts["difference"] == "worded_differently"
    moved = compare(quote("the virus was almost certainly introduced by migrating wild birds", "kim-you-geun"),
                    quote("The virus was almost certainly carried in by wild birds migrating south", "kim-you-geun",
                          source="x"))
    assert moved.verdict is Verdict.compatible  # a word put for another, and a word moved
    kept = "The decision is a grave threat to 70 years of peace and stability on the Korean peninsula"
    assert compare(quote(kept, "kim-you-geun"), quote(kept.replace("grave", "serious").replace("70", "60").replace(
        "stability", "security"), "kim-you-geun", source="x")).verdict is Verdict.conflict
    for changed in ("The decision is not a serious threat to the peace and security of the Korean peninsula",
                    "The decision is a serious threat to the peace and security of the Japanese peninsula",
                    "The decision is a serious threat to the lasting peace and security of the Korean peninsula"):
        # a number, a negation, a name for a name, or a word added besides: still a misquote
        assert compare(quote(STATE_MEDIA, "kim-you-geun"), quote(changed, "kim-you-geun", source="x")).verdict \
            is Verdict.conflict, changed


def test_a_rewritten_stretch_with_a_few_words_added_is_a_paraphrase_not_a_misquote() -> None:
    # written for tests: two outlets' English renderings of one minister's sentence
    first = "The figures in this report are unacceptable, and I will not hide behind them"
    second = "These numbers are unacceptable, and I do not intend to hide behind them"
    result = compare(quote(first, "kim-you-geun"), quote(second, "kim-you-geun", source="x"))
    assert result.verdict is Verdict.compatible and result.facts["difference"] == "worded_differently"
    # the same words added with no stretch rewritten: one thing changed, a misquote
    added = "The figures in this report are unacceptable, and I do not intend to hide behind them"
    assert compare(quote(first, "kim-you-geun"), quote(added, "kim-you-geun", source="x")).verdict is Verdict.conflict


def test_a_language_named_by_its_ending_is_a_translation_cue_but_english_is_not() -> None:
    # written for tests: a minister's words, one outlet saying he spoke in an invented language
    cued = quote(WIRE, "kim-you-geun", source="x", evidence="the minister told reporters, speaking in Zavrenian")
    assert compare(quote(STATE_MEDIA, "kim-you-geun"), cued).verdict is Verdict.compatible
    english = quote(WIRE, "kim-you-geun", source="x", evidence="she posted a statement in English on her accounts")
    assert compare(quote(STATE_MEDIA, "kim-you-geun"), english).verdict is Verdict.conflict
    public = quote(WIRE, "kim-you-geun", source="x", evidence="the minister said in public on Monday")
    assert compare(quote(STATE_MEDIA, "kim-you-geun"), public).verdict is Verdict.conflict


def test_a_translation_keeps_its_units_of_time() -> None:
    # written for tests: "weeks" made "days" is a changed promise, however the rest is translated
    weeks = "Whoever did this will be found within weeks, not years, and they will answer for it"
    days = quote(weeks.replace("weeks", "days"), "lorenz-renhart", source="x", evidence="translated by the Wire")
    result = compare(quote(weeks, "lorenz-renhart"), days)
    assert result.verdict is Verdict.conflict and result.facts["difference"] == "misquote"


def test_two_different_statements_of_one_speaker_are_not_compared() -> None:
    assert maybe_compare(quote(SERIOUS, "kim-you-geun"),
                         quote("a significant change to the environment of defense cooperation", "kim-you-geun",
                               source="x")) is None


def test_a_translation_may_render_a_name_in_another_form() -> None:
    # written for tests: a victory speech in two outlets' translations
    from factcheck.comparators.wording import compare_wording
    result = compare_wording("Tonight Calvoria chose change, and I will not disappoint you",
                             "This evening Calvorians voted for change, and I will not disappoint you",
                             min_words=3, run_words=3, near_verbatim_at=0.5, reworded_at=0.6, translated=True)
    assert result is not None and result.difference == "worded_differently"
    other = compare_wording("Tonight Ardena chose change, and I will not disappoint you",
                            "This evening Calvorians voted for change, and I will not disappoint you",
                            min_words=3, run_words=3, near_verbatim_at=0.5, reworded_at=0.6, translated=True)
    assert other is not None and other.difference == "misquote"  # another name is another claim


def test_a_rewritten_passage_is_worded_differently_and_one_changed_word_a_misquote() -> None:
    # written for tests: a minister's statement, then an outlet's partial quote of it in other words
    from factcheck.comparators.wording import compare_wording
    options = {"min_words": 3, "run_words": 3, "near_verbatim_at": 0.5, "reworded_at": 0.6, "translated": False,
               "changes_at_most": 0.25}
    rewritten = compare_wording("mourning alongside the people of Durnholm",
                                "Our nation grieves together with the people of Durnholm", **options)
    assert rewritten is not None and rewritten.difference == "worded_differently"
    study = compare_wording("study the operation carefully to protect the national interest and the jobs of "
                            "Sarvenan workers", "The Ministry will examine the transaction with care to safeguard "
                            "the national interest and the employment of Sarvenan workers", **options)
    assert study is not None and study.difference == "worded_differently"  # "Ministry" goes with the rewrite
    one_word = compare_wording("This is a hopeful beginning, not an end, and both capitals know it.",
                               "This is a fragile beginning, not an end, and both capitals know it.", **options)
    assert one_word is not None and one_word.difference == "misquote"
    swapped_name = compare_wording("Reiner said Brandt came to stop the shelling",
                                   "Reiner said Hadrava came to stop the shelling", **options)
    assert swapped_name is not None and swapped_name.difference == "misquote"
