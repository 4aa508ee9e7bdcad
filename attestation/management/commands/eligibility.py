import csv
import json
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from attestation.exporting import eligibility_records
from config.dates import parse_day, today
from config.inputs import csv_text
from staffing.access_log import What, access_record_centres
from staffing.models import Centre, Employee

FIELDS = [
    "personnel_number",
    "centre",
    "iin",
    "full_name",
    "position",
    "qualification_level",
    "category",
    "meets_requirements",
    "next_category",
    "eligible",
    "eligible_from",
    "reasons",
]


class Command(BaseCommand):
    help = "Print the eligibility verdict of every active employee on a date, sorted by centre and personnel number."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", required=True, help="YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--centre", help="centre code (default: every centre)")
        parser.add_argument("--language", choices=["kk", "ru", "en"], default="kk", help="language of the reasons")

    def handle(self, *args, **options):
        day = parse_day(options["as_of"])
        if day is None:
            raise CommandError("--as-of must be a date as YYYY-MM-DD between 1900-01-01 and 2199-12-31")
        employees = Employee.objects.all()
        if options["centre"]:
            if not Centre.objects.filter(code=options["centre"]).exists():
                raise CommandError(f"No centre with code {options['centre']!r}")
            employees = employees.filter(centre__code=options["centre"])
        with translation.override(options["language"]):
            records = eligibility_records(employees, day or today())
        # The output holds full IINs: the access log records it, one entry per centre (by the command's operator).
        centres = {centre.code: centre for centre in Centre.objects.filter(code__in={r["centre"] for r in records})}
        access_record_centres(
            what=What.COMMAND,
            counts={centres[code]: n for code, n in Counter(r["centre"] for r in records).items()},
            detail=f"eligibility --as-of {day:%Y-%m-%d} --format {options['format']}",
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        writer = csv.DictWriter(self.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            row = {**record, "reasons": " | ".join(record["reasons"])}
            for name in ("meets_requirements", "eligible"):
                row[name] = "true" if row[name] else "false"
            # A spreadsheet opening the file must show text, never run it (older rows may predate the form rules).
            writer.writerow({name: "" if value is None else csv_text(value) for name, value in row.items()})
