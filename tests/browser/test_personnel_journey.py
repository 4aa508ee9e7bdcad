"""An HR officer's week in a real browser (headless Chromium), in Kazakh: hire by order, record the employment
contract, see its ЕСУТД registration fall due in the HR calendar, enter the registration date, and the item
leaves the calendar."""

import datetime

import pytest
from playwright.sync_api import expect

from config.dates import today
from positions.models import Position
from staffing.identifiers import make_iin
from tests.browser.test_sign_in import sign_in
from tests.factories import CentreFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def fill_date(page, selector: str, day: datetime.date) -> None:
    """Date fields are native date inputs or dd.mm.yyyy text inputs: type the date the way the field takes it."""
    field = page.locator(selector)
    if field.get_attribute("type") == "date":
        field.fill(day.isoformat())
    else:
        field.fill(day.strftime("%d.%m.%Y"))


def test_hire_by_order_then_contract_then_registration(page, live_server, reference_data):
    centre = CentreFactory(code="astana-7", name_kk="Астана қаласының №7 орталығы")
    UserFactory(username="hr", roles=["hr_officer"], centres=[centre])
    hired = today() - datetime.timedelta(days=1)
    iin = next(iin for serial in range(100) if (iin := make_iin(datetime.date(1991, 3, 8), "F", serial)))

    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/personnel/centres/{centre.code}/hire/")
    page.fill("#id_personnel_number", "00123")
    page.fill("#id_iin", iin)
    page.fill("#id_last_name", "Сейітқызы")
    page.fill("#id_first_name", "Ақмарал")
    fill_date(page, "#id_birth_date", datetime.date(1991, 3, 8))
    page.select_option("#id_sex", "F")
    fill_date(page, "#id_hire_date", hired)
    page.select_option("#id_position", str(Position.objects.get(code="psychologist").pk))
    page.select_option("#id_category", "none")
    fill_date(page, "#id_order_date", hired)
    page.fill("#id_basis", "Қызметкердің өтініші")
    page.locator("[data-testid=personnel-form] button[type=submit]").click()
    expect(page.locator("[data-testid=employee-name]")).to_contain_text("Сейітқызы")
    expect(page.locator("[data-testid=employee-orders]")).to_contain_text("1-ж/қ")

    page.locator("[data-testid=contracts] a", has_text="Жаңа шарт").click()
    page.fill("#id_number", "ЕШ-45")
    fill_date(page, "#id_signed_on", hired)
    fill_date(page, "#id_start_date", hired)
    page.locator("[data-testid=personnel-form] button[type=submit]").click()
    expect(page.locator("[data-contract='ЕШ-45'] [data-testid=not-registered]")).to_be_visible()

    page.goto(f"{live_server.url}/")
    expect(page.locator("[data-testid=deadlines] [data-kind=contract_registration]")).to_contain_text("00123")
    page.goto(f"{live_server.url}/personnel/calendar/")
    expect(page.locator("[data-testid=deadlines] [data-kind=contract_registration]")).to_contain_text("ЕСУТД")

    page.goto(f"{live_server.url}/staff/")
    page.locator("a", has_text="Сейітқызы").first.click()
    page.locator("[data-contract='ЕШ-45'] a", has_text="Түзету").click()
    fill_date(page, "#id_registered_on", today())
    page.locator("[data-testid=personnel-form] button[type=submit]").click()
    expect(page.locator("[data-contract='ЕШ-45'] [data-testid=registered]")).to_have_text(today().strftime("%d.%m.%Y"))

    page.goto(f"{live_server.url}/personnel/calendar/")
    expect(page.locator("[data-testid=deadlines] [data-kind=contract_registration]")).to_have_count(0)
