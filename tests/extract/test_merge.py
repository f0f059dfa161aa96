"""Merging keeps what people did: reviewed and edited claims verbatim, new candidates added."""

from __future__ import annotations

from factcheck.extract.merge import is_untouched, merge_claims
from factcheck.extract.pipeline import extract
from factcheck.model import ClaimsFile, Status
from tests.extract.extract_helpers import make_source

TEXT = ("The pact will expire Nov. 23 if not renewed. The yen strengthened 0.4% to 106.25 per dollar.\n"
        "“We strongly believe the ties must persist,” Dave Eastburn said.\n")


def extracted(project, text: str = TEXT) -> ClaimsFile:
    return extract(text, make_source(text, "2019-08-22"), project.entities, project.vocabulary,
                   project.cues).claims_file


def with_claims(claims_file: ClaimsFile, claims: list) -> ClaimsFile:
    return ClaimsFile.model_validate({"source": claims_file.source.model_dump(mode="json"),
                                      "claims": [c.model_dump(mode="json", exclude_none=True) for c in claims]})


def test_extracting_twice_changes_nothing(project):
    first = extracted(project)
    merged, report = merge_claims(first, extracted(project))
    assert merged == first
    assert report.added == [] and report.vanished == [] and len(report.unchanged) == len(first.claims)


def test_a_reviewed_claim_is_kept_verbatim(project):
    first = extracted(project)
    expiry = next(c for c in first.claims if c.property == "expires_on")
    reviewed = expiry.model_copy(update={"status": Status.reviewed, "id": "gsomia-expiry", "note": "checked"})
    existing = with_claims(first, [reviewed])
    merged, report = merge_claims(existing, extracted(project))
    assert merged.claims[0] == reviewed
    assert report.reviewed == ["gsomia-expiry"]
    assert expiry.id in report.covered  # the same fact is not added again under the extractor's id
    assert expiry.id not in [c.id for c in merged.claims]


def test_an_edited_auto_claim_is_kept_verbatim(project):
    first = extracted(project)
    quote = next(c for c in first.claims if c.kind == "quote")
    edited = quote.model_copy(update={"subject": "us-dod"})
    assert is_untouched(quote) and not is_untouched(edited.model_copy(update={
        "value": quote.value.model_copy(update={"text": "We strongly believe"})}))
    existing = with_claims(first, [edited if c.id == quote.id else c for c in first.claims])
    merged, _ = merge_claims(existing, extracted(project))
    assert next(c for c in merged.claims if c.id == quote.id) == edited


def test_a_new_candidate_is_added(project):
    first = extracted(project)
    existing = with_claims(first, first.claims[:-1])
    merged, report = merge_claims(existing, extracted(project))
    assert report.added == [first.claims[-1].id]
    assert merged.claims == first.claims


def test_a_vanished_auto_claim_is_reported_and_kept_unless_pruned(project):
    old = extracted(project)
    new = extracted(project, TEXT.replace("The yen strengthened 0.4% to 106.25 per dollar.", "The yen held."))
    vanished = {c.id for c in old.claims} - {c.id for c in new.claims}
    assert vanished
    merged, report = merge_claims(old, new)
    assert set(report.vanished) == vanished and vanished <= {c.id for c in merged.claims}
    pruned, report = merge_claims(old, new, prune=True)
    assert set(report.pruned) == vanished and not vanished & {c.id for c in pruned.claims}


def test_pruning_never_drops_a_reviewed_claim(project):
    old = extracted(project)
    reviewed = [c.model_copy(update={"status": Status.reviewed}) for c in old.claims]
    merged, _ = merge_claims(with_claims(old, reviewed), extracted(project, "Nothing here.\n"), prune=True)
    assert merged.claims == reviewed


def test_claims_with_events_and_modalities_are_untouched_when_extracted_again(project):
    # written for tests: the ids hash the event and the modality as the claims carry them
    text = ("Japan says all such claims were settled under a 1965 treaty. Seoul said Thursday it would quit the pact "
            "on Nov. 23. The two leaders held a 35-minute call on Monday.\n")
    first = extracted(project, text)
    assert any(c.event for c in first.claims) and any(c.modality for c in first.claims)
    assert all(is_untouched(c) for c in first.claims)
    merged, report = merge_claims(first, extracted(project, text))
    assert report.edited == [] and len(report.unchanged) == len(first.claims)
