"""Attestation's entries in the HR calendar (personnel.deadlines), registered in AttestationConfig.ready(), for
employees who are not already candidates of an open session (but for the category's term):

- `eligible` — the day the engine says an employee qualifies for the next category (its eligible_from); overdue
  once that day has passed;
- `periodic_attestation` — the day periodic attestation falls due under the employee's attestation policy;
- `category_expiry` — the last day of the category's term where the policy gives one (docs/attestation-policies.md).

One run of the engine over the centres' staff (seven queries, shared with the start page's attention), the schedule
from its rows (eligibility_schedule, three queries) and the open candidacies (one)."""

from datetime import date

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from attestation.models import OPEN_STATES, Candidate
from attestation.reasons import category_label
from attestation.selectors import eligibility_of_centres, eligibility_schedule
from personnel.deadlines import Deadline, deadline_of
from personnel.workdays import WorkingCalendar


def attestation_deadlines(centre_ids, as_of: date, horizon: date, calendar: WorkingCalendar) -> list[Deadline]:
    rows = eligibility_of_centres(centre_ids, as_of)
    if not rows:
        return []
    proposed = _proposed(centre_ids)
    plans = eligibility_schedule(rows, as_of)
    found = []
    for row in rows:
        employee, verdict, plan = row.employee, row.verdict, plans[row.person.employee_id]
        waiting = employee.pk not in proposed
        if waiting and verdict.next_category and verdict.eligible_from and verdict.eligible_from <= horizon:
            found.append(
                deadline_of(
                    "eligible",
                    verdict.eligible_from,
                    employee,
                    lambda code=verdict.next_category: capfirst(
                        _("Qualifies for the %(category)s: propose for attestation.")
                        % {"category": category_label(code)}
                    ),
                )
            )
        if waiting and plan.periodic_attestation_due <= horizon:
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


def _proposed(centre_ids) -> set[int]:
    candidacies = Candidate.objects.filter(session__state__in=OPEN_STATES, removed=False)
    if centre_ids is not None:
        candidacies = candidacies.filter(session__centre_id__in=centre_ids)
    return set(candidacies.values_list("employee_id", flat=True))
