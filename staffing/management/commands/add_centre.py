from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from staffing.services import centre_create


class Command(BaseCommand):
    help = "Create a centre (for scripts and first set-up)."

    def add_arguments(self, parser):
        parser.add_argument("code")
        parser.add_argument("--name", required=True, help="name in Kazakh")
        parser.add_argument("--name-ru", default="")
        parser.add_argument("--region", required=True, help="region code, e.g. astana, almaty, turkistan")
        parser.add_argument("--district", default="")
        parser.add_argument("--bin", default="")

    def handle(self, *args, **options):
        try:
            centre = centre_create(
                code=options["code"],
                name_kk=options["name"],
                name_ru=options["name_ru"],
                region_code=options["region"],
                district=options["district"],
                bin=options["bin"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Centre {centre.code} created."))
