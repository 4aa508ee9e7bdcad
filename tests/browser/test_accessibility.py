"""Accessibility in a real browser: axe-core (vendored under tests/browser/vendor) on the main page of each role and
on the card, list, import, eligibility, session and admin pages, in Kazakh: no serious or critical violation.
Plus what axe cannot judge alone: the skip link goes to the content, focus is visible."""

import datetime
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

from attestation import services as attestation_services
from positions.models import ClauseVersion, Requirement
from staffing.demo import demo_seed
from staffing.models import Centre, Employee
from tests.browser.test_sign_in import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SERIOUS = ("serious", "critical")


UNLABELLED = """() => [...document.querySelectorAll("main input, main select, main textarea")]
    .filter(c => !["hidden", "submit", "button"].includes(c.type) && c.offsetParent !== null)
    .filter(c => c.labels.length === 0 && !c.getAttribute("aria-label") && !c.getAttribute("aria-labelledby"))
    .map(c => c.outerHTML.slice(0, 200))"""


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    counts = Counter(v["impact"] for v in found)
    print(f"axe {page.url}: " + ", ".join(f"{impact} {counts[impact]}" for impact in (*SERIOUS, "moderate", "minor")))
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "nodes": [(n["html"][:160], n["failureSummary"][-160:]) for n in v["nodes"]][:5],
        }
        for v in found
        if v["impact"] in SERIOUS
    ]


@pytest.fixture
def demo(reference_data):
    demo_seed(centres=1, employees_per_centre=8)
    centre = Centre.objects.get()
    hr = UserFactory(username="hr", roles=["hr_officer"], centres=[centre])
    UserFactory(username="director", roles=["centre_director"], centres=[centre])
    UserFactory(username="analyst", roles=["committee_analyst"])
    UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)
    session = attestation_services.session_create(centre=centre, day=datetime.date(2026, 12, 1), user=hr)
    employee = Employee.objects.order_by("personnel_number").first()
    attestation_services.candidate_add(session=session, employee=employee, reason="Өтініш", user=hr)
    return {"centre": centre, "session": session, "employee": employee}


def pages(demo):
    employee, session = demo["employee"], demo["session"]
    clause_version = ClauseVersion.objects.order_by("pk").first()
    # two alternatives, one with two education conditions: every control of the structured editor
    requirement = Requirement.objects.get(position__code="social_worker", qualification_level="medium", category="none")
    return [
        ("hr", "/"),
        ("director", "/"),
        ("analyst", "/"),
        ("editor", "/"),
        ("hr", employee.get_absolute_url()),
        ("hr", "/staff/"),
        ("hr", "/staff/import/"),
        ("hr", "/attestation/eligibility/"),
        ("hr", f"/attestation/sessions/{session.pk}/"),
        ("editor", f"/admin/positions/clauseversion/{clause_version.pk}/change/"),
        ("editor", "/admin/positions/clauseversion/add/"),
        ("editor", f"/admin/positions/requirement/{requirement.pk}/change/"),
        ("editor", f"/admin/positions/requirement/add/?from={requirement.pk}"),
        ("editor", "/attestation/impact/"),
    ]


def test_no_serious_or_critical_violations_in_kazakh(page, live_server, demo):
    found = {}
    signed_in = None
    for username, path in pages(demo):
        if username != signed_in:
            page.context.clear_cookies()
            sign_in(page, live_server, username)
            signed_in = username
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("html")).to_have_attribute("lang", "kk")
        problems = violations(page)
        unlabelled = page.evaluate(UNLABELLED)  # stricter than axe, which takes a placeholder for a label
        if unlabelled:
            problems.append({"id": "no label", "nodes": unlabelled})
        if problems:
            found[f"{username} {path}"] = problems
    assert found == {}, found


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(page, live_server, demo):
    sign_in(page, live_server, "hr")
    # The sign-in redirects: Tab only once the start page has loaded (else it lands on the page being left).
    page.wait_for_url(f"{live_server.url}/")
    page.wait_for_load_state("load")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    expect(skip).to_have_text("Негізгі мазмұнға өту")
    page.keyboard.press("Enter")
    expect(page.locator("main#content")).to_be_focused()


def test_focus_is_visible_on_links_and_buttons(page, live_server, demo):
    sign_in(page, live_server, "hr")
    page.wait_for_url(f"{live_server.url}/")
    page.wait_for_load_state("load")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the brand link on the blue bar
    expect(page.locator(".navbar-brand")).to_be_focused()
    # The app's ring (static/css/app.css), not the browser's own default outline.
    style = page.evaluate("(s => [s.outlineStyle, s.outlineWidth])(getComputedStyle(document.activeElement))")
    assert style == ["solid", "3px"]
