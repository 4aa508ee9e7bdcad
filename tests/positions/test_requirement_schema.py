"""One strict schema for a requirement's values (positions.schema), at every way in and at every read.

A catalogue editor's typing error must never take a page down: the admin and the impact page answer with a form
error, the model's full_clean and the loader refuse, and a row written around the checks (or before them) is
reported on the verdicts it touches ("the requirement of item N is invalid") and flagged on the editors' start
page, where they can withdraw the version recorded by mistake.
"""

import copy
import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from attestation.reasons import reason_text
from attestation.rules import Reason
from attestation.selectors import employee_verdict, requirement_set_on
from positions import schema
from positions.data import catalogue
from positions.models import EducationField, LegalAct, Position, Requirement
from positions.services import catalogue_load, requirement_amend, requirement_withdraw
from tests.factories import EducationFactory, EmployeeFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db
D = datetime.date
VALID = [
    {
        "education": [{"levels": ["higher", "postgraduate"], "fields": ["psychology"]}],
        "experience": {"years": 3, "kind": "category", "category": "none", "positions": ["psychologist"]},
    }
]


def changed(path: str, value) -> list:
    """VALID with the value at `path` ("0.experience.years") replaced."""
    data = copy.deepcopy(VALID)
    *keys, last = [int(key) if key.isdigit() else key for key in path.split(".")]
    node = data
    for key in keys:
        node = node[key]
    node[last] = value
    return data


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# (values, the problem's code) -- each of these once answered 500 or was saved and broke every page
BAD = [
    pytest.param(changed("0.experience.years", True), "years", id="years true"),
    pytest.param(changed("0.experience.years", 2.5), "years", id="years 2.5"),
    pytest.param(changed("0.experience.years", 10**9), "years", id="years beyond 50"),
    pytest.param(changed("0.education.0.levels", [["higher"]]), "codes_list", id="levels of lists"),
    pytest.param(changed("0.education.0.levels", "higher"), "codes_list", id="levels a string"),
    pytest.param(changed("0.education.0.levels", ["phd"]), "unknown_code", id="unknown level"),
    pytest.param(changed("0.education.0.fields", 5), "codes_list", id="fields 5"),
    pytest.param(changed("0.education.0.fields", [{"a": 1}]), "codes_list", id="fields of objects"),
    pytest.param(changed("0.education.0.fields", ["psychology", "psychology"]), "repeated_codes", id="field twice"),
    pytest.param(changed("0.experience.kind", "seniority"), "kind", id="unknown kind"),
    pytest.param(changed("0.experience.kind", ["category"]), "kind", id="kind a list"),
    pytest.param(changed("0.experience.category", "best"), "previous_category", id="unknown category"),
    pytest.param(changed("0.experience.same_level", "yes"), "flag", id="flag a string"),
    pytest.param(changed("0.experience.sectors", ["health"]), "keys_not_for_kind", id="sectors on category"),
    pytest.param(changed("0.experience.bonus", 1), "unknown_keys", id="unknown key"),
    pytest.param(changed("0.education", []), "education_list", id="no education"),
    pytest.param(changed("0.experience", 7), "experience_object", id="experience a number"),
    pytest.param(changed("0.source", ["x"]), "source", id="source a list"),
    pytest.param({"education": []}, "alternatives_list", id="an object"),
    pytest.param([], "alternatives_list", id="empty"),
    pytest.param(5, "alternatives_list", id="a number"),
    pytest.param(["x"], "alternative_object", id="alternative a string"),
    pytest.param(VALID * 11, "too_many_alternatives", id="11 alternatives"),
    pytest.param(
        [{"education": [{"levels": ["higher"]}], "experience": {"years": 1, "kind": "sectors", "sectors": []}}],
        "codes_list",
        id="sectors without sectors",
    ),
]


def test_the_example_is_valid():
    assert schema.problems(VALID, field_codes={"psychology"}, position_codes={"psychologist"}) == []


@pytest.mark.parametrize("values, code", BAD)
def test_bad_values_are_refused(values, code):
    assert code in [problem.code for problem in schema.problems(values)]


def test_codes_of_the_catalogue_are_checked_when_given():
    found = schema.problems(VALID, field_codes={"law"}, position_codes={"lawyer"})
    assert [(p.code, p.alternative, p.params["code"]) for p in found] == [
        ("unknown_code", 1, "psychology"),
        ("unknown_code", 1, "psychologist"),
    ]


def test_deep_or_long_text_is_refused_before_parsing():
    assert [p.code for p in schema.text_problems(nested(100_000))] == ["text_too_long"]
    assert [p.code for p in schema.text_problems(nested(9_000))] == ["too_deep"]
    assert schema.text_problems(json.dumps(VALID)) == []
    assert schema.text_problems('[{"source": "[[[[[[[[[[[[ in a string"}]') == []


def test_every_shipped_requirement_meets_the_schema():
    fields = {data["code"] for data in catalogue.EDUCATION_FIELDS}
    positions = {data["position"] for data in catalogue.REQUIREMENTS}
    for data in catalogue.REQUIREMENTS:
        assert schema.problems(data["alternatives"], field_codes=fields, position_codes=positions) == [], data["item"]


# --- every way in ------------------------------------------------------------------------------------------------


def lawyer():
    return Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)


def admin_post(client, controls: dict):
    """The admin's requirement form as a browser would post it: the structured editor's controls
    (positions/widgets.py) starting from the lawyer's values, with `controls` replaced (a forged request can post
    anything)."""
    from tests.positions.test_requirement_editor import editor_html, posted

    current = lawyer()
    data = posted(editor_html(current.alternatives))
    for name, values in controls.items():
        data.setlist(name, values)
    data.update(
        {
            "position": current.position.pk,
            "qualification_level": "",
            "category": "",
            "item": current.item.pk,
            "act": LegalAct.objects.get(number="188-НҚ").pk,
            "valid_from": "2027-01-01",
        }
    )
    return client.post(reverse("admin:positions_requirement_add"), dict(data.lists()))


# The admin and the impact page read the structured editor's controls, not JSON text: what a forged request can
# post there.
CONTROLS = [
    pytest.param({"alternatives-0-years": ["true"]}, "whole number from 0 to 50", id="years true"),
    pytest.param({"alternatives-0-years": ["1" * 5000]}, "whole number from 0 to 50", id="years 5000 digits"),
    pytest.param({"alternatives-0-0-levels": ['["higher"]']}, "unknown code", id="levels of lists"),
    pytest.param({"alternatives-0-0-fields": ["5"]}, "is not in the field tree", id="fields 5"),
    pytest.param({"alternatives-0-kind": ["seniority"]}, "kind of experience", id="unknown kind"),
    pytest.param({"alternatives": [str(n) for n in range(500)]}, "at most 10 alternatives", id="500 keys"),
    pytest.param({"alternatives-editor": [], "alternatives": [nested(5_000)]}, "This field is required", id="JSON"),
]


@pytest.mark.parametrize("controls, message", CONTROLS)
def test_the_admin_answers_a_form_error(client_of, editor, controls, message):
    client = client_of(editor)
    client.cookies["django_language"] = "en"
    response = admin_post(client, controls)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Requirement.objects.filter(position__code="lawyer").count() == 1


@pytest.mark.parametrize("controls, message", CONTROLS)
def test_the_impact_page_answers_a_form_error(client_of, editor, controls, message):
    from tests.positions.test_requirement_editor import editor_html, posted

    client = client_of(editor)
    client.cookies["django_language"] = "en"
    data = posted(editor_html(lawyer().alternatives))
    for name, values in controls.items():
        data.setlist(name, values)
    data.update({"requirement": lawyer().pk, "valid_from": "2027-01-01"})
    response = client.post(reverse("attestation:impact"), dict(data.lists()))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["impact"] is None


def test_full_clean_and_the_amendment_service_refuse_a_boolean_year():
    current = lawyer()
    current.alternatives = changed("0.experience.years", True)
    with pytest.raises(ValidationError) as error:
        current.full_clean()
    assert "alternatives" in error.value.message_dict
    with pytest.raises(ValidationError):
        requirement_amend(
            position=current.position,
            qualification_level="",
            category="",
            item=current.item,
            act=LegalAct.objects.get(number="188-НҚ"),
            alternatives=[{"education": [{"levels": ["higher"]}], "experience": {"years": True, "kind": "profile"}}],
            valid_from=D(2027, 1, 1),
        )
    assert Requirement.objects.filter(position__code="lawyer").count() == 1


def test_the_loader_refuses_a_bad_shipped_requirement(monkeypatch):
    Requirement.objects.filter(position__code="lawyer").delete()
    rows = [copy.deepcopy(row) for row in catalogue.REQUIREMENTS]
    lawyer_row = next(row for row in rows if row["position"] == "lawyer")
    lawyer_row["alternatives"][0]["experience"]["years"] = True
    monkeypatch.setattr(catalogue, "REQUIREMENTS", rows)
    with pytest.raises(ValidationError):
        catalogue_load()
    assert not Requirement.objects.filter(position__code="lawyer").exists()


# --- a bad row already in the database never takes a page down -----------------------------------------------------


@pytest.fixture
def psychologist(centre):
    position = Position.objects.get(code="psychologist")
    employee = EmployeeFactory(centre=centre, personnel_number="00021", position=position, category="none")
    WorkPeriodFactory(employee=employee, position=position, category="none", start_date=D(2020, 2, 1))
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="psychology"))
    return employee


def corrupt(**post) -> Requirement:
    """Write bad values around every check, as a row saved before them would be."""
    row = Requirement.objects.get(valid_to__isnull=True, **post)
    Requirement.objects.filter(pk=row.pk).update(alternatives=[{"education": [{"levels": [["higher"]]}]}])
    return row


def test_the_verdicts_it_touches_say_the_requirement_is_invalid(psychologist):
    corrupt(position__code="psychologist", category="second")  # item 21, the next step of the psychologist
    verdict = employee_verdict(psychologist, D(2026, 11, 25))
    assert verdict.meets_requirements is True  # "none" is still read
    assert verdict.next_category == "second"
    assert (verdict.eligible, verdict.eligible_from) == (False, None)
    assert [(r.item, r.code) for r in verdict.reasons][-1:] == [(21, "requirement_invalid")]
    assert all(not r.invalid for r in requirement_set_on(D(2026, 11, 25)) if r.position != "psychologist")


@pytest.mark.parametrize(
    "language, text",
    [
        ("kk", "21-тармақтың талабы жарамсыз — каталог редакторына хабарланды"),
        ("ru", "требование пункта 21 недействительно — редактор каталога уведомлён"),
        ("en", "the requirement of item 21 is invalid — the catalogue editor has been told"),
    ],
)
def test_the_sentence_in_each_language(language, text):
    reason = Reason(21, "requirement_invalid", False, {"position": "psychologist"})
    with translation.override(language):
        assert reason_text(reason, on=D(2026, 11, 25), position_titles={}, field_names={}) == text


def test_every_page_that_reads_it_still_answers(client_of, hr_officer, director, analyst, editor, centre, psychologist):
    row = corrupt(position__code="psychologist", category="none")  # the psychologist's own post
    pages = [
        (hr_officer, reverse("staffing:employee", args=[psychologist.pk])),
        (hr_officer, reverse("attestation:eligibility")),
        (analyst, reverse("attestation:eligibility")),
        (analyst, reverse("attestation:area")),
        (director, reverse("attestation:dashboard", args=[centre.code])),
        (hr_officer, reverse("home")),
        (editor, reverse("positions:detail", args=["psychologist"])),
        (editor, reverse("attestation:impact")),
    ]
    for user, url in pages:
        client = client_of(user)
        client.cookies["django_language"] = "en"
        response = client.get(url)
        assert response.status_code == 200, url
    client = client_of(hr_officer)
    client.cookies["django_language"] = "en"
    card = client.get(reverse("staffing:employee", args=[psychologist.pk])).content.decode()
    assert "the requirement of item 21 is invalid — the catalogue editor has been told" in card
    client = client_of(editor)
    client.cookies["django_language"] = "en"
    position_page = client.get(reverse("positions:detail", args=["psychologist"])).content.decode()
    assert "the requirement of item 21 is invalid" in position_page
    start = client.get(reverse("home"))
    assert [entry["url"] for entry in start.context["sections"][-1]["entries"]] == [
        reverse("admin:positions_requirement_change", args=[row.pk])
    ]


def test_only_editors_see_the_flag(client_of, hr_officer, editor):
    corrupt(position__code="lawyer")
    assert "catalogue" not in [s["key"] for s in client_of(hr_officer).get(reverse("home")).context["sections"]]
    assert "catalogue" in [s["key"] for s in client_of(editor).get(reverse("home")).context["sections"]]


def test_the_impact_of_a_saved_bad_version_is_shown(client_of, editor, psychologist):
    current = Requirement.objects.get(position__code="psychologist", category="none", valid_to__isnull=True)
    saved = requirement_amend(
        position=current.position,
        qualification_level="",
        category="none",
        item=current.item,
        act=LegalAct.objects.get(number="188-НҚ"),
        alternatives=current.alternatives,
        valid_from=D(2027, 1, 1),
    )
    Requirement.objects.filter(pk=saved.pk).update(alternatives={"education": 5})
    response = client_of(editor).get(reverse("attestation:impact") + f"?requirement={saved.pk}")
    assert response.status_code == 200
    assert [(c.field, c.before, c.after) for c in response.context["impact"].changes][:1] == [
        ("meets_requirements", True, False)
    ]


# --- withdrawing a version recorded by mistake ---------------------------------------------------------------------


def amended_lawyer(years=2) -> tuple[Requirement, Requirement]:
    current = lawyer()
    alternatives = copy.deepcopy(current.alternatives)
    alternatives[0]["experience"]["years"] = years
    new = requirement_amend(
        position=current.position,
        qualification_level="",
        category="",
        item=current.item,
        act=LegalAct.objects.get(number="188-НҚ"),
        alternatives=alternatives,
        valid_from=D(2027, 1, 1),
    )
    return current, new


def test_an_editor_withdraws_a_version_recorded_by_mistake(client_of, editor):
    original, mistake = amended_lawyer()
    Requirement.objects.filter(pk=mistake.pk).update(alternatives=changed("0.experience.years", True))
    client = client_of(editor)
    page = client.get(reverse("admin:positions_requirement_change", args=[mistake.pk]))
    assert reverse("admin:positions_requirement_withdraw", args=[mistake.pk]) in page.content.decode()
    response = client.post(
        reverse("admin:positions_requirement_withdraw", args=[mistake.pk]), {"reason": "typed true for 2"}
    )
    assert response.status_code == 302
    assert list(Requirement.objects.filter(position__code="lawyer").values_list("pk", "valid_to")) == [
        (original.pk, None)
    ]
    assert Requirement.objects.in_force_on(D(2027, 6, 1)).get(position__code="lawyer").pk == original.pk
    deletion = Requirement.history.filter(id=mistake.pk).latest("history_date")
    assert (deletion.history_type, deletion.history_user, deletion.history_change_reason) == (
        "-",
        editor,
        "қайтарылып алынды: typed true for 2",  # "withdrawn: …" in the editor's language, Kazakh by default
    )
    assert Requirement.history.filter(id=original.pk).latest("history_date").valid_to is None


def test_a_withdrawn_middle_version_hands_over_to_the_next():
    original, middle = amended_lawyer(2)
    later = requirement_amend(
        position=original.position,
        qualification_level="",
        category="",
        item=original.item,
        act=LegalAct.objects.get(number="188-НҚ"),
        alternatives=original.alternatives,
        valid_from=D(2028, 1, 1),
    )
    requirement_withdraw(requirement=middle, reason="wrong act")
    rows = (
        Requirement.objects.filter(position__code="lawyer").order_by("pk").values_list("pk", "valid_from", "valid_to")
    )
    assert list(rows) == [(original.pk, None, D(2028, 1, 1)), (later.pk, D(2028, 1, 1), None)]


def test_the_orders_own_version_is_not_withdrawn_and_a_reason_is_needed(client_of, analyst):
    with pytest.raises(ValidationError):
        requirement_withdraw(requirement=lawyer(), reason="no")
    _original, new = amended_lawyer()
    with pytest.raises(ValidationError):
        requirement_withdraw(requirement=new, reason="   ")
    assert Requirement.objects.filter(pk=new.pk).exists()


def test_withdrawing_needs_the_editors_permission(client_of, analyst):
    _original, new = amended_lawyer()
    analyst.is_staff = True
    analyst.save()
    response = client_of(analyst).post(reverse("admin:positions_requirement_withdraw", args=[new.pk]), {"reason": "x"})
    assert response.status_code == 403
    assert Requirement.objects.filter(pk=new.pk).exists()
