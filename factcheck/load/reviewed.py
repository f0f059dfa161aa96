"""`--reviewed-only`: a corpus with only the claims a person has checked (`status: reviewed`).

Claims drafted by `factcheck extract` (`status: auto`) are left out before anything is compared, so no
verdict rests on them: what a report or gate then says is what the reviewed claims say on their own.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.load.corpus import Corpus


def reviewed_only(corpus: Corpus) -> Corpus:
    """`corpus` without its unreviewed claims (every source kept, even one left with no claims)."""
    documents = []
    for document in corpus.documents:
        claims = [c for c in document.claims_file.claims if c.status.value == "reviewed"]
        documents.append(replace(document, claims_file=document.claims_file.model_copy(update={"claims": claims})))
    return replace(corpus, documents=documents)
