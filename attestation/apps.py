from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttestationConfig(AppConfig):
    name = "attestation"
    verbose_name = _("Attestation")

    def ready(self):
        # Imported here: the section's modules import models, which are not ready while apps load.
        from attestation.card import EMPLOYEE_CARD_SECTION
        from staffing.card import register_card_section

        register_card_section(EMPLOYEE_CARD_SECTION)

        from attestation.receivers import release_replaced_periods
        from staffing.signals import work_periods_replacing

        work_periods_replacing.connect(release_replaced_periods, dispatch_uid="attestation-release-periods")

        from attestation.deadlines import attestation_deadlines
        from personnel.deadlines import register_source

        register_source(attestation_deadlines)

        from attestation.card import PERSONAL_CARD_PART
        from personnel.documents import register_personal_card_part

        register_personal_card_part(PERSONAL_CARD_PART)
