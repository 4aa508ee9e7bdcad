"""The menu: each entry names the roles that may use it, so a user never sees a link they cannot open.

Entries are grouped (staff, attestation, catalogue) so the bar fits a 1366 px screen in Kazakh, the longest of
the three languages; a group that leaves one entry for a user shows as that entry's link.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import CATALOGUE_EDITOR, CENTRE_DIRECTOR, COMMITTEE_ANALYST, HR_OFFICER, has_role

EVERYONE = None
STAFF = (HR_OFFICER, CENTRE_DIRECTOR, COMMITTEE_ANALYST)
CENTRE_STAFF = (HR_OFFICER, CENTRE_DIRECTOR)


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str
    roles: tuple[str, ...] | None


@dataclass(frozen=True)
class MenuGroup:
    key: str
    label: str
    entries: tuple[MenuEntry, ...]


MENU = (
    MenuGroup(
        "staff",
        _("Personnel"),
        (
            MenuEntry("staffing:employee_list", _("Employees"), STAFF),
            MenuEntry("staffing:centre_list", _("Centres"), STAFF),
            MenuEntry("personnel:order_list", _("Orders"), CENTRE_STAFF),
            MenuEntry("personnel:calendar", _("HR calendar"), CENTRE_STAFF),
            MenuEntry("staffing:import", _("Import"), (HR_OFFICER,)),
            MenuEntry("staffing:access_log", _("Access log"), (CENTRE_DIRECTOR,)),
        ),
    ),
    MenuGroup(
        "attestation",
        _("Attestation"),
        (
            MenuEntry("attestation:eligibility", _("Eligibility"), STAFF),
            MenuEntry("attestation:session_list", _("Attestation sessions"), CENTRE_STAFF),
            MenuEntry("attestation:area", _("Reports"), (COMMITTEE_ANALYST,)),
        ),
    ),
    MenuGroup(
        "catalogue",
        _("Catalogue"),
        (
            MenuEntry("positions:list", _("Positions"), EVERYONE),
            MenuEntry("positions:readings", _("How the order is read"), EVERYONE),
            MenuEntry("attestation:impact", _("Impact of amendments"), (CATALOGUE_EDITOR, COMMITTEE_ANALYST)),
            MenuEntry("admin:index", _("Catalogue editing"), (CATALOGUE_EDITOR,)),
        ),
    ),
)


def menu_for(user, path: str = "") -> list[dict]:
    """The groups the user may use, each with its entries; `active` marks the entry (and group) of `path`."""
    groups = []
    for group in MENU:
        entries = []
        for entry in group.entries:
            if entry.roles is EVERYONE or has_role(user, *entry.roles):
                url = reverse(entry.url_name)
                entries.append({"url": url, "label": entry.label, "name": entry.url_name, "active": path == url})
        if entries:
            active = any(entry["active"] for entry in entries)
            groups.append({"key": group.key, "label": group.label, "entries": entries, "active": active})
    return groups
