"""Attestation policies (docs/attestation-policies.md): the schedule they give, the candidates they let through,
the dates the card and the dashboard show, child-care leave on the card, and the editors' admin.

The preset "Social workers: MLSP RK order No. 210 of 08.06.2023" rests on public summaries of that order: at
least once every 3 years; not earlier than 1 year after taking the post; not earlier than 6 months after returning
from child-care leave; a category is assigned for 3 years. "Centre default" is 3 years and nothing else."""

import datetime

import pytest
from django.urls import reverse

from attestation import services
from attestation.models import AttestationPolicy, Candidate, PolicyAssignment, Session
from attestation.rules.schedule import AFTER_LEAVE, IN_POST, ON_LEAVE, PolicyTerms, ScheduleFacts, schedule
from attestation.selectors import attestation_schedule, eligibility, eligibility_schedule, employee_schedule
from positions.models import Position
from staffing.models import ChildCareLeave, Employee
from staffing.selectors import employee_card, experience_summary
from tests.attestation.test_sessions import social_worker
from tests.factories import WorkPeriodFactory

D = datetime.date
DAY = D(2026, 12, 10)
DEFAULT = PolicyTerms(interval_years=3)
MLSP_210 = PolicyTerms(
    interval_years=3, min_months_in_post=12, min_months_after_child_care_leave=6, category_validity_years=3
)


def facts(**values):
    base = {
        "hire_date": D(2020, 1, 15),
        "category": "second",
        "post_since": D(2020, 1, 15),
        "category_since": D(2024, 5, 1),
        "last_attested": None,
        "leaves": (),
    }
    return ScheduleFacts(**{**base, **values})


@pytest.mark.parametrize(
    ("terms", "given", "due", "valid_until", "not_before", "wait"),
    [
        # Centre default: 3 years from the hire date, nothing else (no term for the category, leaves ignored)
        (DEFAULT, {}, D(2023, 1, 15), None, None, None),
        (DEFAULT, {"post_since": D(2026, 6, 1), "leaves": ((D(2025, 1, 1), None),)}, D(2023, 1, 15), None, None, None),
        # MLSP 210: at least every 3 years, from the last attestation
        (MLSP_210, {"last_attested": D(2025, 3, 10)}, D(2028, 3, 10), D(2028, 3, 9), None, None),
        # MLSP 210: a category is assigned for 3 years (from taking it, or the last confirmation if later)
        (MLSP_210, {}, D(2023, 1, 15), D(2027, 4, 30), None, None),
        (MLSP_210, {"category": "none"}, D(2023, 1, 15), None, None, None),
        # MLSP 210: not earlier than 1 year after taking the post
        (MLSP_210, {"post_since": D(2026, 6, 1)}, D(2023, 1, 15), D(2027, 4, 30), D(2027, 6, 1), IN_POST),
        (MLSP_210, {"post_since": D(2025, 12, 10)}, D(2023, 1, 15), D(2027, 4, 30), None, None),
        # MLSP 210: not earlier than 6 months after returning from child-care leave (the day after it ends)
        (
            MLSP_210,
            {"leaves": ((D(2024, 1, 1), D(2026, 9, 30)),)},
            D(2023, 1, 15),
            D(2027, 4, 30),
            D(2027, 4, 1),
            AFTER_LEAVE,
        ),
        (MLSP_210, {"leaves": ((D(2023, 1, 1), D(2025, 6, 30)),)}, D(2023, 1, 15), D(2027, 4, 30), None, None),
        (MLSP_210, {"leaves": ((D(2026, 3, 1), None),)}, D(2023, 1, 15), D(2027, 4, 30), None, ON_LEAVE),
        (
            MLSP_210,
            {"leaves": ((D(2026, 3, 1), D(2027, 2, 28)),)},
            D(2023, 1, 15),
            D(2027, 4, 30),
            D(2027, 9, 1),
            ON_LEAVE,
        ),
        (MLSP_210, {"leaves": ((D(2027, 3, 1), None),)}, D(2023, 1, 15), D(2027, 4, 30), None, None),  # not begun
        # 29 February: the anniversary in a common year is 28 February
        (DEFAULT, {"hire_date": D(2024, 2, 29)}, D(2027, 2, 28), None, None, None),
    ],
)
def test_the_schedule_a_policy_gives(terms, given, due, valid_until, not_before, wait):
    plan = schedule(terms, facts(**given), DAY)
    assert (plan.periodic_attestation_due, plan.category_valid_until, plan.not_before, plan.wait) == (
        due,
        valid_until,
        not_before,
        wait,
    )
    assert plan.waits_on(DAY) == (wait is not None)


def test_the_shipped_presets(db):
    default = AttestationPolicy.objects.get(is_default=True)
    assert (default.code, default.interval_years, default.min_months_in_post) == ("centre_default", 3, None)
    assert (default.min_months_after_child_care_leave, default.category_validity_years) == (None, None)
    mlsp = AttestationPolicy.objects.get(code="mlsp_210_2023")
    assert mlsp.name_en == "Social workers: MLSP RK order No. 210 of 08.06.2023"
    assert (mlsp.source_date, mlsp.to_be_confirmed) == (D(2023, 6, 8), True)
    assert (
        mlsp.interval_years,
        mlsp.min_months_in_post,
        mlsp.min_months_after_child_care_leave,
        mlsp.category_validity_years,
    ) == (3, 12, 6, 3)
    assert mlsp.stages == ["testing", "interview", "commission"]


@pytest.fixture
def mlsp():
    return AttestationPolicy.objects.get(code="mlsp_210_2023")


# The selector.


@pytest.mark.parametrize("count", [1, 50])
def test_the_schedule_reads_any_number_of_employees_in_five_queries(centre, mlsp, count, django_assert_num_queries):
    PolicyAssignment.objects.create(centre=centre, policy=mlsp)
    people = [social_worker(centre, f"{n:03d}", since=D(2024, 5, 1)) for n in range(count)]
    ChildCareLeave.objects.create(employee=people[0], start_date=D(2025, 1, 1), end_date=D(2026, 9, 30))
    # employees, the policies (the default one and the centres'), last attestations, work periods, child-care leaves
    with django_assert_num_queries(5):
        plans = attestation_schedule([p.pk for p in people], DAY)
    first = plans[people[0].pk]
    assert (first.policy, first.category_valid_until, first.not_before, first.wait) == (
        mlsp,
        D(2027, 4, 30),
        D(2027, 4, 1),
        AFTER_LEAVE,
    )
    assert first.periodic_attestation_due == D(2028, 1, 1)  # hired 01.01.2025 (social_worker's default)


def test_a_post_may_follow_its_own_policy(centre, mlsp):
    psychologist = Position.objects.get(code="psychologist")
    PolicyAssignment.objects.create(centre=centre, position=Position.objects.get(code="social_worker"), policy=mlsp)
    worker = social_worker(centre, "001", since=D(2024, 5, 1))
    other = social_worker(centre, "002", since=D(2024, 5, 1))
    other.periods.update(position=psychologist, category="none")
    plans = attestation_schedule([worker.pk, other.pk], DAY)
    assert plans[worker.pk].policy == mlsp
    assert plans[other.pk].policy.is_default and plans[other.pk].category_valid_until is None


def test_the_last_approved_attestation_restarts_the_count(centre, hr_officer, director, mlsp):
    PolicyAssignment.objects.create(centre=centre, policy=mlsp)
    worker = social_worker(centre, "001", since=D(2024, 5, 1), hire=D(2018, 1, 1))
    session = Session.objects.create(centre=centre, date=D(2025, 3, 10), created_by=hr_officer, state="order_issued")
    session.candidates.create(
        employee=worker,
        source="periodic",
        position=worker.position,
        qualification_level="high",
        category="second",
        meets_requirements=True,
        eligible=False,
        decision="confirm",
    )
    plan = attestation_schedule([worker.pk], DAY)[worker.pk]
    assert (plan.periodic_attestation_due, plan.category_valid_until) == (D(2028, 3, 10), D(2028, 3, 9))


def test_the_card_and_the_dashboard_read_the_same_schedule_from_the_rows_they_have(centre, hr_officer, mlsp):
    PolicyAssignment.objects.create(centre=centre, position=Position.objects.get(code="social_worker"), policy=mlsp)
    confirmed = social_worker(centre, "001", since=D(2024, 5, 1), hire=D(2018, 1, 1))
    on_leave = social_worker(centre, "002", since=D(2026, 6, 1))
    ChildCareLeave.objects.create(employee=on_leave, start_date=D(2026, 7, 1), end_date=D(2026, 9, 30))
    other_post = social_worker(centre, "003", since=D(2024, 5, 1))
    other_post.periods.update(position=Position.objects.get(code="psychologist"), category="none")
    for state, date, decision, removed in (
        ("order_issued", D(2025, 3, 10), "confirm", False),
        ("approved", D(2026, 2, 1), "confirm", True),  # removed: does not count
        ("commission_held", D(2026, 4, 1), "confirm", False),  # not approved yet: does not count
        ("order_issued", D(2027, 1, 5), "assign_next", False),  # after the day asked: does not count
    ):
        session = Session.objects.create(centre=centre, date=date, created_by=hr_officer, state=state)
        session.candidates.create(
            employee=confirmed,
            source="periodic",
            position=confirmed.position,
            qualification_level="high",
            category="second",
            meets_requirements=True,
            eligible=False,
            decision=decision,
            removed=removed,
        )
    people = [confirmed, on_leave, other_post]
    expected = attestation_schedule([p.pk for p in people], DAY)
    rows = eligibility(Employee.objects.filter(pk__in=[p.pk for p in people]), DAY)
    candidacies = list(Candidate.objects.select_related("session"))
    assert eligibility_schedule(rows, DAY) == expected
    assert eligibility_schedule(rows, DAY, candidacies=candidacies) == expected
    for person in people:
        employee = employee_card(hr_officer, person.pk)
        assert (
            employee_schedule(employee, list(employee.candidacies.select_related("session")), DAY)
            == expected[person.pk]
        )
    assert expected[confirmed.pk].periodic_attestation_due == D(2028, 3, 10)


# Proposing candidates.


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import attestation.services
    import staffing.services

    monkeypatch.setattr(attestation.services, "today", lambda: D(2027, 1, 20))
    monkeypatch.setattr(staffing.services, "today", lambda: D(2027, 1, 20))


def test_candidates_respect_the_policy_and_say_why_others_were_left_out(centre, hr_officer, mlsp):
    PolicyAssignment.objects.create(centre=centre, policy=mlsp)
    ready = social_worker(centre, "001", since=D(2025, 11, 1), hire=D(2020, 1, 1))  # eligible, long in the post
    new = social_worker(centre, "002", since=D(2026, 6, 1), hire=D(2020, 1, 1))  # periodic attestation due ...
    WorkPeriodFactory(  # ... but a psychologist until the end of May 2026: in the post since 01.06.2026
        employee=new,
        position=Position.objects.get(code="psychologist"),
        category="none",
        start_date=D(2020, 1, 1),
        end_date=D(2026, 5, 31),
    )
    back = social_worker(centre, "003", since=D(2025, 11, 1), hire=D(2020, 1, 1))
    ChildCareLeave.objects.create(employee=back, start_date=D(2024, 1, 1), end_date=D(2026, 9, 30))
    away = social_worker(centre, "004", since=D(2025, 11, 1), hire=D(2020, 1, 1))
    ChildCareLeave.objects.create(employee=away, start_date=D(2026, 11, 1))
    session = services.session_create(centre=centre, day=DAY, user=hr_officer)
    proposal = services.session_propose_candidates(session=session, user=hr_officer)
    assert [c.employee for c in proposal.created] == [ready]
    texts = "\n".join(proposal.left_out)
    assert "01.06.2027" in texts and "01.04.2027" in texts and len(proposal.left_out) == 3
    assert mlsp.name in texts


def test_a_category_whose_term_ends_is_proposed(centre, hr_officer, mlsp):
    PolicyAssignment.objects.create(centre=centre, policy=mlsp)
    position = Position.objects.get(code="social_worker")
    worker = social_worker(centre, "001", since=D(2023, 6, 1), hire=D(2023, 6, 1))
    worker.periods.update(position=position, category="highest")
    Employee.objects.filter(pk=worker.pk).update(category="highest")
    session = services.session_create(centre=centre, day=D(2026, 5, 31), user=hr_officer)
    [candidate] = services.session_propose_candidates(session=session, user=hr_officer).created
    # the highest category of 01.06.2023 is valid until 31.05.2026; periodic attestation is due on 01.06.2026
    assert candidate.source == "expiry"


# The card, the dashboard and the session page.


def test_the_card_shows_the_dates_and_the_policy(client_of, centre, hr_officer, mlsp):
    PolicyAssignment.objects.create(centre=centre, policy=mlsp)
    worker = social_worker(centre, "001", since=D(2024, 5, 1))
    page = client_of(hr_officer).get(reverse("staffing:employee", args=[worker.pk])).content.decode()
    assert 'data-testid="periodic-due">01.01.2028<' in page
    assert 'data-testid="category-valid-until">30.04.2027<' in page
    assert mlsp.name_kk in page


def test_the_dashboard_lists_who_is_due(client_of, centre, director):
    due = social_worker(centre, "001", since=D(2026, 6, 1), hire=D(2020, 1, 1))
    social_worker(centre, "002", since=D(2026, 6, 1), hire=D(2025, 1, 1))
    page = client_of(director).get(reverse("attestation:dashboard", args=[centre.code])).content.decode()
    section = page.split('data-testid="attestation-due"')[1].split("</table>")[0]
    assert f'data-employee="{due.personnel_number}"' in section and 'data-employee="002"' not in section


# Child-care leave on the card.


def test_hr_records_a_leave_on_the_card_and_experience_does_not_change(client_of, centre, hr_officer):
    worker = social_worker(centre, "001", since=D(2024, 5, 1))
    before = experience_summary(list(worker.periods.all()), DAY)
    client = client_of(hr_officer)
    url = reverse("staffing:leave_add", args=[worker.pk])
    assert client.post(url, {"start_date": "2025-02-01", "end_date": "2025-12-31"}).status_code == 302
    assert list(worker.child_care_leaves.values_list("start_date", "end_date")) == [(D(2025, 2, 1), D(2025, 12, 31))]
    assert experience_summary(list(worker.periods.all()), DAY) == before
    response = client.post(url, {"start_date": "2025-06-01", "end_date": ""}, follow=True)  # overlaps
    assert worker.child_care_leaves.count() == 1 and "lert" in response.content.decode()
    response = client.post(url, {"start_date": "2025-06-01", "end_date": "2025-01-01"}, follow=True)
    assert worker.child_care_leaves.count() == 1
    leave = worker.child_care_leaves.get()
    assert client.post(reverse("staffing:leave_delete", args=[worker.pk, leave.pk])).status_code == 302
    assert not worker.child_care_leaves.exists()


def test_only_the_centres_hr_records_leave(client_of, centre, director, other_hr_officer):
    worker = social_worker(centre, "001", since=D(2024, 5, 1))
    url = reverse("staffing:leave_add", args=[worker.pk])
    data = {"start_date": "2025-02-01", "end_date": "2025-12-31"}
    assert client_of(director).post(url, data).status_code == 403
    assert client_of(other_hr_officer).post(url, data).status_code == 404
    assert not worker.child_care_leaves.exists()


# The admin.


def test_catalogue_editors_manage_policies_in_the_admin(client_of, editor, centre, mlsp):
    client = client_of(editor)
    assert client.get(reverse("admin:attestation_attestationpolicy_changelist")).status_code == 200
    response = client.post(
        reverse("admin:attestation_attestationpolicy_add"),
        {
            "code": "teachers",
            "name_kk": "Педагогтер",
            "interval_years": "5",
            "stages": ["commission", "testing"],
            "assignments-TOTAL_FORMS": "1",
            "assignments-INITIAL_FORMS": "0",
            "assignments-0-centre": str(centre.pk),
            "assignments-0-position": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    policy = AttestationPolicy.objects.get(code="teachers")
    assert policy.stages == ["testing", "commission"]  # in the order of the stages
    assert PolicyAssignment.objects.get(centre=centre).policy == policy


# The migration that replaced the centre's bare interval.


@pytest.mark.django_db(transaction=True)
def test_a_centres_former_interval_becomes_its_policy(reference_data):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("attestation", "0004_policies"), ("staffing", "0009_child_care_leave")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Region, Centre = old.get_model("staffing", "Region"), old.get_model("staffing", "Centre")
    region = Region.objects.first()
    Centre.objects.create(code="five", name_kk="Бес", region=region, attestation_interval_years=5)
    Centre.objects.create(code="three", name_kk="Үш", region=region, attestation_interval_years=3)
    Centre.objects.create(code="unset", name_kk="Бос", region=region)
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assigned = {row.centre.code: row.policy for row in PolicyAssignment.objects.select_related("centre", "policy")}
    assert set(assigned) == {"five"}  # the others follow the default, which is 3 years
    assert (assigned["five"].interval_years, assigned["five"].min_months_in_post) == (5, None)
    assert AttestationPolicy.objects.get(is_default=True).interval_years == 3
