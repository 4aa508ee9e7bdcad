from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.roles import CATALOGUE_EDITOR, CENTRE_DIRECTOR, COMMITTEE_ANALYST, HR_OFFICER
from staffing.models import Centre

DEMO_PASSWORD = "demo-2026-otbasy"
DEMO_USERS = [
    # username, role, full name, linked to the first centre
    ("admin", None, ("Әкімші", "Жүйе"), False),
    ("editor", CATALOGUE_EDITOR, ("Дана", "Каталогова"), False),
    ("hr", HR_OFFICER, ("Айгүл", "Кадрова"), True),
    ("director", CENTRE_DIRECTOR, ("Ерлан", "Директоров"), True),
    ("analyst", COMMITTEE_ANALYST, ("Мадина", "Талдаушы"), False),
]


class Command(BaseCommand):
    # Here, not in accounts: the HR officer and the director are linked to a centre (staffing).
    help = "Create one demo user per role (development only) and print their logins."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo users are for development (DEBUG=true) only.")

        first_centre = Centre.objects.order_by("code").first()
        with transaction.atomic():
            for username, role, (first_name, last_name), linked in DEMO_USERS:
                user, created = User.objects.get_or_create(
                    username=username,
                    defaults={
                        "first_name": first_name,
                        "last_name": last_name,
                        "is_superuser": role is None,
                        "is_staff": role in (None, CATALOGUE_EDITOR),
                    },
                )
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                if role:
                    user.groups.add(Group.objects.get(name=role))
                if linked and first_centre:
                    user.centres.add(first_centre)
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for username, role, _name, linked in DEMO_USERS:
            scope = f" — {first_centre.code}" if linked and first_centre else ""
            self.stdout.write(f"  {username:<9} {role or 'superuser'}{scope}")
