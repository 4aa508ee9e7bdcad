"""The menu: each entry names the roles that may use it, so a user never sees a link they cannot open."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import CATALOGUE_EDITOR, CENTRE_DIRECTOR, COMMITTEE_ANALYST, HR_OFFICER, has_role

EVERYONE = None


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str
    roles: tuple[str, ...] | None


MENU = (
    MenuEntry("positions:list", _("Positions"), EVERYONE),
    MenuEntry("staffing:employee_list", _("Employees"), (HR_OFFICER, CENTRE_DIRECTOR, COMMITTEE_ANALYST)),
    MenuEntry("staffing:centre_list", _("Centres"), (HR_OFFICER, CENTRE_DIRECTOR, COMMITTEE_ANALYST)),
    MenuEntry("attestation:eligibility", _("Eligibility"), (HR_OFFICER, CENTRE_DIRECTOR, COMMITTEE_ANALYST)),
    MenuEntry("attestation:session_list", _("Attestation"), (HR_OFFICER, CENTRE_DIRECTOR)),
    MenuEntry("attestation:area", _("Reports"), (COMMITTEE_ANALYST,)),
    MenuEntry("personnel:order_list", _("Orders"), (HR_OFFICER, CENTRE_DIRECTOR)),
    MenuEntry("personnel:calendar", _("HR calendar"), (HR_OFFICER, CENTRE_DIRECTOR)),
    MenuEntry("staffing:import", _("Import"), (HR_OFFICER,)),
    MenuEntry("attestation:impact", _("Impact of amendments"), (CATALOGUE_EDITOR, COMMITTEE_ANALYST)),
    MenuEntry("admin:index", _("Catalogue editing"), (CATALOGUE_EDITOR,)),
    MenuEntry("staffing:access_log", _("Access log"), (CENTRE_DIRECTOR,)),
)


def menu_for(user) -> list[dict]:
    entries = []
    for entry in MENU:
        if entry.roles is EVERYONE or has_role(user, *entry.roles):
            entries.append({"url": reverse(entry.url_name), "label": entry.label, "name": entry.url_name})
    return entries
