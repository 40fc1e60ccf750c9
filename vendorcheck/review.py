"""The Review: everything one contract's review found, built once by `api.review`; the input of every renderer."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from vendorcheck.hds.models import HdsAssessment, HdsVerdict
from vendorcheck.models import DocumentInfo, Finding, Language, Party, Severity, Status, VendorIdentity, Verdict


class VerdictCause(BaseModel):
    """One reason for the overall opinion, stated under it (`vendorcheck.verdict.cause_text`)."""

    code: Literal["blocking", "gaps", "hds_blocking", "hds_to_check", "clear", "clear_clauses"]
    requirements: list[str] = Field(default_factory=list, description="The requirements at fault, in order")
    hds_verdict: HdsVerdict | None = None


class Review(BaseModel):
    """The outcome of running a rule pack over one document, with the parties, the vendor and its HDS check.

    Frozen: `api.review` builds it whole, and nothing changes it afterwards."""

    model_config = ConfigDict(frozen=True)

    document: DocumentInfo
    findings: list[Finding]
    verdict: Verdict
    verdict_causes: list[VerdictCause] = Field(default_factory=list, description="Why the verdict, worst first")
    health_data: bool
    lang: Language
    rules_version: str
    parties: list[Party] = Field(default_factory=list)
    vendor: VendorIdentity | None = Field(None, description="The vendor as read from the contract, with its evidence")
    created_at: datetime
    hds: HdsAssessment | None = None

    def noted(self, warning: str) -> Review:
        """This review with one more warning on its document (a batch's annotated copy that failed): a
        new Review, since this one is never changed."""
        document = self.document.model_copy(update={"warnings": [*self.document.warnings, warning]})
        return self.model_copy(update={"document": document})

    def finding(self, requirement: str) -> Finding | None:
        return next((f for f in self.findings if f.requirement == requirement), None)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.is_violation]

    def counts(self) -> dict[str, int]:
        """Violations per severity, plus findings per status."""
        out: dict[str, int] = {s.value: 0 for s in Severity}
        out.update({s.value: 0 for s in Status})
        for f in self.findings:
            out[f.status.value] += 1
            if f.is_violation:
                out[f.severity.value] += 1
        return out
