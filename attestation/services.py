"""Attestation session steps. Each is atomic, checks who may take it, and records the transition.

HR officers of the centre prepare and record (sessions, commission, candidates, decisions, the order); only the
centre's director approves; nobody edits a session once approved. The order makes every assigned category take
effect in the work history from the order date, exactly once.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from attestation.access import directed_centres
from attestation.models import Candidate, CommissionMember, Session, Transition
from attestation.reasons import catalogue_names, verdict_texts
from attestation.selectors import catalogue_lookups, eligibility
from config.dates import today
from staffing.access import changeable_centres
from staffing.models import Employee
from staffing.services import employee_change_assignment

State = Session.State


def _require_hr(user, centre) -> None:
    if not changeable_centres(user).filter(pk=centre.pk).exists():
        raise PermissionDenied(_("Only the centre's HR officers prepare and record attestation."))


def _require_director(user, centre) -> None:
    if not directed_centres(user).filter(pk=centre.pk).exists():
        raise PermissionDenied(_("Only the centre's director approves attestation."))


def _require_state(session: Session, *states: str) -> None:
    if session.state not in states:
        raise ValidationError(
            _("This step is not possible while the session is “%(state)s”.") % {"state": session.get_state_display()},
            code="state",
        )


def _move(session: Session, to_state: str, user) -> None:
    Transition.objects.create(session=session, from_state=session.state, to_state=to_state, by=user)
    session.state = to_state
    session.version += 1  # the session row is locked (select_for_update) by every step
    session.save(update_fields=["state", "version", "order_number", "order_date"])


def _locked(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("centre").get(pk=session.pk)


@transaction.atomic
def session_create(*, centre, day: date, user) -> Session:
    _require_hr(user, centre)
    session = Session.objects.create(centre=centre, date=day, created_by=user)
    return session


@transaction.atomic
def commission_member_add(*, session: Session, user, name: str, role: str, position: str = "", member_user=None):
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT, State.CANDIDATES_FIXED)
    if (
        role in (CommissionMember.Role.CHAIR, CommissionMember.Role.SECRETARY)
        and session.members.filter(role=role).exists()
    ):
        raise ValidationError(
            _("The commission already has a %(role)s.") % {"role": CommissionMember.Role(role).label}, code="role"
        )
    return CommissionMember.objects.create(session=session, name=name, role=role, position=position, user=member_user)


@transaction.atomic
def commission_member_remove(*, member: CommissionMember, user) -> None:
    """Correct the commission before it has met (a wrongly entered chair can then be replaced)."""
    session = _locked(member.session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT, State.CANDIDATES_FIXED)
    member.delete()


def attestation_interval_years(centre) -> int:
    return centre.attestation_interval_years or settings.ATTESTATION_DEFAULT_INTERVAL_YEARS


def _periodic_due(centre, day: date) -> set[int]:
    """Employees whose periodic attestation falls due by `day`: the last attestation (or the hire date) plus
    the centre's interval. The interval is configuration: order No. 580-НҚ does not set it."""
    interval = attestation_interval_years(centre)
    last = dict(
        Candidate.objects.filter(
            employee__centre=centre,
            removed=False,
            session__state__in=[State.APPROVED, State.ORDER_ISSUED],
            decision__in=[Candidate.Decision.ASSIGN_NEXT, Candidate.Decision.CONFIRM],
        )
        .values("employee")
        .annotate(last=Max("session__date"))
        .values_list("employee", "last")
    )
    due = set()
    for pk, hire_date in Employee.objects.active().filter(centre=centre).values_list("pk", "hire_date"):
        since = last.get(pk, hire_date)
        try:
            anniversary = since.replace(year=since.year + interval)
        except ValueError:  # 29 February
            anniversary = since.replace(year=since.year + interval, day=28)
        if anniversary <= day:
            due.add(pk)
    return due


def _names_by_language() -> dict[str, tuple[dict, dict]]:
    catalogue, names = catalogue_lookups(), {}
    for language in ("kk", "ru"):
        with translation.override(language):
            names[language] = catalogue_names(catalogue)
    return names


def _freeze(candidate: Candidate, verdict, day: date, names: dict[str, tuple[dict, dict]]) -> None:
    employee = candidate.employee
    candidate.position = employee.position
    candidate.qualification_level = employee.qualification_level
    candidate.category = employee.category
    candidate.meets_requirements = verdict.meets_requirements
    candidate.next_category = verdict.next_category or ""
    candidate.eligible = verdict.eligible
    candidate.eligible_from = verdict.eligible_from
    for language, (titles, fields) in names.items():
        with translation.override(language):
            setattr(
                candidate,
                f"reasons_{language}",
                verdict_texts(verdict, on=day, position_titles=titles, field_names=fields),
            )


@transaction.atomic
def session_propose_candidates(*, session: Session, user) -> list[Candidate]:
    """Take everyone eligible by the session date and everyone whose periodic attestation is due, with the
    engine's verdict frozen on each candidate."""
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT)
    # Not those already taken here or candidates of another open session of the centre.
    taken = set(session.candidates.values_list("employee_id", flat=True)) | set(
        Candidate.objects.filter(
            session__centre=session.centre,
            removed=False,
            session__state__in=[State.DRAFT, State.CANDIDATES_FIXED, State.COMMISSION_HELD],
        ).values_list("employee_id", flat=True)
    )
    due = _periodic_due(session.centre, session.date)
    rows = eligibility(Employee.objects.filter(centre=session.centre), session.date)
    created, names = [], _names_by_language()
    for row in rows:
        if row.employee.pk in taken or not (row.verdict.eligible or row.employee.pk in due):
            continue
        candidate = Candidate(
            session=session,
            employee=row.employee,
            source=Candidate.Source.ELIGIBLE if row.verdict.eligible else Candidate.Source.PERIODIC,
        )
        _freeze(candidate, row.verdict, session.date, names)
        created.append(candidate)
    bulk_create_with_history(created, Candidate)
    return created


@transaction.atomic
def candidate_add(*, session: Session, employee: Employee, reason: str, user) -> Candidate:
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT)
    if employee.centre_id != session.centre_id or not employee.is_active:
        raise ValidationError(_("Only active employees of the centre can be candidates."), code="employee")
    if not reason.strip():
        raise ValidationError(_("Give the reason for adding this candidate."), code="reason")
    existing = session.candidates.filter(employee=employee).first()
    if existing and not existing.removed:
        raise ValidationError(_("This employee is already a candidate."), code="duplicate")
    [row] = eligibility(Employee.objects.filter(pk=employee.pk), session.date)
    candidate = existing or Candidate(session=session, employee=row.employee)
    candidate.source, candidate.added_reason, candidate.removed, candidate.removed_reason = (
        Candidate.Source.MANUAL,
        reason,
        False,
        "",
    )
    _freeze(candidate, row.verdict, session.date, _names_by_language())
    candidate.save()
    return candidate


@transaction.atomic
def candidate_remove(*, candidate: Candidate, reason: str, user) -> Candidate:
    session = _locked(candidate.session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT)
    if not reason.strip():
        raise ValidationError(_("Give the reason for removing this candidate."), code="reason")
    candidate.removed, candidate.removed_reason = True, reason
    candidate.save(update_fields=["removed", "removed_reason"])
    return candidate


@transaction.atomic
def session_fix_candidates(*, session: Session, user) -> Session:
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT)
    if not session.candidates.filter(removed=False).exists():
        raise ValidationError(_("Add at least one candidate first."), code="empty")
    _move(session, State.CANDIDATES_FIXED, user)
    return session


@transaction.atomic
def candidate_record_decision(
    *,
    candidate: Candidate,
    user,
    expected_version: int,
    decision: str,
    votes_for: int,
    votes_against: int,
    remarks: str = "",
    override_reason: str = "",
    documents: dict | None = None,
) -> Candidate:
    """The commission's decision on one candidate, recorded by HR. Assigning a category the engine says the
    candidate does not qualify for needs the chair's override reason, kept and shown in reports."""
    session = _locked(candidate.session)
    _require_hr(user, session.centre)
    _require_state(session, State.CANDIDATES_FIXED)
    if candidate.removed:
        raise ValidationError(_("This candidate was removed."), code="removed")
    if decision == Candidate.Decision.ASSIGN_NEXT:
        if not candidate.next_category:
            raise ValidationError(_("There is no next category to assign on this ladder."), code="no_next")
        if not candidate.eligible and not override_reason.strip():
            raise ValidationError(
                _(
                    "The engine says this candidate does not qualify for the next category; the chair must record a reason to assign it."
                ),
                code="override",
            )
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.version != expected_version:
        raise ValidationError(
            _(
                "Someone else recorded a decision for this candidate meanwhile. Reload the page: your input was not saved."
            ),
            code="stale",
        )
    candidate.decision, candidate.votes_for, candidate.votes_against, candidate.remarks = (
        decision,
        votes_for,
        votes_against,
        remarks,
    )
    candidate.override_reason = (
        override_reason if decision == Candidate.Decision.ASSIGN_NEXT and not candidate.eligible else ""
    )
    for name, value in (documents or {}).items():
        setattr(candidate, name, value)
    candidate.version += 1
    candidate.save()  # through the model, so the history keeps who recorded what
    return candidate


@transaction.atomic
def session_hold(*, session: Session, user) -> Session:
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.CANDIDATES_FIXED)
    if session.candidates.filter(removed=False, decision="").exists():
        raise ValidationError(_("Record a decision for every candidate first."), code="undecided")
    if not session.members.filter(role=CommissionMember.Role.CHAIR).exists():
        raise ValidationError(_("The commission needs a chair."), code="chair")
    _move(session, State.COMMISSION_HELD, user)
    return session


@transaction.atomic
def session_approve(*, session: Session, user) -> Session:
    session = _locked(session)
    _require_director(user, session.centre)
    _require_state(session, State.COMMISSION_HELD)
    _move(session, State.APPROVED, user)
    return session


@transaction.atomic
def session_issue_order(*, session: Session, user, number: str, day: date) -> Session:
    """Record the order and apply every assigned category from its date, in one transaction. A repeated
    request finds the session already issued and changes nothing."""
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.APPROVED)
    if not number.strip():
        raise ValidationError(_("Give the order number."), code="number")
    if day < session.date:
        raise ValidationError(_("The order cannot be dated before the session."), code="dates_out_of_order")
    if day > today():
        # Recording it would change the employees' current post before the order takes effect.
        raise ValidationError(_("Record the order on or after its date."), code="future")
    assigned = session.candidates.filter(
        removed=False, decision=Candidate.Decision.ASSIGN_NEXT, applied_period__isnull=True
    )
    for candidate in assigned.select_related("employee", "position"):
        employee = Employee.objects.select_for_update().get(pk=candidate.employee_id)
        if (employee.position_id, employee.qualification_level, employee.category) != (
            candidate.position_id,
            candidate.qualification_level,
            candidate.category,
        ):
            raise ValidationError(
                _("%(name)s's post changed after the session; correct it through a new session.")
                % {"name": employee.full_name},
                code="changed",
            )
        candidate.applied_period = employee_change_assignment(
            employee=employee,
            position=candidate.position,
            qualification_level=candidate.qualification_level,
            category=candidate.next_category,
            start_date=day,
        )
        candidate.save(update_fields=["applied_period"])
    session.order_number, session.order_date = number.strip(), day
    _move(session, State.ORDER_ISSUED, user)
    return session


@transaction.atomic
def candidates_release_periods(*, employee_ids) -> int:
    """Let go of the work periods an attestation order opened for these employees, because a staff import is
    about to replace their work history (staffing.signals.work_periods_replacing). The candidate keeps its decision
    and the session its order; only the link to the replaced period row goes. Returns how many were released."""
    return Candidate.objects.filter(employee_id__in=employee_ids, applied_period__isnull=False).update(
        applied_period=None
    )
