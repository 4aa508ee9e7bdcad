"""manage.py deadlines --as-of YYYY-MM-DD [--centre CODE] [--within DAYS] [--format json|csv] [--language kk|ru|en]

Every item of the HR calendar due on or before as-of + within days (default 30), overdue ones included, as
objects with kind, due (ISO), overdue, personnel_number, centre and detail (a sentence in --language)."""

import csv
import io
import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from config.dates import today
from personnel.deadlines import WITHIN_DAYS, deadlines
from staffing.models import Centre


class Command(BaseCommand):
    help = "Lists what falls due in the HR calendar (ЕСУТД registrations, contract ends, attestation)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today)")
        parser.add_argument("--centre", help="centre code (default: all centres)")
        parser.add_argument("--within", type=int, default=WITHIN_DAYS, help=f"days after as-of (default {WITHIN_DAYS})")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--language", choices=["kk", "ru", "en"], default="kk")

    def handle(self, *args, as_of=None, centre=None, within=WITHIN_DAYS, format="json", language="kk", **options):
        try:
            day = date.fromisoformat(as_of) if as_of else today()
        except ValueError:
            raise CommandError(f"--as-of must be a date YYYY-MM-DD, not {as_of!r}") from None
        if not 0 <= within <= 3660:
            raise CommandError("--within must be between 0 and 3660 days")
        centre_ids = None
        if centre:
            found = list(Centre.objects.filter(code=centre).values_list("pk", flat=True))
            if not found:
                raise CommandError(f"No centre with code {centre!r}")
            centre_ids = found
        with translation.override(language):
            rows = [
                {
                    "kind": item.kind,
                    "due": item.due.isoformat(),
                    "overdue": item.overdue,
                    "personnel_number": item.personnel_number,
                    "centre": item.centre_code,
                    "detail": item.detail,
                }
                for item in deadlines(centre_ids, day, within=within)
            ]
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(FIELDS))
        writer.writeheader()
        writer.writerows(rows)
        self.stdout.write(buffer.getvalue(), ending="")


FIELDS = ("kind", "due", "overdue", "personnel_number", "centre", "detail")
