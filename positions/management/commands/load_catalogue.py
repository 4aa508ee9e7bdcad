from django.core.management.base import BaseCommand

from positions.services import catalogue_load


class Command(BaseCommand):
    help = "Load order No. 580-НҚ (as amended by No. 188-НҚ) from the shipped text. Safe to run again."

    def handle(self, *args, **options):
        report = catalogue_load()
        if report.changed:
            summary = ", ".join(f"{name}: {count}" for name, count in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Catalogue loaded ({summary})."))
        else:
            self.stdout.write("Catalogue already loaded; nothing changed.")
