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
    merged, report = merge_claims(existing, extracted(project), known=project.entities)
    assert next(c for c in merged.claims if c.id == quote.id) == edited
    assert report.edited == [quote.id]


def test_a_new_candidate_is_added(project):
    first = extracted(project)
    existing = with_claims(first, first.claims[:-1])
    merged, report = merge_claims(existing, extracted(project))
    assert report.added == [first.claims[-1].id]
    assert merged.claims == first.claims


def test_a_stale_auto_claim_is_pruned_by_default_and_kept_on_request(project):
    old = extracted(project)
    new = extracted(project, TEXT.replace("The yen strengthened 0.4% to 106.25 per dollar.", "The yen held."))
    stale = {c.id for c in old.claims} - {c.id for c in new.claims}
    assert stale
    pruned, report = merge_claims(old, new)
    assert set(report.pruned) == stale and not stale & {c.id for c in pruned.claims}
    assert "2 pruned" in report.summary() and "stale kept" not in report.summary()
    kept, report = merge_claims(old, new, prune=False)
    assert set(report.stale_kept) == stale and stale <= {c.id for c in kept.claims}
    assert f"{len(stale)} stale kept" in report.summary()


def test_an_auto_claim_found_again_takes_the_subject_the_entity_file_gives_now(project):
    first = extracted(project)
    expiry = next(c for c in first.claims if c.property == "expires_on")
    old_subject = expiry.model_copy(update={"subject": "old-proposal"})  # as extracted before gsomia was known
    assert is_untouched(old_subject)  # the id does not hash the subject
    existing = with_claims(first, [old_subject if c.id == expiry.id else c for c in first.claims])
    merged, report = merge_claims(existing, extracted(project), known=project.entities)
    assert report.updated == [expiry.id] and expiry.id not in report.unchanged
    assert next(c for c in merged.claims if c.id == expiry.id).subject == "gsomia"
    assert "1 updated" in report.summary()


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
