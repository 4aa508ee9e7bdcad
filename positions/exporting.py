"""The catalogue in force on a date as plain data (export_catalogue). Deterministic: sorted, no timestamps.

The whole annex is there: its title, the section headings, the general provisions (items 1-3), each paragraph's
heading and items with their clauses (and the amendment notes of amended ones), and the product's readings of
the order (positions.models.Reading)."""

from datetime import date

from positions import selectors
from positions.models import Position, Reading, Section
from positions.parsing import parse_order, read_shipped_text


def _version_data(version) -> dict:
    return {
        "act": version.act.number,
        "in_force_from": version.valid_from.isoformat() if version.valid_from else None,
        "in_force_until": version.valid_to.isoformat() if version.valid_to else None,
    }


def _clause_data(clause) -> dict:
    version = clause.version
    data = {"number": clause.number, "text": clause.text, "amendment": None}
    if clause.amended:
        data["amendment"] = {**_version_data(version), "note": version.note or None}
    return data


def _item_data(view) -> dict:
    return {
        "number": view.item.number,
        "kind": view.item.kind,
        "clauses": [_clause_data(clause) for clause in view.clauses if clause.version],
    }


def _reading_data(reading: Reading) -> dict:
    return {
        "code": reading.code,
        "items": reading.item_numbers,
        "fragment": reading.fragment,
        "interpretation": {
            "kk": reading.interpretation_kk,
            "ru": reading.interpretation_ru,
            "en": reading.interpretation_en,
        },
        "source": reading.source,
        "data": reading.data,
    }


def catalogue_as_data(day: date) -> dict:
    general = selectors.general_provisions(day)
    sections = [
        {
            "number": section.number,
            "heading": section.heading,
            "items": [_item_data(view) for view in general if view.item.section_id == section.pk],
        }
        for section in Section.objects.order_by("number")
    ]
    positions = []
    for position in Position.objects.select_related("section").order_by("paragraph"):
        document = selectors.position_document(position, day)
        positions.append(
            {
                "code": position.code,
                "paragraph": position.paragraph,
                "section": position.section.number,
                "heading": position.heading,
                "group": position.group,
                "title": _clause_data(document.title),
                "items": [_item_data(view) for view in document.items],
                "requirements": [
                    {
                        "item": requirement.item.number,
                        "qualification_level": requirement.qualification_level or None,
                        "category": requirement.category or None,
                        "alternatives": requirement.alternatives,
                        **_version_data(requirement),
                    }
                    for requirement in document.requirements
                ],
            }
        )
    return {
        "as_of": day.isoformat(),
        "order": "580-НҚ",
        "annex_title": parse_order(read_shipped_text()).annex_title,
        "sections": sections,
        "positions": positions,
        "readings": [_reading_data(reading) for reading in Reading.objects.all()],
    }
