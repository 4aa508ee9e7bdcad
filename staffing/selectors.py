"""Reads of staffing records, each in a fixed number of queries whatever the number of rows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from config.dates import today
from config.inputs import search_words as first_search_words
from positions.labels import SECTOR_CHOICES
from positions.vocabulary import CATEGORY_CODES
from staffing.access import full_iin_centres, full_iin_expression, may_change_expression, visible_employees
from staffing.experience import Duration, Span, experience
from staffing.models import Education, Employee, WorkPeriod
from staffing.names import search_fold


def search_words(query: str) -> list[str]:
    """The words searched (config.inputs.search_words), folded like Employee.search_text (Latin i read as Kazakh і,
    staffing/names.py)."""
    return first_search_words(search_fold(query))


# Names sort in the order of the Kazakh alphabet (Employee.name_key, indexed).
SORTS = {
    "name": ["name_key"],
    "-name": ["-name_key"],
    "number": ["personnel_number"],
    "-number": ["-personnel_number"],
    "hired": ["hire_date", "name_key"],
    "-hired": ["-hire_date", "name_key"],
    "position": ["position__paragraph", "name_key"],
    "centre": ["centre__code", "name_key"],
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
    iin_search: bool = False  # matches only where the user sees full IINs: elsewhere a search would reveal them


def employee_list(user, filters: EmployeeFilters) -> QuerySet[Employee]:
    """The employees the user may see, filtered and sorted; rows carry centre, unit and position, and `full_iin`:
    whether the user sees this row's IIN in full (one query)."""
    employees = (
        visible_employees(user)
        .select_related("centre", "unit", "position")
        .annotate(full_iin=full_iin_expression(user))
    )
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
    # A dismissal dated after today is scheduled: the employee is still active until that day.
    if filters.status == "active":
        employees = employees.current(today())
    elif filters.status == "dismissed":
        employees = employees.filter(dismissal_date__lt=today())
    for word in search_words(filters.query):
        if filters.iin_search and len(word) == 12 and word.isdigit():
            by_iin = Q(iin=word, centre__in=full_iin_centres(user))
            employees = employees.filter(by_iin | Q(search_text__contains=word))
        else:
            employees = employees.filter(search_text__contains=word)
    return employees.order_by(*SORTS.get(filters.sort, SORTS["name"]), "pk")


def employee_card(user, pk: int) -> Employee:
    """One employee in the user's scope with education and work history (three queries); else DoesNotExist.
    `may_change` says whether the user may change this employee's records, `full_iin` whether they see the IIN,
    birth date and contacts in full."""
    return (
        visible_employees(user)
        .annotate(may_change=may_change_expression(user), full_iin=full_iin_expression(user))
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
        employees.current(today())
        .values("position__paragraph", "position__code", "position__title_kk", "qualification_level", "category")
        .annotate(count=Count("pk"))
        .order_by("position__paragraph", "qualification_level", "category")
    )


def centre_units(centre) -> list:
    return list(
        centre.units.annotate(
            active=Count(
                "employees",
                filter=Q(employees__dismissal_date__isnull=True) | Q(employees__dismissal_date__gte=today()),
            )
        ).order_by("name")
    )


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One saved change of the employee or of one of their rows: who, when, what, field by field."""

    when: datetime
    who: str
    subject: str
    action: str  # "+" added, "~" changed, "-" deleted (django-simple-history's history_type)
    reason: str
    fields: list[FieldChange]


# Bookkeeping columns that say nothing to HR.
_UNSHOWN = {"id", "employee", "version", "search_text", "name_key"}


def _shown_fields(model):
    return [f for f in model._meta.concrete_fields if f.name not in _UNSHOWN]


def _display(field, value, names: dict[str, dict]) -> str:
    if value is None or value == "":
        if isinstance(field, models.BooleanField) or field.name == "sector":
            return str(_("not established"))
        return "—"
    if field.is_relation:
        return str(names.get(field.name, {}).get(value, value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return str(_("yes") if value else _("no"))
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def employee_changes(employee: Employee) -> list[Change]:
    """The history of the employee, their education and their work periods, newest first, in the user's language
    (six queries: three histories, positions, education fields, units)."""
    from positions.models import EducationField, Position

    names = {
        "position": {p.pk: p.title for p in Position.objects.all()},
        "field": {f.pk: f.name for f in EducationField.objects.all()},
        "unit": dict(employee.centre.units.values_list("pk", "name")),
        "centre": {employee.centre_id: employee.centre.name},
    }
    subjects = [
        (Employee, employee.history.select_related("history_user"), _("Personal data")),
        (Education, Education.history.filter(employee_id=employee.pk).select_related("history_user"), _("Education")),
        (
            WorkPeriod,
            WorkPeriod.history.filter(employee_id=employee.pk).select_related("history_user"),
            _("Work period"),
        ),
    ]
    changes = []
    for model, records, subject in subjects:
        shown = _shown_fields(model)
        previous = {}
        for record in records.order_by("history_date", "history_id"):
            before = previous.get(record.id)
            fields = []
            for field in shown:
                new = getattr(record, field.attname)
                old = getattr(before, field.attname) if before is not None else None
                if record.history_type == "-":
                    continue
                if before is None and (new is None or new == ""):
                    continue
                if before is not None and old == new:
                    continue
                fields.append(
                    FieldChange(
                        str(field.verbose_name),
                        _display(field, old, names) if before is not None else "",
                        _display(field, new, names),
                    )
                )
            previous[record.id] = record
            if record.history_type == "~" and not fields:
                continue  # a save that changed only bookkeeping columns
            user = record.history_user
            label = str(subject)
            if model is WorkPeriod:
                label = f"{label}: {record.start_date:%d.%m.%Y}"
            elif model is Education:
                label = f"{label}: {dict(model._meta.get_field('level').flatchoices).get(record.level, record.level)}"
            changes.append(
                Change(
                    when=record.history_date,
                    who=(user.get_full_name() or user.get_username()) if user else str(_("the system")),
                    subject=label,
                    action=record.history_type,
                    reason=record.history_change_reason or "",
                    fields=fields,
                )
            )
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes
