"""Layouts that fit the screens people have: a 1366 × 768 laptop for every role in kk, ru and en (no sideways
scroll), a 390 px phone for the employee card and lists (tables scroll in their own boxes, filters fold behind a
button), dates typed as dd.mm.yyyy in a browser set to English, and our own required-field messages."""

import pytest
from playwright.sync_api import expect

from staffing.demo import demo_seed
from staffing.models import Centre, Employee
from tests.browser.test_sign_in import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROLES = {
    "hr": ["hr_officer"],
    "director": ["centre_director"],
    "analyst": ["committee_analyst"],
    "editor": ["catalogue_editor"],
}
WIDTH = "document.documentElement.scrollWidth"


@pytest.fixture
def demo(reference_data):
    """One demo centre (names, periods and education as in `make run`) and a user of each role."""
    demo_seed(centres=1, employees_per_centre=12)
    centre = Centre.objects.get()
    for username, roles in ROLES.items():
        UserFactory(
            username=username,
            roles=roles,
            centres=[centre] if username in ("hr", "director") else [],
            is_staff=username == "editor",
        )
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    return centre


def choose_language(page, live_server, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("username", [*ROLES, "admin"])
def test_every_menu_page_fits_1366_without_sideways_scroll(page, live_server, demo, username, language):
    page.set_viewport_size({"width": 1366, "height": 768})
    choose_language(page, live_server, language)
    sign_in(page, live_server, username)
    assert page.evaluate(WIDTH) <= 1366, "start page"
    links = page.locator("[data-testid=menu] a[data-menu]").evaluate_all("links => links.map(link => link.href)")
    assert links
    for href in links:
        page.goto(href)
        assert page.evaluate(WIDTH) <= 1366, href


def test_the_menu_groups_attestation_pages_under_one_entry(page, live_server, demo):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, live_server, "hr")
    group = page.locator("[data-menu-group=attestation]")
    expect(group).to_have_text("Аттестаттау")
    expect(page.locator("[data-menu='attestation:session_list']")).to_be_hidden()
    group.click()
    page.locator("[data-menu='attestation:session_list']").click()
    expect(page).to_have_url(f"{live_server.url}/attestation/sessions/")
    expect(page.locator("[data-menu-group=attestation]")).to_have_class("nav-link dropdown-toggle active")


def test_the_employee_card_fits_a_phone_and_its_tables_scroll_in_their_boxes(page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "hr")
    employee = Employee.objects.filter(education__isnull=False).order_by("personnel_number").first()
    page.goto(f"{live_server.url}{employee.get_absolute_url()}")
    assert page.evaluate(WIDTH) <= 390
    tables = page.locator("main table")
    assert tables.count() > 0
    for index in range(tables.count()):
        box = tables.nth(index).evaluate("table => table.parentElement.className")
        assert "table-responsive" in box
    buttons = page.locator("main .btn")
    for index in range(buttons.count()):
        if buttons.nth(index).is_visible():
            right = buttons.nth(index).evaluate("button => button.getBoundingClientRect().right")
            assert right <= 390


@pytest.mark.parametrize("path", ["/staff/", "/attestation/eligibility/"])
def test_lists_fold_their_filters_behind_a_button_on_a_phone(page, live_server, demo, path):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}{path}")
    assert page.evaluate(WIDTH) <= 390
    filters = page.locator("[data-testid=filters]")
    expect(filters).to_be_hidden()
    page.get_by_role("button", name="Сүзгілер").click()
    expect(filters).to_be_visible()
    page.set_viewport_size({"width": 1366, "height": 768})
    expect(page.get_by_role("button", name="Сүзгілер")).to_be_hidden()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{path}?position=psychologist")
    expect(page.get_by_role("button", name="Сүзгілер (1)")).to_be_visible()


@pytest.fixture
def browser_context_args(browser_context_args):
    """A browser set to American English: its own date inputs would show mm/dd/yyyy and its bubbles English."""
    return {**browser_context_args, "locale": "en-US"}


def test_dates_are_typed_as_dd_mm_yyyy_whatever_the_browser_language(page, live_server, demo):
    UserFactory(username="reader")
    sign_in(page, live_server, "reader")
    page.goto(f"{live_server.url}/positions/lawyer/")
    field = page.locator("#as-of")
    expect(field).to_have_attribute("type", "text")
    expect(field).to_have_attribute("placeholder", "кк.аа.жжжж")
    field.fill("")
    field.press_sequentially("12072026")
    expect(field).to_have_value("12.07.2026")
    page.locator("[data-testid=as-of-form] button[type=submit]").click()
    expect(page.locator("[data-testid=as-of-date]")).to_contain_text("12.07.2026")
    expect(page.locator("#as-of")).to_have_value("12.07.2026")


def test_required_fields_say_so_in_the_page_language_not_in_a_browser_bubble(page, live_server, demo):
    sign_in(page, live_server, "hr")
    employee = Employee.objects.order_by("personnel_number").first()
    page.goto(f"{live_server.url}/staff/employees/{employee.pk}/education/")
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(f"{live_server.url}/staff/employees/{employee.pk}/education/")
    message = page.locator(".invalid-feedback").first
    expect(message).to_be_visible()
    expect(message).to_have_text("Бұл өрісті толтырыңыз.")
    validity = page.locator("main form").first.evaluate("form => form.noValidate")
    assert validity is True
