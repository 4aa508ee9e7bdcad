"""A session a commission can trust: one open file per person, votes that add up, a quorum, a majority the
chair's override cannot replace, dates in order (README, "Attestation": the workflow and its guards).

Each refusal is tested through the service that makes it, by its code; the pages show the same refusals as
form errors in the user's language, never a server error."""

import datetime
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from attestation import services
from attestation.models import Candidate, Session
from tests.attestation.test_sessions import SESSION_DAY, social_worker

D = datetime.date
TODAY = D(2027, 1, 20)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import attestation.services
    import personnel.services
    import staffing.services

    monkeypatch.setattr(attestation.services, "today", lambda: TODAY)
    monkeypatch.setattr(staffing.services, "today", lambda: TODAY)
    monkeypatch.setattr(personnel.services, "today", lambda: TODAY)


@pytest.fixture
def worker(centre):
    return social_worker(centre, "001", since=D(2025, 11, 1))  # eligible for the first category


def new_session(centre, hr_officer, members=4, day=SESSION_DAY):
    session = services.session_create(centre=centre, day=day, user=hr_officer)
    services.commission_member_add(session=session, user=hr_officer, name="Төраға", role="chair")
    for number in range(members - 1):
        services.commission_member_add(session=session, user=hr_officer, name=f"Мүше {number}", role="member")
    return session


@pytest.fixture
def fixed(centre, hr_officer, worker):
    """Four members, the candidate taken and the list fixed; the meeting not yet recorded."""
    session = new_session(centre, hr_officer)
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    return session


def meet(session, hr_officer, present=4, day=SESSION_DAY):
    return services.session_record_meeting(session=session, user=hr_officer, day=day, members_present=present)


def decide(session, hr_officer, decision="assign_next", votes=(4, 0, 0), **extra):
    candidate = session.candidates.get()
    return services.candidate_record_decision(
        candidate=candidate,
        user=hr_officer,
        expected_version=candidate.version,
        decision=decision,
        votes_for=votes[0],
        votes_against=votes[1],
        votes_abstained=votes[2],
        **extra,
    )


def refused(code, action, *args, **kwargs):
    with pytest.raises(ValidationError) as error:
        action(*args, **kwargs)
    assert error.value.code == code, error.value.messages
    return error.value.messages[0]


# One open file per person.


def test_an_employee_in_an_unfinished_session_is_refused_elsewhere_with_the_session_named(centre, hr_officer, worker):
    first = new_session(centre, hr_officer, day=D(2026, 12, 1))
    services.session_propose_candidates(session=first, user=hr_officer)
    second = new_session(centre, hr_officer)
    assert services.session_propose_candidates(session=second, user=hr_officer).created == []
    message = refused(
        "open_elsewhere", services.candidate_add, session=second, employee=worker, reason="Өтініш", user=hr_officer
    )
    assert "01.12.2026" in message and centre.name in message


def test_an_approved_session_without_its_order_still_holds_the_file_and_the_order_releases_it(
    centre, hr_officer, director, fixed, worker
):
    meet(fixed, hr_officer)
    decide(fixed, hr_officer)
    services.session_hold(session=fixed, user=hr_officer)
    services.session_approve(session=fixed, user=director, day=SESSION_DAY)
    second = new_session(centre, hr_officer, day=D(2027, 1, 15))
    refused("open_elsewhere", services.candidate_add, session=second, employee=worker, reason="Өтініш", user=hr_officer)
    services.session_issue_order(session=fixed, user=hr_officer, number="5-Ж", day=D(2026, 12, 15))
    assert services.candidate_add(session=second, employee=worker, reason="Өтініш", user=hr_officer).pk


def test_a_removed_candidacy_holds_nothing(centre, hr_officer, worker):
    first = new_session(centre, hr_officer, day=D(2026, 12, 1))
    [candidate] = services.session_propose_candidates(session=first, user=hr_officer).created
    services.candidate_remove(candidate=candidate, reason="Қате", user=hr_officer)
    second = new_session(centre, hr_officer)
    assert [c.employee for c in services.session_propose_candidates(session=second, user=hr_officer).created] == [
        worker
    ]


# The meeting: quorum and members present.


@pytest.mark.parametrize(
    ("members", "present", "code"),
    [
        (4, 2, "no_quorum"),  # two thirds of 4 is 2.67: three must be present
        (4, 5, "present_over_members"),
        (3, 1, "no_quorum"),
    ],
)
def test_the_meeting_needs_a_quorum_and_no_more_present_than_members(
    centre, hr_officer, worker, members, present, code
):
    session = new_session(centre, hr_officer, members=members)
    services.session_propose_candidates(session=session, user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    refused(code, meet, session, hr_officer, present=present)


def test_three_of_four_is_a_quorum(fixed, hr_officer):
    assert meet(fixed, hr_officer, present=3).members_present == 3


def test_the_quorum_is_a_setting(fixed, hr_officer, settings):
    settings.ATTESTATION_QUORUM = Fraction(1, 2)
    assert meet(fixed, hr_officer, present=2).members_present == 2
    assert services.quorum(5) == 3


def test_the_commission_cannot_change_once_it_has_met(fixed, hr_officer):
    meet(fixed, hr_officer)
    refused("commission_met", services.commission_member_add, session=fixed, user=hr_officer, name="X", role="member")
    member = fixed.members.last()
    refused("commission_met", services.commission_member_remove, member=member, user=hr_officer)


def test_the_meeting_cannot_be_corrected_to_another_count_once_votes_are_recorded(fixed, hr_officer):
    meet(fixed, hr_officer, present=4)
    decide(fixed, hr_officer, votes=(3, 1, 0))
    refused("votes_recorded", meet, fixed, hr_officer, present=3)
    assert meet(fixed, hr_officer, present=4, day=D(2026, 12, 11)).commission_date == D(2026, 12, 11)


# Votes.


def test_decisions_wait_for_the_meeting(fixed, hr_officer):
    refused("no_meeting", decide, fixed, hr_officer)
    refused("no_meeting", services.session_hold, session=fixed, user=hr_officer)


@pytest.mark.parametrize(
    ("decision", "votes", "code"),
    [
        ("confirm", (7, 0, 0), "votes_over_members"),  # 7 votes from a 4-member commission
        ("not_meet", (0, 5, 0), "votes_over_members"),
        ("confirm", (2, 1, 0), "votes_sum"),  # 4 present, 3 votes
        ("postpone", (2, 2, 1), "votes_sum"),
        ("confirm", (-1, 5, 0), "votes_negative"),
        ("assign_next", (0, 4, 0), "no_majority"),  # 0 for and 4 against
        ("assign_next", (2, 2, 0), "no_majority"),  # a tie is no majority
        ("confirm", (2, 0, 2), "no_majority"),  # abstentions count among those present
    ],
)
def test_votes_that_do_not_add_up_are_refused(fixed, hr_officer, decision, votes, code):
    meet(fixed, hr_officer)
    refused(code, decide, fixed, hr_officer, decision=decision, votes=votes)
    assert Candidate.objects.get(session=fixed).decision == ""


@pytest.mark.parametrize(
    ("decision", "votes"),
    [("assign_next", (3, 1, 0)), ("confirm", (3, 0, 1)), ("not_meet", (1, 3, 0)), ("postpone", (2, 2, 0))],
)
def test_votes_that_add_up_are_recorded_with_who_recorded_them(fixed, hr_officer, decision, votes):
    meet(fixed, hr_officer)
    candidate = decide(fixed, hr_officer, decision=decision, votes=votes)
    assert (candidate.votes_for, candidate.votes_against, candidate.votes_abstained) == votes
    assert candidate.decided_by == hr_officer


def test_the_chairs_override_never_replaces_the_majority(centre, hr_officer):
    not_yet = social_worker(centre, "002", since=D(2026, 6, 1))
    session = new_session(centre, hr_officer)
    services.candidate_add(session=session, employee=not_yet, reason="Өтініш", user=hr_officer)
    services.session_fix_candidates(session=session, user=hr_officer)
    meet(session, hr_officer)
    reason = "Ерекше жетістіктері"
    refused("no_majority", decide, session, hr_officer, votes=(1, 3, 0), override_reason=reason)
    refused("override", decide, session, hr_officer, votes=(4, 0, 0))
    assert decide(session, hr_officer, votes=(3, 1, 0), override_reason=reason).override_reason == reason


# Dates in order.


def test_the_commission_meets_on_or_after_the_session_date_and_not_in_the_future(fixed, hr_officer):
    refused("meeting_before_session", meet, fixed, hr_officer, day=SESSION_DAY - datetime.timedelta(days=13))
    refused("meeting_future", meet, fixed, hr_officer, day=TODAY + datetime.timedelta(days=1))
    assert meet(fixed, hr_officer, day=SESSION_DAY).commission_date == SESSION_DAY


@pytest.fixture
def held(fixed, hr_officer):
    meet(fixed, hr_officer, day=D(2026, 12, 12))
    decide(fixed, hr_officer)
    return services.session_hold(session=fixed, user=hr_officer)


def test_the_approval_follows_the_meeting_and_is_not_in_the_future(held, director):
    refused("approval_before_meeting", services.session_approve, session=held, user=director, day=D(2026, 12, 11))
    refused("approval_future", services.session_approve, session=held, user=director, day=TODAY + datetime.timedelta(1))
    assert services.session_approve(session=held, user=director).approved_on == TODAY  # today by default


def test_the_order_follows_the_approval(held, director, hr_officer):
    services.session_approve(session=held, user=director, day=D(2026, 12, 20))
    refused(
        "order_before_approval",
        services.session_issue_order,
        session=held,
        user=hr_officer,
        number="1",
        day=D(2026, 12, 19),
    )
    refused(
        "future",
        services.session_issue_order,
        session=held,
        user=hr_officer,
        number="1",
        day=TODAY + datetime.timedelta(1),
    )
    assert services.session_issue_order(session=held, user=hr_officer, number="1", day=D(2026, 12, 20)).state == (
        Session.State.ORDER_ISSUED
    )


# The pages: form errors in the user's language, never a server error.

DECISION_ERRORS = {
    "kk": "Мұндай мүшесі бар комиссия жоқ.",
    "ru": "В комиссии не бывает столько членов.",
    "en": "No commission has that many members.",
}
SUM_ERRORS = {
    "kk": "қатысқан 4 мүше",
    "ru": "присутствовало членов комиссии: 4",
    "en": "but 4 members were present",
}


def post_decision(client, session, language, **votes):
    client.cookies["django_language"] = language
    candidate = session.candidates.get()
    data = {"decision": "confirm", "votes_for": 4, "votes_against": 0, "votes_abstained": 0, "version": 1, **votes}
    return client.post(reverse("attestation:candidate", args=[candidate.pk]), data)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_vote_counts_beyond_any_commission_are_a_form_error(client_of, hr_officer, fixed, language):
    meet(fixed, hr_officer)
    client = client_of(hr_officer)
    for huge in (40000, 10**30):  # beyond a small integer column, and beyond any integer column
        response = post_decision(client, fixed, language, votes_for=huge)
        assert response.status_code == 200
        assert DECISION_ERRORS[language] in response.content.decode()
    assert Candidate.objects.get(session=fixed).decision == ""


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_votes_that_do_not_add_up_are_a_form_error_in_the_users_language(client_of, hr_officer, fixed, language):
    meet(fixed, hr_officer)
    response = post_decision(client_of(hr_officer), fixed, language, votes_for=2)
    assert response.status_code == 200
    assert SUM_ERRORS[language] in response.content.decode()


def test_a_meeting_without_quorum_is_shown_as_a_message(client_of, hr_officer, fixed):
    client = client_of(hr_officer)
    url = reverse("attestation:session_meeting", args=[fixed.pk])
    response = client.post(url, {"day": "2026-12-10", "members_present": "2"}, follow=True)
    assert "кворум" in response.content.decode().lower()
    response = client.post(url, {"day": "2026-12-10", "members_present": str(10**30)}, follow=True)
    assert response.status_code == 200
    assert Session.objects.get(pk=fixed.pk).commission_date is None
