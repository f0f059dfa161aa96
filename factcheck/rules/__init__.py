"""Rules: declarative YAML saying which claims overlap and how to compare them."""

from factcheck.rules.load import (
    LoadedRule,
    UnknownRuleError,
    check_properties,
    load_rules,
    rule_files_in,
)
from factcheck.rules.model import PairKey, Rule, RulesFile, Severity

__all__ = ["LoadedRule", "PairKey", "Rule", "RulesFile", "Severity", "UnknownRuleError", "check_properties", "load_rules", "rule_files_in"]
