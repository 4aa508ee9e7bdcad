"""What an import would change, for the preview: new employees, updated employees with the fields that change
(old → new), the education and work-history rows added and removed, and the units the workbook would create.

Four queries for any number of employees (the centre's employees, their education, their periods, its units);
the rows are compared in Python. Values are shown in the active language (dates dd.mm.yyyy)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from positions.labels import CATEGORY_CHOICES, EDUCATION_LEVEL_CHOICES, LEVEL_CHOICES, SECTOR_CHOICES, label
from positions.models import EducationField, Position
from staffing.models import Centre, Education, Employee, Sex, Unit, WorkPeriod
from staffing.names import unit_key

# What the preview compares on an employee: the employees sheet and the current post from the open period.
EMPLOYEE_FIELDS = (
    "iin",
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "sex",
    "unit",
    "hire_date",
    "dismissal_date",
    "position_id",
    "qualification_level",
    "category",
)
EDUCATION_FIELDS = ("level", "field_id", "institution", "specialty", "document_number", "graduation_date")
PERIOD_FIELDS = (
    "organisation",
    "sector",
    "position_id",
    "position_text",
    "qualification_level",
    "category",
    "managerial",
    "profile_experience",
    "start_date",
    "end_date",
)


@dataclass
class EmployeeChanges:
    personnel_number: str
    name: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new)
    education_added: list[str] = field(default_factory=list)
    education_removed: list[str] = field(default_factory=list)
    periods_added: list[str] = field(default_factory=list)
    periods_removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.fields or self.education_added or self.education_removed or self.periods_added or self.periods_removed
        )


@dataclass
class Changes:
    new_employees: list[tuple[str, str]] = field(default_factory=list)  # (personnel number, name)
    updated: list[EmployeeChanges] = field(default_factory=list)  # those with at least one change
    unchanged: int = 0
    new_units: list[str] = field(default_factory=list)
    education_added: int = 0
    education_removed: int = 0
    periods_added: int = 0
    periods_removed: int = 0


def _day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "—"


class _Shower:
    """Values as the preview shows them."""

    def __init__(self):
        self.positions = {p.pk: str(p) for p in Position.objects.order_by("paragraph")}
        self.fields = dict(EducationField.objects.values_list("pk", "code"))

    def employee(self, name: str, value) -> str:
        if isinstance(value, date):
            return _day(value)
        if name == "position_id":
            return self.positions.get(value, "—")
        if name == "qualification_level":
            return label(LEVEL_CHOICES, value)
        if name == "category":
            return label(CATEGORY_CHOICES, value)
        if name == "sex":
            return label(Sex.choices, value)
        return value or "—"

    def education(self, row: dict) -> str:
        parts = [label(EDUCATION_LEVEL_CHOICES, row["level"]), self.fields.get(row["field_id"], "")]
        parts += [row["institution"], row["specialty"], row["document_number"], _day(row["graduation_date"])]
        return " · ".join(part for part in parts if part)

    def period(self, row: dict) -> str:
        post = self.positions.get(row["position_id"]) if row["position_id"] else row["position_text"]
        parts = [row["organisation"], post]
        if row["qualification_level"]:
            parts.append(label(LEVEL_CHOICES, row["qualification_level"]))
        if row["category"]:
            parts.append(label(CATEGORY_CHOICES, row["category"]))
        if row["sector"]:
            parts.append(label(SECTOR_CHOICES, row["sector"]))
        parts.append(f"{_day(row['start_date'])} – {_day(row['end_date'])}")
        return " · ".join(part for part in parts if part)


def _differences(old_rows: list[tuple], new_rows: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Rows added and removed, as multisets (a row kept as it was is neither)."""
    old, new = Counter(old_rows), Counter(new_rows)
    return list((new - old).elements()), list((old - new).elements())


def changes_of(*, centre: Centre, employees: list[dict], education: list[dict], periods: list[dict]) -> Changes:
    """Compare the validated rows of a workbook with the centre's records."""
    shower = _Shower()
    result = Changes()
    existing = {
        row["personnel_number"]: row
        for row in Employee.objects.filter(centre=centre).values(
            "personnel_number", "unit__name", *(name for name in EMPLOYEE_FIELDS if name != "unit")
        )
    }
    old_education: dict[str, list[tuple]] = defaultdict(list)
    for row in Education.objects.filter(employee__centre=centre).values(
        "employee__personnel_number", *EDUCATION_FIELDS
    ):
        old_education[row["employee__personnel_number"]].append(tuple(row[name] for name in EDUCATION_FIELDS))
    old_periods: dict[str, list[tuple]] = defaultdict(list)
    for row in WorkPeriod.objects.filter(employee__centre=centre).values("employee__personnel_number", *PERIOD_FIELDS):
        old_periods[row["employee__personnel_number"]].append(tuple(row[name] for name in PERIOD_FIELDS))
    new_education: dict[str, list[tuple]] = defaultdict(list)
    for row in education:
        new_education[row["personnel_number"]].append(tuple(row[name] for name in EDUCATION_FIELDS))
    new_periods: dict[str, list[tuple]] = defaultdict(list)
    for row in periods:
        new_periods[row["personnel_number"]].append(tuple(row[name] for name in PERIOD_FIELDS))

    units = {}
    for name in Unit.objects.filter(centre=centre).order_by("pk").values_list("name", flat=True):
        units.setdefault(unit_key(name), name)
    labels = {name: str(Employee._meta.get_field(name.removesuffix("_id")).verbose_name) for name in EMPLOYEE_FIELDS}

    for row in employees:
        number = row["personnel_number"]
        name = " ".join(part for part in (row["last_name"], row["first_name"], row["middle_name"]) if part)
        if row["unit"]:
            key = unit_key(row["unit"])
            if key not in units:
                units[key] = " ".join(row["unit"].split())  # as the import will name it
                result.new_units.append(units[key])
        old = existing.get(number)
        education_rows, period_rows = new_education.get(number, []), new_periods.get(number, [])
        if old is None:
            result.new_employees.append((number, name))
            result.education_added += len(education_rows)
            result.periods_added += len(period_rows)
            continue
        change = EmployeeChanges(number, name)
        for field_name in EMPLOYEE_FIELDS:
            if field_name == "unit":
                before = old["unit__name"] or ""
                after = units[unit_key(row["unit"])] if row["unit"] else ""
                if unit_key(before) != unit_key(after):
                    change.fields.append((labels[field_name], before or "—", after or "—"))
                continue
            before, after = old[field_name], row[field_name]
            if (before or None) != (after or None):
                change.fields.append(
                    (labels[field_name], shower.employee(field_name, before), shower.employee(field_name, after))
                )
        added, removed = _differences(old_education.get(number, []), education_rows)
        change.education_added = [shower.education(dict(zip(EDUCATION_FIELDS, r, strict=True))) for r in added]
        change.education_removed = [shower.education(dict(zip(EDUCATION_FIELDS, r, strict=True))) for r in removed]
        added, removed = _differences(old_periods.get(number, []), period_rows)
        change.periods_added = [shower.period(dict(zip(PERIOD_FIELDS, r, strict=True))) for r in added]
        change.periods_removed = [shower.period(dict(zip(PERIOD_FIELDS, r, strict=True))) for r in removed]
        result.education_added += len(change.education_added)
        result.education_removed += len(change.education_removed)
        result.periods_added += len(change.periods_added)
        result.periods_removed += len(change.periods_removed)
        if change.changed:
            result.updated.append(change)
        else:
            result.unchanged += 1
    return result
