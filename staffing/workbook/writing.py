"""The import service: write a validated :class:`~staffing.workbook.reading.ImportPlan`, all or nothing.

An employee is keyed by (centre, personnel number); their education and work-history rows are replaced by the
workbook's; employees of the centre that are not in the workbook are left alone. Writes are bulk (a query per
batch, never per row) through the ORM, with django-simple-history's bulk helpers recording who changed what:
"+" created rows, "~" updated employees, "-" replaced rows, with one date and the user for the whole import.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history, get_history_model_for_model

from staffing.models import Education, Employee, Unit, WorkPeriod
from staffing.names import unit_key
from staffing.signals import staff_imported, work_periods_replacing
from staffing.workbook.layout import EXTRA_SHEETS
from staffing.workbook.reading import ImportPlan

BATCH_SIZE = 500

# What the import sets on an employee (from the employees sheet and their open period).
EMPLOYEE_FIELDS = [
    "iin",
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "sex",
    "unit",
    "hire_date",
    "dismissal_date",
    "position",
    "qualification_level",
    "category",
    "search_text",
    "name_key",
    "version",
]
_FROM_ROW = (
    "iin",
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "sex",
    "hire_date",
    "dismissal_date",
    "position_id",
    "qualification_level",
    "category",
)
_PERIOD_FROM_ROW = (
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
_EDUCATION_FROM_ROW = ("level", "field_id", "institution", "specialty", "document_number", "graduation_date")


def _history_user(model, user):
    """As simple_history does for a save: the given user, else the signed-in user of the current request."""
    if user is not None:
        return user
    return get_history_model_for_model(model).get_default_history_user(model())


def _delete_with_history(model, queryset, *, user, when) -> None:
    """Delete the rows with one "-" history record each, in bulk.

    simple_history has no bulk helper for deletions, and QuerySet.delete() would load every row and send
    post_delete per row, on which simple_history writes one history row per query. So the "-" records are built
    the way its bulk_history_create builds "+" and "~" ones, then the rows are deleted in one statement."""
    rows = list(queryset.order_by("pk"))
    if not rows:
        return
    if getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        history_model = get_history_model_for_model(model)
        names = [f.attname for f in history_model.tracked_fields]
        history_model.objects.bulk_create(
            [
                history_model(
                    history_date=when,
                    history_user=user,
                    history_change_reason=None,
                    history_type="-",
                    **{name: getattr(row, name) for name in names},
                )
                for row in rows
            ],
            batch_size=BATCH_SIZE,
        )
    # The ORM's own statement for a delete without signals (what QuerySet.delete() runs when no receiver listens).
    queryset._raw_delete(queryset.db)


@transaction.atomic
def workbook_import(plan: ImportPlan, *, user=None) -> None:
    """Write a plan without problems, all or nothing. ``user`` is recorded in the history (by default, the
    signed-in user of the current request, as simple_history's middleware sets it)."""
    if not plan.ok:
        raise ValueError("The plan has problems: nothing can be imported.")
    centre = plan.centre
    when = timezone.now()
    user = _history_user(Employee, user)
    history = {"default_user": user, "default_date": when, "batch_size": BATCH_SIZE}
    existing = {e.personnel_number: e for e in Employee.objects.select_for_update().filter(centre=centre)}

    # A unit name differing only by case, spaces or a Latin look-alike letter is the existing unit (names.py).
    units = {}
    for unit in Unit.objects.filter(centre=centre).order_by("pk"):
        units.setdefault(unit_key(unit.name), unit)
    new_units = []
    for row in plan.employees:
        key = unit_key(row["unit"])
        if key and key not in units:
            units[key] = Unit(centre=centre, name=" ".join(row["unit"].split()))
            new_units.append(units[key])
    Unit.objects.bulk_create(new_units, batch_size=BATCH_SIZE)
    if any(unit.pk is None for unit in new_units):  # a database that does not return ids from bulk inserts
        units = {}
        for unit in Unit.objects.filter(centre=centre).order_by("pk"):
            units.setdefault(unit_key(unit.name), unit)

    to_create, to_update = [], []
    for row in plan.employees:
        employee = existing.get(row["personnel_number"])
        if employee is None:
            employee = Employee(centre=centre, personnel_number=row["personnel_number"])
            to_create.append(employee)
        else:
            employee.version += 1
            to_update.append(employee)
        for name in _FROM_ROW:
            setattr(employee, name, row[name])
        employee.unit = units[unit_key(row["unit"])] if row["unit"] else None
        employee.search_text = employee.build_search_text()
        employee.name_key = employee.build_name_key()

    # The updated employees' education and periods are replaced: "-" history records, then the rows go.
    updated_ids = {employee.pk for employee in to_update}
    work_periods_replacing.send(sender=Employee, centre=centre, employee_ids=updated_ids)
    for model in (Education, WorkPeriod):
        _delete_with_history(model, model.objects.filter(employee_id__in=updated_ids), user=user, when=when)

    bulk_create_with_history(to_create, Employee, **history)
    if any(employee.pk is None for employee in to_create):  # a database that does not return ids
        ids = dict(Employee.objects.filter(centre=centre).values_list("personnel_number", "pk"))
        for employee in to_create:
            employee.pk = ids[employee.personnel_number]
    bulk_update_with_history(to_update, Employee, EMPLOYEE_FIELDS, **history)

    ids = {employee.personnel_number: employee.pk for employee in to_create + to_update}
    education = [
        Education(employee_id=ids[row["personnel_number"]], **{name: row[name] for name in _EDUCATION_FROM_ROW})
        for row in plan.education
    ]
    bulk_create_with_history(education, Education, **history)
    periods = [
        WorkPeriod(employee_id=ids[row["personnel_number"]], **{name: row[name] for name in _PERIOD_FROM_ROW})
        for row in plan.periods
    ]
    bulk_create_with_history(periods, WorkPeriod, **history)
    for name, rows in plan.extra.items():
        EXTRA_SHEETS[name].write(centre, rows, ids, history)
    staff_imported.send(
        sender=Employee,
        centre=centre,
        created_ids={e.pk for e in to_create},
        updated_ids=updated_ids,
        user=user,
    )
