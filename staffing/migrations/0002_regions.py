"""The regions of Kazakhstan (staffing.regions)."""

from django.db import migrations

from staffing.regions import regions_ensure



def create_regions(apps, schema_editor):
    regions_ensure(apps.get_model("staffing", "Region"))


class Migration(migrations.Migration):
    dependencies = [("staffing", "0001_initial")]

    operations = [migrations.RunPython(create_regions, migrations.RunPython.noop)]
