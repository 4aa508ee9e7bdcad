"""The attestation journey (README, "Attestation") in a real browser: HR creates a session and takes the proposed candidates, records the
decision, the director approves, HR records the order, and the card shows the new category."""

import datetime

import pytest
from playwright.sync_api import expect

from positions.models import EducationField, Position
from tests.browser.test_sign_in import sign_in
from tests.factories import CentreFactory, EducationFactory, EmployeeFactory, UserFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date


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


def test_session_from_candidates_to_order(page, live_server, reference_data):
    centre = CentreFactory(code="astana-1")
    UserFactory(username="hr", roles=["hr_officer"], centres=[centre])
    UserFactory(username="director", roles=["centre_director"], centres=[centre])
    position = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre,
        personnel_number="00031",
        last_name="Ізбасарова",
        position=position,
        qualification_level="high",
        category="second",
        hire_date=D(2025, 1, 1),
    )
    WorkPeriodFactory(
        employee=employee, position=position, qualification_level="high", category="second", start_date=D(2025, 1, 1)
    )
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="social_work"))

    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/attestation/sessions/")
    page.fill("input[name=day]", "2026-12-10")
    page.locator("[data-testid=new-session] button").click()
    page.fill("[data-testid=member-form] input[name=name]", "Серікова Әлия")
    page.select_option("[data-testid=member-form] select[name=role]", "chair")
    page.locator("[data-testid=member-form] button").click()
    page.locator("[data-testid=propose]").click()
    expect(page.locator("[data-candidate='00031']")).to_be_visible()
    page.locator("[data-testid=fix]").click()
    page.fill("[data-testid=meeting-form] input[name=day]", "2026-12-10")
    page.fill("[data-testid=meeting-form] input[name=members_present]", "1")
    page.locator("[data-testid=record-meeting]").click()
    page.locator("[data-candidate='00031'] [data-testid=decide]").click()
    expect(page.locator("[data-testid=frozen-verdict]")).to_contain_text("15-тармақ")
    page.select_option("select[name=decision]", "assign_next")
    page.fill("input[name=votes_for]", "1")
    page.fill("input[name=votes_against]", "0")
    page.fill("input[name=votes_abstained]", "0")
    page.check("input[name=has_diploma]")
    page.locator("[data-testid=decision-form] button[type=submit]").click()
    page.locator("[data-testid=hold]").click()
    expect(page.locator("[data-testid=state]")).to_have_text("комиссия өтті")
    session_url = page.url
    page.locator("[data-testid=user-menu]").click()
    page.locator("[data-testid=logout]").click()

    sign_in(page, live_server, "director")
    page.goto(session_url)
    page.fill("[data-testid=approve-form] input[name=day]", "2026-12-12")
    page.locator("[data-testid=approve]").click()
    expect(page.locator("[data-testid=approve]")).to_have_count(0)
    page.locator("[data-testid=user-menu]").click()
    page.locator("[data-testid=logout]").click()

    sign_in(page, live_server, "hr")
    page.goto(session_url)
    page.fill("[data-testid=order-form] input[name=number]", "45-Ж")
    page.fill("[data-testid=order-form] input[name=day]", "2026-12-15")
    page.locator("[data-testid=issue-order]").click()
    page.locator("[data-candidate='00031'] a").first.click()
    expect(page.locator("[data-testid=category]")).to_have_text("бірінші санат")
    expect(page.locator("[data-testid=timeline]")).to_contain_text("15.12.2026")
