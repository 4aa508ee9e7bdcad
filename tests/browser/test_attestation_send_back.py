"""An attestation in Russian, in a real browser, with a send-back: HR prepares the session (a commission of three,
the meeting, one decision for the periodic candidate, one by hand), the director sends it back with a reason, HR
corrects the votes and records the commission again, the director approves, HR records the order and the card
shows the new category (README, "Attestation": the workflow and its guards)."""

import datetime

import pytest
from playwright.sync_api import expect

from positions.models import EducationField, Position
from tests.browser.test_sign_in import sign_in
from tests.factories import CentreFactory, EducationFactory, EmployeeFactory, UserFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date


@pytest.fixture(autouse=True)
def recorded_later(monkeypatch):
    """The session is dated after today's date; its steps are recorded as if it were 2030."""
    import attestation.services
    import personnel.services
    import staffing.services

    monkeypatch.setattr(attestation.services, "today", lambda: D(2030, 1, 1))
    # The order is a personnel order that applies the category through staffing: the same 2030 for both.
    monkeypatch.setattr(personnel.services, "today", lambda: D(2030, 1, 1))
    monkeypatch.setattr(staffing.services, "today", lambda: D(2030, 1, 1))


def social_worker(centre, number, last_name, *, since, hire):
    position = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre,
        personnel_number=number,
        last_name=last_name,
        position=position,
        qualification_level="high",
        category="second",
        hire_date=hire,
    )
    WorkPeriodFactory(
        employee=employee, position=position, qualification_level="high", category="second", start_date=since
    )
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="social_work"))
    return employee


def sign_out(page):
    page.locator("[data-testid=user-menu]").click()
    page.locator("[data-testid=logout]").click()


def test_a_session_sent_back_corrected_and_approved_again_in_russian(page, live_server, reference_data):
    centre = CentreFactory(code="astana-1")
    UserFactory(username="hr", roles=["hr_officer"], centres=[centre])
    UserFactory(username="director", roles=["centre_director"], centres=[centre])
    social_worker(centre, "00031", "Ізбасарова", since=D(2025, 1, 1), hire=D(2025, 1, 1))  # eligible
    social_worker(centre, "00032", "Жұмабаев", since=D(2026, 6, 1), hire=D(2020, 1, 1))  # periodic, due
    page.context.add_cookies([{"name": "django_language", "value": "ru", "url": live_server.url}])

    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/attestation/sessions/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.fill("[data-testid=new-session] input[name=day]", "10.12.2026")
    page.locator("[data-testid=new-session] button").click()
    for name, role in [("Серикова Алия", "chair"), ("Ахметова Дана", "secretary"), ("Оспанов Ерлан", "member")]:
        page.fill("[data-testid=member-form] input[name=name]", name)
        page.select_option("[data-testid=member-form] select[name=role]", role)
        page.locator("[data-testid=member-form] button").click()
    page.locator("[data-testid=propose]").click()
    expect(page.locator("[data-candidate]")).to_have_count(2)
    page.locator("[data-testid=fix]").click()
    expect(page.locator("[data-testid=state]")).to_have_text("кандидаты утверждены")

    page.fill("[data-testid=meeting-form] input[name=day]", "10.12.2026")
    page.fill("[data-testid=meeting-form] input[name=members_present]", "3")
    page.locator("[data-testid=record-meeting]").click()
    expect(page.locator("[data-testid=meeting]")).to_contain_text("10.12.2026")

    # one decision for the periodic candidates who meet their post
    page.locator("[data-testid=tick-periodic]").click()
    expect(page.locator("[data-candidate='00032'] [data-testid=tick]")).to_be_checked()
    expect(page.locator("[data-candidate='00031'] [data-testid=tick]")).not_to_be_checked()
    page.select_option("[data-testid=bulk-form] select[name=decision]", "confirm")
    page.fill("[data-testid=bulk-form] input[name=votes_for]", "3")
    page.fill("[data-testid=bulk-form] input[name=votes_against]", "0")
    page.fill("[data-testid=bulk-form] input[name=votes_abstained]", "0")
    page.locator("[data-testid=bulk-submit]").click()
    expect(page.locator("[data-candidate='00032']")).to_contain_text("соответствует занимаемой должности (3/0/0)")

    # a vote that does not add up is refused in Russian, then recorded
    page.locator("[data-candidate='00031'] [data-testid=decide]").click()
    page.select_option("select[name=decision]", "assign_next")
    page.fill("input[name=votes_for]", "1")
    page.fill("input[name=votes_against]", "1")
    page.fill("input[name=votes_abstained]", "0")
    page.locator("[data-testid=decision-form] button[type=submit]").click()
    expect(page.locator("[data-testid=decision-form]")).to_contain_text("присутствовало членов комиссии: 3")
    page.fill("input[name=votes_against]", "2")
    page.locator("[data-testid=decision-form] button[type=submit]").click()
    expect(page.locator("[data-testid=decision-form]")).to_contain_text("нужно большинство")
    page.fill("input[name=votes_for]", "2")
    page.fill("input[name=votes_against]", "1")
    page.locator("[data-testid=decision-form] button[type=submit]").click()
    page.locator("[data-testid=hold]").click()
    expect(page.locator("[data-testid=state]")).to_have_text("комиссия проведена")
    expect(page.locator("[data-testid=protocol-number]")).to_have_text("Протокол № 1/2026")
    session_url = page.url
    sign_out(page)

    # the director sends the session back
    sign_in(page, live_server, "director")
    page.goto(session_url)
    page.locator("[data-testid=send-back] summary").click()
    page.select_option("[data-testid=send-back-form] select[name=to_state]", "candidates_fixed")
    page.fill("[data-testid=send-back-form] textarea[name=reason]", "Голоса по Избасаровой записаны неверно")
    page.locator("[data-testid=send-back-submit]").click()
    expect(page.locator("[data-testid=state]")).to_have_text("кандидаты утверждены")
    expect(page.locator("[data-testid=approve]")).to_have_count(0)
    sign_out(page)

    # HR reads why, corrects the votes and records the commission again
    sign_in(page, live_server, "hr")
    page.goto(session_url)
    expect(page.locator("[data-testid=transitions]")).to_contain_text("Голоса по Избасаровой записаны неверно")
    page.locator("[data-candidate='00031'] [data-testid=decide]").click()
    page.fill("input[name=votes_for]", "3")
    page.fill("input[name=votes_against]", "0")
    page.locator("[data-testid=decision-form] button[type=submit]").click()
    expect(page.locator("[data-candidate='00031']")).to_contain_text("(3/0/0)")
    page.locator("[data-testid=hold]").click()
    expect(page.locator("[data-testid=protocol-number]")).to_have_text("Протокол № 1/2026")  # the same number
    sign_out(page)

    # the director approves it this time
    sign_in(page, live_server, "director")
    page.goto(session_url)
    page.fill("[data-testid=approve-form] input[name=day]", "12.12.2026")
    page.locator("[data-testid=approve]").click()
    expect(page.locator("[data-testid=state]")).to_have_text("утверждено директором")
    expect(page.locator("[data-testid=transitions] li")).to_have_count(5)  # fixed, held, sent back, held, approved
    sign_out(page)

    sign_in(page, live_server, "hr")
    page.goto(session_url)
    page.fill("[data-testid=order-form] input[name=number]", "45-Ж")
    page.fill("[data-testid=order-form] input[name=day]", "15.12.2026")
    page.locator("[data-testid=issue-order]").click()
    expect(page.locator("[data-testid=state]")).to_have_text("приказ издан")
    page.locator("[data-candidate='00031'] td a").first.click()
    expect(page.locator("[data-testid=category]")).to_have_text("первая категория")
    expect(page.locator("[data-testid=timeline]")).to_contain_text("15.12.2026")
