"""When an employee is due for attestation under an attestation policy, and when the policy lets them attest.

Plain Python over frozen dataclasses, like the eligibility engine. The terms are a policy's (attestation.models.
AttestationPolicy, docs/attestation-policies.md): a blank term is no rule at all.

- periodic attestation is due `interval_years` after the last approved attestation (or the hire date);
- a category is valid `category_validity_years` from the day it was taken in the post or last confirmed by an
  attestation, whichever is later (at expiry the employee is proposed for attestation);
- attestation is not earlier than `min_months_in_post` after taking the current post, nor earlier than
  `min_months_after_child_care_leave` after returning from a child-care leave (the day after it ends); during an
  ongoing leave without an end it waits for the return.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from staffing.experience import add_months, add_years

IN_POST = "in_post"
AFTER_LEAVE = "after_leave"
ON_LEAVE = "on_leave"


@dataclass(frozen=True)
class PolicyTerms:
    interval_years: int
    min_months_in_post: int | None = None
    min_months_after_child_care_leave: int | None = None
    category_validity_years: int | None = None


@dataclass(frozen=True)
class ScheduleFacts:
    hire_date: date
    category: str | None  # the category held on the day asked ("none" and None do not expire)
    post_since: date | None  # first day of the current post (same position, without a break)
    category_since: date | None  # first day of the current category in that post
    last_attested: date | None  # the latest approved attestation that assigned or confirmed
    leaves: tuple[tuple[date, date | None], ...] = ()


@dataclass(frozen=True)
class Schedule:
    periodic_attestation_due: date
    category_valid_until: date | None
    # The policy keeps the employee from attestation until this day (None: it does not); `wait` says why, and is
    # ON_LEAVE without a day while a leave has no end.
    not_before: date | None = None
    wait: str | None = None

    def due_on(self, day: date) -> bool:
        """Periodic attestation due, or the category's term over, by `day`."""
        return self.periodic_attestation_due <= day or (
            self.category_valid_until is not None and self.category_valid_until <= day
        )

    def waits_on(self, day: date) -> bool:
        return (
            self.wait == ON_LEAVE and self.not_before is None or (self.not_before is not None and self.not_before > day)
        )


def schedule(terms: PolicyTerms, facts: ScheduleFacts, day: date) -> Schedule:
    periodic = add_years(facts.last_attested or facts.hire_date, terms.interval_years)
    valid_until = None
    if terms.category_validity_years and facts.category not in (None, "", "none") and facts.category_since:
        since = max(facts.category_since, facts.last_attested or facts.category_since)
        # "assigned for N years": the last day of the term is the day before the anniversary
        valid_until = add_years(since, terms.category_validity_years) - timedelta(days=1)
    waits: list[tuple[date | None, str]] = []
    if terms.min_months_in_post and facts.post_since:
        waits.append((add_months(facts.post_since, terms.min_months_in_post), IN_POST))
    if terms.min_months_after_child_care_leave:
        for start, end in facts.leaves:
            if start > day:
                continue
            if end is None:
                waits.append((None, ON_LEAVE))
            else:
                kind = ON_LEAVE if end >= day else AFTER_LEAVE
                waits.append((add_months(end + timedelta(days=1), terms.min_months_after_child_care_leave), kind))
    not_before, wait = None, None
    dated = [(when, kind) for when, kind in waits if when is not None]
    if len(dated) < len(waits):  # a leave without an end: no date to give
        wait = ON_LEAVE
    else:
        later = [(when, kind) for when, kind in dated if when > day]
        if later:
            not_before, wait = max(later)
    return Schedule(periodic, valid_until, not_before, wait)
