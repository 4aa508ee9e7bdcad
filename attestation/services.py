"""Attestation session steps. Each is atomic, checks who may take it, and records the transition.

HR officers of the centre prepare and record (sessions, commission, candidates, decisions, the order); only the
centre's director approves; nobody edits a session once approved. The order makes every assigned category take
effect in the work history from the order date, exactly once.

Guards (README, "Attestation"): one open file per person (a candidate of a session that is not finished cannot
be taken by another); the votes of each decision add up to the members present at the meeting, a quorum
(settings.ATTESTATION_QUORUM) is present, and "assign the next category" and "meets the post" need a majority
of those present, whatever the chair's override; dates follow each other (session, meeting, approval, order)
and none is in the future.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from attestation.access import directed_centres, separation_blocks
from attestation.models import OPEN_STATES, Candidate, CommissionMember, Session, Transition
from attestation.reasons import catalogue_names, verdict_texts
from attestation.rules.schedule import AFTER_LEAVE, ON_LEAVE
from attestation.selectors import catalogue_lookups, eligibility, eligibility_schedule
from config.dates import today
from personnel.services import order_category_assignments
from staffing.access import changeable_centres
from staffing.models import Centre, Employee

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


def _move(session: Session, to_state: str, user, reason: str = "") -> None:
    Transition.objects.create(session=session, from_state=session.state, to_state=to_state, by=user, reason=reason)
    session.state = to_state
    session.version += 1  # the session row is locked (select_for_update) by every step
    session.save(
        update_fields=[
            "state",
            "version",
            "order_number",
            "order_date",
            "approved_on",
            "protocol_year",
            "protocol_number",
        ]
    )


def _locked(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("centre").get(pk=session.pk)


def _require_commission_open(session: Session) -> None:
    if session.commission_date is not None:
        raise ValidationError(_("The commission has met: its members can no longer change."), code="commission_met")


def open_files(employee_ids, *, besides: Session) -> dict[int, Candidate]:
    """The candidacy of each of these employees in another session that is not finished (one query)."""
    return {
        candidate.employee_id: candidate
        for candidate in Candidate.objects.filter(
            employee_id__in=employee_ids, removed=False, session__state__in=OPEN_STATES
        )
        .exclude(session=besides)
        .select_related("session__centre", "employee")
    }


def open_file_text(candidate: Candidate) -> str:
    return _("%(name)s is already a candidate of “%(session)s” (%(centre)s), which is not finished.") % {
        "name": candidate.employee.full_name,
        "session": candidate.session,
        "centre": candidate.session.centre.name,
    }


def _lock_centre(centre) -> None:
    """Proposals and additions of one centre wait for each other, so two sessions cannot take one person at once
    (an employee belongs to one centre)."""
    list(Centre.objects.select_for_update().filter(pk=centre.pk).values_list("pk", flat=True))


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
    _require_commission_open(session)
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
    _require_commission_open(session)
    member.delete()


def wait_text(name: str, plan) -> str:
    """Why the policy keeps an employee out of a session (plan: an EmployeeSchedule)."""
    values = {
        "name": name,
        "policy": plan.policy.name,
        "date": plan.not_before.strftime("%d.%m.%Y") if plan.not_before else "",
    }
    if plan.wait == ON_LEAVE and plan.not_before is None:
        return _("%(name)s: not proposed, on child-care leave (policy “%(policy)s”).") % values
    if plan.wait in (ON_LEAVE, AFTER_LEAVE):
        return (
            _(
                "%(name)s: not proposed, too soon after returning from child-care leave; attestation from %(date)s "
                "(policy “%(policy)s”)."
            )
            % values
        )
    return (
        _("%(name)s: not proposed, too soon after taking the post; attestation from %(date)s (policy “%(policy)s”).")
        % values
    )


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


@dataclass
class Proposal:
    """What proposing did: the candidates taken, and why others who were eligible or due were left out (another
    open session, or the policy says it is too soon)."""

    created: list[Candidate] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


@transaction.atomic
def session_propose_candidates(*, session: Session, user) -> Proposal:
    """Take everyone eligible by the session date and everyone whose periodic attestation is due or whose
    category's term ends by then, as the centre's attestation policy allows, with the engine's verdict frozen on
    each candidate."""
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT)
    _lock_centre(session.centre)
    here = set(session.candidates.values_list("employee_id", flat=True))
    rows = [
        row
        for row in eligibility(Employee.objects.filter(centre=session.centre), session.date)
        if row.employee.pk not in here
    ]
    plans = eligibility_schedule(rows, session.date)
    wanted = []
    for row in rows:
        plan = plans[row.employee.pk]
        if row.verdict.eligible:
            wanted.append((row, plan, Candidate.Source.ELIGIBLE))
        elif plan.periodic_attestation_due <= session.date:
            wanted.append((row, plan, Candidate.Source.PERIODIC))
        elif plan.due_on(session.date):
            wanted.append((row, plan, Candidate.Source.CATEGORY_EXPIRY))
    # One open file per person: anyone who is a candidate of another unfinished session is left out, named.
    elsewhere = open_files([row.employee.pk for row, _plan, _source in wanted], besides=session)
    proposal, names = Proposal(), _names_by_language()
    for row, plan, source in wanted:
        if row.employee.pk in elsewhere:
            proposal.left_out.append(open_file_text(elsewhere[row.employee.pk]))
        elif plan.waits_on(session.date):
            proposal.left_out.append(wait_text(row.employee.full_name, plan))
        else:
            candidate = Candidate(session=session, employee=row.employee, source=source)
            _freeze(candidate, row.verdict, session.date, names)
            proposal.created.append(candidate)
    bulk_create_with_history(proposal.created, Candidate)
    return proposal


@transaction.atomic
def candidate_add(*, session: Session, employee: Employee, reason: str, user) -> Candidate:
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.DRAFT)
    if employee.centre_id != session.centre_id or not employee.is_active:
        raise ValidationError(_("Only active employees of the centre can be candidates."), code="employee")
    if not employee.employed_on(session.date):  # hired after it, or a dismissal scheduled before it
        raise ValidationError(
            _("Only employees at work in the centre on the session date (%(date)s) can be candidates.")
            % {"date": f"{session.date:%d.%m.%Y}"},
            code="employee",
        )
    if not reason.strip():
        raise ValidationError(_("Give the reason for adding this candidate."), code="reason")
    _lock_centre(session.centre)
    elsewhere = open_files([employee.pk], besides=session).get(employee.pk)
    if elsewhere is not None:
        raise ValidationError(open_file_text(elsewhere), code="open_elsewhere")
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
    votes_abstained: int = 0,
    remarks: str = "",
    override_reason: str = "",
    documents: dict | None = None,
) -> Candidate:
    """The commission's decision on one candidate, recorded by HR after the meeting is recorded. The votes add
    up to the members present; "assign the next category" and "meets the post" need a majority of them.
    Assigning a category the engine says the candidate does not qualify for also needs the chair's override
    reason, kept and shown in reports; the override never replaces the majority."""
    session = _locked(candidate.session)
    _require_hr(user, session.centre)
    _require_state(session, State.CANDIDATES_FIXED)
    check_votes(session, decision, votes_for, votes_against, votes_abstained)
    return _decide(
        Candidate.objects.select_for_update().select_related("employee").get(pk=candidate.pk),
        user=user,
        expected_version=expected_version,
        decision=decision,
        votes=(votes_for, votes_against, votes_abstained),
        remarks=remarks,
        override_reason=override_reason,
        documents=documents,
    )


def _decide(
    candidate: Candidate,
    *,
    user,
    expected_version: int,
    decision: str,
    votes: tuple[int, int, int],
    remarks: str,
    override_reason: str,
    documents: dict | None,
) -> Candidate:
    """One candidate's decision, the session locked, the candidate read locked and the votes checked by the
    caller."""
    if candidate.removed:
        raise ValidationError(_("This candidate was removed."), code="removed")
    if decision == Candidate.Decision.ASSIGN_NEXT:
        if not candidate.next_category:
            raise ValidationError(
                _("%(name)s: there is no next category to assign on this ladder.")
                % {"name": candidate.employee.full_name},
                code="no_next",
            )
        if not candidate.eligible and not override_reason.strip():
            raise ValidationError(
                _(
                    "The engine says this candidate does not qualify for the next category; the chair must record a reason to assign it."
                ),
                code="override",
            )
    if candidate.version != expected_version:
        raise ValidationError(
            _(
                "Someone else recorded a decision for this candidate meanwhile. Reload the page: your input was not saved."
            ),
            code="stale",
        )
    candidate.decision = decision
    candidate.votes_for, candidate.votes_against, candidate.votes_abstained = votes
    candidate.remarks, candidate.decided_by = remarks, user
    candidate.override_reason = (
        override_reason if decision == Candidate.Decision.ASSIGN_NEXT and not candidate.eligible else ""
    )
    for name, value in (documents or {}).items():
        setattr(candidate, name, value)
    candidate.version += 1
    candidate.save()  # through the model, so the history keeps who recorded what
    return candidate


@transaction.atomic
def candidates_record_decision(
    *,
    session: Session,
    versions: dict[int, int],
    user,
    decision: str,
    votes_for: int,
    votes_against: int,
    votes_abstained: int = 0,
    remarks: str = "",
) -> list[Candidate]:
    """One decision for many candidates of the session (`versions`: candidate id → the version the user saw),
    e.g. every periodic candidate who meets their post. Each candidate gets its own vote record and keeps its own
    frozen verdict; all or nothing. An override needs the chair's reason per candidate, so a candidate the engine
    does not find eligible cannot be assigned the next category here."""
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.CANDIDATES_FIXED)
    if not versions:
        raise ValidationError(_("Choose at least one candidate."), code="empty")
    check_votes(session, decision, votes_for, votes_against, votes_abstained)
    candidates = list(
        session.candidates.select_for_update().filter(pk__in=versions).select_related("employee").order_by("pk")
    )
    if len(candidates) != len(versions):
        raise ValidationError(_("Only candidates of this session can be chosen."), code="foreign")
    if decision == Candidate.Decision.ASSIGN_NEXT:
        needing = [c.employee.full_name for c in candidates if not c.eligible]
        if needing:
            raise ValidationError(
                _("Assigning against the engine needs the chair's reason for each candidate: %(names)s.")
                % {"names": ", ".join(needing)},
                code="override",
            )
    return [
        _decide(
            candidate,
            user=user,
            expected_version=versions[candidate.pk],
            decision=decision,
            votes=(votes_for, votes_against, votes_abstained),
            remarks=remarks,
            override_reason="",
            documents=None,
        )
        for candidate in candidates
    ]


MAJORITY_DECISIONS = (Candidate.Decision.ASSIGN_NEXT, Candidate.Decision.CONFIRM)


def quorum(members: int) -> int:
    """The fewest members present for the commission's votes to count (settings.ATTESTATION_QUORUM, default
    two thirds: 3 of 4, 4 of 5, 2 of 3)."""
    share = settings.ATTESTATION_QUORUM
    return -(-members * share.numerator // share.denominator)


def check_votes(session: Session, decision: str, votes_for: int, votes_against: int, votes_abstained: int) -> None:
    """Refuse a vote record that does not add up. Raised as one ValidationError with a code per rule."""
    if decision not in Candidate.Decision.values:
        raise ValidationError(_("Choose a decision."), code="decision")
    present = session.members_present
    if present is None or session.commission_date is None:
        raise ValidationError(
            _("Record the meeting (its date and the members present) before the decisions."), code="no_meeting"
        )
    members = session.members.count()
    votes = (votes_for, votes_against, votes_abstained)
    if any(value < 0 for value in votes):
        raise ValidationError(_("Votes cannot be negative."), code="votes_negative")
    if any(value > members for value in votes):
        raise ValidationError(
            _("No count of votes can exceed the %(members)s members of the commission.") % {"members": members},
            code="votes_over_members",
        )
    if sum(votes) != present:
        raise ValidationError(
            _(
                "For, against and abstained add up to %(total)s, but %(present)s members were present: every member "
                "present votes once."
            )
            % {"total": sum(votes), "present": present},
            code="votes_sum",
        )
    if decision in MAJORITY_DECISIONS and votes_for * 2 <= present:
        raise ValidationError(
            _(
                "“%(decision)s” needs a majority of the %(present)s members present: %(votes)s voted for. The chair's "
                "reason never replaces the vote."
            )
            % {"decision": Candidate.Decision(decision).label, "present": present, "votes": votes_for},
            code="no_majority",
        )


@transaction.atomic
def session_record_meeting(*, session: Session, user, day: date, members_present: int) -> Session:
    """The commission's meeting: its date (on or after the session's, not in the future) and how many members
    were present (at least the quorum, at most the commission). Can be corrected until the commission is recorded
    as held, as long as the decisions already recorded still add up."""
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.CANDIDATES_FIXED)
    if day < session.date:
        raise ValidationError(
            _("The commission cannot meet before the session's date (%(date)s).")
            % {"date": session.date.strftime("%d.%m.%Y")},
            code="meeting_before_session",
        )
    if day > today():
        raise ValidationError(_("Record the meeting on or after the day it was held."), code="meeting_future")
    members = session.members.count()
    if not session.members.filter(role=CommissionMember.Role.CHAIR).exists():
        raise ValidationError(_("The commission needs a chair."), code="chair")
    if members_present > members:
        raise ValidationError(
            _("%(present)s members present, but the commission has %(members)s.")
            % {"present": members_present, "members": members},
            code="present_over_members",
        )
    if members_present < quorum(members):
        raise ValidationError(
            _("No quorum: %(present)s of %(members)s members present, at least %(quorum)s are needed.")
            % {"present": members_present, "members": members, "quorum": quorum(members)},
            code="no_quorum",
        )
    decided = session.candidates.filter(removed=False).exclude(decision="")
    for votes in decided.values_list("votes_for", "votes_against", "votes_abstained"):
        if sum(votes) != members_present:
            raise ValidationError(
                _("Decisions already recorded count other numbers of votes: correct them first."),
                code="votes_recorded",
            )
    session.commission_date, session.members_present = day, members_present
    session.version += 1
    session.save(update_fields=["commission_date", "members_present", "version"])
    return session


@transaction.atomic
def session_hold(*, session: Session, user) -> Session:
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, State.CANDIDATES_FIXED)
    if session.commission_date is None:
        raise ValidationError(
            _("Record the meeting (its date and the members present) before the decisions."), code="no_meeting"
        )
    if session.candidates.filter(removed=False, decision="").exists():
        raise ValidationError(_("Record a decision for every candidate first."), code="undecided")
    if not session.members.filter(role=CommissionMember.Role.CHAIR).exists():
        raise ValidationError(_("The commission needs a chair."), code="chair")
    if session.protocol_number is None:  # a session sent back and held again keeps its number
        _number_protocol(session)
    _move(session, State.COMMISSION_HELD, user)
    return session


def _number_protocol(session: Session) -> None:
    """The next protocol number of the centre in the year of the meeting ("№ 3/2026"). The centre row is locked
    so two sessions held at once cannot take the same number (a unique constraint guards it too)."""
    _lock_centre(session.centre)
    year = session.commission_date.year
    last = Session.objects.filter(centre=session.centre, protocol_year=year).aggregate(last=Max("protocol_number"))
    session.protocol_year, session.protocol_number = year, (last["last"] or 0) + 1


@transaction.atomic
def session_approve(*, session: Session, user, day: date | None = None) -> Session:
    """The director's approval, dated `day` (today by default): on or after the meeting, not in the future."""
    session = _locked(session)
    _require_director(user, session.centre)
    _require_state(session, State.COMMISSION_HELD)
    if separation_blocks(session, user):
        raise ValidationError(why_not_approver(), code="separation_of_duties")
    day = day or today()
    if session.commission_date and day < session.commission_date:
        raise ValidationError(
            _("The approval cannot be dated before the commission met (%(date)s).")
            % {"date": session.commission_date.strftime("%d.%m.%Y")},
            code="approval_before_meeting",
        )
    if day > today():
        raise ValidationError(_("The approval cannot be dated in the future."), code="approval_future")
    session.approved_on = day
    _move(session, State.APPROVED, user)
    return session


def why_not_approver() -> str:
    return _(
        "You recorded decisions of this session (or recorded the commission as held), so you cannot approve it: "
        "separation of duties. Another director of the centre approves."
    )


SEND_BACK = {
    State.COMMISSION_HELD: (State.CANDIDATES_FIXED,),
    State.APPROVED: (State.COMMISSION_HELD, State.CANDIDATES_FIXED),
}


@transaction.atomic
def session_send_back(*, session: Session, user, to_state: str, reason: str) -> Session:
    """The director returns a session to HR with a reason: a held session back to "candidates fixed" (the
    decisions can then be recorded again), an approved one without its order back to "commission held" (the
    approval is withdrawn) or to "candidates fixed". The protocol keeps its number."""
    session = _locked(session)
    _require_director(user, session.centre)
    _require_state(session, *SEND_BACK)
    if to_state not in SEND_BACK[session.state]:
        raise ValidationError(
            _("A session that is “%(state)s” cannot be sent back to “%(target)s”.")
            % {
                "state": session.get_state_display(),
                "target": State(to_state).label if to_state in State.values else to_state,
            },
            code="send_back_target",
        )
    if not reason.strip():
        raise ValidationError(_("Give the reason for sending the session back."), code="reason")
    session.approved_on = None
    _move(session, to_state, user, reason=reason.strip())
    return session


@transaction.atomic
def session_cancel(*, session: Session, user, reason: str) -> Session:
    """HR cancels a session that has no order, with a reason; its candidates are free for another session."""
    session = _locked(session)
    _require_hr(user, session.centre)
    _require_state(session, *OPEN_STATES)
    if not reason.strip():
        raise ValidationError(_("Give the reason for cancelling the session."), code="reason")
    _move(session, State.CANCELLED, user, reason=reason.strip())
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
    if session.approved_on and day < session.approved_on:
        raise ValidationError(
            _("The order cannot be dated before the director's approval (%(date)s).")
            % {"date": session.approved_on.strftime("%d.%m.%Y")},
            code="order_before_approval",
        )
    if day > today():
        # Recording it would change the employees' current post before the order takes effect.
        raise ValidationError(_("Record the order on or after its date."), code="future")
    assigned = list(
        session.candidates.filter(
            removed=False, decision=Candidate.Decision.ASSIGN_NEXT, applied_period__isnull=True
        ).select_related("employee", "position")
    )
    changes = []
    for candidate in assigned:
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
        changes.append(
            {
                "employee": employee,
                "position": candidate.position,
                "qualification_level": candidate.qualification_level,
                "category": candidate.next_category,
                "start_date": day,
            }
        )
    if changes:
        # The session's order is a personnel order of kind "category assignment" in the centre's register
        # (docs/personnel.md): one order, one point per candidate, the periods opened in the same transaction.
        _order, periods = order_category_assignments(
            centre=session.centre, order_date=day, number=number, changes=changes, user=user
        )
        for candidate, period in zip(assigned, periods, strict=True):
            candidate.applied_period = period
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
