from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Users and roles")

    def ready(self):
        from accounts.roles import grant_role_permissions

        # Model permissions exist only after every app has migrated, so the grants run then.
        post_migrate.connect(grant_role_permissions, sender=self)
