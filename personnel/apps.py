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

        from personnel.workbook import CONTRACTS_SHEET
        from staffing.workbook.layout import register_extra_sheet

        register_extra_sheet(CONTRACTS_SHEET)

        from personnel.receivers import release_replaced_periods
        from staffing.signals import work_periods_replacing

        work_periods_replacing.connect(release_replaced_periods, dispatch_uid="personnel-release-periods")
