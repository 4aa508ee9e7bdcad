"""Sections that the apps above staffing add to the employee card.

Staffing does not import those apps (the layers: accounts < positions < staffing < attestation); instead each of
them registers its section in its AppConfig.ready(), and the card renders every registered section in order:
its template is included with `section` (the dict its context function returned) in the template context.
A context function reads in a fixed number of queries: the card's query count is pinned by the tests.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from staffing.models import Employee


@dataclass(frozen=True)
class CardSection:
    template: str
    context: Callable[[Employee, date], dict]


_sections: list[CardSection] = []


def register_card_section(section: CardSection) -> None:
    if section not in _sections:
        _sections.append(section)


def card_sections(employee: Employee, day: date) -> list[dict]:
    return [{"template": section.template, **section.context(employee, day)} for section in _sections]
