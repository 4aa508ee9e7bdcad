"""Attestation's reactions to what staffing does (connected in AttestationConfig.ready)."""

from attestation.services import candidates_release_periods


def release_replaced_periods(sender, *, employee_ids, **kwargs) -> None:
    candidates_release_periods(employee_ids=employee_ids)
