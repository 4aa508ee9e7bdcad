"""Writes to staffing records. Each service is atomic and keeps the invariants the models describe:
an active employee has one open work period, the employee's current assignment mirrors it, history is
closed and opened rather than rewritten, and nothing HR might need is deleted (dismissal archives)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config.dates import today
from positions.models import Position
from staffing import validation
from staffing.identifiers import IdentifierError, parse_iin, validate_bin
from staffing.models import Centre, ChildCareLeave, Education, Employee, Region, WorkPeriod

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


def _may_see_centre(user, centre_id) -> bool:
    """Whether the duplicate-IIN message may name the other centre: only to who sees that centre's IINs in full,
    else the message would be an IIN search of it (no user: the command line operator)."""
    if user is None:
        return True
    from staffing.access import may_see_full_iin

    return may_see_full_iin(user, centre_id)


def iin_duplicate(iin: str, *, on: date, exclude_pk: int | None = None, user=None) -> dict:
    """{"iin": message} when another employee who still works (or is scheduled to) has this IIN."""
    holder = validation.iin_holder(iin, today=on, exclude_pk=exclude_pk)
    if holder is None:
        return {}
    return {"iin": validation.iin_taken_message(holder, may_see=_may_see_centre(user, holder.centre_id))}


def _refuse_a_second_holder(employee: Employee, back_from: date, user) -> None:
    """An employee who works again from `back_from` (restored, or a dismissal withdrawn) would be a second person at
    work under the IIN if someone else holds it by then (hired elsewhere meanwhile): refused, as at hiring."""
    problem = iin_duplicate(employee.iin, on=back_from, exclude_pk=employee.pk, user=user)
    if problem:
        raise ValidationError(problem["iin"], code="iin_taken")


@transaction.atomic
def employee_create(
    *, centre: Centre, position: Position, qualification_level: str = "", category: str = "", user=None, **fields
) -> Employee:
    """Hire: the employee and their first open period at the centre (sector social protection, profile yes)."""
    problem = iin_problem(fields.get("iin", ""), fields.get("birth_date"), fields.get("sex"))
    if problem:
        raise ValidationError({"iin": problem})
    day = today()
    validation.raise_if(
        validation.check_employee(birth_date=fields.get("birth_date"), hire_date=fields.get("hire_date"), today=day),
        validation.check_assignment(
            position=position,
            level=qualification_level,
            category=category,
            ladders=validation.ladders_on(day),
            current=True,
        ),
        iin_duplicate(fields.get("iin", ""), on=max(day, fields.get("hire_date") or day), user=user),
    )
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
    "hire_date",
]


def _earliest_records_problems(employee: Employee) -> dict:
    """A corrected birth date must still leave every period and diploma after the 14th birthday."""
    first_start = employee.periods.order_by("start_date").values_list("start_date", flat=True).first()
    first_diploma = (
        employee.education.filter(graduation_date__isnull=False)
        .order_by("graduation_date")
        .values_list("graduation_date", flat=True)
        .first()
    )
    problems = {}
    for day in (first_start, first_diploma):
        if day and employee.birth_date and day < validation.birthday(employee.birth_date, validation.MINIMUM_AGE):
            problems["birth_date"] = _(
                "With this birth date a work period or a diploma (%(date)s) would be before the 14th birthday: "
                "correct those first."
            ) % {"date": day.strftime("%d.%m.%Y")}
            break
    return problems


@transaction.atomic
def employee_update(*, employee: Employee, expected_version: int, user=None, **fields) -> Employee:
    """Correct personal data, including the birth date, sex and hire date; refused if the record changed since
    the form was opened (optimistic locking). A corrected hire date moves the start of the first period at the
    centre with it."""
    old_hire_date, old_iin = employee.hire_date, employee.iin
    for name, value in fields.items():
        if name not in PERSONAL_FIELDS:
            raise ValueError(f"{name} is not changed here")
        setattr(employee, name, value)
    problem = iin_problem(employee.iin, employee.birth_date, employee.sex)
    if problem:
        raise ValidationError({"iin": problem})
    day = today()
    problems = [
        validation.check_employee(birth_date=employee.birth_date, hire_date=employee.hire_date, today=day),
        _earliest_records_problems(employee),
    ]
    if employee.iin != old_iin:
        problems.append(iin_duplicate(employee.iin, on=day, exclude_pk=employee.pk, user=user))
    first = None
    if employee.hire_date != old_hire_date:
        if employee.dismissal_date and employee.hire_date > employee.dismissal_date:
            problems.append({"hire_date": _("The hire date cannot be after the dismissal date.")})
        first = WorkPeriod.objects.filter(employee=employee, start_date=old_hire_date, position__isnull=False).first()
        if first and first.end_date and employee.hire_date > first.end_date:
            problems.append(
                {"hire_date": _("The hire date cannot be after the end of the first period at the centre.")}
            )
    validation.raise_if(*problems)
    employee.full_clean()
    _bump_version(employee, expected_version)
    employee.save()
    if first:
        first.start_date = employee.hire_date
        first.save(update_fields=["start_date"])
    return employee


def _mirror(employee: Employee, period: WorkPeriod) -> None:
    employee.position_id, employee.qualification_level, employee.category = (
        period.position_id,
        period.qualification_level,
        period.category,
    )


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
    opens, so the history of what the employee held is never rewritten. A start after today is scheduled: the
    employee keeps today's post until then (apply_scheduled_changes brings it in on its date)."""
    if employee.dismissal_date is not None:
        raise ValidationError(
            _("A dismissed employee (or one whose dismissal is scheduled) cannot be reassigned; restore them first."),
            code="dismissed",
        )
    day = today()
    validation.raise_if(
        validation.check_period_dates(start_date=start_date, end_date=None, birth_date=employee.birth_date, today=day),
        validation.check_assignment(
            position=position,
            level=qualification_level,
            category=category,
            ladders=validation.ladders_on(day),
            current=True,
        ),
    )
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
    if start_date <= day:
        _mirror(employee, period)
    employee.save()  # through the model, so the employee's history shows the new post
    return period


@transaction.atomic
def employee_dismiss(
    *, employee: Employee, dismissal_date: date, expected_version: int | None = None, reason: str = ""
) -> Employee:
    """Archive, never delete: the open period ends on the dismissal date; the record stays and can be restored.
    A date after today is scheduled: the employee still works (and is counted) until that day. `reason` goes to
    the records' history (a hire undone by a cancelling order)."""
    if employee.dismissal_date is not None:
        raise ValidationError(_("This employee is already dismissed."), code="dismissed")
    validation.raise_if(
        validation.check_dismissal(dismissal_date=dismissal_date, hire_date=employee.hire_date, today=today())
    )
    current = WorkPeriod.objects.filter(employee=employee, end_date__isnull=True).first()
    if current and dismissal_date < current.start_date:
        raise ValidationError(
            _("The dismissal date cannot be before the current assignment began."), code="dates_out_of_order"
        )
    _bump_version(employee, expected_version)
    if current:
        current.end_date = dismissal_date
        current._change_reason = reason
        current.save(update_fields=["end_date"])
    employee.dismissal_date = dismissal_date
    employee._change_reason = reason
    employee.save()
    return employee


@transaction.atomic
def employee_dismissal_cancel(*, employee: Employee, expected_version: int | None = None, user=None) -> Employee:
    """Withdraw a scheduled dismissal before its date: the period it ended is open again."""
    if not employee.dismissal_scheduled:
        raise ValidationError(_("No dismissal is scheduled for this employee."), code="not_scheduled")
    _refuse_a_second_holder(employee, employee.dismissal_date, user)
    last = (
        WorkPeriod.objects.filter(employee=employee, end_date=employee.dismissal_date).order_by("-start_date").first()
    )
    _bump_version(employee, expected_version)
    if last:
        last.end_date = None
        last.save(update_fields=["end_date"])
    employee.dismissal_date = None
    employee.save()
    return employee


@transaction.atomic
def employee_restore(
    *, employee: Employee, restore_date: date, expected_version: int | None = None, user=None
) -> Employee:
    """Bring a dismissed employee back from restore_date, in the post they held when dismissed."""
    if employee.dismissal_date is None:
        raise ValidationError(_("This employee is not dismissed."), code="active")
    if employee.dismissal_scheduled:
        raise ValidationError(_("The dismissal is only scheduled: withdraw it instead of restoring."), code="scheduled")
    if restore_date <= employee.dismissal_date:
        raise ValidationError(
            _("The employee can be restored only after the dismissal date."), code="dates_out_of_order"
        )
    validation.raise_if(validation.check_bounds("day", restore_date, today()))
    _refuse_a_second_holder(employee, restore_date, user)
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
        _mirror(employee, last)
    employee.save()
    return employee


def scheduled_changes_apply(*, on: date | None = None) -> int:
    """Bring in the post changes that take effect on or before `on` (today): each employee's current
    assignment becomes that of the period covering the day. Run daily (manage.py apply_scheduled_changes);
    eligibility and reports read the periods themselves and do not wait for it. Returns how many changed."""
    on = on or today()
    covering = (
        WorkPeriod.objects.filter(start_date__lte=on, position__isnull=False)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .filter(
            ~Q(employee__position_id=F("position_id"))
            | Q(employee__position__isnull=True)
            | ~Q(employee__qualification_level=F("qualification_level"))
            | ~Q(employee__category=F("category"))
        )
        .select_related("employee")
        .order_by("employee_id", "-start_date")
    )
    changed = set()
    for period in covering:
        if period.employee_id in changed:
            continue
        with transaction.atomic():
            employee = period.employee
            _mirror(employee, period)
            employee.save()
            _bump_version(employee, None)
        changed.add(period.employee_id)
    return len(changed)


def _period_problems(employee: Employee, period: WorkPeriod, day: date) -> list[dict]:
    return [
        validation.check_period_dates(
            start_date=period.start_date, end_date=period.end_date, birth_date=employee.birth_date, today=day
        ),
        validation.check_assignment(
            position=period.position,
            level=period.qualification_level,
            category=period.category,
            ladders=validation.ladders_on(day),
            current=period.end_date is None or period.end_date >= day,
        )
        if period.position_id
        else {},
    ]


def _education_problems(employee: Employee, education: Education) -> dict:
    return validation.check_education(
        graduation_date=education.graduation_date, birth_date=employee.birth_date, today=today()
    )


@transaction.atomic
def education_add(*, employee: Employee, **fields) -> Education:
    education = Education(employee=employee, **fields)
    validation.raise_if(_education_problems(employee, education))
    education.full_clean()
    education.save()
    _bump_version(employee, None)
    return education


EDUCATION_FIELDS = ["level", "field", "institution", "specialty", "document_number", "graduation_date"]


@transaction.atomic
def education_update(*, education: Education, **fields) -> Education:
    """Correct a diploma row; history keeps the previous values."""
    for name, value in fields.items():
        if name not in EDUCATION_FIELDS:
            raise ValueError(f"{name} is not changed here")
        setattr(education, name, value)
    validation.raise_if(_education_problems(education.employee, education))
    education.full_clean()
    education.save()
    _bump_version(education.employee, None)
    return education


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the row is deleted.")})
    return reason[:100]  # django-simple-history keeps the reason in a 100-character column


@transaction.atomic
def education_delete(*, education: Education, reason: str) -> None:
    """Delete a mistaken row; history keeps it with who, when and why."""
    education._change_reason = _require_reason(reason)
    employee = education.employee
    education.delete()
    _bump_version(employee, None)


@transaction.atomic
def work_period_add(*, employee: Employee, **fields) -> WorkPeriod:
    """Add an earlier period (e.g. at another organisation). The open period is managed by assignments."""
    period = WorkPeriod(employee=employee, **fields)
    if period.end_date is None:
        raise ValidationError(
            {"end_date": _("Earlier periods need an end date; the current one is changed by a new assignment.")}
        )
    validation.raise_if(*_period_problems(employee, period, today()))
    # Overlaps are allowed (e.g. a second job): experience counts each day once (staffing.experience).
    period.full_clean()
    period.save()
    _bump_version(employee, None)
    return period


PERIOD_FIELDS = [
    "organisation",
    "sector",
    "position",
    "position_text",
    "qualification_level",
    "category",
    "managerial",
    "profile_experience",
    "start_date",
    "end_date",
]


@transaction.atomic
def work_period_update(*, period: WorkPeriod, **fields) -> WorkPeriod:
    """Correct a period; history keeps the previous values. The open period stays open (it is closed by a new
    assignment or a dismissal) and the employee's current post follows a correction of it."""
    was_open = period.end_date is None
    for name, value in fields.items():
        if name not in PERIOD_FIELDS:
            raise ValueError(f"{name} is not changed here")
        setattr(period, name, value)
    if was_open and period.end_date is not None:
        raise ValidationError(
            {"end_date": _("The current period stays open: it ends with a new assignment or a dismissal.")}
        )
    if not was_open and period.end_date is None:
        raise ValidationError(
            {"end_date": _("Earlier periods need an end date; the current one is changed by a new assignment.")}
        )
    employee = period.employee
    day = today()
    validation.raise_if(*_period_problems(employee, period, day))
    period.full_clean()
    period.save()
    _bump_version(employee, None)
    employee.refresh_from_db()
    if period.position_id and period.start_date <= day and (period.end_date is None or period.end_date >= day):
        if (employee.position_id, employee.qualification_level, employee.category) != (
            period.position_id,
            period.qualification_level,
            period.category,
        ):
            _mirror(employee, period)
            employee.save()
    return period


@transaction.atomic
def work_period_delete(*, period: WorkPeriod, reason: str) -> None:
    """Delete a mistaken period; history keeps it with who, when and why. The open period cannot be deleted
    unless it is a scheduled change (it starts after today): then the previous period is open again."""
    reason = _require_reason(reason)
    employee = period.employee
    if period.end_date is None:
        if not period.is_scheduled:
            raise ValidationError(
                _("The current period cannot be deleted: change the assignment or dismiss the employee.")
            )
        previous = (
            WorkPeriod.objects.filter(employee=employee, end_date=period.start_date - timedelta(days=1))
            .order_by("-start_date")
            .first()
        )
        period._change_reason = reason
        period.delete()
        if previous:
            previous.end_date = None
            previous.save(update_fields=["end_date"])
    else:
        period._change_reason = reason
        period.delete()
    _bump_version(employee, None)


def _refuse_if_later_periods(period: WorkPeriod) -> None:
    if WorkPeriod.objects.filter(employee_id=period.employee_id, start_date__gt=period.start_date).exists():
        raise ValidationError(
            _("A later change of this employee's post exists: undo that one first."), code="later_change"
        )


@transaction.atomic
def employee_assignment_revert(*, period: WorkPeriod, reason: str) -> None:
    """Undo a change of post or category (the order that made it was cancelled): the period it opened is
    deleted (history keeps it with the reason) and the one before it is open again, as if the change had never
    been made. Only the latest change can be undone."""
    reason = _require_reason(reason)
    _refuse_if_later_periods(period)
    employee = period.employee
    previous = (
        WorkPeriod.objects.filter(employee=employee, end_date=period.start_date - timedelta(days=1))
        .order_by("-start_date")
        .first()
    )
    period._change_reason = reason
    period.delete()
    if previous:
        previous.end_date = employee.dismissal_date if employee.dismissal_date else None
        previous.save(update_fields=["end_date"])
        if previous.start_date <= today():
            _mirror(employee, previous)
    employee.save()
    _bump_version(employee, None)


@transaction.atomic
def employee_dismissal_revert(*, employee: Employee, reason: str, user=None) -> Employee:
    """Undo a dismissal, past or scheduled (the order that made it was cancelled): the period it ended is open
    again and the employee works on as before."""
    reason = _require_reason(reason)
    if employee.dismissal_date is None:
        raise ValidationError(_("This employee is not dismissed."), code="active")
    _refuse_a_second_holder(employee, employee.dismissal_date, user)
    last = (
        WorkPeriod.objects.filter(employee=employee, end_date=employee.dismissal_date).order_by("-start_date").first()
    )
    if last:
        _refuse_if_later_periods(last)
        last.end_date = None
        last._change_reason = reason
        last.save(update_fields=["end_date"])
    employee.dismissal_date = None
    employee._change_reason = reason
    employee.save()
    _bump_version(employee, None)
    return employee


@transaction.atomic
def child_care_leave_add(*, employee: Employee, start_date: date, end_date: date | None = None) -> ChildCareLeave:
    """Record a child-care leave (HR). It may be ongoing (no end); it cannot start before the hire date or in the
    future, nor overlap another leave of the employee."""
    if end_date is not None and end_date < start_date:
        raise ValidationError({"end_date": _("The end date must not be before the start date.")})
    if start_date > today():
        raise ValidationError({"start_date": _("Record a leave once it has begun.")})
    if employee.hire_date and start_date < employee.hire_date:
        raise ValidationError({"start_date": _("The leave cannot begin before the hire date.")})
    others = ChildCareLeave.objects.select_for_update().filter(employee=employee)
    overlapping = others.filter(Q(end_date__isnull=True) | Q(end_date__gte=start_date))
    if end_date is not None:
        overlapping = overlapping.filter(start_date__lte=end_date)
    if overlapping.exists():
        raise ValidationError(_("This leave overlaps another recorded leave."), code="overlap")
    leave = ChildCareLeave(employee=employee, start_date=start_date, end_date=end_date)
    leave.full_clean()
    leave.save()
    _bump_version(employee, None)
    return leave


@transaction.atomic
def child_care_leave_delete(*, leave: ChildCareLeave) -> None:
    """Remove a leave recorded by mistake; the history keeps it."""
    employee = leave.employee
    leave.delete()
    _bump_version(employee, None)
