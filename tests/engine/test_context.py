"""The context measure of the same-fact test: masked content words, rarity weights, a figure's clause."""

from __future__ import annotations

from factcheck.engine.context import rarity, value_clause
from factcheck.model.words import content_words

from .corpus_builder import build_corpus


def test_values_and_function_words_are_masked() -> None:
    words = content_words('The pact will expire on Nov. 23, 2019, "unless renewed", officials said on Thursday.')
    assert words == {"pact", "expire", "official"}


def test_the_clause_of_a_figure_is_found_by_its_digits() -> None:

    both = "The bank said it had sold 1.2 billion dollars of reserves in August and a further $400 million in September."
    assert value_clause(both, 4e8) == " a further $400 million in September."
    assert value_clause(both, 1.2e9) == "The bank said it had sold 1.2 billion dollars of reserves in August "
    assert value_clause("Food prices rose 11.4% from a year earlier, driven by a poor harvest", 11.4) == \
        "Food prices rose 11.4% from a year earlier"
    assert value_clause("Nothing here", 5) is None


def test_entity_mentions_are_found_by_name_and_alias() -> None:
    corpus = build_corpus({})
    assert corpus.entities.mentioned_in("Seoul said gsomia, not TISA, would lapse.") == {"gsomia", "tisa"}
    assert corpus.entities.mentioned_in("GSOMIAs and TISAR are not names.") == set()


def test_rare_words_weigh_more_than_common_ones() -> None:
    assert rarity("capsized") > rarity("government") > rarity("said")


def test_word_frequencies_are_loaded_only_when_a_context_is_weighed() -> None:
    # wordfreq (about 0.1 s) is imported by the first rarity looked up, not by every command's start-up
    from tests.report.test_lazy_formats import imported_after
    assert "wordfreq" not in imported_after("import factcheck.cli.gate_commands")
    assert "wordfreq" in imported_after("from factcheck.engine.context import rarity; rarity('capsized')")


def test_the_measure_does_not_depend_on_the_hash_seed() -> None:
    # written for tests: summing the weights in set order gave 0.72795153564384(31|33|34|35) under
    # different PYTHONHASHSEEDs, enough to print 0.12 in one run and 0.13 in another near a boundary
    import os
    import subprocess
    import sys

    script = (
        "from factcheck.engine.context import ContextIndex\n"
        "from tests.engine.corpus_builder import build_corpus\n"
        "a = 'Rescuers pulled survivors from the capsized ferry near the harbour while coastguard divers searched "
        "the flooded hull overnight and volunteers brought blankets'\n"
        "b = 'Divers searched the hull of the capsized ferry overnight as rescuers and volunteers carried survivors "
        "and blankets to the harbour coastguard station'\n"
        "def claim(i, text):\n"
        "    return {'id': f'c{i}', 'kind': 'date', 'subject': 'gsomia', 'property': 'expires_on',\n"
        "            'value': {'date': '2019-11-23'}, 'status': 'auto', 'confidence': 0.8,\n"
        "            'evidence': {'text': text, 'start': 0, 'end': len(text)}}\n"
        "corpus = build_corpus({'a': ('2019-11-20', [claim(1, a)]), 'b': ('2019-11-21', [claim(2, b)])})\n"
        "first, second = corpus.claims()\n"
        "print(repr(ContextIndex(corpus.entities).similarity(first, second)))\n"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    seen = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root,
                           env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": root}).stdout
            for seed in range(6)}
    assert len(seen) == 1, seen
