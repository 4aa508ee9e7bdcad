"""The catalogue in force on a date as plain data (export_catalogue). Deterministic: sorted, no timestamps."""

from datetime import date

from positions import selectors
from positions.models import Position


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
        data["amendment"] = _version_data(version)
    return data


def catalogue_as_data(day: date) -> dict:
    positions = []
    for position in Position.objects.order_by("paragraph"):
        document = selectors.position_document(position, day)
        positions.append(
            {
                "code": position.code,
                "paragraph": position.paragraph,
                "group": position.group,
                "title": _clause_data(document.title),
                "items": [
                    {
                        "number": view.item.number,
                        "kind": view.item.kind,
                        "clauses": [_clause_data(clause) for clause in view.clauses if clause.version],
                    }
                    for view in document.items
                ],
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
    return {"as_of": day.isoformat(), "order": "580-НҚ", "positions": positions}
