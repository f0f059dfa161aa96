"""Loading: read YAML safely, validate it against the model, and check what ties files together."""

from factcheck.load.corpus import Corpus, SourceDocument, claims_files_in, load_corpus, read_claims_file
from factcheck.load.document import YamlDocument, read_yaml
from factcheck.load.problems import Problem, ProblemsError
from factcheck.load.schema_errors import validate_document
from factcheck.load.write import dump_claims_file, write_claims_file

__all__ = [
    "Corpus", "Problem", "ProblemsError", "SourceDocument", "YamlDocument", "claims_files_in",
    "dump_claims_file", "load_corpus", "read_claims_file", "read_yaml", "validate_document", "write_claims_file",
]
