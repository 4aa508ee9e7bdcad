"""Run daily: post changes dated today (or missed days) become the employees' current assignment."""

from django.core.management.base import BaseCommand

from staffing.services import scheduled_changes_apply


class Command(BaseCommand):
    help = "Bring in the post, level and category changes that take effect today (run daily)."

    def handle(self, *args, **options):
        changed = scheduled_changes_apply()
        self.stdout.write(f"{changed} employee(s) updated")
