"""Writes of the personnel app, each atomic: contracts and amendments, orders that change the staffing records
in the same transaction (and cancelling them), certificates, and the table of non-working days."""

import re
from datetime import date

import holidays
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from accounts.roles import CENTRE_DIRECTOR
from config.dates import today
from personnel.models import CalendarDay, Certificate, Contract, ContractAmendment, Order, OrderItem, OrderRegister
from staffing import services as staffing_services
from staffing import validation
from staffing.models import Centre, Employee


def _dmy(day: date) -> str:
    return day.strftime("%d.%m.%Y")


# --- contracts ---------------------------------------------------------------------------------------------


def contract_problems(*, employee: Employee, fields: dict, day: date) -> dict:
    """{field: message} for an impossible contract; the form shows them next to the fields."""
    problems: dict = {}
    for name in ("signed_on", "start_date", "end_date", "probation_end", "registered_on", "termination_registered_on"):
        problems |= validation.check_bounds(name, fields.get(name), day)
    signed, start, end = fields.get("signed_on"), fields.get("start_date"), fields.get("end_date")
    kind, probation = fields.get("kind"), fields.get("probation_end")
    if kind == Contract.Kind.FIXED_TERM and not end:
        problems.setdefault("end_date", _("A fixed-term contract needs its end date."))
    if kind == Contract.Kind.INDEFINITE and end:
        problems.setdefault("end_date", _("An indefinite contract has no end date."))
    if start and end and end < start:
        problems.setdefault("end_date", _("The contract cannot end before it starts."))
    if start and probation and (probation < start or (end and probation > end)):
        problems.setdefault("probation_end", _("Probation ends within the contract's term."))
    registered = fields.get("registered_on")
    if registered and signed and registered < signed:
        problems.setdefault("registered_on", _("A contract is registered on or after the day it is signed."))
    if registered and registered > day:
        problems.setdefault("registered_on", _("A registration date cannot be in the future."))
    ended = fields.get("termination_registered_on")
    if ended:
        if employee.dismissal_date is None:
            problems.setdefault("termination_registered_on", _("The employee is not dismissed."))
        elif ended < employee.dismissal_date or ended > day:
            problems.setdefault(
                "termination_registered_on",
                _("The termination is registered between the dismissal date (%(date)s) and today.")
                % {"date": _dmy(employee.dismissal_date)},
            )
    if signed and employee.birth_date and signed < validation.birthday(employee.birth_date, validation.MINIMUM_AGE):
        problems.setdefault("signed_on", _("The contract is dated before the employee's 14th birthday."))
    return problems


def _number_taken(employee: Employee, number: str, exclude_pk: int | None) -> dict:
    taken = Contract.objects.filter(employee=employee, number=number.strip()).exclude(pk=exclude_pk).exists()
    return {"number": _("This employee already has a contract with this number.")} if taken else {}


@transaction.atomic
def contract_create(*, employee: Employee, **fields) -> Contract:
    validation.raise_if(
        contract_problems(employee=employee, fields=fields, day=today()),
        _number_taken(employee, fields.get("number", ""), None),
    )
    contract = Contract(employee=employee, **fields)
    contract.number = contract.number.strip()
    contract.full_clean()
    contract.save()
    return contract


@transaction.atomic
def contract_update(*, contract: Contract, **fields) -> Contract:
    current = {
        name: getattr(contract, name)
        for name in ("signed_on", "start_date", "end_date", "probation_end", "kind", "registered_on")
    }
    validation.raise_if(
        contract_problems(employee=contract.employee, fields=current | fields, day=today()),
        _number_taken(contract.employee, fields.get("number", contract.number), contract.pk),
    )
    for name, value in fields.items():
        setattr(contract, name, value)
    contract.full_clean()
    contract.save()
    return contract


def _amendment_problems(contract: Contract, fields: dict, exclude_pk: int | None) -> dict:
    day = today()
    problems: dict = {}
    for name in ("signed_on", "registered_on"):
        problems |= validation.check_bounds(name, fields.get(name), day)
    signed, registered = fields.get("signed_on"), fields.get("registered_on")
    if signed and signed < contract.signed_on:
        problems.setdefault(
            "signed_on",
            _("An amendment is signed on or after the contract (%(date)s).") % {"date": _dmy(contract.signed_on)},
        )
    if registered and signed and registered < signed:
        problems.setdefault("registered_on", _("An amendment is registered on or after the day it is signed."))
    if registered and registered > day:
        problems.setdefault("registered_on", _("A registration date cannot be in the future."))
    number = (fields.get("number") or "").strip()
    if ContractAmendment.objects.filter(contract=contract, number=number).exclude(pk=exclude_pk).exists():
        problems.setdefault("number", _("This contract already has an amendment with this number."))
    return problems


@transaction.atomic
def amendment_create(*, contract: Contract, **fields) -> ContractAmendment:
    validation.raise_if(_amendment_problems(contract, fields, None))
    amendment = ContractAmendment(contract=contract, **fields)
    amendment.number = amendment.number.strip()
    amendment.full_clean()
    amendment.save()
    return amendment


@transaction.atomic
def amendment_update(*, amendment: ContractAmendment, **fields) -> ContractAmendment:
    merged = {"signed_on": amendment.signed_on, "registered_on": amendment.registered_on, "number": amendment.number}
    validation.raise_if(_amendment_problems(amendment.contract, merged | fields, amendment.pk))
    for name, value in fields.items():
        setattr(amendment, name, value)
    amendment.full_clean()
    amendment.save()
    return amendment


# --- orders ------------------------------------------------------------------------------------------------


def order_number(centre: Centre, sequence: int) -> str:
    register = OrderRegister.objects.filter(centre=centre).first()
    suffix = register.suffix if register else OrderRegister._meta.get_field("suffix").default
    return f"{sequence}-{suffix}" if suffix else str(sequence)


def _new_order(*, centre: Centre, kind: str, day: date, basis: str, signed_by: str, user, cancels=None) -> Order:
    """The next number of the centre's register for the year. The register row is locked so that two orders
    signed at once never get the same number (the unique constraint is the last guard)."""
    if day > today():
        raise ValidationError({"date": _("An order cannot be dated in the future.")})
    validation.raise_if(validation.check_bounds("date", day, today()))
    OrderRegister.objects.get_or_create(centre=centre)
    OrderRegister.objects.select_for_update().get(centre=centre)
    last = Order.objects.filter(centre=centre, year=day.year).aggregate(last=Max("sequence"))["last"] or 0
    return Order.objects.create(
        centre=centre,
        year=day.year,
        sequence=last + 1,
        number=order_number(centre, last + 1),
        date=day,
        kind=kind,
        basis=basis.strip(),
        signed_by=signed_by.strip(),
        cancels=cancels,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


def _signed_by(centre: Centre, signed_by: str) -> str:
    """The director who signs: as typed, else the centre's director user's name."""
    if signed_by.strip():
        return signed_by
    director = centre.users.filter(groups__name=CENTRE_DIRECTOR).order_by("pk").first()
    return director.get_full_name() if director else ""


@transaction.atomic
def order_hire(*, centre: Centre, order_date: date, basis: str = "", signed_by: str = "", user=None, **fields):
    """Hire by order: the employee, their first period and the order with its point, in one transaction."""
    employee = staffing_services.employee_create(centre=centre, user=user, **fields)
    order = _new_order(
        centre=centre,
        kind=Order.Kind.HIRE,
        day=order_date,
        basis=basis,
        signed_by=_signed_by(centre, signed_by),
        user=user,
    )
    period = employee.periods.order_by("-start_date").first()
    OrderItem.objects.create(
        order=order,
        employee=employee,
        effective_date=employee.hire_date,
        position=employee.position,
        qualification_level=employee.qualification_level,
        category=employee.category,
        period=period,
    )
    return order, employee


@transaction.atomic
def order_assignment(
    *,
    employee: Employee,
    kind: str,
    order_date: date,
    position,
    qualification_level: str,
    category: str,
    start_date: date,
    basis: str = "",
    signed_by: str = "",
    user=None,
    expected_version: int | None = None,
) -> Order:
    """A change of post (kind transfer) or of category (kind category) by order."""
    if kind not in (Order.Kind.TRANSFER, Order.Kind.CATEGORY):
        raise ValueError(kind)
    change = {
        "employee": employee,
        "position": position,
        "qualification_level": qualification_level,
        "category": category,
        "start_date": start_date,
    }
    period = _change_assignment(change, expected_version=expected_version)
    order = _new_order(
        centre=employee.centre,
        kind=kind,
        day=order_date,
        basis=basis,
        signed_by=_signed_by(employee.centre, signed_by),
        user=user,
    )
    _assignment_point(order, change, period)
    return order


def _change_assignment(change: dict, *, expected_version: int | None = None):
    """The work-history side of a point: {employee, position, qualification_level, category, start_date}."""
    return staffing_services.employee_change_assignment(**change, expected_version=expected_version)


def _assignment_point(order: Order, change: dict, period) -> None:
    OrderItem.objects.create(
        order=order,
        employee=change["employee"],
        effective_date=change["start_date"],
        position=change["position"],
        qualification_level=change["qualification_level"],
        category=change["category"],
        period=period,
    )


@transaction.atomic
def order_category_assignments(*, centre: Centre, order_date: date, number: str = "", changes: list[dict], user=None):
    """One order of kind "category assignment" for several employees (the attestation session's order):
    each change is {employee, position, qualification_level, category, start_date}. Returns the order and the
    periods opened, in the order of `changes`."""
    order = _new_order(
        centre=centre,
        kind=Order.Kind.CATEGORY,
        day=order_date,
        basis="",
        signed_by=_signed_by(centre, ""),
        user=user,
    )
    if number.strip():
        order.number = number.strip()
        order.save(update_fields=["number"])
    periods = []
    for change in changes:
        period = _change_assignment(change)
        _assignment_point(order, change, period)
        periods.append(period)
    return order, periods


@transaction.atomic
def order_dismissal(
    *,
    employee: Employee,
    order_date: date,
    dismissal_date: date,
    basis: str = "",
    signed_by: str = "",
    user=None,
    expected_version: int | None = None,
) -> Order:
    staffing_services.employee_dismiss(
        employee=employee, dismissal_date=dismissal_date, expected_version=expected_version
    )
    order = _new_order(
        centre=employee.centre,
        kind=Order.Kind.DISMISSAL,
        day=order_date,
        basis=basis,
        signed_by=_signed_by(employee.centre, signed_by),
        user=user,
    )
    OrderItem.objects.create(order=order, employee=employee, effective_date=dismissal_date)
    return order


@transaction.atomic
def order_record(
    *,
    employee: Employee,
    kind: str,
    order_date: date,
    effective_date: date,
    end_date: date | None = None,
    rate=None,
    basis: str = "",
    detail: str = "",
    signed_by: str = "",
    user=None,
) -> Order:
    """An order that does not change the work history: a change of rate (the new rate from a date) or a leave
    (from, until). The employment contract's amendment for a new rate is recorded on the contract."""
    if kind not in (Order.Kind.RATE, Order.Kind.LEAVE):
        raise ValueError(kind)
    day = today()
    validation.raise_if(
        validation.check_bounds("effective_date", effective_date, day),
        validation.check_bounds("end_date", end_date, day),
    )
    if kind == Order.Kind.RATE and rate is None:
        raise ValidationError({"rate": _("Give the new rate.")})
    if kind == Order.Kind.LEAVE:
        if end_date is None:
            raise ValidationError({"end_date": _("Give the last day of the leave.")})
        if end_date < effective_date:
            raise ValidationError({"end_date": _("The leave cannot end before it starts.")})
    if effective_date < employee.hire_date:
        raise ValidationError({"effective_date": _("The date is before the employee was hired.")})
    order = _new_order(
        centre=employee.centre,
        kind=kind,
        day=order_date,
        basis=basis,
        signed_by=_signed_by(employee.centre, signed_by),
        user=user,
    )
    OrderItem.objects.create(
        order=order,
        employee=employee,
        effective_date=effective_date,
        end_date=end_date if kind == Order.Kind.LEAVE else None,
        rate=rate if kind == Order.Kind.RATE else None,
        detail=detail.strip(),
    )
    return order


@transaction.atomic
def order_cancel(*, order: Order, order_date: date, basis: str, signed_by: str = "", user=None) -> Order:
    """Cancel an order by a new order of kind "cancelling an order": what the cancelled order did is undone
    (a hire: the employee is archived with the hire date as last day — nothing is deleted; a change of post or
    category: its period is removed and the previous one is open again; a dismissal: the employee works on).
    Every step is recorded in the records' history with the cancelling order as the reason."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.kind == Order.Kind.CANCELLATION:
        raise ValidationError(_("An order cancelling another order cannot itself be cancelled here."))
    if Order.objects.filter(cancels=order).exists():
        raise ValidationError(_("This order is already cancelled."), code="cancelled")
    if not basis.strip():
        raise ValidationError({"basis": _("Say why the order is cancelled.")})
    if order_date < order.date:
        raise ValidationError({"date": _("The cancelling order is dated on or after the order it cancels.")})
    cancelling = _new_order(
        centre=order.centre,
        kind=Order.Kind.CANCELLATION,
        day=order_date,
        basis=basis,
        signed_by=_signed_by(order.centre, signed_by),
        user=user,
        cancels=order,
    )
    reason = _("Order No. %(number)s of %(date)s cancels order No. %(cancelled)s.") % {
        "number": cancelling.number,
        "date": _dmy(cancelling.date),
        "cancelled": order.number,
    }
    for item in order.items.select_related("employee", "period").order_by("-pk"):  # one point per employee
        employee = item.employee
        if order.kind == Order.Kind.HIRE:
            if employee.dismissal_date is None:
                staffing_services.employee_dismiss(
                    employee=employee, dismissal_date=employee.hire_date, reason=str(reason)
                )
        elif order.kind in (Order.Kind.TRANSFER, Order.Kind.CATEGORY) and item.period_id:
            staffing_services.employee_assignment_revert(period=item.period, reason=str(reason))
        elif order.kind == Order.Kind.DISMISSAL and employee.dismissal_date == item.effective_date:
            staffing_services.employee_dismissal_revert(employee=employee, reason=str(reason), user=user)
        OrderItem.objects.create(order=cancelling, employee=employee, effective_date=order_date, detail=order.number)
    return cancelling


def order_items_release_periods(*, employee_ids) -> int:
    """Let go of the work periods orders opened for these employees, because a staff import is about to replace
    their work history (staffing.signals.work_periods_replacing). The orders keep their points; cancelling such
    an order afterwards no longer removes a period (the imported history is what HR confirmed)."""
    return OrderItem.objects.filter(employee_id__in=employee_ids, period__isnull=False).update(period=None)


# --- certificates ------------------------------------------------------------------------------------------


@transaction.atomic
def certificate_issue(*, employee: Employee, user=None) -> Certificate:
    day = today()
    OrderRegister.objects.get_or_create(centre=employee.centre)
    OrderRegister.objects.select_for_update().get(centre=employee.centre)
    last = Certificate.objects.filter(centre=employee.centre, year=day.year).aggregate(last=Max("sequence"))["last"]
    return Certificate.objects.create(
        employee=employee,
        centre=employee.centre,
        year=day.year,
        sequence=(last or 0) + 1,
        issued_on=day,
        issued_by=user if getattr(user, "is_authenticated", False) else None,
    )


# --- the calendar of non-working days ----------------------------------------------------------------------

_SUBSTITUTED = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")
YEARS = range(2020, 2031)


def calendar_rows(years: range = YEARS) -> list[tuple[date, bool, str]]:
    """(date, working, name) of the exceptions to Monday–Friday that the `holidays` package knows for Kazakhstan:
    public holidays and their observed days off (not working), and the weekend days made working by a transfer
    of a day off (its English name says "substituted from MM/DD/YYYY")."""
    english = holidays.country_holidays("KZ", years=list(years))
    kazakh = holidays.country_holidays("KZ", years=list(years), language="kk")
    rows: dict[date, tuple[date, bool, str]] = {}
    for day, name in sorted(english.items()):
        rows[day] = (day, False, kazakh.get(day, name))
        match = _SUBSTITUTED.search(name)
        if match:
            month, dom, year = (int(part) for part in match.groups())
            moved = date(year, month, dom)
            rows.setdefault(moved, (moved, True, f"Жұмыс күні ({day:%d.%m.%Y} демалыс күнінің орнына)"))
    return sorted(rows.values())


def calendar_seed(*, years: range = YEARS) -> int:
    """Add the rows of calendar_rows() that the table does not have yet: an admin's correction wins. Returns
    how many rows were added."""
    existing = set(CalendarDay.objects.values_list("date", flat=True))
    new = [CalendarDay(date=day, working=working, name=name) for day, working, name in calendar_rows(years)]
    new = [row for row in new if row.date not in existing]
    CalendarDay.objects.bulk_create(new)
    return len(new)
