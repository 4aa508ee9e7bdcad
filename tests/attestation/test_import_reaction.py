"""A staff import replaces work periods; attestation lets go of the periods its orders opened (the candidate keeps
its decision), through staffing's work_periods_replacing signal, so staffing never imports attestation."""

from datetime import date

import pytest

from attestation.models import Candidate, Session
from staffing.models import WorkPeriod
from staffing.workbook import workbook_import, workbook_read
from tests.staffing.test_workbook import staff, write_workbook

pytestmark = pytest.mark.django_db


def test_a_reimport_releases_the_period_an_order_opened_and_keeps_the_decision(tmp_path, centre, hr_officer):
    path = write_workbook(tmp_path / "staff.xlsx", staff())
    workbook_import(workbook_read(path, centre=centre))
    period = WorkPeriod.objects.get(employee__personnel_number="0001", end_date__isnull=True)
    session = Session.objects.create(centre=centre, date=date(2025, 5, 1), state="order_issued", created_by=hr_officer)
    candidate = Candidate.objects.create(
        session=session,
        employee=period.employee,
        source="eligible",
        position=period.position,
        meets_requirements=True,
        eligible=True,
        decision="assign_next",
        applied_period=period,
    )

    workbook_import(workbook_read(path, centre=centre))  # PROTECT would refuse deleting the period otherwise

    candidate.refresh_from_db()
    assert candidate.applied_period is None and candidate.decision == "assign_next"
    assert not WorkPeriod.objects.filter(pk=period.pk).exists()
