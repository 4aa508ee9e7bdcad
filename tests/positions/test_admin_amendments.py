"""Catalogue editors record amendments in the admin; history is never overwritten (README, "The catalogue")."""

import datetime

from django.urls import reverse

from positions.models import Clause, ClauseVersion, LegalAct, Requirement
from tests.positions.test_requirement_editor import editor_html, posted


def test_an_editor_records_a_new_wording_and_the_old_one_stays(client_of, editor):
    clause = Clause.objects.get(item__number=37, number=2)
    act = LegalAct.objects.get(number="188-НҚ")
    response = client_of(editor).post(
        reverse("admin:positions_clauseversion_add"),
        {
            "clause": clause.pk,
            "act": act.pk,
            "valid_from": "2027-01-01",
            "text": "Жаңа редакциядағы абзац.",
            "text_ru": "",
            "note": "Өзгеріс",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = list(clause.versions.values_list("text", "valid_from", "valid_to"))
    assert versions[0][2] == datetime.date(2027, 1, 1)
    assert versions[-1] == ("Жаңа редакциядағы абзац.", datetime.date(2027, 1, 1), None)
    latest = ClauseVersion.history.filter(clause_id=clause.pk).latest("history_date")
    assert latest.history_user == editor


def test_an_amendment_with_dates_out_of_order_is_refused_with_a_message(client_of, editor):
    clause = Clause.objects.get(item__number=5, number=9)  # new wording from 12.07.2026
    act = LegalAct.objects.get(number="188-НҚ")
    client = client_of(editor)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("admin:positions_clauseversion_add"),
        {
            "clause": clause.pk,
            "act": act.pk,
            "valid_from": "2026-07-01",
            "text": "x",
            "text_ru": "",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "can only be amended from a later date" in response.content.decode()
    assert clause.versions.count() == 2


def test_an_editor_amends_a_requirement(client_of, editor):
    current = Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)
    controls = posted(editor_html(current.alternatives))  # the structured editor, as a browser posts it
    controls.setlist("alternatives-0-years", ["2"])
    response = client_of(editor).post(
        reverse("admin:positions_requirement_add"),
        {
            **dict(controls.lists()),
            "position": current.position.pk,
            "qualification_level": "",
            "category": "",
            "item": current.item.pk,
            "act": LegalAct.objects.get(number="188-НҚ").pk,
            "valid_from": "2027-01-01",
        },
    )
    assert response.status_code == 302
    assert Requirement.objects.filter(position__code="lawyer").count() == 2
    assert (
        Requirement.objects.in_force_on(datetime.date(2027, 1, 1))
        .get(position__code="lawyer")
        .alternatives[0]["experience"]["years"]
        == 2
    )


def test_recorded_versions_cannot_be_deleted(client_of, editor):
    version = ClauseVersion.objects.first()
    response = client_of(editor).post(
        reverse("admin:positions_clauseversion_delete", args=[version.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert ClauseVersion.objects.filter(pk=version.pk).exists()


def test_the_clause_picker_shows_each_clauses_wording_and_a_new_wording_starts_from_it(client_of, editor):
    clause = Clause.objects.get(item__number=37, number=2)
    latest = clause.versions.get(valid_to__isnull=True).text
    client = client_of(editor)
    form = client.get(reverse("admin:positions_clauseversion_add")).context["adminform"].form
    labels = dict(form.fields["clause"].choices)
    label = next(text for value, text in labels.items() if getattr(value, "value", value) == clause.pk)
    assert label.startswith("37-тармақ, 2-абзац — ") and latest[:40] in label
    html = client.get(reverse("admin:positions_clauseversion_add")).content.decode()
    assert f'data-wording="{latest[:30]}' in html
    chosen = client.get(reverse("admin:positions_clauseversion_add"), {"clause": clause.pk})
    assert chosen.context["adminform"].form.initial["text"] == latest


def test_a_clause_in_the_address_that_is_not_a_number_opens_an_empty_form(client_of, editor):
    """?clause= comes from the address bar: anything typed there opens the form, never a server error."""
    response = client_of(editor).get(reverse("admin:positions_clauseversion_add"), {"clause": "abc"})
    assert response.status_code == 200
    assert response.context["adminform"].form.initial.get("text", "") == ""
