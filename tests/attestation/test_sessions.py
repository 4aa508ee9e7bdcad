"""Attestation sessions: the state machine, who may take each step, the override rule, and applying the
order to the work history exactly once (README, "Attestation")."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from attestation import services
from attestation.models import Candidate, Session
from positions.models import EducationField, Position
from staffing.models import Employee
from tests.factories import EducationFactory, EmployeeFactory, WorkPeriodFactory

D = datetime.date
SESSION_DAY = D(2026, 12, 10)
HIRED = D(2025, 1, 1)


@pytest.fixture(autouse=True)
def order_recorded_later(monkeypatch):
    """Orders here are dated after today's date; these tests record them as if it were 2030."""
    import attestation.services
    import personnel.services
    import staffing.services

    monkeypatch.setattr(attestation.services, "today", lambda: datetime.date(2030, 1, 1))
    # The order applies the category through staffing, which schedules changes dated after its today.
    monkeypatch.setattr(staffing.services, "today", lambda: datetime.date(2030, 1, 1))
    monkeypatch.setattr(personnel.services, "today", lambda: datetime.date(2030, 1, 1))
    # And the import, which takes the post of the period covering its today.
    import staffing.workbook.reading

    monkeypatch.setattr(staffing.workbook.reading, "_today", lambda: datetime.date(2030, 1, 1))


def social_worker(centre, number, *, since, field="social_work", hire=HIRED):
    """item 15: a high-level social worker in the second category since `since`."""
    position = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre,
        personnel_number=number,
        position=position,
        qualification_level="high",
        category="second",
        hire_date=hire,
    )
    WorkPeriodFactory(
        employee=employee, position=position, qualification_level="high", category="second", start_date=since
    )
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code=field))
    return employee


@pytest.fixture
def staff(centre):
    return {
        "ready": social_worker(centre, "001", since=D(2025, 11, 1)),  # 1 year in the second category by 01.11.2026
        "not_yet": social_worker(centre, "002", since=D(2026, 6, 1)),
        "due": social_worker(centre, "003", since=D(2026, 6, 1), hire=D(2020, 1, 1)),  # periodic: hired 6 years ago
    }


@pytest.fixture
def session(centre, hr_officer):
    """A session with a commission of three: a chair and two members."""
    session = services.session_create(centre=centre, day=SESSION_DAY, user=hr_officer)
    services.commission_member_add(session=session, user=hr_officer, name="Серікова Ә.", role="chair")
    services.commission_member_add(session=session, user=hr_officer, name="Оспанов Е.", role="member")
    services.commission_member_add(session=session, user=hr_officer, name="Ахметова Д.", role="member")
    return session


def meet(session, hr_officer, present=3, day=SESSION_DAY):
    return services.session_record_meeting(session=session, user=hr_officer, day=day, members_present=present)


def test_candidates_are_proposed_from_the_engine_with_the_verdict_frozen(session, hr_officer, staff):
    candidates = services.session_propose_candidates(session=session, user=hr_officer).created
    by_number = {c.employee.personnel_number: c for c in candidates}
    assert set(by_number) == {"001", "003"}
    ready = by_number["001"]
    assert (ready.source, ready.eligible, ready.next_category, ready.eligible_from) == (
        "eligible",
        True,
        "first",
        D(2026, 11, 1),
    )
    assert ready.reasons_kk[0].startswith("15-тармақ") and ready.reasons_ru[0].startswith("п. 15")
    assert by_number["003"].source == "periodic"


def test_hr_adds_and_removes_candidates_with_a_reason(session, hr_officer, staff):
    with pytest.raises(ValidationError):
        services.candidate_add(session=session, employee=staff["not_yet"], reason=" ", user=hr_officer)
    candidate = services.candidate_add(
        session=session, employee=staff["not_yet"], reason="Өтініші бойынша", user=hr_officer
    )
    assert candidate.source == "manual" and not candidate.eligible
    services.candidate_remove(candidate=candidate, reason="Қате қосылды", user=hr_officer)
    assert Candidate.objects.get(pk=candidate.pk).removed


def run_to_approval(session, hr_officer, director, decision="assign_next", **extra):
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    meet(session, hr_officer)
    for candidate in session.candidates.all():
        services.candidate_record_decision(
            candidate=candidate,
            user=hr_officer,
            expected_version=candidate.version,
            decision=decision if candidate.eligible else "confirm",
            votes_for=3,
            votes_against=0,
            **extra,
        )
    services.session_hold(session=session, user=hr_officer)
    services.session_approve(session=session, user=director, day=D(2026, 12, 11))


def test_the_whole_journey_applies_the_category_once_from_the_order_date(session, hr_officer, director, staff):
    run_to_approval(session, hr_officer, director)
    services.session_issue_order(session=session, user=hr_officer, number="12-Ж", day=D(2026, 12, 15))
    employee = Employee.objects.get(pk=staff["ready"].pk)
    assert employee.category == "first"
    periods = list(employee.periods.order_by("start_date").values_list("category", "start_date", "end_date"))
    assert periods == [("second", D(2025, 11, 1), D(2026, 12, 14)), ("first", D(2026, 12, 15), None)]
    assert Employee.objects.get(pk=staff["due"].pk).category == "second"  # confirmed, unchanged
    with pytest.raises(ValidationError):  # the repeated request changes nothing
        services.session_issue_order(session=session, user=hr_officer, number="12-Ж", day=D(2026, 12, 15))
    assert employee.periods.count() == 2
    session.refresh_from_db()
    assert session.state == Session.State.ORDER_ISSUED
    assert [t.to_state for t in session.transitions.all()] == [
        "candidates_fixed",
        "commission_held",
        "approved",
        "order_issued",
    ]


def test_hr_cannot_approve_and_a_director_cannot_record_decisions(session, hr_officer, director, staff):
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    meet(session, hr_officer)
    candidate = session.candidates.first()
    with pytest.raises(PermissionDenied):
        services.candidate_record_decision(
            candidate=candidate,
            user=director,
            expected_version=candidate.version,
            decision="confirm",
            votes_for=3,
            votes_against=0,
        )
    for current in session.candidates.all():
        services.candidate_record_decision(
            candidate=current,
            user=hr_officer,
            expected_version=current.version,
            decision="confirm",
            votes_for=3,
            votes_against=0,
        )
    services.session_hold(session=session, user=hr_officer)
    with pytest.raises(PermissionDenied):
        services.session_approve(session=session, user=hr_officer)


def test_nobody_edits_an_approved_session(session, hr_officer, director, staff):
    run_to_approval(session, hr_officer, director, decision="confirm")
    candidate = session.candidates.first()
    with pytest.raises(ValidationError):
        services.candidate_record_decision(
            candidate=candidate,
            user=hr_officer,
            expected_version=candidate.version,
            decision="not_meet",
            votes_for=0,
            votes_against=3,
        )
    with pytest.raises(ValidationError):
        services.commission_member_add(session=session, user=hr_officer, name="X", role="member")


def test_assigning_against_the_engine_needs_the_chairs_reason(session, hr_officer, staff):
    services.candidate_add(session=session, employee=staff["not_yet"], reason="Өтініш", user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    meet(session, hr_officer)
    candidate = session.candidates.get()
    with pytest.raises(ValidationError) as error:
        services.candidate_record_decision(
            candidate=candidate,
            user=hr_officer,
            expected_version=candidate.version,
            decision="assign_next",
            votes_for=3,
            votes_against=0,
        )
    assert error.value.code == "override"
    decided = services.candidate_record_decision(
        candidate=candidate,
        user=hr_officer,
        expected_version=candidate.version,
        decision="assign_next",
        votes_for=3,
        votes_against=0,
        override_reason="Ерекше жетістіктері ескерілді",
    )
    assert decided.override_reason == "Ерекше жетістіктері ескерілді"


def test_two_people_recording_the_same_decision_the_second_is_refused(session, hr_officer, staff):
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    meet(session, hr_officer)
    candidate = session.candidates.first()
    opened = candidate.version
    services.candidate_record_decision(
        candidate=candidate, user=hr_officer, expected_version=opened, decision="confirm", votes_for=3, votes_against=0
    )
    with pytest.raises(ValidationError) as error:
        services.candidate_record_decision(
            candidate=candidate,
            user=hr_officer,
            expected_version=opened,
            decision="postpone",
            votes_for=1,
            votes_against=2,
        )
    assert error.value.code == "stale"
    assert Candidate.objects.get(pk=candidate.pk).decision == "confirm"


def test_another_centres_users_get_404(client_of, other_hr_officer, session, hr_officer, staff):
    services.session_propose_candidates(session=session, user=hr_officer)
    client = client_of(other_hr_officer)
    assert client.get(reverse("attestation:session", args=[session.pk])).status_code == 404
    candidate = session.candidates.first()
    assert client.get(reverse("attestation:candidate", args=[candidate.pk])).status_code == 404
    assert client.post(reverse("attestation:session_step", args=[session.pk, "fix"])).status_code == 404


def test_steps_over_http_refuse_the_wrong_role(client_of, director, session, hr_officer, staff):
    services.session_propose_candidates(session=session, user=hr_officer)
    response = client_of(director).post(reverse("attestation:session_step", args=[session.pk, "fix"]))
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.state == "draft"


@pytest.mark.parametrize("name", ["member_add", "candidate_add", "session_order"])
def test_a_director_posting_an_hr_step_gets_403_whatever_the_form(client_of, director, session, name):
    assert client_of(director).post(reverse(f"attestation:{name}", args=[session.pk]), {}).status_code == 403


def test_an_unknown_step_is_404(client_of, hr_officer, session):
    assert client_of(hr_officer).post(reverse("attestation:session_step", args=[session.pk, "skip"])).status_code == 404


def test_an_order_dated_after_today_is_refused(session, hr_officer, director, staff, monkeypatch):
    import attestation.services
    import personnel.services
    import staffing.services

    run_to_approval(session, hr_officer, director)
    monkeypatch.setattr(attestation.services, "today", lambda: D(2026, 12, 12))
    # The order applies the category through staffing, which schedules changes dated after its today.
    monkeypatch.setattr(staffing.services, "today", lambda: D(2026, 12, 12))
    monkeypatch.setattr(personnel.services, "today", lambda: D(2026, 12, 12))
    with pytest.raises(ValidationError) as error:
        services.session_issue_order(session=session, user=hr_officer, number="1", day=D(2026, 12, 15))
    assert error.value.code == "future"
    assert Employee.objects.get(pk=staff["ready"].pk).category == "second"


def test_the_history_shows_the_category_the_order_gave(session, hr_officer, director, staff):
    run_to_approval(session, hr_officer, director)
    services.session_issue_order(session=session, user=hr_officer, number="12-Ж", day=D(2026, 12, 15))
    assert Employee.history.filter(id=staff["ready"].pk).latest().category == "first"


def test_a_candidate_of_another_open_session_is_not_proposed_twice(session, centre, hr_officer, staff):
    services.session_propose_candidates(session=session, user=hr_officer)
    second = services.session_create(centre=centre, day=SESSION_DAY, user=hr_officer)
    assert services.session_propose_candidates(session=second, user=hr_officer).created == []


def test_reimporting_the_centre_after_an_order_keeps_working(
    session, hr_officer, director, staff, centre, tmp_path, monkeypatch
):
    import staffing.workbook.reading
    from staffing.workbook import workbook_export, workbook_import, workbook_read

    # The import reads the post of the period covering its today: the same 2030 as the order's.
    monkeypatch.setattr(staffing.workbook.reading, "_today", lambda: datetime.date(2030, 1, 1))
    run_to_approval(session, hr_officer, director)
    services.session_issue_order(session=session, user=hr_officer, number="12-Ж", day=D(2026, 12, 15))
    path = tmp_path / "staff.xlsx"
    workbook_export(centre, path)
    workbook_import(workbook_read(path, centre=centre))
    employee = Employee.objects.get(pk=staff["ready"].pk)
    # The order's period (from 15.12.2026) is kept; the import makes it the current post once its date comes.
    assert employee.periods.count() == 2
    assert employee.periods.order_by("start_date").last().category == "first"
    assert Candidate.objects.get(employee=employee).decision == "assign_next"


def test_a_wrong_chair_is_replaced_before_the_commission_meets(client_of, session, hr_officer, other_hr_officer):
    chair = session.members.get(role="chair")
    url = reverse("attestation:member_remove", args=[session.pk, chair.pk])
    assert client_of(other_hr_officer).post(url).status_code == 404
    assert client_of(hr_officer).post(url).status_code == 302
    services.commission_member_add(session=session, user=hr_officer, name="Дұрыс төраға", role="chair")
    assert list(session.members.filter(role="chair").values_list("name", flat=True)) == ["Дұрыс төраға"]


@pytest.mark.parametrize("count", [1, 6])
def test_the_session_page_runs_a_fixed_number_of_queries(
    client_of, session, hr_officer, centre, count, django_assert_num_queries
):
    for number in range(count):
        services.candidate_add(
            session=session,
            employee=social_worker(centre, f"{number:03d}", since=D(2025, 11, 1)),
            reason="Өтініш",
            user=hr_officer,
        )
    client = client_of(hr_officer)
    url = reverse("attestation:session", args=[session.pk])
    client.get(url)  # the session and the user's groups are cached by the first request
    # Expect 10 queries: sign-in session, user, groups, the session, its candidates, may the user record (one:
    # an HR officer directs nothing), members, transitions, employees that can be added, the centre's policy (1:
    # the default and the centre's own).
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


def test_who_leaves_before_the_session_date_is_neither_offered_nor_added(centre, hr_officer, client_of):
    """A dismissal scheduled before the session's date: at work today, not on that day."""
    from config.dates import today

    session = services.session_create(centre=centre, day=today() + datetime.timedelta(days=30), user=hr_officer)
    leaving = social_worker(centre, "009", since=D(2025, 11, 1))
    Employee.objects.filter(pk=leaving.pk).update(dismissal_date=today() + datetime.timedelta(days=10))
    leaving.refresh_from_db()
    staying = social_worker(centre, "010", since=D(2025, 11, 1))
    page = client_of(hr_officer).get(reverse("attestation:session", args=[session.pk]))
    offered = {employee.pk for employee in page.context["add_form"].fields["employee"].queryset}
    assert staying.pk in offered and leaving.pk not in offered
    with pytest.raises(ValidationError) as refused:
        services.candidate_add(session=session, employee=leaving, reason="Өтініші бойынша", user=hr_officer)
    assert refused.value.code == "employee"
    assert not session.candidates.exists()
