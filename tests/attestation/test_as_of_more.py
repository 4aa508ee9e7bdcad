""" "As of D" describes D (docs/records.md, issue 10) through the command, the director's dashboard and the
candidates proposed for a session: who was employed on D, the post, level and category of the work period
covering D, and only the diplomas obtained by D."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from attestation import services as attestation_services
from attestation.models import Candidate
from attestation.reports import centre_dashboard
from config.dates import today
from positions.models import EducationField, Position
from staffing import services as staffing_services
from staffing.identifiers import make_iin
from tests.attestation.test_eligibility import social_worker
from tests.factories import EducationFactory, EmployeeFactory, WorkPeriodFactory
from tests.staffing.test_records import hire

D = datetime.date


def eligibility_json(day):
    out = io.StringIO()
    call_command("eligibility", "--as-of", day.isoformat(), "--format", "json", stdout=out)
    return {record["personnel_number"]: record for record in json.loads(out.getvalue())}


def post(record):
    return (record["position"], record["qualification_level"], record["category"])


# ---- manage.py eligibility --as-of D ------------------------------------------------------------------------


def test_the_command_reports_the_post_of_the_period_covering_the_day(centre):
    """Item 15: a social worker without a category until 28.02.2026 and in the second from 01.03.2026 is reported
    without a category as of 01.06.2025 and in the second as of today; item 21 → item 15: a psychologist until
    31.12.2025 who became a social worker on 01.01.2026 is reported as the psychologist (no level) on 01.06.2025."""
    social_worker(centre, number="001")  # none 01.01.2024 – 28.02.2026, second from 01.03.2026
    psychologist, worker = Position.objects.get(code="psychologist"), Position.objects.get(code="social_worker")
    moved = EmployeeFactory(
        centre=centre, personnel_number="002", position=worker, qualification_level="high", category="none"
    )
    WorkPeriodFactory(
        employee=moved, position=psychologist, category="none", start_date=D(2020, 1, 15), end_date=D(2025, 12, 31)
    )
    WorkPeriodFactory(
        employee=moved, position=worker, qualification_level="high", category="none", start_date=D(2026, 1, 1)
    )

    then = eligibility_json(D(2025, 6, 1))
    assert post(then["001"]) == ("social_worker", "high", "none")
    assert post(then["002"]) == ("psychologist", None, "none")
    now = eligibility_json(today())
    assert post(now["001"]) == ("social_worker", "high", "second")
    assert post(now["002"]) == ("social_worker", "high", "none")
    # The day of the change itself is the new post's; the day before, the old one's.
    assert post(eligibility_json(D(2026, 2, 28))["001"])[2] == "none"
    assert post(eligibility_json(D(2026, 3, 1))["001"])[2] == "second"


def test_the_command_takes_who_was_employed_on_the_day(centre):
    """Hired on 01.01.2026: not in the answer for 01.06.2025. Dismissed on 30.09.2025: in the answer for
    01.06.2025 (in the second category held then) and for its last day, not for today."""
    social_worker(centre, number="001")
    position = Position.objects.get(code="social_worker")
    later = EmployeeFactory(
        centre=centre,
        personnel_number="002",
        position=position,
        qualification_level="high",
        category="none",
        hire_date=D(2026, 1, 1),
    )
    WorkPeriodFactory(
        employee=later, position=position, qualification_level="high", category="none", start_date=D(2026, 1, 1)
    )
    social_worker(centre, number="003", since=D(2025, 1, 1), dismissed=D(2025, 9, 30))

    then = eligibility_json(D(2025, 6, 1))
    assert set(then) == {"001", "003"}
    assert post(then["003"]) == ("social_worker", "high", "second")
    assert set(eligibility_json(D(2025, 9, 30))) == {"001", "003"}  # works on the last day
    assert set(eligibility_json(D(2025, 10, 1))) == {"001"}
    assert set(eligibility_json(D(2026, 1, 1))) == {"001", "002"}  # from the hire date itself
    assert set(eligibility_json(today())) == {"001", "002"}


# ---- the director's dashboard as of D -----------------------------------------------------------------------


@pytest.fixture
def graduate(centre):
    """Item 15: a high-level social worker without a category since 15.01.2020 whose only diploma in a field the
    item accepts (social work) is dated 30.06.2026; an older law diploma (15.06.2015) is not in those fields."""
    position = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre, personnel_number="001", position=position, qualification_level="high", category="none"
    )
    WorkPeriodFactory(
        employee=employee, position=position, qualification_level="high", category="none", start_date=D(2020, 1, 15)
    )
    EducationFactory(
        employee=employee, level="higher", field=EducationField.objects.get(code="law"), graduation_date=D(2015, 6, 15)
    )
    EducationFactory(
        employee=employee,
        level="higher",
        field=EducationField.objects.get(code="social_work"),
        graduation_date=D(2026, 6, 30),
    )
    return employee


@pytest.mark.parametrize(
    ("day", "meets"),
    [(D(2026, 6, 1), False), (D(2026, 6, 29), False), (D(2026, 6, 30), True), (D(2026, 9, 1), True)],
)
def test_the_dashboard_counts_a_diploma_only_from_its_date(graduate, centre, day, meets):
    """Item 15 requires higher education in medicine, pedagogy, psychology or social work: before 30.06.2026 the
    social worker does not meet it (and is not eligible for the second category); from that day they do."""
    dashboard = centre_dashboard(centre, day)
    assert dashboard.totals.staff == 1
    assert dashboard.totals.not_meeting == (0 if meets else 1)
    assert [row.employee.pk for row in dashboard.not_meeting] == ([] if meets else [graduate.pk])
    assert [row.employee.pk for row in dashboard.eligible_now] == ([graduate.pk] if meets else [])


def test_the_dashboard_page_as_of_a_day_before_the_diploma(client_of, director, graduate):
    client = client_of(director)
    url = reverse("attestation:dashboard", args=["astana-1"])
    before = client.get(url, {"on": "2026-06-01"})
    assert before.context["report"].totals.not_meeting == 1
    assert 'data-testid="count-not-meeting">1<' in before.content.decode()
    after = client.get(url, {"on": "2026-07-01"})
    assert after.context["report"].totals.not_meeting == 0
    assert 'data-testid="count-not-meeting">0<' in after.content.decode()


# ---- candidates proposed for a session date -----------------------------------------------------------------

TODAY = D(2026, 12, 1)
SESSION_DAY = D(2027, 3, 1)


@pytest.fixture
def on_01_12_2026(monkeypatch):
    """Records are made on 01.12.2026 (dismissals and post changes dated after it are scheduled), whatever the
    clock says; the session is on 01.03.2027."""
    monkeypatch.setattr(staffing_services, "today", lambda: TODAY)
    monkeypatch.setattr(attestation_services, "today", lambda: TODAY)


def _iins():
    serial = 0
    while True:
        iin = make_iin(D(1990, 5, 17), "F", serial)
        serial += 1
        if iin:
            yield iin


@pytest.fixture
def people(centre, on_01_12_2026):
    """Hired through the staffing services, each with a diploma item 15 accepts."""
    iins = _iins()

    def person(number, *, hire_date, position="social_worker", level="high", category="none"):
        employee = hire(
            centre,
            position=position,
            level=level,
            category=category,
            iin=next(iins),
            personnel_number=number,
            hire_date=hire_date,
        )
        EducationFactory(
            employee=employee,
            level="higher",
            field=EducationField.objects.get(code="social_work"),
            graduation_date=D(2012, 6, 30),
        )
        return employee

    return person


def propose(centre, hr_officer, day=SESSION_DAY):
    session = attestation_services.session_create(centre=centre, day=day, user=hr_officer)
    proposal = attestation_services.session_propose_candidates(session=session, user=hr_officer)
    return {candidate.employee.personnel_number: candidate for candidate in proposal.created}


def test_someone_leaving_before_the_session_date_is_not_proposed(centre, hr_officer, people):
    """Periodic attestation (every 3 years, the default policy) is due for all three, hired on 15.01.2020: the one
    whose dismissal is dated 15.02.2027 is gone on the session date (01.03.2027); the one whose last day is
    01.03.2027 still works then."""
    stays = people("001", hire_date=D(2020, 1, 15))
    leaves = people("002", hire_date=D(2020, 1, 15))
    last_day = people("003", hire_date=D(2020, 1, 15))
    staffing_services.employee_dismiss(employee=leaves, dismissal_date=D(2027, 2, 15))
    staffing_services.employee_dismiss(employee=last_day, dismissal_date=SESSION_DAY)
    leaves.refresh_from_db()
    assert leaves.dismissal_date == D(2027, 2, 15) and leaves.periods.get().end_date == D(2027, 2, 15)

    proposed = propose(centre, hr_officer)
    assert set(proposed) == {"001", "003"}
    assert proposed["001"].employee == stays


def test_someone_hired_after_the_session_date_is_not_proposed(centre, hr_officer, people):
    """Item 15: hired on 02.03.2027 after nine years as a social worker elsewhere, eligible for the second category
    from the hire date on — but not yet employed on the session date (01.03.2027)."""
    late = people("001", hire_date=D(2027, 3, 2))
    staffing_services.work_period_add(
        employee=late,
        organisation="Басқа орталық",
        sector="social_protection",
        position=Position.objects.get(code="social_worker"),
        qualification_level="high",
        category="none",
        managerial=False,
        profile_experience=True,
        start_date=D(2017, 9, 1),
        end_date=D(2026, 10, 31),
    )
    assert propose(centre, hr_officer) == {}
    proposed = propose(centre, hr_officer, day=D(2027, 3, 2))
    assert set(proposed) == {"001"}
    assert proposed["001"].source == Candidate.Source.ELIGIBLE and proposed["001"].next_category == "second"


def test_a_post_changed_before_the_session_date_is_judged_by_the_post_of_that_date(centre, hr_officer, people):
    """Both hired on 01.06.2024 (periodic attestation not due until 01.06.2027). Item 15: a social worker without a
    category is eligible for the second after a year in the post; item 39 (lawyer) has no ladder.

    - "001", a social worker today, becomes a lawyer on 01.01.2027: on the session date (01.03.2027) a lawyer, with
      no next category, so not proposed;
    - "002", a social worker 01.06.2024 – 30.06.2025 and a lawyer today, is a social worker again from 01.01.2027:
      on the session date eligible for the second category in that post, and proposed as such."""
    lawyer, worker = Position.objects.get(code="lawyer"), Position.objects.get(code="social_worker")
    leaves_the_ladder = people("001", hire_date=D(2024, 6, 1))
    staffing_services.employee_change_assignment(
        employee=leaves_the_ladder, position=lawyer, qualification_level="", category="none", start_date=D(2027, 1, 1)
    )
    back_on_it = people("002", hire_date=D(2024, 6, 1))
    staffing_services.employee_change_assignment(
        employee=back_on_it, position=lawyer, qualification_level="", category="none", start_date=D(2025, 7, 1)
    )
    staffing_services.employee_change_assignment(
        employee=back_on_it, position=worker, qualification_level="high", category="none", start_date=D(2027, 1, 1)
    )
    leaves_the_ladder.refresh_from_db()
    back_on_it.refresh_from_db()
    # Today (01.12.2026) each still holds the post of today: the changes are scheduled.
    assert (leaves_the_ladder.position, back_on_it.position) == (worker, lawyer)

    proposed = propose(centre, hr_officer)
    assert set(proposed) == {"002"}
    candidate = proposed["002"]
    assert (candidate.position, candidate.qualification_level, candidate.category) == (worker, "high", "none")
    assert candidate.source == Candidate.Source.ELIGIBLE
    assert (candidate.eligible, candidate.next_category) == (True, "second")
