"""The HR calendar: everything that falls due, from one selector.

Each kind of deadline comes from a source: a function (centre_ids, as_of, horizon, calendar) -> deadlines.
Personnel's own sources (contracts and their registration in ЕСУТД) are below; apps above personnel add theirs
with register_source() in their AppConfig.ready() (attestation adds periodic attestation, category expiry and
eligibility), so personnel never imports them. The start page, the calendar page, the `deadlines` command and
the reminders all read deadlines(); the rules and their sources are in docs/personnel.md.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from personnel.models import CalendarDay, Contract, ContractAmendment
from personnel.workdays import WorkingCalendar, add_calendar_days

# Rules approved by order of the Minister of Labour and Social Protection No. 353 of 03.09.2020 (ЕСУТД).
CONTRACT_REGISTRATION_WORKING_DAYS = 5
AMENDMENT_REGISTRATION_CALENDAR_DAYS = 15
TERMINATION_REGISTRATION_WORKING_DAYS = 3

KINDS = (
    "contract_registration",
    "amendment_registration",
    "termination_registration",
    "fixed_term_end",
    "probation_end",
    "periodic_attestation",
    "category_expiry",
    "eligible",
)


@dataclass(frozen=True)
class Deadline:
    kind: str
    due: date
    employee_id: int
    personnel_number: str
    employee_name: str
    centre_code: str
    # A callable so that the sentence is made in the language active when it is shown, not when it was found.
    describe: Callable[[], str] = field(compare=False, repr=False)
    overdue: bool = False  # set by deadlines(): due before the day asked about

    @property
    def detail(self) -> str:
        return self.describe()


Source = Callable[[list[int] | None, date, date, WorkingCalendar], Iterable[Deadline]]
_sources: list[Source] = []


def register_source(source: Source) -> None:
    if source not in _sources:
        _sources.append(source)


def working_calendar() -> WorkingCalendar:
    """The calendar from the table of exceptions (one query)."""
    return WorkingCalendar.from_days(CalendarDay.objects.values_list("date", "working"))


WITHIN_DAYS = 30  # the calendar's horizon unless one is chosen (page, command)


def deadlines(centre_ids: list[int] | None, as_of: date, within: int = WITHIN_DAYS) -> list[Deadline]:
    """Every item due on or before as_of + within days in these centres (None: all), overdue ones included,
    soonest first. A fixed number of queries: one for the calendar, a few per source."""
    horizon = as_of + timedelta(days=within)
    calendar = working_calendar()
    found = [item for source in _sources for item in source(centre_ids, as_of, horizon, calendar)]
    return sorted(
        (replace(item, overdue=item.due < as_of) for item in found if item.due <= horizon),
        key=lambda item: (item.due, item.centre_code, item.personnel_number, item.kind),
    )


def _d(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def deadline_of(kind: str, due: date, employee, describe: Callable[[], str]) -> Deadline:
    """A deadline about `employee` (its centre already fetched), for the sources of this module and of apps above."""
    return Deadline(
        kind=kind,
        due=due,
        employee_id=employee.pk,
        personnel_number=employee.personnel_number,
        employee_name=employee.full_name,
        centre_code=employee.centre.code,
        describe=describe,
    )


def _scope(centre_ids: list[int] | None, prefix: str) -> Q:
    return Q() if centre_ids is None else Q(**{f"{prefix}centre_id__in": centre_ids})


def contract_deadlines(centre_ids, as_of: date, horizon: date, calendar: WorkingCalendar) -> list[Deadline]:
    # The employee's latest contract among all of theirs, not only among those that have something due.
    newest = Contract.objects.filter(employee_id=OuterRef("employee_id")).order_by("-start_date", "-pk").values("pk")
    contracts = list(
        Contract.objects.filter(_scope(centre_ids, "employee__"))
        .filter(
            Q(registered_on__isnull=True)
            | Q(employee__dismissal_date__isnull=False, termination_registered_on__isnull=True)
            | Q(kind=Contract.Kind.FIXED_TERM, employee__dismissal_date__isnull=True, end_date__lte=horizon)
            | Q(probation_end__gte=as_of, probation_end__lte=horizon)
        )
        .annotate(latest_pk=Subquery(newest[:1]))
        .select_related("employee__centre")
        .order_by("employee_id", "-start_date", "-pk")
    )
    found = []
    for contract in contracts:
        employee, number, signed = contract.employee, contract.number, _d(contract.signed_on)
        if contract.registered_on is None:
            found.append(
                deadline_of(
                    "contract_registration",
                    calendar.add_working_days(contract.signed_on, CONTRACT_REGISTRATION_WORKING_DAYS),
                    employee,
                    lambda number=number, signed=signed: (
                        _("Employment contract No. %(number)s of %(signed)s is not registered in ЕСУТД.")
                        % {"number": number, "signed": signed}
                    ),
                )
            )
        is_latest = contract.latest_pk == contract.pk
        if is_latest and employee.dismissal_date and contract.termination_registered_on is None:
            ended = _d(employee.dismissal_date)
            found.append(
                deadline_of(
                    "termination_registration",
                    calendar.add_working_days(employee.dismissal_date, TERMINATION_REGISTRATION_WORKING_DAYS),
                    employee,
                    lambda number=number, ended=ended: (
                        _("The termination of contract No. %(number)s on %(ended)s is not registered in ЕСУТД.")
                        % {"number": number, "ended": ended}
                    ),
                )
            )
        if is_latest and contract.kind == Contract.Kind.FIXED_TERM and not employee.dismissal_date:
            if contract.end_date <= horizon:
                found.append(
                    deadline_of(
                        "fixed_term_end",
                        contract.end_date,
                        employee,
                        lambda number=number: _("Fixed-term contract No. %(number)s ends.") % {"number": number},
                    )
                )
        if contract.probation_end and as_of <= contract.probation_end <= horizon:
            found.append(
                deadline_of(
                    "probation_end",
                    contract.probation_end,
                    employee,
                    lambda number=number: _("Probation under contract No. %(number)s ends.") % {"number": number},
                )
            )
    return found


def amendment_deadlines(centre_ids, as_of: date, horizon: date, calendar: WorkingCalendar) -> list[Deadline]:
    amendments = (
        ContractAmendment.objects.filter(_scope(centre_ids, "contract__employee__"), registered_on__isnull=True)
        .select_related("contract__employee__centre")
        .order_by("signed_on", "pk")
    )
    found = []
    for amendment in amendments:
        number, contract, signed = amendment.number, amendment.contract.number, _d(amendment.signed_on)
        found.append(
            deadline_of(
                "amendment_registration",
                add_calendar_days(amendment.signed_on, AMENDMENT_REGISTRATION_CALENDAR_DAYS),
                amendment.contract.employee,
                lambda number=number, contract=contract, signed=signed: (
                    _("Amendment No. %(number)s of %(signed)s to contract No. %(contract)s is not registered in ЕСУТД.")
                    % {"number": number, "contract": contract, "signed": signed}
                ),
            )
        )
    return found


register_source(contract_deadlines)
register_source(amendment_deadlines)
