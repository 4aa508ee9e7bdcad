from django.db import migrations


def seed(apps, schema_editor):
    """The product's readings of the order (positions/data/readings.py); rows editors changed are kept."""
    from positions.data.readings import READINGS

    Reading = apps.get_model("positions", "Reading")
    for rank, data in enumerate(READINGS, start=1):
        Reading.objects.get_or_create(
            code=data["code"],
            defaults={
                "items": data["items"],
                "fragment": data["fragment"],
                "interpretation_kk": data["kk"],
                "interpretation_ru": data["ru"],
                "interpretation_en": data["en"],
                "source": data["source"],
                "data": data["data"],
                "rank": rank,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("positions", "0005_reading")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
