"""Every URL of the project, requested as each role and as a user of another centre (README, "Roles").

The table must name every URL: a new page without a row here fails test_every_url_is_in_the_table.
Codes: 200 ok, 302 redirect, 403 role may not, 404 outside the user's centres (existence not revealed),
405 the URL only takes POST (its POST checks are tested with the feature).
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from attestation import services as attestation_services
from personnel import services as personnel_services
from positions.models import EducationField, Position
from staffing.models import ChildCareLeave
from tests.factories import EducationFactory, EmployeeFactory, UserFactory, WorkPeriodFactory

ROLES = ["hr", "director", "analyst", "editor", "nobody", "other_hr"]
STAFF = {"hr": 200, "director": 200, "analyst": 200, "editor": 403, "nobody": 403, "other_hr": 404}
STAFF_LIST = {**STAFF, "other_hr": 200}
HR_CHANGE = {"hr": 200, "director": 403, "analyst": 403, "editor": 403, "nobody": 403, "other_hr": 404}
EVERYONE = dict.fromkeys(ROLES, 200)
POST_ONLY = dict.fromkeys(ROLES, 405)

# url name → (how to build its arguments from the objects, expected status per role)
TABLE = {
    "home": (None, EVERYONE),
    "login": (None, dict.fromkeys(ROLES, 302)),
    "logout": (None, POST_ONLY),
    "password_change": (None, EVERYONE),
    "password_change_done": (None, EVERYONE),
    "set_language": (None, dict.fromkeys(ROLES, 302)),
    "positions:list": (None, EVERYONE),
    "positions:search": (None, EVERYONE),
    "positions:readings": (None, EVERYONE),
    "positions:detail": (lambda o: ["psychologist"], EVERYONE),
    "positions:compare": (lambda o: ["psychologist"], EVERYONE),
    "staffing:employee_list": (None, STAFF_LIST),
    "staffing:employee": (lambda o: [o["employee"].pk], STAFF),
    "staffing:employee_edit": (lambda o: [o["employee"].pk], HR_CHANGE),
    "staffing:employee_restore": (lambda o: [o["employee"].pk], HR_CHANGE),
    "staffing:education_add": (lambda o: [o["employee"].pk], HR_CHANGE),
    "staffing:period_add": (lambda o: [o["employee"].pk], HR_CHANGE),
    "staffing:education_edit": (lambda o: [o["employee"].pk, o["education"].pk], HR_CHANGE),
    "staffing:education_delete": (lambda o: [o["employee"].pk, o["education"].pk], HR_CHANGE),
    "staffing:period_edit": (lambda o: [o["employee"].pk, o["period"].pk], HR_CHANGE),
    "staffing:period_delete": (lambda o: [o["employee"].pk, o["period"].pk], HR_CHANGE),
    "staffing:dismissal_cancel": (lambda o: [o["employee"].pk], POST_ONLY),
    "staffing:leave_add": (lambda o: [o["employee"].pk], POST_ONLY),
    "staffing:leave_delete": (lambda o: [o["employee"].pk, o["leave"].pk], POST_ONLY),
    "staffing:employee_changes": (lambda o: [o["employee"].pk], {**STAFF, "analyst": 403}),
    "staffing:centre_list": (None, STAFF_LIST),
    "staffing:centre": (lambda o: [o["centre"].code], STAFF),
    "staffing:centre_export": (lambda o: [o["centre"].code], {**STAFF, "analyst": 403}),
    "staffing:import": (None, {**HR_CHANGE, "other_hr": 200}),
    "staffing:import_confirm": (None, POST_ONLY),
    "staffing:import_cancel": (None, POST_ONLY),
    "staffing:import_template": (None, STAFF_LIST),
    "personnel:hire": (lambda o: [o["centre"].code], HR_CHANGE),
    "personnel:assign": (lambda o: [o["employee"].pk], HR_CHANGE),
    "personnel:dismiss": (lambda o: [o["employee"].pk], HR_CHANGE),
    "personnel:other_order": (lambda o: [o["employee"].pk], HR_CHANGE),
    "personnel:contract_add": (lambda o: [o["employee"].pk], HR_CHANGE),
    "personnel:contract_edit": (lambda o: [o["contract"].pk], HR_CHANGE),
    "personnel:amendment_add": (lambda o: [o["contract"].pk], HR_CHANGE),
    "personnel:amendment_edit": (lambda o: [o["amendment"].pk], HR_CHANGE),
    "personnel:personal_card": (lambda o: [o["employee"].pk], STAFF),
    "personnel:certificate_issue": (lambda o: [o["employee"].pk], POST_ONLY),
    "personnel:certificate": (lambda o: [o["certificate"].pk], STAFF),
    "personnel:order_list": (None, STAFF_LIST),
    "personnel:order": (lambda o: [o["order"].pk], STAFF),
    "personnel:order_cancel": (lambda o: [o["order"].pk], HR_CHANGE),
    "personnel:calendar": (None, STAFF_LIST),
    # The personal data access log: directors (their centres; another centre's ?centre= is 404, tested with the
    # log) and superusers.
    "staffing:access_log": (None, {**dict.fromkeys(ROLES, 403), "director": 200}),
    "attestation:eligibility": (None, STAFF_LIST),
    "attestation:eligibility_export": (None, STAFF_LIST),
    "attestation:impact": (None, {**dict.fromkeys(ROLES, 403), "editor": 200, "analyst": 200}),
    "attestation:session_list": (None, STAFF_LIST),
    "attestation:session": (lambda o: [o["session"].pk], STAFF),
    "attestation:session_step": (lambda o: [o["session"].pk, "fix"], POST_ONLY),
    "attestation:session_meeting": (lambda o: [o["session"].pk], POST_ONLY),
    "attestation:candidates_decide": (lambda o: [o["session"].pk], POST_ONLY),
    "attestation:session_send_back": (lambda o: [o["session"].pk], POST_ONLY),
    "attestation:session_cancel": (lambda o: [o["session"].pk], POST_ONLY),
    "attestation:member_add": (lambda o: [o["session"].pk], POST_ONLY),
    "attestation:member_remove": (lambda o: [o["session"].pk, o["member"].pk], POST_ONLY),
    "attestation:candidate_add": (lambda o: [o["session"].pk], POST_ONLY),
    "attestation:session_order": (lambda o: [o["session"].pk], POST_ONLY),
    "attestation:candidate": (lambda o: [o["candidate"].pk], STAFF),
    "attestation:candidate_remove": (lambda o: [o["candidate"].pk], POST_ONLY),
    "attestation:session_document": (lambda o: [o["session"].pk, "protocol"], STAFF),
    "attestation:candidate_sheet": (lambda o: [o["candidate"].pk], STAFF),
    "attestation:dashboard": (lambda o: [o["centre"].code], STAFF),
    "attestation:dashboard_export": (lambda o: [o["centre"].code], STAFF),
    "attestation:area": (None, {**dict.fromkeys(ROLES, 403), "analyst": 200}),
    "attestation:area_export": (None, {**dict.fromkeys(ROLES, 403), "analyst": 200}),
}


def url_names(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's admin checks staff status and model permissions itself
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from url_names(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def test_every_url_is_in_the_table():
    assert sorted(set(url_names())) == sorted(TABLE)


@pytest.fixture
def objects(centre, other_centre, hr_officer):
    position = Position.objects.get(code="psychologist")
    employee = EmployeeFactory(centre=centre, position=position, category="none")
    period = WorkPeriodFactory(
        employee=employee, position=position, category="none", start_date=datetime.date(2023, 1, 1)
    )
    education = EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="psychology"))
    session = attestation_services.session_create(centre=centre, day=datetime.date(2026, 12, 1), user=hr_officer)
    candidate = attestation_services.candidate_add(session=session, employee=employee, reason="Өтініш", user=hr_officer)
    member = attestation_services.commission_member_add(session=session, user=hr_officer, name="Төраға", role="chair")
    contract = personnel_services.contract_create(
        employee=employee,
        number="17",
        signed_on=employee.hire_date,
        kind="indefinite",
        start_date=employee.hire_date,
    )
    amendment = personnel_services.amendment_create(
        contract=contract, number="1", signed_on=datetime.date(2026, 11, 2), change="Ставка 0,5"
    )
    order = personnel_services.order_dismissal(
        employee=EmployeeFactory(centre=centre, position=position, category="none"),
        order_date=datetime.date(2026, 11, 30),
        dismissal_date=datetime.date(2026, 11, 30),
        basis="ҚР Еңбек кодексі, 56-бап",
    )
    certificate = personnel_services.certificate_issue(employee=employee)
    return {
        "contract": contract,
        "amendment": amendment,
        "order": order,
        "certificate": certificate,
        "centre": centre,
        "employee": employee,
        "session": session,
        "candidate": candidate,
        "member": member,
        "education": education,
        "period": period,
        "leave": ChildCareLeave.objects.create(
            employee=employee, start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2024, 6, 30)
        ),
    }


@pytest.fixture
def users(hr_officer, director, analyst, editor, other_hr_officer):
    return {
        "hr": hr_officer,
        "director": director,
        "analyst": analyst,
        "editor": editor,
        "nobody": UserFactory(username="nobody"),
        "other_hr": other_hr_officer,
    }


@pytest.mark.parametrize("name", sorted(TABLE))
def test_status_per_role(client, objects, users, name):
    build, expected = TABLE[name]
    url = reverse(name, args=build(objects) if build else None)
    anonymous = client.get(url)
    if name not in ("login", "set_language"):
        assert anonymous.status_code in (302, 405), f"{name} is open to anonymous visitors"
    seen = {}
    for role in ROLES:
        client.force_login(users[role])
        seen[role] = client.get(url).status_code
        client.logout()
    assert seen == expected
