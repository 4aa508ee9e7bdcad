"""manage.py seed_demo_personnel [--if-empty]: demo contracts for the demo staff (personnel/demo.py)."""

from django.core.management.base import BaseCommand

from config.dates import today
from personnel.demo import demo_contracts
from personnel.models import Contract


class Command(BaseCommand):
    help = "Adds demo employment contracts (with a few ЕСУТД items falling due) to the demo staff."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="do nothing when contracts exist")

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Contract.objects.exists():
            return
        count = demo_contracts(today=today())
        self.stdout.write(f"{count} demo contracts")
