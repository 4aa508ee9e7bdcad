"""Eligibility as plain records for `manage.py eligibility` (JSON and CSV). The eligibility page and its XLSX export
read the selector (attestation.selectors.eligibility) themselves."""

from datetime import date

from attestation.reasons import catalogue_names, verdict_texts
from attestation.selectors import catalogue_lookups, eligibility


def eligibility_records(employees, day: date) -> list[dict]:
    catalogue = catalogue_lookups()
    titles, fields = catalogue_names(catalogue)
    records = []
    for row in eligibility(employees, day, catalogue=catalogue):
        employee, verdict = row.employee, row.verdict
        records.append(
            {
                "personnel_number": employee.personnel_number,
                "centre": employee.centre.code,
                "iin": employee.iin,
                "full_name": employee.full_name,
                "position": employee.position.code if employee.position_id else None,
                "qualification_level": employee.qualification_level or None,
                "category": employee.category or None,
                "meets_requirements": verdict.meets_requirements,
                "next_category": verdict.next_category,
                "eligible": verdict.eligible,
                "eligible_from": verdict.eligible_from.isoformat() if verdict.eligible_from else None,
                "reasons": verdict_texts(verdict, on=day, position_titles=titles, field_names=fields),
            }
        )
    records.sort(key=lambda record: (record["centre"], record["personnel_number"]))
    return records
