"""A catalogue editor (a lawyer, not a programmer) amends a requirement with the structured editor, in Kazakh: no
JSON on the way (positions/widgets.py, static/js/alternatives-editor.js)."""

import datetime

import pytest
from playwright.sync_api import expect

from positions.models import Requirement
from tests.browser.test_sign_in import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_adds_an_alternative_and_saves_the_amendment(page, live_server, reference_data):
    UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)
    current = Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/positions/requirement/{current.pk}/change/")
    editor = page.locator("[data-testid=alternatives-editor]")
    expect(editor.locator("[data-alternative]")).to_have_count(1)
    expect(editor.get_by_role("checkbox", name="заң", exact=True)).to_be_checked()
    expect(
        editor.get_by_role("checkbox", name="заң", exact=True)
    ).to_be_disabled()  # a recorded version is read, not edited
    page.get_by_role("link", name="Осы мәндерден бастап өзгерісті тіркеу").click()

    editor = page.locator("[data-testid=alternatives-editor]")
    expect(editor.locator("[data-alternative]")).to_have_count(1)
    editor.get_by_role("button", name="Нұсқа қосу").click()
    added = editor.locator("[data-alternative]").nth(1)
    expect(added.locator("legend.alternative-title")).to_have_text("2-нұсқа")
    # Only the controls of the chosen kind of experience are shown.
    expect(added.get_by_label("Алдыңғы санат")).to_be_hidden()
    added.get_by_label("жоғары", exact=True).check()
    added.get_by_label("заң", exact=True).check()
    added.get_by_label("Жұмыс өтілінің түрі").select_option(label="басшылық лауазымдардағы жұмыс өтілі (жыл)")
    expect(added.get_by_label("тек бейіні бойынша ұйымдарда")).to_be_visible()
    expect(added.get_by_label("Алдыңғы санат")).to_be_hidden()
    added.get_by_label("Кемінде, жыл").fill("2")
    added.get_by_label("Осы нұсқа алынған бұйрықтың сөздері").fill("немесе басшылық лауазымдарда кемінде 2 жыл")

    # A third alternative added by mistake is removed again.
    editor.get_by_role("button", name="Нұсқа қосу").click()
    expect(editor.locator("[data-alternative]")).to_have_count(3)
    editor.locator("[data-alternative]").nth(2).get_by_role("button", name="Осы нұсқаны алып тастау").click()
    expect(editor.locator("[data-alternative]")).to_have_count(2)

    page.locator("select[name=act]").select_option(label="№ 188-НҚ (16.04.2026)")
    page.locator("input[name=valid_from]").fill("01.01.2027")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    new = Requirement.objects.in_force_on(datetime.date(2027, 1, 1)).get(position__code="lawyer")
    assert new.pk != current.pk
    assert new.alternatives == [
        *current.alternatives,
        {
            "education": [{"levels": ["higher"], "fields": ["law"]}],
            "experience": {"years": 2, "kind": "managerial", "in_profile": True},
            "source": "немесе басшылық лауазымдарда кемінде 2 жыл",
        },
    ]


def test_a_form_error_keeps_what_the_editor_ticked(page, live_server, reference_data):
    UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)
    current = Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/positions/requirement/add/?from={current.pk}")
    editor = page.locator("[data-testid=alternatives-editor]")
    editor.get_by_role("button", name="Нұсқа қосу").click()
    added = editor.locator("[data-alternative]").nth(1)
    added.get_by_label("заң", exact=True).check()  # no level ticked
    page.locator("select[name=act]").select_option(label="№ 188-НҚ (16.04.2026)")
    page.locator("input[name=valid_from]").fill("01.01.2027")
    page.locator("input[name=_save]").click()
    expect(page.locator(".errorlist")).to_contain_text(
        "2-нұсқа: әр білім шартында кемінде бір білім деңгейін белгілеңіз."
    )
    editor = page.locator("[data-testid=alternatives-editor]")
    expect(editor.locator("[data-alternative]")).to_have_count(2)
    expect(editor.locator("[data-alternative]").nth(1).get_by_label("заң", exact=True)).to_be_checked()
    assert Requirement.objects.filter(position__code="lawyer").count() == 1


def test_the_impact_page_loads_the_chosen_requirements_values_into_the_editor(page, live_server, reference_data):
    UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)
    psychologist = Requirement.objects.get(position__code="psychologist", category="second", valid_to__isnull=True)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/attestation/impact/")
    editor = page.locator("[data-testid=alternatives-editor]")
    expect(editor.locator("[data-alternative]")).to_have_count(2)  # item 6, the director: two alternatives
    page.locator("#id_requirement").select_option(str(psychologist.pk))
    expect(editor.locator("[data-alternative]")).to_have_count(1)
    alternative = editor.locator("[data-alternative]").first
    expect(alternative.get_by_role("checkbox", name="психологиялық", exact=True)).to_be_checked()
    expect(alternative.get_by_role("checkbox", name="заң", exact=True)).not_to_be_checked()
    expect(alternative.get_by_label("Жұмыс өтілінің түрі")).to_have_value("category")
    expect(alternative.get_by_label("Алдыңғы санат")).to_have_value("none")
    expect(alternative.get_by_label("Кемінде, жыл")).to_have_value("3")
    alternative.get_by_label("Кемінде, жыл").fill("2")
    page.locator("[data-testid=impact-form] button[type=submit]").click()
    expect(page.locator("[data-testid=impact]")).to_be_visible()
    # The proposal comes back in the editor as it was posted.
    editor = page.locator("[data-testid=alternatives-editor]")
    expect(editor.locator("[data-alternative]").first.get_by_label("Кемінде, жыл")).to_have_value("2")
    expect(page.locator("#id_requirement")).to_have_value(str(psychologist.pk))


def test_choosing_a_post_starts_from_its_latest_values(page, live_server, reference_data):
    UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)
    lawyer = Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/positions/requirement/add/")
    editor = page.locator("[data-testid=alternatives-editor]")
    expect(editor.get_by_role("checkbox", name="заң", exact=True)).not_to_be_checked()
    page.locator("#id_position").select_option(str(lawyer.position_id))
    expect(editor.get_by_role("checkbox", name="заң", exact=True)).to_be_checked()
    expect(editor.get_by_label("Жұмыс өтілінің түрі")).to_have_value("profile")
    expect(page.locator("#id_item")).to_have_value(str(lawyer.item_id))
    # Changed by hand: choosing another post no longer replaces the values; the button does, on request.
    editor.get_by_role("checkbox", name="экономика", exact=True).check()
    psychologist = Requirement.objects.get(position__code="psychologist", category="none", valid_to__isnull=True)
    page.locator("#id_position").select_option(str(psychologist.position_id))
    page.locator("#id_category").select_option("none")
    expect(editor.get_by_role("checkbox", name="экономика", exact=True)).to_be_checked()
    page.get_by_role("button", name="Осы лауазымның соңғы редакциясының мәндерінен бастау").click()
    expect(editor.get_by_role("checkbox", name="экономика", exact=True)).not_to_be_checked()
    expect(editor.get_by_role("checkbox", name="психологиялық", exact=True)).to_be_checked()
    expect(page.locator("#id_item")).to_have_value(str(psychologist.item_id))


def test_the_editor_in_russian(page, live_server, reference_data):
    UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)
    current = Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)
    page.context.add_cookies([{"name": "django_language", "value": "ru", "url": live_server.url}])
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/positions/requirement/add/?from={current.pk}")
    editor = page.locator("[data-testid=alternatives-editor]")
    expect(editor.get_by_role("checkbox", name="юридическое", exact=True)).to_be_checked()
    editor.get_by_role("button", name="Добавить вариант").click()
    added = editor.locator("[data-alternative]").nth(1)
    expect(added.locator("legend.alternative-title")).to_have_text("Вариант 2")
    added.get_by_label("высшее", exact=True).check()
    added.get_by_label("Вид стажа").select_option(label="стаж в предыдущей категории (лет)")
    added.get_by_label("Не менее, лет").fill("60")
    page.locator("select[name=act]").select_option(label="№ 188-НҚ (16.04.2026)")
    page.locator("input[name=valid_from]").fill("01.01.2027")
    page.locator("input[name=_save]").click()
    errors = page.locator(".errorlist")
    expect(errors).to_contain_text("Вариант 2: введите число лет стажа целым числом от 0 до 50.")
    expect(errors).to_contain_text("Вариант 2: для стажа в предыдущей категории выберите предыдущую категорию.")
    assert Requirement.objects.filter(position__code="lawyer").count() == 1


def test_the_editor_fits_a_phone(page, live_server, reference_data):
    """390 px: the long labels of the kinds of experience narrow their list instead of widening the page."""
    UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)
    current = Requirement.objects.get(position__code="lawyer", valid_to__isnull=True)
    sign_in(page, live_server, "editor")
    page.set_viewport_size({"width": 390, "height": 800})
    for path in ("/attestation/impact/", f"/admin/positions/requirement/add/?from={current.pk}"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("[data-testid=alternatives-editor]")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
