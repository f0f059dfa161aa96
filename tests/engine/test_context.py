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
