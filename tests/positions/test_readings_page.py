"""The product's readings of the order, visible and editable (docs/glossary.md, "Readings"), and an export that
holds the whole annex."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from attestation.reasons import reading_labels
from positions.data.readings import READINGS
from positions.models import Reading
from positions.parsing import normalize_whitespace, read_shipped_text

TEXT = normalize_whitespace(read_shipped_text().replace("\n", " "))


def test_every_reading_the_engine_names_is_recorded_with_its_items(db):
    recorded = {reading.code: reading.item_numbers for reading in Reading.objects.all()}
    assert set(reading_labels()) <= set(recorded)
    # the readings of docs/glossary.md with their items
    assert recorded["managerial_by_profile"] == [6, 9]
    assert recorded["blank_flag_not_established"] == [6, 9, 12, 27, 33, 39]
    assert recorded["education_levels_nest"] == [15, 24, 27, 30, 33, 36]
    assert recorded["case_manager_one_ladder"] == [36]
    assert recorded["previous_category_same_post"] == [15, 18, 21, 36]
    assert recorded["psychology_social_sciences"] == [6, 9, 12]
    assert recorded["order_in_force"] == []
    # the defaults that are not in the text
    assert recorded["relevant_specialty_defaults"] == [21, 24, 30]
    assert recorded["postgraduate_for_higher"] == [24, 30, 36]


@pytest.mark.parametrize("reading", READINGS, ids=[reading["code"] for reading in READINGS])
def test_each_fragment_is_verbatim_from_the_order(reading):
    assert normalize_whitespace(reading["fragment"]) in TEXT
    assert reading["source"] in ("text", "product") and reading["kk"] and reading["ru"] and reading["en"]


@pytest.mark.parametrize(("language", "heading", "source"), [("kk", "21-тармақ", "өнімнің таңдауы")])
def test_the_page_lists_each_item_with_its_readings(client_of, hr_officer, language, heading, source):
    client = client_of(hr_officer)
    client.cookies["django_language"] = language
    html = client.get(reverse("positions:readings")).content.decode()
    item_21 = html.split('data-item="21"')[1].split("</section>")[0]
    assert heading in item_21 and "Психолог" in item_21
    assert 'data-reading="relevant_specialty_defaults"' in item_21
    assert "«тиісті мамандық бойынша жоғары (немесе жоғары оқу орнынан кейінгі) білім»" in item_21
    assert source in item_21.lower()
    assert 'data-testid="data-link"' not in html  # an HR officer cannot open the admin


def test_editors_get_links_to_the_data_and_the_reading_in_russian(client_of, editor):
    client = client_of(editor)
    client.cookies["django_language"] = "ru"
    html = client.get(reverse("positions:readings")).content.decode()
    assert "Как читается приказ" in html and "выбор продукта" in html and "сам текст" in html
    assert "/admin/positions/requirement/?position__id__exact=" in html
    assert "/admin/positions/educationfield/" in html
    assert "/admin/positions/reading/" in html
    assert client.get("/admin/positions/reading/").status_code == 200


def test_an_editor_changes_a_reading_in_the_admin(client_of, editor):
    reading = Reading.objects.get(code="postgraduate_for_higher")
    client = client_of(editor)
    data = {
        "code": reading.code,
        "items": "24,30,36",
        "fragment": reading.fragment,
        "interpretation_kk": "Жаңа түсіндірме.",
        "interpretation_ru": reading.interpretation_ru,
        "interpretation_en": reading.interpretation_en,
        "source": "product",
        "data": "requirements",
        "rank": reading.rank,
    }
    response = client.post(reverse("admin:positions_reading_change", args=[reading.pk]), data)
    assert response.status_code == 302
    assert Reading.objects.get(pk=reading.pk).interpretation_kk == "Жаңа түсіндірме."
    data["items"] = "24; 30"
    refused = client.post(reverse("admin:positions_reading_change", args=[reading.pk]), data)
    assert refused.status_code == 200 and refused.context["adminform"].form.errors["items"]


def export(day: str) -> dict:
    out = io.StringIO()
    call_command("export_catalogue", "--format", "json", "--as-of", day, stdout=out)
    return json.loads(out.getvalue())


def exported_lines(data: dict) -> list[str]:
    """The export as the annex writes it: headings, "N. " before an item's first clause, notes of amendments."""
    lines = [data["annex_title"]]

    def item_lines(item):
        for index, clause in enumerate(item["clauses"]):
            lines.append(f"{item['number']}. {clause['text']}" if index == 0 else clause["text"])
            if clause["amendment"] and clause["amendment"]["note"]:
                lines.append(clause["amendment"]["note"])

    for section in data["sections"]:
        lines.append(section["heading"])
        for item in section["items"]:
            item_lines(item)
    for position in data["positions"]:
        lines.append(position["heading"])
        if position["title"]["amendment"] and position["title"]["amendment"]["note"]:
            lines.append(position["title"]["amendment"]["note"])
        for item in position["items"]:
            item_lines(item)
    return [normalize_whitespace(line) for line in lines if line]


def annex_lines() -> list[str]:
    """Every non-empty line of the annex (from its title to the end), but the marker "ЗҚАИ-ның ескертпесі!" the
    legal database puts before each of its notes (the note itself is exported with the clause it amends)."""
    lines = [normalize_whitespace(line) for line in read_shipped_text().splitlines()]
    lines = [line for line in lines if line]
    start = lines.index("1-бөлім. Жалпы ережелер") - 1
    return [line for line in lines[start:] if line != "ЗҚАИ-ның ескертпесі!"]


def test_the_export_holds_every_content_line_of_the_annex(db):
    data = export("2026-12-01")  # after 12.07.2026: the amended абзацы have the wording the text gives
    exported = "\n".join(exported_lines(data))
    missing = [line for line in annex_lines() if line not in exported]
    assert missing == []
    assert [section["heading"] for section in data["sections"]][:1] == ["1-бөлім. Жалпы ережелер"]
    assert [item["number"] for item in data["sections"][0]["items"]] == [1, 2, 3]
    assert {reading["code"] for reading in data["readings"]} >= set(reading_labels())


def test_the_export_before_the_amendments_says_the_wording_is_unknown(db):
    data = export("2026-01-15")
    item_5 = next(item for item in data["positions"][0]["items"] if item["number"] == 5)
    clause_9 = next(clause for clause in item_5["clauses"] if clause["number"] == 9)
    assert clause_9["text"] is None  # the source does not give the wording before 188-НҚ
    assert re.search(r"188-НҚ", json.dumps(export("2026-12-01"), ensure_ascii=False))
