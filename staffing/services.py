"""Writes to staffing records. Each service is atomic and keeps the invariants the models describe:
an active employee has one open work period, the employee's current assignment mirrors it, history is
closed and opened rather than rewritten, and nothing HR might need is deleted (dismissal archives)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from positions.models import Position
from staffing.identifiers import IdentifierError, parse_iin, validate_bin
from staffing.models import Centre, Education, Employee, Region, WorkPeriod

IIN_MESSAGES = {
    "length": gettext_lazy("The IIN must have 12 digits."),
    "not_digits": gettext_lazy("The IIN must have 12 digits."),
    "birth_date": gettext_lazy("The first six digits of the IIN are not a real birth date."),
    "century": gettext_lazy("The 7th digit of the IIN must be 1-6 (century and sex)."),
    "check_digit": gettext_lazy("Not a valid IIN: the check digit does not match."),
    "no_check_digit": gettext_lazy("Not a valid IIN: no check digit is possible for these digits."),
}


def iin_problem(iin: str, birth_date: date | None, sex: str | None) -> str | None:
    """A message in the active language when the IIN is invalid or disagrees with birth date or sex."""
    try:
        info = parse_iin(iin)
    except IdentifierError as error:
        return str(IIN_MESSAGES.get(error.code, IIN_MESSAGES["check_digit"]))
    if birth_date and info.birth_date != birth_date:
        return _("The birth date does not agree with the IIN (%(date)s).") % {
            "date": info.birth_date.strftime("%d.%m.%Y")
        }
    if sex and info.sex != sex:
        return _("The sex does not agree with the IIN.")
    return None


class StaleRecord(ValidationError):
    """Someone else saved this record after it was opened: the second save is refused."""


def _bump_version(employee: Employee, expected_version: int | None) -> None:
    if expected_version is None:
        Employee.objects.filter(pk=employee.pk).update(version=F("version") + 1)
    else:
        updated = Employee.objects.filter(pk=employee.pk, version=expected_version).update(version=F("version") + 1)
        if not updated:
            raise StaleRecord(
                _(
                    "Someone else changed this employee while you were editing. Reload the page: your changes were not saved."
                ),
                code="stale",
            )
    employee.refresh_from_db(fields=["version"])


@transaction.atomic
def centre_create(
    *,
    code: str,
    name_kk: str,
    region_code: str,
    name_ru: str = "",
    district: str = "",
    address: str = "",
    bin: str = "",
) -> Centre:
    try:
        region = Region.objects.get(code=region_code)
    except Region.DoesNotExist:
        raise ValidationError(_("Unknown region code: %(code)s.") % {"code": region_code}, code="region") from None
    if bin:
        try:
            bin = validate_bin(bin)
        except IdentifierError:
            raise ValidationError(
                _("This BIN is not valid: 12 digits with a correct check digit."), code="bin"
            ) from None
    centre = Centre(
        code=code, name_kk=name_kk, name_ru=name_ru, region=region, district=district, address=address, bin=bin
    )
    centre.full_clean()
    centre.save()
    return centre


@transaction.atomic
def employee_create(
    *, centre: Centre, position: Position, qualification_level: str = "", category: str = "", **fields
) -> Employee:
    """Hire: the employee and their first open period at the centre (sector social protection, profile yes)."""
    problem = iin_problem(fields.get("iin", ""), fields.get("birth_date"), fields.get("sex"))
    if problem:
        raise ValidationError({"iin": problem})
    employee = Employee(
        centre=centre, position=position, qualification_level=qualification_level, category=category, **fields
    )
    employee.full_clean()
    employee.save()
    WorkPeriod.objects.create(
        employee=employee,
        organisation=centre.name_kk,
        sector="social_protection",
        position=position,
        qualification_level=qualification_level,
        category=category,
        managerial=position.group == Position.Group.HEADS,
        profile_experience=True,
        start_date=employee.hire_date,
    )
    return employee


PERSONAL_FIELDS = [
    "personnel_number",
    "iin",
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "sex",
    "phone",
    "email",
    "unit",
]


@transaction.atomic
def employee_update(*, employee: Employee, expected_version: int, **fields) -> Employee:
    """Change personal data; refused if the record changed since the form was opened (optimistic locking)."""
    for name, value in fields.items():
        if name not in PERSONAL_FIELDS:
            raise ValueError(f"{name} is not changed here")
        setattr(employee, name, value)
    problem = iin_problem(employee.iin, employee.birth_date, employee.sex)
    if problem:
        raise ValidationError({"iin": problem})
    employee.full_clean()
    _bump_version(employee, expected_version)
    employee.save()
    return employee


@transaction.atomic
def employee_change_assignment(
    *,
    employee: Employee,
    position: Position,
    qualification_level: str,
    category: str,
    start_date: date,
    expected_version: int | None = None,
) -> WorkPeriod:
    """A new position, level or category from start_date: the open period ends the day before and a new one
    opens, so the history of what the employee held is never rewritten."""
    if not employee.is_active:
        raise ValidationError(_("A dismissed employee cannot be reassigned; restore them first."), code="dismissed")
    current = WorkPeriod.objects.select_for_update().filter(employee=employee, end_date__isnull=True).first()
    if current and start_date <= current.start_date:
        raise ValidationError(
            _("The change must start after the current assignment began (%(date)s).")
            % {"date": current.start_date.strftime("%d.%m.%Y")},
            code="dates_out_of_order",
        )
    if current and (current.position_id, current.qualification_level, current.category) == (
        position.pk,
        qualification_level,
        category,
    ):
        raise ValidationError(_("This is already the employee's assignment."), code="unchanged")
    _bump_version(employee, expected_version)
    if current:
        current.end_date = start_date - timedelta(days=1)
        current.save(update_fields=["end_date"])
    period = WorkPeriod.objects.create(
        employee=employee,
        organisation=current.organisation if current else employee.centre.name_kk,
        sector=current.sector if current else "social_protection",
        position=position,
        qualification_level=qualification_level,
        category=category,
        managerial=position.group == Position.Group.HEADS,
        profile_experience=True,
        start_date=start_date,
    )
    employee.refresh_from_db()
    employee.position, employee.qualification_level, employee.category = position, qualification_level, category
    employee.save()  # through the model, so the employee's history shows the new post
    return period


@transaction.atomic
def employee_dismiss(*, employee: Employee, dismissal_date: date, expected_version: int | None = None) -> Employee:
    """Archive, never delete: the open period ends on the dismissal date; the record stays and can be restored."""
    if not employee.is_active:
        raise ValidationError(_("This employee is already dismissed."), code="dismissed")
    if dismissal_date < employee.hire_date:
        raise ValidationError(_("The dismissal date cannot be before the hire date."), code="dates_out_of_order")
    current = WorkPeriod.objects.filter(employee=employee, end_date__isnull=True).first()
    if current and dismissal_date < current.start_date:
        raise ValidationError(
            _("The dismissal date cannot be before the current assignment began."), code="dates_out_of_order"
        )
    _bump_version(employee, expected_version)
    if current:
        current.end_date = dismissal_date
        current.save(update_fields=["end_date"])
    employee.dismissal_date = dismissal_date
    employee.save()
    return employee


@transaction.atomic
def employee_restore(*, employee: Employee, restore_date: date, expected_version: int | None = None) -> Employee:
    """Bring a dismissed employee back from restore_date, in the post they held when dismissed."""
    if employee.is_active:
        raise ValidationError(_("This employee is not dismissed."), code="active")
    if restore_date <= employee.dismissal_date:
        raise ValidationError(
            _("The employee can be restored only after the dismissal date."), code="dates_out_of_order"
        )
    # The period that ended with the dismissal, at the centre (earlier periods may be at other organisations).
    last = (
        WorkPeriod.objects.filter(employee=employee, position__isnull=False, end_date=employee.dismissal_date)
        .order_by("-start_date")
        .first()
    )
    _bump_version(employee, expected_version)
    employee.dismissal_date = None
    if last:
        WorkPeriod.objects.create(
            employee=employee,
            organisation=last.organisation,
            sector=last.sector,
            position=last.position,
            qualification_level=last.qualification_level,
            category=last.category,
            managerial=last.managerial,
            profile_experience=last.profile_experience,
            start_date=restore_date,
        )
        employee.position, employee.qualification_level, employee.category = (
            last.position,
            last.qualification_level,
            last.category,
        )
    employee.save()
    return employee


@transaction.atomic
def education_add(*, employee: Employee, **fields) -> Education:
    education = Education(employee=employee, **fields)
    education.full_clean()
    education.save()
    _bump_version(employee, None)
    return education


@transaction.atomic
def work_period_add(*, employee: Employee, **fields) -> WorkPeriod:
    """Add an earlier period (e.g. at another organisation). The open period is managed by assignments."""
    period = WorkPeriod(employee=employee, **fields)
    if period.end_date is None:
        raise ValidationError(
            {"end_date": _("Earlier periods need an end date; the current one is changed by a new assignment.")}
        )
    # Overlaps are allowed (e.g. a second job): experience counts each day once (staffing.experience).
    period.full_clean()
    period.save()
    _bump_version(employee, None)
    return period
