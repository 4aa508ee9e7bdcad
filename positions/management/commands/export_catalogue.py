import json

from django.core.management.base import BaseCommand, CommandError

from config.dates import parse_day, today
from positions.exporting import catalogue_as_data


class Command(BaseCommand):
    help = "Print the catalogue in force on a date (default today) as JSON. Same data, same bytes."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--as-of", help="YYYY-MM-DD")

    def handle(self, *args, **options):
        day = today()
        if options["as_of"]:
            day = parse_day(options["as_of"])
            if day is None:
                raise CommandError("--as-of must be a date as YYYY-MM-DD")
        data = catalogue_as_data(day)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
