"""The main journeys of HR officers and directors in a real browser (headless Chromium), in Kazakh."""

import datetime
import re

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from positions.models import EducationField, Position
from tests.browser.test_sign_in import sign_in
from tests.factories import CentreFactory, EducationFactory, EmployeeFactory, UserFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date


def test_catalogue_as_of_control_and_comparison(page, live_server, reference_data):
    UserFactory(username="reader")
    sign_in(page, live_server, "reader")
    page.goto(f"{live_server.url}/positions/lawyer/")
    page.fill("#as-of", "2026-07-11")
    page.locator("[data-testid=as-of-form] button[type=submit]").click()
    expect(page.locator("[data-testid=as-of-date]")).to_contain_text("11.07.2026")
    expect(page.locator("[data-clause='38.6'] [data-testid=unknown-wording]")).to_be_visible()
    page.fill("#as-of", "2026-07-12")
    page.locator("[data-testid=as-of-form] button[type=submit]").click()
    expect(page.locator("[data-clause='38.6']")).to_contain_text("еңбек, азаматтық, әкімшілік")
    expect(page.locator("[data-clause='38.6'] [data-testid=amendment-marker]")).to_contain_text("188-НҚ")
    page.locator("[data-testid=compare-link]").click()
    expect(page.locator("[data-testid=changed]")).to_have_count(1)
    expect(page.locator("[data-testid=changed] td").first).to_have_text("38.6")
    expect(page.locator("[data-testid=changed] ins")).to_contain_text("еңбек, азаматтық")


def build_workbook(path, personnel_number="00077"):
    workbook = Workbook()
    employees = workbook.active
    employees.title = "employees"
    employees.append(
        [
            "personnel_number",
            "iin",
            "last_name",
            "first_name",
            "middle_name",
            "birth_date",
            "sex",
            "unit",
            "hire_date",
            "dismissal_date",
        ]
    )
    from staffing.identifiers import make_iin

    iin = next(iin for serial in range(100) if (iin := make_iin(D(1988, 4, 2), "F", serial)))
    employees.append(
        [personnel_number, iin, "Жұмабаева", "Әсел", "Қайратқызы", "02.04.1988", "F", "Әкімшілік", "2025-12-01", None]
    )
    education = workbook.create_sheet("education")
    education.append(
        ["personnel_number", "level", "field", "institution", "specialty", "document_number", "graduation_date"]
    )
    education.append([personnel_number, "higher", "psychology", "ҚазҰУ", "Психология", "ЖБ-1", D(2010, 6, 30)])
    history = workbook.create_sheet("work_history")
    history.append(
        [
            "personnel_number",
            "organisation",
            "sector",
            "position",
            "qualification_level",
            "category",
            "managerial",
            "profile_experience",
            "start_date",
            "end_date",
        ]
    )
    history.append(
        [
            personnel_number,
            "Орталық",
            "social_protection",
            "psychologist",
            None,
            "none",
            "no",
            "yes",
            "2025-12-01",
            None,
        ]
    )
    workbook.save(path)


def test_upload_preview_confirm_in_kazakh(page, live_server, reference_data, tmp_path):
    centre = CentreFactory(code="astana-1")
    UserFactory(username="hr", roles=["hr_officer"], centres=[centre])
    path = tmp_path / "staff.xlsx"
    build_workbook(path)
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/staff/import/")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    page.set_input_files("input[name=workbook]", str(path))
    page.locator("[data-testid=upload-form] button[type=submit]").click()
    expect(page.locator("[data-testid=created]")).to_have_text("1")
    page.locator("[data-testid=confirm]").click()
    expect(page).to_have_url(re.compile(r"/staff/centres/astana-1/$"))
    expect(page.locator("[data-testid=headcount-total]")).to_have_text("1")
    page.goto(f"{live_server.url}/staff/?q=жұмабаева")
    page.locator("[data-testid=employees] a", has_text="Жұмабаева").click()
    expect(page.locator("[data-testid=position]")).to_contain_text("Психолог")


def test_a_bad_workbook_lists_its_problems_and_writes_nothing(page, live_server, reference_data, tmp_path):
    centre = CentreFactory(code="astana-1")
    UserFactory(username="hr", roles=["hr_officer"], centres=[centre])
    path = tmp_path / "staff.xlsx"
    build_workbook(path)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["employees"]["B2"] = "880402400000"
    workbook.save(path)
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/staff/import/")
    page.set_input_files("input[name=workbook]", str(path))
    page.locator("[data-testid=upload-form] button[type=submit]").click()
    expect(page.locator("[data-testid=problems] tbody tr").first).to_contain_text("employees")
    expect(page.locator("[data-testid=confirm]")).to_have_count(0)


def test_eligibility_list_and_the_card_section(page, live_server, reference_data):
    centre = CentreFactory(code="astana-1")
    UserFactory(username="director", roles=["centre_director"], centres=[centre])
    position = Position.objects.get(code="psychologist")
    employee = EmployeeFactory(
        centre=centre, personnel_number="00021", last_name="Сағындықова", position=position, category="none"
    )
    WorkPeriodFactory(employee=employee, position=position, category="none", start_date=D(2024, 2, 1))
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="psychology"))
    sign_in(page, live_server, "director")
    page.goto(f"{live_server.url}/attestation/eligibility/?on=2027-01-01")
    expect(page.locator("[data-testid=count-total]")).to_have_text("1")
    row = page.locator("[data-employee='00021']")
    expect(row).to_contain_text("01.02.2027")  # item 21: 3 years as an uncategorised psychologist
    page.select_option("select[name=status]", "90")
    page.locator("[data-testid=filters] button[type=submit]").click()
    expect(page.locator("[data-employee='00021']")).to_have_count(1)
    page.locator("[data-employee='00021'] a").first.click()
    expect(page.locator("[data-testid=verdict] [data-testid=meets]")).to_be_visible()
    expect(page.locator("[data-testid=verdict] [data-testid=reasons]")).to_contain_text("21-тармақ")
    expect(page.locator("[data-testid=verdict] [data-testid=next]")).to_contain_text("01.02.2027")
