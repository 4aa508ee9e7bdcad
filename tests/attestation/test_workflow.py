"""Sending back, cancelling, separation of duties, one decision for many candidates and the numbered protocol
(README, "Attestation": the workflow and its guards)."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from attestation import services
from attestation.documents import document_html, document_pdf
from attestation.models import Candidate, Session
from tests.attestation.test_sessions import SESSION_DAY, social_worker
from tests.factories import UserFactory

D = datetime.date
TODAY = D(2027, 1, 20)
State = Session.State


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import attestation.services
    import personnel.services
    import staffing.services

    monkeypatch.setattr(attestation.services, "today", lambda: TODAY)
    monkeypatch.setattr(staffing.services, "today", lambda: TODAY)
    monkeypatch.setattr(personnel.services, "today", lambda: TODAY)


def new_session(centre, hr, day=SESSION_DAY):
    session = services.session_create(centre=centre, day=day, user=hr)
    services.commission_member_add(session=session, user=hr, name="Төраға", role="chair")
    services.commission_member_add(session=session, user=hr, name="Хатшы", role="secretary")
    services.commission_member_add(session=session, user=hr, name="Мүше", role="member")
    return session


def decide_all(session, hr, decision="confirm", votes=(3, 0, 0)):
    for candidate in session.candidates.filter(removed=False):
        services.candidate_record_decision(
            candidate=candidate,
            user=hr,
            expected_version=candidate.version,
            decision=decision,
            votes_for=votes[0],
            votes_against=votes[1],
            votes_abstained=votes[2],
        )


def hold(session, hr, day=SESSION_DAY):
    services.session_propose_candidates(session=session, user=hr)
    services.session_fix_candidates(session=session, user=hr)
    services.session_record_meeting(session=session, user=hr, day=day, members_present=3)
    decide_all(session, hr)
    return services.session_hold(session=session, user=hr)


@pytest.fixture
def staff(centre):
    return [
        social_worker(centre, "001", since=D(2025, 11, 1)),  # eligible
        social_worker(centre, "002", since=D(2026, 6, 1), hire=D(2020, 1, 1)),  # periodic
    ]


@pytest.fixture
def held(centre, hr_officer, staff):
    return hold(new_session(centre, hr_officer), hr_officer)


def codes(action, **kwargs):
    with pytest.raises(ValidationError) as error:
        action(**kwargs)
    return error.value.code


# Send back.


def test_the_director_sends_a_held_session_back_to_hr_who_decide_again_and_the_director_approves(
    held, hr_officer, director
):
    number = held.protocol_label
    services.session_send_back(session=held, user=director, to_state=State.CANDIDATES_FIXED, reason="Дауыстар қате")
    held.refresh_from_db()
    assert held.state == State.CANDIDATES_FIXED
    last = held.transitions.last()
    assert (last.from_state, last.to_state, last.reason, last.by) == (
        State.COMMISSION_HELD,
        State.CANDIDATES_FIXED,
        "Дауыстар қате",
        director,
    )
    decide_all(held, hr_officer, decision="postpone", votes=(2, 1, 0))
    services.session_hold(session=held, user=hr_officer)
    services.session_approve(session=held, user=director, day=D(2026, 12, 12))
    held.refresh_from_db()
    assert held.state == State.APPROVED and held.protocol_label == number  # the protocol keeps its number
    assert set(held.candidates.values_list("decision", flat=True)) == {"postpone"}


def test_an_approved_session_without_its_order_goes_back_to_commission_held_and_loses_its_approval(held, director):
    services.session_approve(session=held, user=director, day=D(2026, 12, 12))
    services.session_send_back(session=held, user=director, to_state=State.COMMISSION_HELD, reason="Қайта қараймын")
    held.refresh_from_db()
    assert (held.state, held.approved_on) == (State.COMMISSION_HELD, None)
    services.session_approve(session=held, user=director, day=D(2026, 12, 14))
    held.refresh_from_db()
    assert (held.state, held.approved_on) == (State.APPROVED, D(2026, 12, 14))


def test_send_back_refusals(held, hr_officer, director):
    send = services.session_send_back
    assert codes(send, session=held, user=director, to_state=State.CANDIDATES_FIXED, reason=" ") == "reason"
    assert codes(send, session=held, user=director, to_state=State.COMMISSION_HELD, reason="x") == "send_back_target"
    assert codes(send, session=held, user=director, to_state=State.DRAFT, reason="x") == "send_back_target"
    with pytest.raises(PermissionDenied):  # HR does not send back
        send(session=held, user=hr_officer, to_state=State.CANDIDATES_FIXED, reason="x")
    services.session_approve(session=held, user=director, day=D(2026, 12, 12))
    services.session_issue_order(session=held, user=hr_officer, number="1", day=D(2026, 12, 15))
    assert codes(send, session=held, user=director, to_state=State.COMMISSION_HELD, reason="x") == "state"


# Cancel.


def test_hr_cancels_a_session_without_an_order_and_its_candidates_are_free(centre, hr_officer, staff):
    first = new_session(centre, hr_officer)
    services.session_propose_candidates(session=first, user=hr_officer)
    assert codes(services.session_cancel, session=first, user=hr_officer, reason="") == "reason"
    services.session_cancel(session=first, user=hr_officer, reason="Комиссия құрамы өзгерді")
    first.refresh_from_db()
    assert first.state == State.CANCELLED and first.transitions.last().reason == "Комиссия құрамы өзгерді"
    second = new_session(centre, hr_officer)
    assert len(services.session_propose_candidates(session=second, user=hr_officer).created) == 2
    assert codes(services.session_cancel, session=first, user=hr_officer, reason="Тағы") == "state"


def test_an_approved_session_can_be_cancelled_but_not_one_with_its_order(held, hr_officer, director):
    with pytest.raises(PermissionDenied):  # the director sends back; HR cancels
        services.session_cancel(session=held, user=director, reason="x")
    services.session_approve(session=held, user=director, day=D(2026, 12, 12))
    services.session_issue_order(session=held, user=hr_officer, number="1", day=D(2026, 12, 15))
    assert codes(services.session_cancel, session=held, user=hr_officer, reason="x") == "state"


def test_a_cancelled_session_is_locked(centre, hr_officer):
    session = new_session(centre, hr_officer)
    services.session_cancel(session=session, user=hr_officer, reason="Қате")
    session.refresh_from_db()
    assert session.is_locked
    assert codes(services.commission_member_add, session=session, user=hr_officer, name="X", role="member") == "state"


# Separation of duties.


@pytest.fixture
def both_roles(centre):
    return UserFactory(username="hr-and-director", roles=["hr_officer", "centre_director"], centres=[centre])


def test_who_recorded_the_decisions_cannot_approve(centre, staff, both_roles, director):
    session = hold(new_session(centre, both_roles), both_roles)
    assert codes(services.session_approve, session=session, user=both_roles) == "separation_of_duties"
    assert services.session_approve(session=session, user=director, day=D(2026, 12, 12)).state == State.APPROVED


def test_separation_of_duties_is_a_setting(centre, staff, both_roles, settings):
    settings.ATTESTATION_SEPARATE_APPROVAL = False
    session = hold(new_session(centre, both_roles), both_roles)
    assert services.session_approve(session=session, user=both_roles, day=D(2026, 12, 12)).state == State.APPROVED


def test_a_user_holding_both_roles_sees_why_they_cannot_approve(client_of, centre, staff, both_roles, director):
    session = hold(new_session(centre, both_roles), both_roles)
    url = reverse("attestation:session", args=[session.pk])
    page = client_of(both_roles).get(url).content.decode()
    assert 'data-testid="approval-blocked"' in page and 'data-testid="approve"' not in page
    assert "міндеттерді бөлу" in page  # "separation of duties", in Kazakh
    page = client_of(director).get(url).content.decode()
    assert 'data-testid="approve"' in page and 'data-testid="approval-blocked"' not in page
    response = client_of(both_roles).post(reverse("attestation:session_step", args=[session.pk, "approve"]))
    assert response.status_code == 302 and Session.objects.get(pk=session.pk).state == State.COMMISSION_HELD


# One decision for many candidates.


@pytest.fixture
def deciding(centre, hr_officer, staff):
    session = new_session(centre, hr_officer)
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    services.session_record_meeting(session=session, user=hr_officer, day=SESSION_DAY, members_present=3)
    return session


def versions(session):
    return dict(session.candidates.values_list("pk", "version"))


def test_one_decision_for_many_candidates_gives_each_its_own_vote_record(deciding, hr_officer):
    decided = services.candidates_record_decision(
        session=deciding, versions=versions(deciding), user=hr_officer, decision="confirm", votes_for=2, votes_against=1
    )
    assert len(decided) == 2
    rows = set(deciding.candidates.values_list("decision", "votes_for", "votes_against", "votes_abstained", "version"))
    assert rows == {("confirm", 2, 1, 0, 2)}
    assert set(deciding.candidates.values_list("decided_by", flat=True)) == {hr_officer.pk}
    assert Candidate.history.filter(session_id=deciding.pk, decision="confirm").count() == 2
    # each keeps its own frozen verdict
    assert sorted(deciding.candidates.values_list("eligible", flat=True)) == [False, True]


def test_bulk_refusals_change_nothing(deciding, hr_officer, other_centre, other_hr_officer):
    bulk = services.candidates_record_decision
    everyone = versions(deciding)
    # the periodic candidate is not eligible: assigning needs the chair's reason on their own page
    assert (
        codes(
            bulk,
            session=deciding,
            versions=everyone,
            user=hr_officer,
            decision="assign_next",
            votes_for=3,
            votes_against=0,
        )
        == "override"
    )
    assert (
        codes(
            bulk, session=deciding, versions=everyone, user=hr_officer, decision="confirm", votes_for=1, votes_against=2
        )
        == "no_majority"
    )
    assert (
        codes(
            bulk, session=deciding, versions=everyone, user=hr_officer, decision="confirm", votes_for=4, votes_against=0
        )
        == "votes_over_members"
    )
    assert (
        codes(bulk, session=deciding, versions={}, user=hr_officer, decision="confirm", votes_for=3, votes_against=0)
        == "empty"
    )
    stale = {pk: version + 1 for pk, version in everyone.items()}
    assert (
        codes(bulk, session=deciding, versions=stale, user=hr_officer, decision="confirm", votes_for=3, votes_against=0)
        == "stale"
    )
    other = new_session(other_centre, other_hr_officer)
    with pytest.raises(PermissionDenied):
        bulk(session=other, versions=everyone, user=hr_officer, decision="confirm", votes_for=3, votes_against=0)
    assert set(deciding.candidates.values_list("decision", flat=True)) == {""}


def test_the_page_records_one_decision_for_the_ticked_periodic_candidates(client_of, deciding, hr_officer):
    client = client_of(hr_officer)
    page = client.get(
        reverse("attestation:session", args=[deciding.pk]), {"select": "periodic_meeting"}
    ).content.decode()
    periodic = deciding.candidates.get(source="periodic")
    assert (
        f'value="{periodic.pk}:{periodic.version}" form="bulk-form" aria-label="{periodic.employee.full_name}" data-testid="tick" checked'
        in page
    )
    response = client.post(
        reverse("attestation:candidates_decide", args=[deciding.pk]),
        {
            "candidates": [f"{periodic.pk}:{periodic.version}"],
            "decision": "confirm",
            "votes_for": "3",
            "votes_against": "0",
            "votes_abstained": "0",
        },
    )
    assert response.status_code == 302
    assert dict(deciding.candidates.values_list("source", "decision")) == {"periodic": "confirm", "eligible": ""}
    response = client.post(
        reverse("attestation:candidates_decide", args=[deciding.pk]),
        {
            "candidates": ["999999:1"],
            "decision": "confirm",
            "votes_for": str(10**30),
            "votes_against": "0",
            "votes_abstained": "0",
        },
        follow=True,
    )
    assert response.status_code == 200


# The protocol's number, layout and page numbers.


def test_protocols_are_numbered_per_centre_and_year_of_the_meeting(
    centre, hr_officer, staff, other_centre, other_hr_officer
):
    first = hold(new_session(centre, hr_officer, day=D(2026, 12, 1)), hr_officer, day=D(2026, 12, 1))
    services.session_cancel(session=first, user=hr_officer, reason="Қайта өткізіледі")  # the number stays taken
    second = hold(new_session(centre, hr_officer, day=D(2026, 12, 20)), hr_officer, day=D(2026, 12, 20))
    services.session_cancel(session=second, user=hr_officer, reason="Қайта өткізіледі")
    third = hold(new_session(centre, hr_officer, day=D(2027, 1, 10)), hr_officer, day=D(2027, 1, 10))
    social_worker(other_centre, "101", since=D(2025, 11, 1))
    elsewhere = hold(
        new_session(other_centre, other_hr_officer, day=D(2026, 12, 20)), other_hr_officer, day=D(2026, 12, 20)
    )
    labels = [Session.objects.get(pk=s.pk).protocol_label for s in (first, second, third, elsewhere)]
    assert labels == ["1/2026", "2/2026", "1/2027", "1/2026"]


def test_the_documents_show_the_protocol_number_with_a_landscape_table_and_page_numbers(held, director, hr_officer):
    html = document_html("protocol", held, language="kk")
    assert "№ 1/2026" in html
    services.session_approve(session=held, user=director, day=D(2026, 12, 12))
    services.session_issue_order(session=held, user=hr_officer, number="7-Ж", day=D(2026, 12, 15))
    held.refresh_from_db()
    assert "№ 1/2026" in document_html("order", held, language="ru")
    reader = PdfReader(io.BytesIO(document_pdf("protocol", held, language="kk")))
    pages = reader.pages
    total = len(pages)
    assert total >= 2
    first, last = pages[0].mediabox, pages[-1].mediabox
    assert first.width < first.height  # the title page and the commission: portrait
    assert last.width > last.height  # the table of candidates: landscape
    assert "№ 1/2026" in pages[0].extract_text()
    assert f"1 / {total}" in pages[0].extract_text() and f"{total} / {total}" in pages[-1].extract_text()


@pytest.mark.parametrize(
    ("name", "allowed"),
    [("session_send_back", "director"), ("session_cancel", "hr"), ("candidates_decide", "hr")],
)
def test_each_step_refuses_the_wrong_role_and_other_centres(
    client_of, held, hr_officer, director, other_hr_officer, name, allowed
):
    url = reverse(f"attestation:{name}", args=[held.pk])
    wrong = {"hr": director, "director": hr_officer}[allowed]
    assert client_of(wrong).post(url, {"reason": "x", "to_state": "candidates_fixed"}).status_code == 403
    assert client_of(other_hr_officer).post(url, {"reason": "x"}).status_code == 404
    assert Session.objects.get(pk=held.pk).state == State.COMMISSION_HELD
