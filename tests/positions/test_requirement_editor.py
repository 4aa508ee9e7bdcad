"""Catalogue editors edit a requirement's values with controls, never JSON (positions/widgets.py): the page's
controls, posted as a browser posts them, give back exactly the JSON the version stores."""

import datetime
import json
from html.parser import HTMLParser

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from positions.forms import StructuredAlternativesField
from positions.models import LegalAct, Requirement
from tests.test_no_english import assert_no_english, client_in

NAME = "alternatives"


class FormControls(HTMLParser):
    """What a browser posts from a page: named controls outside <template>, not disabled; checkboxes only when
    checked; a select's selected option; a textarea's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data: list[tuple[str, str]] = []
        self.templates = 0
        self.disabled_fieldsets: list[int] = []
        self.depth = 0
        self.select: str | None = None
        self.select_value: str | None = None
        self.first_option: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def _active(self, attrs) -> bool:
        return not self.templates and not self.disabled_fieldsets and "disabled" not in attrs

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":
            self.templates += 1
        elif tag == "fieldset":
            self.depth += 1
            if "disabled" in attrs:
                self.disabled_fieldsets.append(self.depth)
        if not self._active(attrs) or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((attrs["name"], attrs.get("value", "on")))
            elif kind not in ("submit", "button"):
                self.data.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self.select, self.select_value, self.first_option = attrs["name"], None, None
        elif tag == "option" and self.select is not None:
            if self.first_option is None:
                self.first_option = attrs.get("value", "")
            if "selected" in attrs:
                self.select_value = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea, self.text = attrs["name"], ""

    def handle_endtag(self, tag):
        if tag == "template":
            self.templates -= 1
        elif tag == "fieldset":
            if self.disabled_fieldsets and self.disabled_fieldsets[-1] == self.depth:
                self.disabled_fieldsets.pop()
            self.depth -= 1
        elif tag == "select" and self.select is not None:
            value = self.select_value if self.select_value is not None else self.first_option
            self.data.append((self.select, value or ""))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            # A browser drops the one line break that follows <textarea>.
            self.data.append((self.textarea, self.text[1:] if self.text.startswith("\n") else self.text))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data


def posted(html: str) -> QueryDict:
    parser = FormControls()
    parser.feed(html)
    query = QueryDict(mutable=True)
    for name, value in parser.data:
        query.appendlist(name, value)
    return query


def editor_html(value) -> str:
    field = StructuredAlternativesField()
    return field.widget.render(NAME, field.prepare_value(value))


def controls(alternatives) -> dict:
    """The editor's controls for `alternatives`, as a browser posts them (every value of a name)."""
    return dict(posted(editor_html(alternatives)).lists())


def clean(data):
    field = StructuredAlternativesField()
    return field.clean(field.widget.value_from_datadict(data, {}, NAME))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_requirement_of_the_catalogue_comes_back_as_it_is_stored(db, language):
    requirements = list(Requirement.objects.order_by("pk"))
    assert len(requirements) >= 31
    with translation.override(language):
        for requirement in requirements:
            assert clean(posted(editor_html(requirement.alternatives))) == requirement.alternatives, str(requirement)


def posted_for(alternatives) -> QueryDict:
    return posted(editor_html(alternatives))


def lawyer():
    return Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)


def test_an_equivalent_shape_is_saved_in_the_editors_one_shape(db):
    values = [
        {"education": [{"levels": ["higher"]}], "experience": {"years": 2, "kind": "category", "category": "none"}}
    ]
    assert clean(posted_for(values)) == [
        {
            "education": [{"levels": ["higher"], "fields": []}],
            "experience": {"years": 2, "kind": "category", "category": "none", "positions": [], "same_level": True},
        }
    ]


def test_codes_keep_the_versions_order_and_new_ones_follow_in_the_pages_order(db):
    values = [{"education": [{"levels": ["higher", "postgraduate"], "fields": ["psychology"]}], "experience": None}]
    data = posted_for(values)
    data.appendlist(f"{NAME}-0-0-levels", "tvet")
    data.appendlist(f"{NAME}-0-0-fields", "law")
    assert clean(data)[0]["education"][0] == {
        "levels": ["higher", "postgraduate", "tvet"],
        "fields": ["psychology", "law"],
    }


def test_the_kind_decides_which_keys_are_written(db):
    data = posted_for(lawyer().alternatives)
    assert data[f"{NAME}-0-kind"] == "profile"
    data.setlist(f"{NAME}-0-kind", ["managerial"])
    data.setlist(f"{NAME}-0-in_profile", ["1"])
    data.setlist(f"{NAME}-0-sectors", ["education"])  # ticked under another kind: kept only where it applies
    assert clean(data)[0]["experience"] == {
        "years": 1,
        "kind": "managerial",
        "in_profile": True,
        "sectors": ["education"],
    }
    data.setlist(f"{NAME}-0-kind", [""])
    assert clean(data)[0]["experience"] is None


KK_ERRORS = [
    pytest.param({"-0-years": "бір"}, "жұмыс өтілінің жылдарын 0-ден 50-ге дейінгі бүтін санмен енгізіңіз", id="years"),
    pytest.param({"-0-years": "99"}, "жұмыс өтілінің жылдарын 0-ден 50-ге дейінгі бүтін санмен енгізіңіз", id="99"),
    pytest.param({"-0-0-levels": None}, "әр білім шартында кемінде бір білім деңгейін белгілеңіз", id="no level"),
    pytest.param({"-0-kind": "sectors"}, "кемінде бір салаға белгі қойыңыз", id="no sector"),
    pytest.param({"-0-kind": "category"}, "алдыңғы санатты таңдаңыз", id="no previous category"),
    pytest.param({"-0-0-fields": "astrology"}, "«astrology» білім саласы", id="unknown field"),
    pytest.param({"": None}, "Кемінде бір нұсқа қосыңыз.", id="no alternative"),
]


@pytest.mark.parametrize("change, message", KK_ERRORS)
def test_bad_input_is_a_form_error_in_kazakh_and_nothing_is_recorded(client_of, editor, change, message):
    current = lawyer()
    data = posted_for(current.alternatives)
    for suffix, value in change.items():
        data.setlist(f"{NAME}{suffix}", [] if value is None else [value])
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
    client = client_of(editor)
    client.cookies["django_language"] = "kk"
    response = client.post(reverse("admin:positions_requirement_add"), dict(data.lists()))
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors[NAME])
    assert message in errors
    assert "1-нұсқа" in errors or "нұсқа қосыңыз" in errors
    assert Requirement.objects.filter(position__code="lawyer").count() == 1
    # The page shows the controls again with what was posted, not JSON.
    assert 'data-testid="alternatives-editor"' in response.content.decode()
    assert 'data-testid="alternatives-raw"' not in response.content.decode()


def test_an_editor_records_an_amendment_with_the_controls(client_of, editor):
    current = Requirement.objects.get(position__code="psychologist", category="second", valid_to__isnull=True)
    client = client_of(editor)
    page = client.get(reverse("admin:positions_requirement_add"), {"from": current.pk})
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert form.initial["alternatives"] == current.alternatives
    data = posted(page.content.decode())
    data.setlist(f"{NAME}-0-years", ["4"])
    data.setlist("act", [str(LegalAct.objects.get(number="188-НҚ").pk)])
    data.setlist("valid_from", ["01.01.2027"])
    response = client.post(reverse("admin:positions_requirement_add"), dict(data.lists()))  # every value of a name
    assert response.status_code == 302, response.context["adminform"].form.errors
    new = Requirement.objects.in_force_on(datetime.date(2027, 1, 1)).get(
        position__code="psychologist", category="second"
    )
    expected = json.loads(json.dumps(current.alternatives))
    expected[0]["experience"]["years"] = 4
    assert new.alternatives == expected


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_requirement_pages_show_the_editor_in_words_not_json(db, editor, language):
    requirement = Requirement.objects.get(position__code="social_worker", qualification_level="medium", category="none")
    client = client_in(language, editor)
    change = client.get(reverse("admin:positions_requirement_change", args=[requirement.pk]))
    html = change.content.decode()
    assert 'data-testid="alternatives-editor"' in html
    assert '"education": [' not in html and '"levels": [' not in html  # no JSON
    assert_no_english(change, "requirement change page")
    add = client.get(reverse("admin:positions_requirement_add"), {"from": requirement.pk})
    assert 'data-testid="alternatives-editor"' in add.content.decode()
    assert "js/alternatives-editor.js" in add.content.decode()
    assert_no_english(add, "requirement add page")


def test_the_read_only_editor_shows_labels_and_ticks_what_the_version_has(client_of, editor):
    requirement = Requirement.objects.get(position__code="social_worker", qualification_level="medium", category="none")
    client = client_of(editor)
    client.cookies["django_language"] = "kk"
    html = client.get(reverse("admin:positions_requirement_change", args=[requirement.pk])).content.decode()
    assert "әлеуметтік жұмыс" in html  # a field of the tree by its Kazakh name
    assert 'value="basic_secondary" checked' in html
    assert html.count('<fieldset class="alternatives-editor-body" disabled>') == 1
    assert reverse("admin:positions_requirement_add") + f"?from={requirement.pk}" in html
    # Nothing of the read-only editor is posted by a browser.
    assert posted(html).getlist(NAME) == []


def test_a_version_that_fails_the_schema_is_shown_as_stored_and_marked(client_of, editor):
    row = lawyer()
    Requirement.objects.filter(pk=row.pk).update(alternatives=[{"education": [{"levels": [["higher"]]}]}])
    client = client_of(editor)
    html = client.get(reverse("admin:positions_requirement_change", args=[row.pk])).content.decode()
    assert 'data-testid="alternatives-raw"' in html
    add = client.get(reverse("admin:positions_requirement_add"), {"from": row.pk}).content.decode()
    assert 'data-testid="alternatives-raw"' in add and 'name="alternatives-editor"' in add


def test_the_add_page_carries_each_posts_latest_values(client_of, editor):
    lawyer_requirement = Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)
    response = client_of(editor).get(reverse("admin:positions_requirement_add"))
    latest = response.context["latest_values"]
    key = f"{lawyer_requirement.position_id}||"
    assert latest[key] == {"item": lawyer_requirement.item_id, "alternatives": lawyer_requirement.alternatives}
    assert len(latest) == Requirement.objects.filter(valid_to__isnull=True).count()
    html = response.content.decode()
    assert 'id="latest-requirement-values"' in html and "js/requirement-amendment.js" in html
