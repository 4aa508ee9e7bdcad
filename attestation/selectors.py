"""Feeding the eligibility engine: facts for any set of employees in a fixed number of queries.

Queries, whatever the number of employees: requirements in force on D (1), the education field tree (1),
the employees (1), their education (1) and their work periods (1). The requirement set is built once per
call, not per employee.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from attestation.rules import (
    Alternative,
    EducationCondition,
    EmployeeFacts,
    ExperienceCondition,
    Requirement,
    RequirementSet,
    Verdict,
    evaluate,
)
from attestation.rules import Education as EducationFact
from attestation.rules import Period as PeriodFact
from positions.models import EducationField
from positions.models import Requirement as RequirementRow
from staffing.models import Education, Employee, WorkPeriod


def alternative_from_data(data: dict, position_code: str) -> Alternative:
    experience = data.get("experience")
    condition = None
    if experience:
        condition = ExperienceCondition(
            years=experience["years"],
            kind=experience["kind"],
            sectors=frozenset(experience.get("sectors") or ()),
            category=experience.get("category"),
            # "the same position" is requirement data; by default the position itself.
            positions=frozenset(experience.get("positions") or (position_code,)),
        )
    return Alternative(
        education=tuple(
            EducationCondition(levels=frozenset(c["levels"]), fields=frozenset(c.get("fields") or ()))
            for c in data["education"]
        ),
        experience=condition,
    )


def requirement_set_on(day: date) -> RequirementSet:
    rows = RequirementRow.objects.in_force_on(day).select_related("position", "item")
    return RequirementSet(
        Requirement(
            position=row.position.code,
            level=row.qualification_level or None,
            category=row.category or None,
            item=row.item.number,
            alternatives=tuple(alternative_from_data(data, row.position.code) for data in row.alternatives),
        )
        for row in rows
    )


def field_lineage(fields=None) -> dict[int, frozenset[str]]:
    """For each education field id, its code and its ancestors' codes: a requirement naming "social"
    accepts a diploma in "social_work". Pass the fields when they are already fetched."""
    fields = {field.pk: field for field in (EducationField.objects.all() if fields is None else fields)}
    lineage = {}
    for pk, field in fields.items():
        codes, node = [], field
        while node is not None and len(codes) <= len(fields):
            codes.append(node.code)
            node = fields.get(node.parent_id)
        lineage[pk] = frozenset(codes)
    return lineage


def employee_facts(employee: Employee, lineage: dict[int, frozenset[str]]) -> EmployeeFacts:
    """Facts from an employee whose education and periods (with positions) are prefetched."""
    return EmployeeFacts(
        key=employee.pk,
        position=employee.position.code if employee.position_id else "",
        level=employee.qualification_level or None,
        category=employee.category or None,
        education=tuple(
            EducationFact(level=e.level, fields=lineage.get(e.field_id, frozenset())) for e in employee.education.all()
        ),
        periods=tuple(
            PeriodFact(
                start=p.start_date,
                end=p.end_date,
                sector=p.sector,
                position=p.position.code if p.position_id else "",
                level=p.qualification_level or None,
                category=p.category or None,
                managerial=p.managerial,
                profile=p.profile_experience,
            )
            for p in employee.periods.all()
        ),
    )


def with_facts(employees: QuerySet[Employee]) -> QuerySet[Employee]:
    return employees.select_related("centre", "position").prefetch_related(
        Prefetch("education", queryset=Education.objects.only("id", "employee_id", "level", "field_id")),
        Prefetch("periods", queryset=WorkPeriod.objects.select_related("position").order_by("start_date")),
    )


@dataclass(frozen=True)
class EligibilityRow:
    employee: Employee
    verdict: Verdict


def eligibility(employees: QuerySet[Employee], day: date) -> list[EligibilityRow]:
    """The engine's verdict on `day` for every ACTIVE employee of the queryset, in a fixed number of queries."""
    requirements = requirement_set_on(day)
    lineage = field_lineage()
    rows = []
    for employee in with_facts(employees.filter(dismissal_date__isnull=True)):
        rows.append(EligibilityRow(employee, evaluate(employee_facts(employee, lineage), requirements, day)))
    return rows


def employee_verdict(employee: Employee, day: date, *, lineage: dict[int, frozenset[str]] | None = None) -> Verdict:
    """The verdict for one employee already fetched with education and periods (the employee card)."""
    return evaluate(employee_facts(employee, lineage or field_lineage()), requirement_set_on(day), day)
