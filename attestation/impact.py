"""What an amendment of a requirement would do to the staff: who changes meets_requirements, eligible or
eligible_from, and how, per centre. Answers "what happens to our staff when the ministry changes item 18?"."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy

from attestation.rules import Requirement, RequirementSet, alternatives_from_data, evaluate
from attestation.selectors import catalogue_lookups, employees_with_facts, requirement_set_on
from positions import schema
from staffing.models import Employee

CHANGE_LABELS = {
    "meets_requirements": gettext_lazy("meets the requirements of the post"),
    "eligible": gettext_lazy("eligible for the next category"),
    "eligible_from": gettext_lazy("eligible from"),
}


@dataclass(frozen=True)
class Change:
    employee: Employee
    field: str  # meets_requirements | eligible | eligible_from
    before: object
    after: object

    @property
    def label(self) -> str:
        return str(CHANGE_LABELS[self.field])


@dataclass(frozen=True)
class Impact:
    day: date
    assessed: int
    changes: list[Change]

    @property
    def by_centre(self) -> list[tuple[str, int]]:
        counts = Counter(change.employee.centre.code for change in self.changes)
        return sorted(counts.items())

    @property
    def people_by_centre(self) -> list[tuple[str, int]]:
        """How many employees of each centre would change (one person may change in several ways)."""
        people = {(change.employee.centre.code, change.employee.pk) for change in self.changes}
        return sorted(Counter(code for code, _pk in people).items())

    @property
    def employees_affected(self) -> int:
        return len({change.employee.pk for change in self.changes})


def _replaced(requirements: RequirementSet, new: Requirement) -> RequirementSet:
    key = (new.position, new.level, new.category)
    kept = [r for r in requirements if (r.position, r.level, r.category) != key]
    return RequirementSet([*kept, new])


def amendment_impact(*, position: str, level: str, category: str, item: int, alternatives: list, day: date) -> Impact:
    """Compare the verdicts on `day` under the requirements in force then and under the same requirements with
    this post's requirement replaced by `alternatives` (a proposed or a saved future amendment)."""
    before = requirement_set_on(day - timedelta(days=1))
    # A proposal is checked by its form (positions.forms); a saved version may still fail (written around the
    # checks, or before them), and then shows what it does: every verdict that needs it says it is invalid.
    valid = schema.is_valid(alternatives)
    proposed = Requirement(
        position=position,
        level=level or None,
        category=category or None,
        item=item,
        alternatives=alternatives_from_data(alternatives) if valid else (),
        invalid=not valid,
    )
    after = _replaced(before, proposed)
    employees = Employee.objects.filter(position__code=position).order_by("centre__code", "personnel_number")
    changes, assessed = [], 0
    for employee, facts in employees_with_facts(employees, catalogue_lookups()):
        assessed += 1
        old, new = evaluate(facts, before, day), evaluate(facts, after, day)
        for name in ("meets_requirements", "eligible", "eligible_from"):
            if getattr(old, name) != getattr(new, name):
                changes.append(Change(employee, name, getattr(old, name), getattr(new, name)))
    return Impact(day=day, assessed=assessed, changes=changes)
