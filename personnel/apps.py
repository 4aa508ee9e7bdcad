from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonnelConfig(AppConfig):
    name = "personnel"
    verbose_name = _("Personnel records")

    def ready(self):
        # Imported here: the modules import models, which are not ready while apps load.
        from personnel.card import EMPLOYEE_CARD_SECTION
        from staffing.card import register_card_section

        register_card_section(EMPLOYEE_CARD_SECTION)
