"""The sections of the start page, top to bottom.

A section is a function of the user that returns a list of entries ({"label", "url", "count"}), empty when there
is nothing to show, and the template that renders them. Each function keeps to a fixed number of queries: the
start page is the most opened page of all. To add a section (deadlines, warnings for editors...), write its
function in the app it summarises and add a Section here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from attestation.attention import attention_items
from attestation.selectors import shared_eligibility
from personnel.home import start_page_deadlines
from positions.attention import catalogue_items


@dataclass(frozen=True)
class Section:
    key: str  # names the section in the page (data-testid), for tests and styles
    title: str | Promise
    entries: Callable[..., list[dict]]
    template: str = "home/_links.html"


SECTIONS: tuple[Section, ...] = (
    Section("attention", _("Needs your attention"), attention_items),
    Section("catalogue", _("Catalogue: requirements to repair"), catalogue_items),
    Section("deadlines", _("Falls due"), start_page_deadlines, "personnel/_home_deadlines.html"),
)


def sections_for(user) -> list[dict]:
    """The sections that have something to show to this user, each with its entries."""
    shown = []
    with shared_eligibility():  # attention and the calendar ask the engine about the same centres: once
        for section in SECTIONS:
            entries = section.entries(user)
            if entries:
                shown.append(
                    {"key": section.key, "title": section.title, "template": section.template, "entries": entries}
                )
    return shown
