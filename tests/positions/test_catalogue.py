"""Loading, versioning, amending and reading the catalogue (order No. 580-НҚ with No. 188-НҚ)."""

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from positions import selectors
from positions.models import Clause, ClauseVersion, LegalAct, Position, Requirement
from positions.services import catalogue_load, clause_amend, requirement_amend

BEFORE = datetime.date(2026, 7, 11)
AMENDED = datetime.date(2026, 7, 12)  # 188-НҚ's new wordings apply from this date
AMENDED_CLAUSES = [(5, 9), (8, 9), (11, 9), (14, 5), (17, 4), (20, 5), (26, 7), (32, 7), (35, 7), (38, 6)]


def clause(item, number):
    return Clause.objects.get(item__number=item, number=number)


def test_the_catalogue_holds_the_twelve_positions_and_items_1_to_39(db):
    assert list(Position.objects.values_list("code", flat=True)) == [
        "director",
        "deputy_director",
        "unit_head",
        "social_worker",
        "social_work_specialist",
        "psychologist",
        "media_relations_specialist",
        "analytics_specialist",
        "infosec_it_specialist",
        "prevention_specialist",
        "case_manager",
        "lawyer",
    ]
    assert [p.group for p in Position.objects.all()] == ["heads"] * 3 + ["specialists"] * 9


def test_loading_again_changes_nothing(db):
    before = (ClauseVersion.objects.count(), Requirement.objects.count(), Clause.objects.count())
    report = catalogue_load()
    assert not report.changed
    assert (ClauseVersion.objects.count(), Requirement.objects.count(), Clause.objects.count()) == before


def test_loading_again_keeps_an_editors_amendment(db):
    act = LegalAct.objects.get(number="188-НҚ")
    clause_amend(clause=clause(4, 2), act=act, text="Жаңа редакция.", valid_from=datetime.date(2026, 9, 1))
    catalogue_load()
    texts = list(clause(4, 2).versions.values_list("text", flat=True))
    assert texts[-1] == "Жаңа редакция." and len(texts) == 2


@pytest.mark.parametrize(("item", "number"), AMENDED_CLAUSES)
def test_amended_clauses_have_an_unknown_previous_wording_until_12_07_2026(db, item, number):
    versions = list(clause(item, number).versions.order_by("valid_to").select_related("act"))
    old, new = sorted(versions, key=lambda v: v.valid_from or datetime.date.min)
    assert old.text is None and old.valid_to == AMENDED and old.act.number == "580-НҚ"
    assert new.text and new.valid_from == AMENDED and new.act.number == "188-НҚ"
    assert "188-НҚ" in new.note


def test_the_paragraph_12_title_was_amended_on_a_date_not_in_the_source(db):
    title = Position.objects.get(code="lawyer").title_clause.versions.get()
    assert title.text == '"Заңгер"' and title.act.number == "188-НҚ" and title.valid_from is None


def test_wording_as_of_a_date_around_12_07_2026(db):
    psychologist = Position.objects.get(code="psychologist")
    before = selectors.position_document(psychologist, BEFORE)
    after = selectors.position_document(psychologist, AMENDED)
    knowledge_before = before.items[1].clauses[4]
    knowledge_after = after.items[1].clauses[4]
    assert knowledge_before.number == 5 and knowledge_before.text is None
    assert knowledge_after.text.startswith('"Тұрмыстық зорлық-зомбылық профилактикасы туралы"')
    assert knowledge_after.amended


def test_comparison_highlights_exactly_the_amended_clause(db):
    changes = selectors.position_comparison(Position.objects.get(code="lawyer"), BEFORE, AMENDED)
    assert [change.label for change in changes if change.changed] == ["38.6"]


def test_the_database_forbids_overlapping_versions(db):
    act = LegalAct.objects.get(number="188-НҚ")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClauseVersion.objects.create(
            clause=clause(5, 9),
            act=act,
            text="x",
            valid_from=datetime.date(2026, 8, 1),
            valid_to=datetime.date(2026, 9, 1),
        )


def test_amending_closes_the_current_wording_and_keeps_it(db):
    act = LegalAct.objects.get(number="188-НҚ")
    new = clause_amend(clause=clause(13, 2), act=act, text="  Жаңа   мәтін. ", valid_from=datetime.date(2026, 12, 1))
    assert new.text == "Жаңа мәтін."
    old = clause(13, 2).versions.get(valid_to=datetime.date(2026, 12, 1))
    assert old.text.startswith("өз қызметін ішкі істер органдарының")


@pytest.mark.parametrize(
    ("valid_from", "code"),
    [(datetime.date(2026, 7, 12), "dates_out_of_order"), (datetime.date(2026, 1, 1), "before_act")],
)
def test_amendments_with_dates_out_of_order_are_refused(db, valid_from, code):
    act = LegalAct.objects.get(number="188-НҚ")
    with pytest.raises(ValidationError) as error:
        clause_amend(clause=clause(5, 9), act=act, text="x", valid_from=valid_from)
    assert error.value.code == code


def test_an_act_cannot_come_into_force_before_it_is_signed(db):
    act = LegalAct(
        number="1-НҚ",
        signed_on=datetime.date(2026, 5, 1),
        title="t",
        issuer="i",
        effective_on=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        act.full_clean()
    assert "effective_on" in error.value.message_dict


def test_requirement_amendment_is_effective_dated(db):
    psychologist = Position.objects.get(code="psychologist")
    act = LegalAct.objects.get(number="188-НҚ")
    current = Requirement.objects.get(position=psychologist, category="second", valid_to__isnull=True)
    alternatives = json.loads(json.dumps(current.alternatives))
    alternatives[0]["experience"]["years"] = 2
    requirement_amend(
        position=psychologist,
        qualification_level="",
        category="second",
        item=current.item,
        act=act,
        alternatives=alternatives,
        valid_from=datetime.date(2027, 1, 1),
    )
    on = {
        day: Requirement.objects.in_force_on(day).get(position=psychologist, category="second")
        for day in (datetime.date(2026, 12, 31), datetime.date(2027, 1, 1))
    }
    assert on[datetime.date(2026, 12, 31)].alternatives[0]["experience"]["years"] == 3
    assert on[datetime.date(2027, 1, 1)].alternatives[0]["experience"]["years"] == 2


def test_requirement_with_unknown_codes_is_refused(db):
    psychologist = Position.objects.get(code="psychologist")
    current = Requirement.objects.get(position=psychologist, category="none")
    bad = [{"education": [{"levels": ["doctorate"], "fields": ["astrology"]}], "experience": None}]
    with pytest.raises(ValidationError) as error:
        requirement_amend(
            position=psychologist,
            qualification_level="",
            category="none",
            item=current.item,
            act=current.act,
            alternatives=bad,
            valid_from=datetime.date(2027, 1, 1),
        )
    assert "doctorate" in str(error.value) and "astrology" in str(error.value)


@pytest.mark.parametrize("query", ["ПСИХОЛОГИЯСЫН", "психологиясын", "Әлеуметтік Кодексті", "ҚАДАРЛАРДЫ"])
def test_search_ignores_case_of_kazakh_letters(db, query):
    hits = selectors.clause_search(query, AMENDED)
    assert hits
    assert all(all(word in hit.text.lower() for word in query.lower().split()) for hit in hits)


def test_export_catalogue_is_deterministic_and_follows_the_date(db):
    def export(day):
        out = io.StringIO()
        call_command("export_catalogue", "--format", "json", "--as-of", day, stdout=out)
        return out.getvalue()

    first, second = export("2026-07-12"), export("2026-07-12")
    assert first == second
    data = json.loads(first)
    lawyer = data["positions"][-1]
    assert lawyer["code"] == "lawyer"
    knowledge = lawyer["items"][1]
    amended = [c for c in knowledge["clauses"] if c["amendment"]]
    assert [(c["number"], c["amendment"]["act"], c["amendment"]["in_force_from"]) for c in amended] == [
        (6, "188-НҚ", "2026-07-12")
    ]
    before = json.loads(export("2026-07-11"))["positions"][-1]["items"][1]["clauses"]
    assert [c["text"] for c in before if c["number"] == 6] == [None]
    assert {r["category"] for r in data["positions"][5]["requirements"]} == {"none", "second", "first"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("positions:list", "Психолог (әлеуметтік психолог)"),
        ("positions:detail", "Біліктілікке қойылатын талаптар"),
    ],
)
def test_every_signed_in_user_reads_the_catalogue(client_of, db, url, expected):
    from tests.factories import UserFactory

    client = client_of(UserFactory(username="reader"))
    args = ["psychologist"] if url == "positions:detail" else []
    response = client.get(reverse(url, args=args), {"on": "2026-07-12"})
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_position_page_shows_amendment_markers_and_the_unknown_wording(client_of, editor):
    client = client_of(editor)
    after = client.get(reverse("positions:detail", args=["social_worker"]), {"on": "2026-07-12"}).content.decode()
    before = client.get(reverse("positions:detail", args=["social_worker"]), {"on": "2026-07-11"}).content.decode()
    assert 'data-testid="amendment-marker"' in after and "12.07.2026" in after
    assert 'data-testid="unknown-wording"' in before


def test_position_page_runs_a_fixed_number_of_queries(client_of, editor, django_assert_max_num_queries):
    client = client_of(editor)
    client.get(reverse("positions:detail", args=["director"]))
    # session, user, groups (menu), position, title clause + versions, items + clauses + versions, requirements, fields
    with django_assert_max_num_queries(12):
        client.get(reverse("positions:detail", args=["social_worker"]))
