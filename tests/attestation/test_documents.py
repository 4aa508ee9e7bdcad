"""Attestation documents: the sheet, the protocol and the draft order, in Kazakh and Russian, as HTML and PDF.

Labels are not asserted (the translation catalogues are completed separately): the tests check the data a
document must carry, read back from the PDF's text, and who may get it.
"""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from pypdf import PdfReader

from attestation import services
from attestation.documents import document_html, document_pdf
from attestation.models import Candidate, CommissionMember
from attestation.reasons import category_label
from positions.models import EducationField, Position
from tests.factories import EducationFactory, EmployeeFactory, UserFactory, WorkPeriodFactory

D = datetime.date
SESSION_DAY = D(2027, 3, 10)
ORDER_DAY = D(2027, 3, 20)
KAZAKH_NAME = "Құрманғазиева Әйгерім Серікқызы"
OTHER_NAME = "Жұмабаев Нұрлан Әділұлы"
OVERRIDE = "Төраға: облыстық байқаудың жеңімпазы, өтілі жеткіліксіз болса да"
ORDER_NUMBER = "17-ЖҚ"


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


def social_worker(centre, *, number, last_name, first_name, middle_name, since):
    """item 15: a high-level social worker in the second category since `since`, after two years uncategorised."""
    position = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre,
        personnel_number=number,
        last_name=last_name,
        first_name=first_name,
        middle_name=middle_name,
        position=position,
        qualification_level="high",
        category="second",
        hire_date=D(2024, 1, 1),
    )
    WorkPeriodFactory(
        employee=employee,
        position=position,
        qualification_level="high",
        category="none",
        start_date=D(2024, 1, 1),
        end_date=since - datetime.timedelta(days=1),
    )
    WorkPeriodFactory(
        employee=employee, position=position, qualification_level="high", category="second", start_date=since
    )
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="social_work"))
    return employee


def decide(candidate, hr, decision, votes_for, votes_against, **extra):
    return services.candidate_record_decision(
        candidate=candidate,
        user=hr,
        expected_version=candidate.version,
        decision=decision,
        votes_for=votes_for,
        votes_against=votes_against,
        **extra,
    )


@pytest.fixture
def held(centre, hr_officer):
    """A session with a commission and two candidates, both assigned the first category: Әйгерім is eligible
    (a year in the second category on 01.03.2027), Нұрлан is not yet (from 01.09.2027) and is assigned on
    the chair's override. The commission has been held."""
    social_worker(
        centre,
        number="010",
        last_name="Құрманғазиева",
        first_name="Әйгерім",
        middle_name="Серікқызы",
        since=D(2026, 3, 1),
    )
    social_worker(
        centre, number="011", last_name="Жұмабаев", first_name="Нұрлан", middle_name="Әділұлы", since=D(2026, 9, 1)
    )
    session = services.session_create(centre=centre, day=SESSION_DAY, user=hr_officer)
    for name, role, position in [
        ("Сәрсенбаева Гүлмира Төлегенқызы", CommissionMember.Role.CHAIR, "Директордың орынбасары"),
        ("Ахметова Дана Болатқызы", CommissionMember.Role.SECRETARY, "Кадр маманы"),
        ("Оспанов Ерлан Қайратұлы", CommissionMember.Role.MEMBER, "Психолог"),
    ]:
        services.commission_member_add(session=session, user=hr_officer, name=name, role=role, position=position)
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    services.session_record_meeting(session=session, user=hr_officer, day=SESSION_DAY, members_present=3)
    eligible, overridden = session.candidates.order_by("employee__personnel_number")
    assert (eligible.eligible, overridden.eligible) == (True, False)
    documents = {
        "has_diploma": True,
        "has_certificates": True,
        "has_employment_record": True,
        "has_characteristic": True,
    }
    decide(eligible, hr_officer, Candidate.Decision.ASSIGN_NEXT, 3, 0, remarks="Құжаттары толық", documents=documents)
    decide(overridden, hr_officer, Candidate.Decision.ASSIGN_NEXT, 2, 1, override_reason=OVERRIDE)
    services.session_hold(session=session, user=hr_officer)
    session.refresh_from_db()
    return session


@pytest.fixture
def approved(held, director):
    services.session_approve(session=held, user=director, day=SESSION_DAY)
    held.refresh_from_db()
    return held


@pytest.fixture
def issued(approved, hr_officer):
    services.session_issue_order(session=approved, user=hr_officer, number=ORDER_NUMBER, day=ORDER_DAY)
    approved.refresh_from_db()
    return approved


def candidate_of(session, number) -> Candidate:
    return session.candidates.select_related("employee", "position").get(employee__personnel_number=number)


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


def label_in(language, value):
    with translation.override(language):
        return str(value() if callable(value) else value)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_sheet_pdf_carries_the_kazakh_name_the_centre_the_dates_and_the_frozen_verdict(held, centre, language):
    candidate = candidate_of(held, "010")
    text = pdf_text(document_pdf("sheet", held, language=language, candidate=candidate))
    assert KAZAKH_NAME in text
    assert "010" in text
    assert (centre.name_kk if language == "kk" else centre.name_ru) in text
    assert "10.03.2027" in text  # the session date
    assert "01.03.2027" in text  # eligible since, as frozen
    position = candidate.position
    assert (position.title_kk if language == "kk" else position.title_ru or position.title_kk) in text
    reasons = getattr(candidate, f"reasons_{language}")
    assert reasons and all(re.sub(r"\s+", " ", reason) in text for reason in reasons)
    assert "Құжаттары толық" in text
    for name in ("Сәрсенбаева Гүлмира Төлегенқызы", "Ахметова Дана Болатқызы", "Оспанов Ерлан Қайратұлы"):
        assert name in text  # signature lines


def test_the_sheet_shows_the_level_category_decision_votes_and_override(held):
    candidate = candidate_of(held, "011")
    html = document_html("sheet", held, language="kk", candidate=candidate)
    assert html.startswith("<!doctype html>") and '<html lang="kk">' in html
    assert "Жұмабаев Нұрлан Әділұлы" in html
    with translation.override("kk"):
        assert capfirst(str(Candidate.Decision.ASSIGN_NEXT.label)) in html
        assert category_label("first") in html
        assert category_label("second") in html
    assert OVERRIDE in html and 'data-testid="override"' in html
    assert "01.09.2027" in html  # eligible from, as frozen
    eligible = candidate_of(held, "010")
    assert 'data-testid="override"' not in document_html("sheet", held, language="kk", candidate=eligible)


def test_the_russian_sheet_takes_the_russian_reasons_and_the_centres_russian_name(held, centre):
    candidate = candidate_of(held, "010")
    html = document_html("sheet", held, language="ru", candidate=candidate)
    assert '<html lang="ru">' in html
    assert centre.name_ru in html and KAZAKH_NAME in html
    assert any(reason.startswith("п. 15") for reason in candidate.reasons_ru)
    assert all(reason in html for reason in candidate.reasons_ru)
    assert not any(reason in html for reason in candidate.reasons_kk)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_protocol_lists_the_commission_and_each_decision_with_votes_and_override(held, centre, language):
    text = pdf_text(document_pdf("protocol", held, language=language))
    assert (centre.name_kk if language == "kk" else centre.name_ru) in text
    assert "10.03.2027" in text
    assert KAZAKH_NAME in text and OTHER_NAME in text
    for name in ("Сәрсенбаева Гүлмира Төлегенқызы", "Ахметова Дана Болатқызы", "Оспанов Ерлан Қайратұлы"):
        assert name in text
    assert "Директордың орынбасары" in text
    assert capfirst(label_in(language, CommissionMember.Role.CHAIR.label)) in text
    assert text.count(capfirst(label_in(language, Candidate.Decision.ASSIGN_NEXT.label))) == 2
    assert "3 / 0" in text and "2 / 1" in text
    assert OVERRIDE in text


def test_the_protocol_leaves_out_removed_candidates(centre, hr_officer):
    social_worker(
        centre,
        number="010",
        last_name="Құрманғазиева",
        first_name="Әйгерім",
        middle_name="Серікқызы",
        since=D(2026, 3, 1),
    )
    social_worker(
        centre, number="011", last_name="Жұмабаев", first_name="Нұрлан", middle_name="Әділұлы", since=D(2026, 9, 1)
    )
    session = services.session_create(centre=centre, day=SESSION_DAY, user=hr_officer)
    services.session_propose_candidates(session=session, user=hr_officer)
    services.candidate_remove(candidate=candidate_of(session, "011"), reason="Демалыста", user=hr_officer)
    html = document_html("protocol", session, language="kk")
    assert KAZAKH_NAME in html and OTHER_NAME not in html


def test_the_draft_order_has_blanks_until_the_order_is_issued(approved):
    html = document_html("order", approved, language="kk")
    assert 'data-testid="draft"' in html
    assert KAZAKH_NAME in html and OTHER_NAME in html
    assert html.count('<td data-testid="effective">____</td>') == 2
    assert ORDER_NUMBER not in html and "20.03.2027" not in html
    assert "10.03.2027" in html  # the protocol it rests on


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_issued_order_lists_the_assigned_category_and_the_order_date(issued, centre, language):
    text = pdf_text(document_pdf("order", issued, language=language))
    assert (centre.name_kk if language == "kk" else centre.name_ru) in text
    assert KAZAKH_NAME in text and OTHER_NAME in text
    assert ORDER_NUMBER in text
    assert text.count("20.03.2027") >= 3  # the order's date, and from when each category takes effect
    assert "10.03.2027" in text
    with translation.override(language):
        first = category_label("first")
    assert text.count(first) == 2


def test_the_order_lists_only_assigned_categories(centre, hr_officer, director):
    social_worker(
        centre,
        number="010",
        last_name="Құрманғазиева",
        first_name="Әйгерім",
        middle_name="Серікқызы",
        since=D(2026, 3, 1),
    )
    social_worker(
        centre, number="011", last_name="Жұмабаев", first_name="Нұрлан", middle_name="Әділұлы", since=D(2026, 9, 1)
    )
    session = services.session_create(centre=centre, day=SESSION_DAY, user=hr_officer)
    services.commission_member_add(
        session=session, user=hr_officer, name="Сәрсенбаева Гүлмира", role=CommissionMember.Role.CHAIR
    )
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    services.session_record_meeting(session=session, user=hr_officer, day=SESSION_DAY, members_present=1)
    decide(candidate_of(session, "010"), hr_officer, Candidate.Decision.ASSIGN_NEXT, 1, 0)
    decide(candidate_of(session, "011"), hr_officer, Candidate.Decision.CONFIRM, 1, 0)
    html = document_html("order", session, language="ru")
    assert KAZAKH_NAME in html and OTHER_NAME not in html


# --- the pages -----------------------------------------------------------------------------------------


def url(name, *args):
    return reverse(f"attestation:{name}", args=args)


@pytest.mark.parametrize("kind", ["protocol", "order"])
def test_session_documents_download_as_pdf_named_after_the_centre_and_date(client_of, hr_officer, issued, kind):
    response = client_of(hr_officer).get(url("session_document", issued.pk, kind), {"lang": "kk", "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{kind}-astana-1-2027-03-10.pdf"'
    assert KAZAKH_NAME in pdf_text(response.content)


def test_the_sheet_downloads_as_pdf_in_russian(client_of, director, held, centre):
    candidate = candidate_of(held, "010")
    response = client_of(director).get(url("candidate_sheet", candidate.pk), {"lang": "ru", "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="sheet-astana-1-2027-03-10-010.pdf"'
    text = pdf_text(response.content)
    assert KAZAKH_NAME in text and centre.name_ru in text


def test_the_html_page_is_the_printable_document_in_the_asked_language(client_of, hr_officer, held, centre):
    client = client_of(hr_officer)
    candidate = candidate_of(held, "010")
    response = client.get(url("candidate_sheet", candidate.pk))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="kk">' in html  # the interface language is Kazakh by default
    assert centre.name_kk in html and KAZAKH_NAME in html and "@page" in html
    assert f"{url('candidate_sheet', candidate.pk)}?lang=kk&amp;format=pdf" in html
    assert all(reason in html for reason in candidate.reasons_kk)
    html = client.get(url("candidate_sheet", candidate.pk), {"lang": "ru"}).content.decode()
    assert '<html lang="ru">' in html and centre.name_ru in html
    assert all(reason in html for reason in candidate.reasons_ru)
    assert candidate.position.title_ru in html


def test_the_interface_language_is_the_default_when_it_is_russian(client_of, hr_officer, held, centre):
    client = client_of(hr_officer)
    client.cookies["django_language"] = "ru"
    html = client.get(url("session_document", held.pk, "protocol")).content.decode()
    assert '<html lang="ru">' in html and centre.name_ru in html
    client.cookies["django_language"] = "en"
    html = client.get(url("session_document", held.pk, "protocol")).content.decode()
    assert '<html lang="kk">' in html


def test_analysts_read_the_documents_of_every_centre(client_of, analyst, held):
    assert client_of(analyst).get(url("session_document", held.pk, "order")).status_code == 200


def test_another_centres_hr_officer_gets_404(client_of, other_hr_officer, held):
    client = client_of(other_hr_officer)
    assert client.get(url("session_document", held.pk, "protocol")).status_code == 404
    assert client.get(url("session_document", held.pk, "order"), {"format": "pdf"}).status_code == 404
    assert client.get(url("candidate_sheet", candidate_of(held, "010").pk)).status_code == 404


def test_users_without_a_staff_role_get_403(client_of, editor, held):
    client = client_of(editor)
    assert client.get(url("session_document", held.pk, "protocol")).status_code == 403
    assert client.get(url("candidate_sheet", candidate_of(held, "010").pk)).status_code == 403
    nobody = UserFactory(username="nobody", centres=[held.centre])
    assert client_of(nobody).get(url("session_document", held.pk, "order")).status_code == 403


def test_unknown_kinds_and_records_are_404(client_of, hr_officer, held):
    client = client_of(hr_officer)
    assert client.get(url("session_document", held.pk, "minutes")).status_code == 404
    assert client.get(url("session_document", held.pk, "sheet")).status_code == 404
    assert client.get(url("session_document", held.pk + 1000, "protocol")).status_code == 404
    assert client.get(url("candidate_sheet", 999_999)).status_code == 404


def test_removed_candidates_have_no_sheet(client_of, centre, hr_officer):
    social_worker(
        centre,
        number="010",
        last_name="Құрманғазиева",
        first_name="Әйгерім",
        middle_name="Серікқызы",
        since=D(2026, 3, 1),
    )
    session = services.session_create(centre=centre, day=SESSION_DAY, user=hr_officer)
    [candidate] = services.session_propose_candidates(session=session, user=hr_officer).created
    services.candidate_remove(candidate=candidate, reason="Демалыста", user=hr_officer)
    assert client_of(hr_officer).get(url("candidate_sheet", candidate.pk)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, held):
    response = client.get(url("session_document", held.pk, "protocol"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_rendering_functions_refuse_what_they_cannot_write(held):
    with pytest.raises(ValueError):
        document_html("minutes", held, language="kk")
    with pytest.raises(ValueError):
        document_html("protocol", held, language="en")
    with pytest.raises(ValueError):
        document_html("sheet", held, language="kk")
