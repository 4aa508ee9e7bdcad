from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Users and roles")

    def ready(self):
        # Imported here, when the apps are ready: accounts.roles reads the auth models.
        from accounts.roles import grant_role_permissions

        # Model permissions are created app by app after migrating; granting on every app's post_migrate
        # (idempotent) makes sure the catalogue's permissions exist when they are granted.
        post_migrate.connect(grant_role_permissions, dispatch_uid="accounts.grant_role_permissions")
