"""Attestation sessions: thin views over attestation.services, scoped by staffing.access."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attestation import services
from attestation.access import directed_centres, separation_blocks
from attestation.forms import (
    ApprovalForm,
    BulkDecisionForm,
    CandidateAddForm,
    DecisionForm,
    MeetingForm,
    MemberForm,
    OrderForm,
    ReasonForm,
    SendBackForm,
    SessionForm,
)
from attestation.models import OPEN_STATES, Candidate, Session
from attestation.selectors import policies_for, policy_of
from config.dates import today
from staffing.access import changeable_centres, get_visible_or_404, may_see_staff, visible_centres
from staffing.models import Employee

DOCUMENT_FIELDS = ["has_diploma", "has_certificates", "has_employment_record", "has_characteristic"]


def _sessions(user):
    if not may_see_staff(user):
        raise PermissionDenied
    return Session.objects.filter(centre__in=visible_centres(user)).select_related("centre")


def session_list(request):
    sessions = _sessions(request.user).order_by("-date", "-pk")[:200]
    centres = list(changeable_centres(request.user).order_by("code"))
    form = SessionForm(request.POST or None, centres=centres, initial={"day": today()})
    if request.method == "POST":
        if not centres:
            raise PermissionDenied
        if form.is_valid():
            centre = next(c for c in centres if c.code == form.cleaned_data["centre"])
            session = services.session_create(centre=centre, day=form.cleaned_data["day"], user=request.user)
            return redirect(session)
    return render(request, "attestation/session_list.html", {"sessions": sessions, "form": form if centres else None})


def _require_recorder(user, session) -> None:
    """HR officers of the session's centre record; checked before reading the form so a director gets 403."""
    if not changeable_centres(user).filter(pk=session.centre_id).exists():
        raise PermissionDenied


def _session(request, pk) -> Session:
    return get_visible_or_404(_sessions(request.user), pk=pk)


def session_detail(request, pk):
    session = _session(request, pk)
    candidates = list(
        session.candidates.select_related("employee", "position").order_by("removed", "employee__name_key", "pk")
    )
    may_record = changeable_centres(request.user).filter(pk=session.centre_id).exists()
    may_approve = directed_centres(request.user).filter(pk=session.centre_id).exists()
    reasons_field = "reasons_ru" if (get_language() or "").startswith("ru") else "reasons_kk"
    for candidate in candidates:
        candidate.reasons = getattr(candidate, reasons_field)
    employees = (  # the picker offers who works on the session's date (and still today)
        Employee.objects.active()
        .employed_on(session.date)
        .filter(centre=session.centre)
        .exclude(pk__in=[c.employee_id for c in candidates if not c.removed])
    )
    awaiting = session.state == Session.State.COMMISSION_HELD
    blocked = may_approve and awaiting and separation_blocks(session, request.user)
    deciding = may_record and session.state == Session.State.CANDIDATES_FIXED and session.commission_date is not None
    context = {
        "session": session,
        "candidates": candidates,
        "members": list(session.members.all()),
        "transitions": list(session.transitions.select_related("by")),
        "may_record": may_record and not session.is_locked,
        "may_issue": may_record and session.state == Session.State.APPROVED,
        "may_approve": may_approve and awaiting and not blocked,
        "approval_blocked": services.why_not_approver() if blocked else "",
        "may_send_back": may_approve and session.state in services.SEND_BACK,
        "send_back_form": SendBackForm(targets=services.SEND_BACK.get(session.state, ())),
        "may_cancel": may_record and session.state in OPEN_STATES,
        "cancel_form": ReasonForm(),
        "bulk_form": BulkDecisionForm(candidates=[c for c in candidates if not c.removed]) if deciding else None,
        "member_form": MemberForm(),
        "add_form": CandidateAddForm(employees=employees.order_by("name_key", "pk")),
        "order_form": OrderForm(initial={"day": today()}),
        "meeting_form": MeetingForm(
            initial={"day": session.commission_date or today(), "members_present": session.members_present}
        ),
        "approval_form": ApprovalForm(initial={"day": today()}),
        "policy": policy_of(*policies_for([session.centre_id]), session.centre_id, None),
    }
    return render(request, "attestation/session_detail.html", context)


def _run(request, session, action, success):
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(session)


@require_POST
def session_step(request, pk, step):
    session = _session(request, pk)
    steps = {
        "fix": (
            lambda: services.session_fix_candidates(session=session, user=request.user),
            _("The list of candidates is fixed."),
        ),
        "hold": (
            lambda: services.session_hold(session=session, user=request.user),
            _("The commission is recorded as held."),
        ),
        "approve": (
            lambda: services.session_approve(session=session, user=request.user, day=_approval_day(request)),
            _("Approved."),
        ),
    }
    if step == "propose":  # says who was left out, and why
        return _propose(request, session)
    if step not in steps:
        raise Http404
    action, success = steps[step]
    return _run(request, session, action, success)


def _propose(request, session):
    try:
        proposal = services.session_propose_candidates(session=session, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Candidates proposed from the engine."))
        for text in proposal.left_out:
            messages.warning(request, text)
    return redirect(session)


def _approval_day(request):
    """The date the director gives (today when none): a malformed one is refused, never guessed."""
    if not request.POST.get("day"):
        return None
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        raise ValidationError(form.errors["day"])
    return form.cleaned_data["day"]


@require_POST
def session_meeting(request, pk):
    session = _session(request, pk)
    _require_recorder(request.user, session)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(session)
    return _run(
        request,
        session,
        lambda: services.session_record_meeting(
            session=session,
            user=request.user,
            day=form.cleaned_data["day"],
            members_present=form.cleaned_data["members_present"],
        ),
        _("The meeting is recorded."),
    )


@require_POST
def member_add(request, pk):
    session = _session(request, pk)
    _require_recorder(request.user, session)
    form = MemberForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the member's name and role."))
        return redirect(session)
    return _run(
        request,
        session,
        lambda: services.commission_member_add(session=session, user=request.user, **form.cleaned_data),
        _("Saved."),
    )


@require_POST
def member_remove(request, pk, member_pk):
    session = _session(request, pk)
    _require_recorder(request.user, session)
    member = get_visible_or_404(session.members.all(), pk=member_pk)
    return _run(
        request, session, lambda: services.commission_member_remove(member=member, user=request.user), _("Saved.")
    )


@require_POST
def candidate_add(request, pk):
    session = _session(request, pk)
    _require_recorder(request.user, session)
    form = CandidateAddForm(request.POST, employees=Employee.objects.filter(centre=session.centre))
    if not form.is_valid():
        messages.error(request, _("Choose an employee and give the reason."))
        return redirect(session)
    return _run(
        request,
        session,
        lambda: services.candidate_add(
            session=session,
            employee=form.cleaned_data["employee"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        ),
        _("Saved."),
    )


def _candidate(request, pk) -> Candidate:
    if not may_see_staff(request.user):
        raise PermissionDenied
    queryset = Candidate.objects.filter(session__centre__in=visible_centres(request.user)).select_related(
        "session__centre", "employee", "position"
    )
    return get_visible_or_404(queryset, pk=pk)


@require_POST
def candidate_remove(request, pk):
    candidate = _candidate(request, pk)
    _require_recorder(request.user, candidate.session)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for removing this candidate."))
        return redirect(candidate.session)
    return _run(
        request,
        candidate.session,
        lambda: services.candidate_remove(candidate=candidate, reason=form.cleaned_data["reason"], user=request.user),
        _("Saved."),
    )


def candidate_decision(request, pk):
    candidate = _candidate(request, pk)
    initial = {
        name: getattr(candidate, name)
        for name in [
            "decision",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "remarks",
            "override_reason",
            *DOCUMENT_FIELDS,
        ]
    }
    form = DecisionForm(request.POST or None, initial={**initial, "version": candidate.version})
    if request.method == "POST":
        _require_recorder(request.user, candidate.session)
        if form.is_valid():
            data = dict(form.cleaned_data)
            documents = {name: data.pop(name) for name in DOCUMENT_FIELDS}
            try:
                services.candidate_record_decision(
                    candidate=candidate,
                    user=request.user,
                    expected_version=data.pop("version"),
                    documents=documents,
                    **data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Decision recorded."))
                return redirect(candidate.session)
    reasons = candidate.reasons_ru if (get_language() or "").startswith("ru") else candidate.reasons_kk
    return render(
        request, "attestation/candidate_decision.html", {"candidate": candidate, "form": form, "reasons": reasons}
    )


def _form_errors(request, form) -> None:
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)


@require_POST
def candidates_decide(request, pk):
    """One decision for the ticked candidates (HR)."""
    session = _session(request, pk)
    _require_recorder(request.user, session)
    form = BulkDecisionForm(
        request.POST, candidates=session.candidates.filter(removed=False).select_related("employee")
    )
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(session)
    data = dict(form.cleaned_data)
    return _run(
        request,
        session,
        lambda: services.candidates_record_decision(
            session=session, versions=data.pop("candidates"), user=request.user, **data
        ),
        _("Decision recorded."),
    )


@require_POST
def session_send_back(request, pk):
    session = _session(request, pk)
    if not directed_centres(request.user).filter(pk=session.centre_id).exists():
        raise PermissionDenied
    form = SendBackForm(request.POST, targets=services.SEND_BACK.get(session.state, ()))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(session)
    return _run(
        request,
        session,
        lambda: services.session_send_back(session=session, user=request.user, **form.cleaned_data),
        _("The session is sent back to HR."),
    )


@require_POST
def session_cancel(request, pk):
    session = _session(request, pk)
    _require_recorder(request.user, session)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for cancelling the session."))
        return redirect(session)
    return _run(
        request,
        session,
        lambda: services.session_cancel(session=session, user=request.user, reason=form.cleaned_data["reason"]),
        _("The session is cancelled."),
    )


@require_POST
def session_order(request, pk):
    session = _session(request, pk)
    _require_recorder(request.user, session)
    form = OrderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the order number and date."))
        return redirect(session)
    return _run(
        request,
        session,
        lambda: services.session_issue_order(
            session=session, user=request.user, number=form.cleaned_data["number"], day=form.cleaned_data["day"]
        ),
        _("The order is recorded; assigned categories take effect from its date."),
    )
