import time

from django.core.management.base import BaseCommand

from staffing.demo import demo_seed
from staffing.models import Centre


class Command(BaseCommand):
    help = "Create demo centres with realistic staff (bulk inserts; 200 centres × 50 employees in seconds)."

    def add_arguments(self, parser):
        parser.add_argument("--centres", type=int, default=3)
        parser.add_argument("--employees-per-centre", type=int, default=40)
        parser.add_argument("--seed", type=int, default=2026, help="random seed: the same seed gives the same data")
        parser.add_argument("--if-empty", action="store_true", help="do nothing when any centre exists (make run)")

    def handle(self, *args, **options):
        if options["if_empty"] and Centre.objects.exists():
            self.stdout.write("Centres exist; demo data not added.")
            return
        started = time.perf_counter()
        report = demo_seed(
            centres=options["centres"], employees_per_centre=options["employees_per_centre"], seed=options["seed"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {report.centres} centres, {report.employees} employees, {report.education} education rows, "
                f"{report.periods} work periods in {time.perf_counter() - started:.1f} s."
            )
        )
