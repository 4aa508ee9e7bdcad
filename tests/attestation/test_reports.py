"""The director's dashboard, the analysts' area report, their XLSX exports and the start page's attention list."""

import datetime
import io
import json
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from accounts.roles import roles_of
from attestation.models import Candidate, Session
from attestation.reports import area_report, centre_dashboard
from positions.models import Position
from staffing.access import linked_centre_ids
from tests.attestation.test_eligibility import social_worker
from tests.factories import CentreFactory, EmployeeFactory, UserFactory, WorkPeriodFactory


@pytest.fixture(autouse=True)
def in_english(client):
    """Assertions read English texts (the kk and ru catalogues are filled separately)."""
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        yield


D = datetime.date
DAY = D(2027, 3, 1)
SESSION_DAY = D(2027, 2, 1)


def session(centre, user, state, *, day=SESSION_DAY, candidates=()):
    """A session in `state` with candidates given as (employee, decision, override reason)."""
    item = Session.objects.create(centre=centre, date=day, state=state, created_by=user)
    for employee, decision, reason in candidates:
        Candidate.objects.create(
            session=item,
            employee=employee,
            source=Candidate.Source.ELIGIBLE,
            position=employee.position,
            qualification_level=employee.qualification_level,
            category=employee.category,
            meets_requirements=True,
            next_category="first",
            eligible=True,
            decision=decision,
            override_reason=reason,
        )
    return item


@pytest.fixture
def staff(centre, other_centre):
    """On 01.03.2027 in astana-1: 001 and 004 eligible (004 already a candidate), 002 not meeting its post,
    003 eligible on 01.05.2027, 005 dismissed; in almaty-1: 101 eligible, 102 not meeting."""
    people = {
        "001": social_worker(centre, number="001"),
        "002": social_worker(centre, number="002", field="law"),
        "003": social_worker(centre, number="003", since=D(2026, 5, 1)),
        "004": social_worker(centre, number="004"),
        "005": social_worker(centre, number="005", dismissed=D(2026, 6, 30)),
        "101": social_worker(other_centre, number="101"),
        "102": social_worker(other_centre, number="102", field="law"),
    }
    return people


def command_counts(day):
    out = io.StringIO()
    call_command("eligibility", "--as-of", day.isoformat(), "--format", "json", stdout=out)
    counts = {}
    for record in json.loads(out.getvalue()):
        line = counts.setdefault(record["centre"], Counter())
        line["staff"] += 1
        line["not_meeting"] += record["meets_requirements"] is False
        line["eligible"] += record["eligible"] is True
    return counts


# The numbers.


@pytest.mark.parametrize("day", [D(2026, 11, 25), DAY, D(2027, 5, 1)])
def test_report_numbers_agree_with_the_eligibility_command(staff, centre, analyst, day):
    expected = command_counts(day)
    report = area_report(analyst, day)
    got = {
        line.centre.code: Counter(
            staff=line.totals.staff, not_meeting=line.totals.not_meeting, eligible=line.totals.eligible_now
        )
        for line in report.centres
    }
    assert {code: +counts for code, counts in got.items()} == {code: +counts for code, counts in expected.items()}
    totals = centre_dashboard(centre, day).totals
    assert (totals.staff, totals.not_meeting, totals.eligible_now) == (
        expected["astana-1"]["staff"],
        expected["astana-1"]["not_meeting"],
        expected["astana-1"]["eligible"],
    )
    assert report.national.staff == sum(counts["staff"] for counts in expected.values())
    assert report.national.not_meeting == sum(counts["not_meeting"] for counts in expected.values())


def test_the_dashboard_lists_who_needs_attention(staff, centre, hr_officer):
    session(centre, hr_officer, Session.State.CANDIDATES_FIXED, candidates=[(staff["004"], "", "")])
    # Ordered in the last year: an override; a removed candidacy or a finished session does not hold 001 back
    # (an approved session without its order would: the file stays open until the order).
    approved = session(
        centre,
        hr_officer,
        Session.State.ORDER_ISSUED,
        day=D(2026, 9, 1),
        candidates=[
            (staff["001"], Candidate.Decision.CONFIRM, ""),
            (staff["002"], Candidate.Decision.ASSIGN_NEXT, "Өтілі басқа ұйымда расталған"),
        ],
    )
    session(
        centre,
        hr_officer,
        Session.State.ORDER_ISSUED,
        day=D(2025, 12, 1),
        candidates=[
            (staff["003"], Candidate.Decision.POSTPONE, ""),  # more than 365 days before 01.03.2027
        ],
    )
    removed = session(centre, hr_officer, Session.State.DRAFT, candidates=[(staff["001"], "", "")])
    removed.candidates.update(removed=True)
    awaiting = session(centre, hr_officer, Session.State.COMMISSION_HELD, candidates=[(staff["003"], "", "")])

    report = centre_dashboard(centre, DAY)

    assert [row.employee.personnel_number for row in report.not_meeting] == ["002"]
    assert [row.employee.personnel_number for row in report.eligible_now] == ["001"]
    assert [row.employee.personnel_number for row in report.eligible_soon] == []  # 003 is a candidate
    assert (report.totals.eligible_now, report.totals.eligible_soon, report.totals.not_candidates) == (2, 1, 1)
    assert report.awaiting_approval == [awaiting] and report.awaiting_approval[0].candidate_count == 1
    assert {line["decision"]: line["count"] for line in report.outcomes} == {
        "assign_next": 1,
        "confirm": 1,
        "not_meet": 0,
        "postpone": 0,
    }
    assert [(c.employee.personnel_number, c.session) for c in report.overrides] == [("002", approved)]
    assert [
        (line["position_code"], line["qualification_level"], line["category"], line["count"])
        for line in report.headcount
    ] == [("social_worker", "high", "second", 4)]
    assert report.chart["datasets"] == [{"code": "second", "label": "second category", "data": [4]}]


def test_the_dashboard_page_shows_the_lists_chart_and_table(client_of, staff, centre, director, hr_officer):
    session(
        centre,
        hr_officer,
        Session.State.APPROVED,
        day=D(2026, 9, 1),
        candidates=[
            (staff["002"], Candidate.Decision.ASSIGN_NEXT, "Өтілі басқа ұйымда расталған"),
        ],
    )
    response = client_of(director).get(reverse("attestation:dashboard", args=["astana-1"]), {"on": "2027-03-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "vendor/chartjs/chart.umd.min.js" in html and 'id="staff-chart-data"' in html
    # No CDN: every script and stylesheet is served from our own static files (centres may be offline).
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', html)
    assert 'data-testid="headcount-total">4<' in html
    assert 'data-testid="count-not-meeting">1<' in html and 'data-testid="count-eligible">2<' in html
    assert "Өтілі басқа ұйымда расталған" in html
    assert "01.03.2027" in html and "01.05.2027" in html  # eligible from, dd.mm.yyyy
    assert 'data-testid="filters"' in html and "d-print-none" in html


def test_eligible_soon_lists_who_becomes_eligible_within_90_days(staff, centre):
    report = centre_dashboard(centre, DAY)
    assert [(row.employee.personnel_number, row.verdict.eligible_from) for row in report.eligible_soon] == [
        ("003", D(2027, 5, 1))
    ]
    # 01.05.2027 is 90 days after 31.01.2027 and 91 days after 30.01.2027
    assert [row.employee.personnel_number for row in centre_dashboard(centre, D(2027, 1, 31)).eligible_soon] == [
        "001",
        "004",
        "003",
    ]
    assert [row.employee.personnel_number for row in centre_dashboard(centre, D(2027, 1, 30)).eligible_soon] == [
        "001",
        "004",
    ]


# Fixed numbers of queries.


@pytest.mark.parametrize("count", [1, 30])
def test_the_dashboard_reads_any_staff_in_the_same_number_of_queries(
    client_of, centre, director, hr_officer, count, django_assert_num_queries
):
    for number in range(count):
        employee = social_worker(centre, number=f"{number:03d}")
    session(centre, hr_officer, Session.State.COMMISSION_HELD, candidates=[(employee, "", "")])
    session(centre, hr_officer, Session.State.APPROVED, candidates=[(employee, Candidate.Decision.CONFIRM, "x")])
    client = client_of(director)
    url = reverse("attestation:dashboard", args=["astana-1"])
    # the signed-in session (1), the user (1), their roles with their centres (1), the centre within the user's
    # scope (1); catalogue lookups shared by the facts and the reasons (2: positions, education fields);
    # eligibility (4: requirements in force, employees, education, work periods); candidates of open sessions,
    # recent outcomes and last attestations (1); sessions awaiting approval with their candidate counts (1); the
    # attestation schedule from the rows already read (2: the policies, child-care leaves)
    with django_assert_num_queries(14):
        response = client.get(url, {"on": "2027-03-01"})
    assert response.status_code == 200
    assert f'data-testid="count-total">{count}<' in response.content.decode()


@pytest.mark.parametrize("centres", [1, 6])
def test_the_area_report_reads_any_number_of_centres_in_the_same_number_of_queries(
    analyst, centres, django_assert_num_queries
):
    for index in range(centres):
        centre = CentreFactory(code=f"c-{index}")
        for number in range(index + 1):
            employee = social_worker(centre, number=f"{number:03d}")
        session(centre, analyst, Session.State.COMMISSION_HELD, candidates=[(employee, "", "")])
        session(centre, analyst, Session.State.APPROVED, candidates=[(employee, Candidate.Decision.CONFIRM, "x")])
    roles_of(analyst)  # read once per request in the views
    # regions (1), centres with their region (1), eligibility (7), candidates of open sessions (1), sessions
    # awaiting approval per centre (1), decision counts (1), overrides (1)
    with django_assert_num_queries(13):
        report = area_report(analyst, DAY)
    assert report.national.centres == centres and report.national.awaiting_approval == centres
    assert len(report.overrides) == centres


# Who may read what.


def test_users_of_another_centre_get_404(client_of, staff, other_centre):
    for role in ("hr_officer", "centre_director"):
        user = UserFactory(username=f"other-{role}", roles=[role], centres=[other_centre])
        client = client_of(user)
        assert client.get(reverse("attestation:dashboard", args=["astana-1"])).status_code == 404
        assert client.get(reverse("attestation:dashboard_export", args=["astana-1"])).status_code == 404
        assert client.get(reverse("attestation:dashboard", args=["almaty-1"])).status_code == 200


def test_the_dashboard_is_for_hr_directors_and_analysts_only(client_of, centre, hr_officer, director, analyst, editor):
    url = reverse("attestation:dashboard", args=["astana-1"])
    for user in (hr_officer, director, analyst):
        assert client_of(user).get(url).status_code == 200
    assert client_of(editor).get(url).status_code == 403
    assert client_of(editor).get(reverse("attestation:dashboard_export", args=["astana-1"])).status_code == 403
    assert client_of(analyst).get(reverse("attestation:dashboard", args=["nowhere"])).status_code == 404


def test_the_area_report_is_for_analysts_only(client_of, staff, hr_officer, director, analyst, editor):
    for user in (hr_officer, director, editor):
        assert client_of(user).get(reverse("attestation:area")).status_code == 403
        assert client_of(user).get(reverse("attestation:area_export")).status_code == 403
    response = client_of(analyst).get(reverse("attestation:area"), {"on": "2027-03-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-centre="astana-1"' in html and 'data-centre="almaty-1"' in html
    assert 'data-region="astana"' in html and 'data-region="almaty"' in html
    assert "vendor/chartjs/chart.umd.min.js" in html


def test_the_area_report_filters_by_region_and_sorts_by_share(client_of, staff, analyst):
    client = client_of(analyst)
    html = client.get(reverse("attestation:area"), {"on": "2027-03-01", "region": "almaty"}).content.decode()
    assert 'data-centre="almaty-1"' in html and 'data-centre="astana-1"' not in html
    assert client.get(reverse("attestation:area"), {"region": "atlantis"}).status_code == 404
    report = area_report(analyst, DAY)
    shares = {line.centre.code: line.totals.share_not_meeting for line in report.centres}
    assert shares == {"astana-1": 25.0, "almaty-1": 50.0}
    html = client.get(reverse("attestation:area"), {"on": "2027-03-01", "sort": "share"}).content.decode()
    assert html.index('data-centre="almaty-1"') < html.index('data-centre="astana-1"')


# Exports: what is on screen, with the filters applied.


def sheets(response):
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


def test_the_dashboard_export_holds_the_lists_on_screen(client_of, staff, centre, director, hr_officer):
    session(centre, hr_officer, Session.State.CANDIDATES_FIXED, candidates=[(staff["004"], "", "")])
    book = sheets(
        client_of(director).get(reverse("attestation:dashboard_export", args=["astana-1"]), {"on": "2027-03-01"})
    )
    assert book["Summary"][1][:2] == ["As of", datetime.datetime(2027, 3, 1)]
    assert [row[0] for row in book["Not meeting"][1:]] == ["002"]
    assert [row[0] for row in book["Eligible now"][1:]] == ["001"]
    assert [(row[0], row[6]) for row in book["Eligible within 90 days"][1:]] == [("003", datetime.datetime(2027, 5, 1))]
    assert book["Staff"][-1] == ["Total", None, None, 4]
    # another day, another content
    book = sheets(
        client_of(director).get(reverse("attestation:dashboard_export", args=["astana-1"]), {"on": "2026-11-25"})
    )
    assert book["Eligible now"][1:] == []


def test_the_area_export_holds_the_filtered_centres(client_of, staff, analyst, other_centre):
    client = client_of(analyst)
    book = sheets(client.get(reverse("attestation:area_export"), {"on": "2027-03-01", "region": "almaty"}))
    assert [row[:8] for row in book["Centres"][1:]] == [
        ["almaty-1", other_centre.name, "город Алматы", 2, 1, 1, 0, 50.0]
    ]
    assert [row[0] for row in book["Regions"][1:]] == ["город Алматы", "Total"]
    book = sheets(client.get(reverse("attestation:area_export"), {"on": "2027-03-01", "sort": "share"}))
    assert [row[0] for row in book["Centres"][1:]] == ["almaty-1", "astana-1"]
    assert book["Regions"][-1][:5] == ["Total", 2, 6, 2, 33.3]


# The start page.


def test_the_start_page_shows_a_director_the_sessions_awaiting_approval(client_of, centre, director, hr_officer):
    employee = social_worker(centre, number="001")
    session(centre, hr_officer, Session.State.COMMISSION_HELD, candidates=[(employee, "", "")])
    session(centre, hr_officer, Session.State.DRAFT)
    html = client_of(director).get(reverse("home")).content.decode()
    assert 'data-testid="attention"' in html
    assert reverse("attestation:dashboard", args=["astana-1"]) in html
    assert "Sessions awaiting your approval" in html


def test_the_start_page_shows_an_hr_officer_whom_to_propose(
    client_of, staff, centre, hr_officer, monkeypatch, django_assert_num_queries
):
    import attestation.attention

    monkeypatch.setattr(attestation.attention, "today", lambda: DAY)
    session(centre, hr_officer, Session.State.CANDIDATES_FIXED, candidates=[(staff["004"], "", "")])
    roles_of(hr_officer), linked_centre_ids(hr_officer)  # read once per request, with the session
    # eligibility over the officer's centres (7), candidates of open sessions (1)
    with django_assert_num_queries(8):
        items = attestation.attention.attention_items(hr_officer)
    eligibility_url = reverse("attestation:eligibility")
    assert [(item["url"], item["count"]) for item in items] == [
        (f"{eligibility_url}?centre=astana-1&status=eligible", 1),  # 001; 004 is already a candidate
        (f"{eligibility_url}?centre=astana-1&status=not_meeting", 1),  # 002
    ]
    html = client_of(hr_officer).get(reverse("home")).content.decode()
    assert f"{eligibility_url}?centre=astana-1&amp;status=eligible" in html


def test_the_start_page_asks_the_engine_once_for_its_sections(client_of, staff, hr_officer):
    """What needs attention and the calendar's `eligible` items want the same verdicts: the engine runs once (it
    is the one reader of diplomas on the page)."""
    client = client_of(hr_officer)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(reverse("home")).content.decode()
    assert 'data-testid="attention"' in html and 'data-testid="deadlines"' in html
    assert len([query for query in captured if 'FROM "staffing_education"' in query["sql"]]) == 1


def test_the_start_page_shows_an_analyst_the_national_count(client_of, centre, hr_officer, analyst, director):
    session(centre, hr_officer, Session.State.COMMISSION_HELD)
    from attestation.attention import attention_items

    [item] = attention_items(analyst)
    assert item["count"] == 1 and item["url"].startswith(reverse("attestation:area"))
    assert attention_items(UserFactory(username="nobody")) == []


def test_a_blank_category_is_missing_only_where_the_post_has_a_ladder(staff, centre):
    """Item 15's social worker has a ladder, so a blank category there is "not recorded"; the order gives the lawyer
    no categories (item 39), so a blank one is as it should be."""
    EmployeeFactory(centre=centre, personnel_number="050", position=Position.objects.get(code="lawyer"), category="")
    worker = EmployeeFactory(
        centre=centre, personnel_number="051", position=Position.objects.get(code="social_worker"), category=""
    )
    WorkPeriodFactory(employee=worker, position=worker.position, qualification_level="high", category="")
    with translation.override("en"):
        report = centre_dashboard(centre, DAY)
        lines = {(line["position_code"], line["category"]): line["category_label"] for line in report.headcount}
        datasets = {dataset["code"]: dataset["label"] for dataset in report.chart["datasets"]}
    assert lines[("lawyer", "")] == "no categories for this post"
    assert lines[("social_worker", "")] == "not recorded"
    assert datasets == {
        "second": "second category",
        "no_ladder": "no categories for this post",
        "unknown": "not recorded",
    }


def test_a_position_title_is_used_in_the_chart(staff, centre):
    report = centre_dashboard(centre, DAY)
    assert report.chart["labels"] == [Position.objects.get(code="social_worker").title]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_reports_render_and_export_in_kazakh_and_russian(client_of, staff, analyst, language):
    client = client_of(analyst)
    client.cookies["django_language"] = language
    for name, args in (
        ("dashboard", ["astana-1"]),
        ("dashboard_export", ["astana-1"]),
        ("area", []),
        ("area_export", []),
    ):
        response = client.get(reverse(f"attestation:{name}", args=args), {"on": "2027-03-01"})
        assert response.status_code == 200, name
    html = client.get(reverse("attestation:area")).content.decode()
    assert f'lang="{language}"' in html


def test_the_dashboard_lists_who_is_due_by_date_then_in_kazakh_order(centre):
    """Two people due on the same day: Ә comes after А and long before Я in the Kazakh alphabet (a sort by the
    letters' code points put Ә after Я)."""
    position = Position.objects.get(code="psychologist")
    for number, last_name in (("001", "Ярова"), ("002", "Әбенова"), ("003", "Арынова")):
        employee = EmployeeFactory(
            centre=centre,
            personnel_number=number,
            last_name=last_name,
            position=position,
            hire_date=DAY.replace(year=2015),
        )
        WorkPeriodFactory(employee=employee, position=position, category="none", start_date=employee.hire_date)
    names = [employee.last_name for employee, _plan in centre_dashboard(centre, DAY).attestation_due]
    assert names == ["Арынова", "Әбенова", "Ярова"]
