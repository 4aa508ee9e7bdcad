"""The centre's bare "periodic attestation every N years" is replaced by attestation policies; the attestation
migration that turns each value into a policy runs first."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("staffing", "0009_child_care_leave"),
        ("attestation", "0005_policy_presets"),
    ]

    operations = [
        migrations.RemoveField(model_name="centre", name="attestation_interval_years"),
        migrations.RemoveField(model_name="historicalcentre", name="attestation_interval_years"),
    ]
