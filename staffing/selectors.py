"""Reads of staffing records, each in a fixed number of queries whatever the number of rows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from positions.vocabulary import CATEGORY_CODES, SECTOR_CHOICES
from staffing.access import may_change_expression, visible_employees
from staffing.experience import Duration, Span, experience
from staffing.models import Education, Employee, WorkPeriod

SORTS = {
    "name": ["last_name", "first_name", "middle_name"],
    "-name": ["-last_name", "-first_name", "-middle_name"],
    "number": ["personnel_number"],
    "-number": ["-personnel_number"],
    "hired": ["hire_date", "last_name"],
    "-hired": ["-hire_date", "last_name"],
    "position": ["position__paragraph", "last_name"],
    "centre": ["centre__code", "last_name"],
}


@dataclass(frozen=True)
class EmployeeFilters:
    centre: str = ""
    unit: int | None = None
    position: str = ""
    qualification_level: str = ""
    category: str = ""
    status: str = "active"  # active | dismissed | all
    query: str = ""
    sort: str = "name"
    iin_search: bool = False  # only for roles that see full IINs: otherwise a search would reveal them


def employee_list(user, filters: EmployeeFilters) -> QuerySet[Employee]:
    """The employees the user may see, filtered and sorted; rows carry centre, unit and position (one query)."""
    employees = visible_employees(user).select_related("centre", "unit", "position")
    if filters.centre:
        employees = employees.filter(centre__code=filters.centre)
    if filters.unit:
        employees = employees.filter(unit_id=filters.unit)
    if filters.position:
        employees = employees.filter(position__code=filters.position)
    if filters.qualification_level:
        employees = employees.filter(qualification_level=filters.qualification_level)
    if filters.category:
        employees = employees.filter(category=filters.category)
    if filters.status == "active":
        employees = employees.filter(dismissal_date__isnull=True)
    elif filters.status == "dismissed":
        employees = employees.filter(dismissal_date__isnull=False)
    for word in filters.query.lower().split():
        if filters.iin_search and len(word) == 12 and word.isdigit():
            employees = employees.filter(Q(iin=word) | Q(search_text__contains=word))
        else:
            employees = employees.filter(search_text__contains=word)
    return employees.order_by(*SORTS.get(filters.sort, SORTS["name"]), "pk")


def employee_card(user, pk: int) -> Employee:
    """One employee in the user's scope with education and work history (three queries); else DoesNotExist.
    `may_change` says whether the user may change this employee's records."""
    return (
        visible_employees(user)
        .annotate(may_change=may_change_expression(user))
        .select_related("centre__region", "unit", "position")
        .prefetch_related(
            Prefetch("education", queryset=Education.objects.select_related("field").order_by("graduation_date", "pk")),
            Prefetch("periods", queryset=WorkPeriod.objects.select_related("position").order_by("start_date", "pk")),
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class ExperienceLine:
    label: str
    duration: Duration


def experience_summary(periods: list[WorkPeriod], on: date) -> dict[str, list[ExperienceLine] | Duration]:
    """Experience on `on` from the periods already fetched: total, per sector, managerial, in profile, per
    position and per category at each level (staffing.experience: overlaps count once)."""

    def measure(selected) -> Duration:
        return experience([Span(p.start_date, p.end_date) for p in selected], on)

    sectors = dict(SECTOR_CHOICES)
    by_sector = [
        ExperienceLine(str(sectors[code]), measure(p for p in periods if p.sector == code))
        for code in sectors
        if any(p.sector == code for p in periods)
    ]
    positions = {}
    for period in periods:
        positions.setdefault(period.position_label, []).append(period)
    by_category = defaultdict(list)
    for period in periods:
        if period.position_id and period.category:
            by_category[(period.position_label, period.qualification_level, period.category)].append(period)
    rank = {code: index for index, code in enumerate(CATEGORY_CODES)}
    return {
        "total": measure(periods),
        "managerial": measure(p for p in periods if p.managerial),
        "profile": measure(p for p in periods if p.profile_experience),
        "by_sector": by_sector,
        "by_position": [ExperienceLine(label, measure(group)) for label, group in positions.items()],
        "by_category": [
            {"position": key[0], "level": key[1], "category": key[2], "duration": measure(group)}
            for key, group in sorted(by_category.items(), key=lambda item: (item[0][0], item[0][1], rank[item[0][2]]))
        ],
    }


def headcount(employees: QuerySet[Employee]) -> list[dict]:
    """Active staff counted by position × level × category (one query)."""
    return list(
        employees.filter(dismissal_date__isnull=True)
        .values("position__paragraph", "position__code", "position__title_kk", "qualification_level", "category")
        .annotate(count=Count("pk"))
        .order_by("position__paragraph", "qualification_level", "category")
    )


def centre_units(centre) -> list:
    return list(
        centre.units.annotate(active=Count("employees", filter=Q(employees__dismissal_date__isnull=True))).order_by(
            "name"
        )
    )
