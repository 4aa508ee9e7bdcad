"""Personnel orders: numbered per centre and year, changing the records in the same transaction, cancelled by
an order that undoes what they did, printed in Kazakh and Russian (HTML and PDF)."""

import io
from datetime import date as D
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from config.dates import today
from personnel import services
from personnel.models import Order, OrderRegister
from positions.models import Position
from staffing.models import Employee, WorkPeriod
from tests.factories import EmployeeFactory, WorkPeriodFactory


@pytest.fixture
def valid_iin():
    from staffing.identifiers import make_iin

    return next(iin for serial in range(100) if (iin := make_iin(D(1990, 5, 17), "F", serial)))


@pytest.fixture
def psychologist():
    return Position.objects.get(code="psychologist")


@pytest.fixture
def worker(centre, psychologist):
    employee = EmployeeFactory(
        centre=centre, position=psychologist, category="none", last_name="Құрманғазиева", hire_date=D(2023, 2, 1)
    )
    WorkPeriodFactory(employee=employee, position=psychologist, category="none", start_date=D(2023, 2, 1))
    return employee


def hire(centre, psychologist, valid_iin, **extra):
    fields = {
        "personnel_number": "P1",
        "iin": valid_iin,
        "last_name": "Әбенова",
        "first_name": "Гүлнұр",
        "birth_date": D(1990, 5, 17),
        "sex": "F",
        "hire_date": D(2026, 11, 2),
        "position": psychologist,
        "qualification_level": "",
        "category": "none",
    }
    return services.order_hire(centre=centre, order_date=D(2026, 11, 2), basis="Өтініш", **(fields | extra))


def test_hiring_by_order_makes_the_employee_and_a_numbered_order(centre, psychologist, valid_iin):
    order, employee = hire(centre, psychologist, valid_iin)
    assert (order.number, order.kind, order.year) == ("1-ж/қ", "hire", 2026)
    assert list(order.items.values_list("employee_id", "effective_date")) == [(employee.pk, D(2026, 11, 2))]
    assert employee.periods.get().start_date == D(2026, 11, 2)


def test_numbers_follow_the_register_per_centre_and_year(centre, other_centre, worker):
    OrderRegister.objects.create(centre=centre, suffix="к")
    first = services.order_dismissal(employee=worker, order_date=D(2026, 11, 30), dismissal_date=D(2026, 11, 30))
    other = EmployeeFactory(centre=other_centre)
    elsewhere = services.order_dismissal(employee=other, order_date=D(2026, 11, 30), dismissal_date=D(2026, 11, 30))
    second = services.order_cancel(order=first, order_date=D(2026, 12, 1), basis="Қате")
    assert [first.number, second.number, elsewhere.number] == ["1-к", "2-к", "1-ж/қ"]


def test_a_failed_change_leaves_no_order(worker, psychologist):
    with pytest.raises(ValidationError):
        services.order_assignment(
            employee=worker,
            kind="transfer",
            order_date=D(2026, 11, 2),
            position=psychologist,
            qualification_level="",
            category="none",  # unchanged: refused by staffing
            start_date=D(2026, 11, 2),
        )
    assert not Order.objects.exists()


def test_an_order_cannot_be_dated_in_the_future(worker):
    with pytest.raises(ValidationError):
        # Tomorrow: within the year-ahead bound every date input has, so only "never in the future" refuses it.
        tomorrow = today() + timedelta(days=1)
        services.order_dismissal(employee=worker, order_date=tomorrow, dismissal_date=D(2026, 11, 30))
    assert Employee.objects.get(pk=worker.pk).dismissal_date is None


def test_cancelling_a_category_order_restores_the_previous_period(worker, psychologist):
    order = services.order_assignment(
        employee=worker,
        kind="category",
        order_date=D(2026, 11, 2),
        position=psychologist,
        qualification_level="",
        category="second",
        start_date=D(2026, 11, 2),
    )
    assert Employee.objects.get(pk=worker.pk).category == "second"
    services.order_cancel(order=order, order_date=D(2026, 11, 5), basis="Қате бұйрық")
    worker.refresh_from_db()
    assert worker.category == "none"
    assert list(WorkPeriod.objects.filter(employee=worker).values_list("start_date", "end_date", "category")) == [
        (D(2023, 2, 1), None, "none")
    ]
    removed = WorkPeriod.history.filter(employee_id=worker.pk, history_type="-").get()
    assert "1-ж/қ" in removed.history_change_reason
    with pytest.raises(ValidationError):
        services.order_cancel(order=order, order_date=D(2026, 11, 5), basis="Тағы")


def test_cancelling_a_dismissal_lets_the_employee_work_on(worker):
    order = services.order_dismissal(employee=worker, order_date=D(2026, 11, 30), dismissal_date=D(2026, 11, 30))
    services.order_cancel(order=order, order_date=D(2026, 12, 1), basis="Қате")
    worker.refresh_from_db()
    assert worker.dismissal_date is None and worker.is_active
    assert WorkPeriod.objects.get(employee=worker).end_date is None


def test_cancelling_a_hire_archives_the_record(centre, psychologist, valid_iin):
    order, employee = hire(centre, psychologist, valid_iin)
    cancelling = services.order_cancel(order=order, order_date=D(2026, 11, 3), basis="Келмеді")
    employee.refresh_from_db()
    assert employee.dismissal_date == employee.hire_date
    assert Employee.objects.filter(pk=employee.pk).exists()
    # The records' history names the cancelling order as the reason (docs/personnel.md).
    assert cancelling.number in employee.history.first().history_change_reason


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("kk", ["БҰЙРЫҚ", "БҰЙЫРАМЫН", "Жұмыстан босату туралы", "Негіздеме", "30.11.2026 жұмыстан босатылсын"]),
        # Russian names are not declined: the point names the person after a colon, in the nominative.
        ("ru", ["ПРИКАЗ", "ПРИКАЗЫВАЮ", "Об увольнении", "Основание", "Уволить 30.11.2026: Құрманғазиева"]),
    ],
)
def test_the_order_prints_in_kazakh_and_russian(client_of, hr_officer, worker, language, words):
    order = services.order_dismissal(
        employee=worker, order_date=D(2026, 11, 30), dismissal_date=D(2026, 11, 30), basis="ҚР Еңбек кодексі, 56-бап"
    )
    client = client_of(hr_officer)
    html = client.get(reverse("personnel:order", args=[order.pk]), {"lang": language}).content.decode()
    for word in words + ["Құрманғазиева", "1-ж/қ", "30.11.2026"]:
        assert word.lower() in html.lower(), word
    pdf = client.get(reverse("personnel:order", args=[order.pk]), {"lang": language, "format": "pdf"})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Құрманғазиева" in text


def test_hiring_through_the_page(client_of, hr_officer, centre, psychologist, valid_iin):
    response = client_of(hr_officer).post(
        reverse("personnel:hire", args=[centre.code]),
        {
            "personnel_number": "P9",
            "iin": valid_iin,
            "last_name": "Әбенова",
            "first_name": "Гүлнұр",
            "birth_date": "1990-05-17",
            "sex": "F",
            "hire_date": "2026-11-02",
            "position": psychologist.pk,
            "category": "none",
            "order_date": today().isoformat(),
            "basis": "Өтініш",
        },
    )
    employee = Employee.objects.get(personnel_number="P9")
    assert response.status_code == 302
    assert employee.order_items.get().order.kind == "hire"


def test_the_register_strikes_a_cancelled_order_and_offers_cancelling_only_to_hr_once(
    client_of, hr_officer, director, worker
):
    dismissal = services.order_dismissal(employee=worker, order_date=D(2026, 11, 30), dismissal_date=D(2026, 11, 30))
    cancel_url = reverse("personnel:order_cancel", args=[dismissal.pk])
    register = reverse("personnel:order_list")
    assert cancel_url in client_of(hr_officer).get(register, {"year": 2026}).content.decode()
    assert cancel_url not in client_of(director).get(register, {"year": 2026}).content.decode()
    services.order_cancel(order=dismissal, order_date=D(2026, 12, 1), basis="Қате")
    html = client_of(hr_officer).get(register, {"year": 2026}).content.decode()
    assert f'data-order="{dismissal.number}" class="text-decoration-line-through"' in html
    assert cancel_url not in html


def test_the_register_lists_only_the_users_centres(client_of, hr_officer, other_hr_officer, worker):
    services.order_dismissal(employee=worker, order_date=D(2026, 11, 30), dismissal_date=D(2026, 11, 30))
    assert "1-ж/қ" in client_of(hr_officer).get(reverse("personnel:order_list"), {"year": 2026}).content.decode()
    assert (
        "1-ж/қ" not in client_of(other_hr_officer).get(reverse("personnel:order_list"), {"year": 2026}).content.decode()
    )


def test_a_leave_and_a_new_rate_are_orders_that_leave_the_history_alone(client_of, hr_officer, worker):
    leave = services.order_record(
        employee=worker,
        kind="leave",
        order_date=D(2026, 11, 30),
        effective_date=D(2026, 12, 7),
        end_date=D(2026, 12, 30),
        detail="жыл сайынғы ақылы еңбек демалысы",
    )
    rate = services.order_record(
        employee=worker, kind="rate", order_date=D(2026, 11, 30), effective_date=D(2026, 12, 1), rate="0.5"
    )
    assert [leave.number, rate.number] == ["1-ж/қ", "2-ж/қ"]
    assert WorkPeriod.objects.filter(employee=worker).count() == 1
    html = client_of(hr_officer).get(reverse("personnel:order", args=[leave.pk]), {"lang": "kk"}).content.decode()
    assert "07.12.2026" in html and "30.12.2026" in html and "демалыс" in html
    html = client_of(hr_officer).get(reverse("personnel:order", args=[rate.pk]), {"lang": "ru"}).content.decode()
    assert "0,50" in html or "0.50" in html


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "leave", "end_date": None}, "end_date"),
        ({"kind": "leave", "end_date": D(2026, 12, 1)}, "end_date"),
        ({"kind": "rate", "rate": None}, "rate"),
        ({"kind": "rate", "rate": "1", "effective_date": D(2020, 1, 1)}, "effective_date"),
    ],
)
def test_impossible_leave_or_rate_orders_are_refused(worker, fields, field):
    values = {"order_date": D(2026, 11, 30), "effective_date": D(2026, 12, 7)} | fields
    with pytest.raises(ValidationError) as error:
        services.order_record(employee=worker, **values)
    assert field in error.value.error_dict
    assert not Order.objects.exists()


@pytest.mark.parametrize("count", [1, 8])
def test_the_register_and_the_calendar_run_a_fixed_number_of_queries(
    client_of, hr_officer, centre, psychologist, count
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(count):
        employee = EmployeeFactory(centre=centre, position=psychologist, category="none")
        services.order_dismissal(employee=employee, order_date=D(2026, 11, 30), dismissal_date=D(2026, 11, 30))
        services.contract_create(
            employee=employee,
            number=str(number),
            signed_on=D(2026, 11, 2),
            kind="indefinite",
            start_date=D(2026, 11, 2),
        )
    client = client_of(hr_officer)
    for name, query in (("personnel:order_list", {"year": 2026}), ("personnel:calendar", {})):
        client.get(reverse(name), query)
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse(name), query)
        # session, user, groups, the user's centres, the page's own reads — the same for 1 or 8 orders
        assert len(captured) == QUERIES[name], (name, len(captured))


# the calendar: its sources (calendar table, contracts, amendments; the engine and the attestation schedule)
QUERIES = {"personnel:order_list": 7, "personnel:calendar": 14}
