"""Attestation's entries in the HR calendar (personnel.deadlines), registered in AttestationConfig.ready():

- `eligible` — the day the engine says an employee qualifies for the next category (its eligible_from), for
  employees who are not already candidates of an open session; overdue once that day has passed. The engine
  runs once over the centres' staff (seven queries) plus one query for the open candidacies.
- `periodic_attestation` — the day periodic attestation falls due under the employee's attestation policy
  (attestation_schedule), unless they are a candidate of an open session;
- `category_expiry` — the last day of the category's term where the policy gives one (docs/attestation-policies.md).
  Both from one employees query, attestation_schedule (five queries) and the open candidacies (one)."""

from datetime import date

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from attestation.models import OPEN_STATES, Candidate
from attestation.reasons import category_label
from attestation.selectors import attestation_schedule, eligibility_of_centres
from personnel.deadlines import Deadline, deadline_of
from personnel.workdays import WorkingCalendar
from staffing.models import Employee


def eligible_deadlines(centre_ids, as_of: date, horizon: date, calendar: WorkingCalendar) -> list[Deadline]:
    rows = [
        row
        for row in eligibility_of_centres(centre_ids, as_of)
        if row.verdict.eligible_from and row.verdict.next_category
    ]
    if not rows:
        return []
    proposed = _proposed(centre_ids)
    found = []
    for row in rows:
        employee, verdict = row.employee, row.verdict
        if employee.pk in proposed or verdict.eligible_from > horizon:
            continue
        found.append(
            deadline_of(
                "eligible",
                verdict.eligible_from,
                employee,
                lambda code=verdict.next_category: capfirst(
                    _("Qualifies for the %(category)s: propose for attestation.") % {"category": category_label(code)}
                ),
            )
        )
    return found


def _proposed(centre_ids) -> set[int]:
    candidacies = Candidate.objects.filter(session__state__in=OPEN_STATES, removed=False)
    if centre_ids is not None:
        candidacies = candidacies.filter(session__centre_id__in=centre_ids)
    return set(candidacies.values_list("employee_id", flat=True))


def schedule_deadlines(centre_ids, as_of: date, horizon: date, calendar: WorkingCalendar) -> list[Deadline]:
    employees = Employee.objects.employed_on(as_of).select_related("centre")
    if centre_ids is not None:
        employees = employees.filter(centre_id__in=centre_ids)
    employees = {employee.pk: employee for employee in employees}
    if not employees:
        return []
    plans = attestation_schedule(list(employees), as_of)
    proposed = _proposed(centre_ids)
    found = []
    for pk, plan in plans.items():
        employee = employees[pk]
        if pk not in proposed and plan.periodic_attestation_due <= horizon:
            found.append(
                deadline_of(
                    "periodic_attestation",
                    plan.periodic_attestation_due,
                    employee,
                    lambda: _("Periodic attestation falls due: propose for a session."),
                )
            )
        if plan.category_valid_until and plan.category_valid_until <= horizon:
            found.append(
                deadline_of(
                    "category_expiry",
                    plan.category_valid_until,
                    employee,
                    lambda policy=plan.policy: (
                        _("The category's term ends (%(policy)s): attestation is needed to keep it.")
                        % {"policy": policy.name}
                    ),
                )
            )
    return found
