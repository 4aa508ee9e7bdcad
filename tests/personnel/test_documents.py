"""The personal card and the certificate of employment: kk and ru, HTML and PDF, personal data only to whom the
centre's records belong."""

import io
from datetime import date as D

import pytest
from django.urls import reverse
from pypdf import PdfReader

from personnel import services
from personnel.models import Certificate
from positions.models import Position
from tests.factories import EmployeeFactory, WorkPeriodFactory


@pytest.fixture
def worker(centre):
    position = Position.objects.get(code="psychologist")
    employee = EmployeeFactory(
        centre=centre, position=position, category="none", last_name="Құрманғазиева", hire_date=D(2023, 2, 1)
    )
    WorkPeriodFactory(employee=employee, position=position, category="none", start_date=D(2023, 2, 1))
    services.contract_create(
        employee=employee, number="17-ЕШ", signed_on=D(2023, 2, 1), kind="indefinite", start_date=D(2023, 2, 1)
    )
    return employee


def pdf_text(response) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


@pytest.mark.parametrize(("language", "title"), [("kk", "Жеке іс парағы"), ("ru", "Личная карточка")])
def test_the_personal_card_holds_the_records(client_of, hr_officer, worker, language, title):
    client = client_of(hr_officer)
    url = reverse("personnel:personal_card", args=[worker.pk])
    html = client.get(url, {"lang": language}).content.decode()
    assert title.lower() in html.lower() and "17-ЕШ" in html and worker.iin in html
    assert "Құрманғазиева" in pdf_text(client.get(url, {"lang": language, "format": "pdf"}))


def test_an_analyst_sees_the_age_not_the_birth_date_nor_the_iin(client_of, analyst, worker):
    html = client_of(analyst).get(reverse("personnel:personal_card", args=[worker.pk]), {"lang": "kk"}).content
    html = html.decode()
    assert worker.iin not in html and worker.birth_date.strftime("%d.%m.%Y") not in html


def test_a_certificate_is_numbered_in_the_register_and_prints(client_of, hr_officer, worker):
    client = client_of(hr_officer)
    response = client.post(reverse("personnel:certificate_issue", args=[worker.pk]))
    first = Certificate.objects.get()
    client.post(reverse("personnel:certificate_issue", args=[worker.pk]))
    assert response.status_code == 302
    assert [c.sequence for c in Certificate.objects.order_by("pk")] == [1, 2]
    text = pdf_text(client.get(reverse("personnel:certificate", args=[first.pk]), {"lang": "kk", "format": "pdf"}))
    assert "Құрманғазиева" in text and "Жұмыс орнынан анықтама".upper() in text.upper()


def test_another_centres_officer_gets_404(client_of, other_hr_officer, worker):
    client = client_of(other_hr_officer)
    assert client.get(reverse("personnel:personal_card", args=[worker.pk])).status_code == 404
    assert client.post(reverse("personnel:certificate_issue", args=[worker.pk])).status_code == 404


def test_the_personal_card_lists_the_attestation_history(client_of, hr_officer, worker, centre):
    from attestation import services as attestation_services

    session = attestation_services.session_create(centre=centre, day=D(2026, 12, 10), user=hr_officer)
    attestation_services.candidate_add(session=session, employee=worker, reason="Өтініш", user=hr_officer)
    html = client_of(hr_officer).get(reverse("personnel:personal_card", args=[worker.pk]), {"lang": "ru"})
    assert "10.12.2026" in html.content.decode().split('data-testid="attestation-history"')[1]
