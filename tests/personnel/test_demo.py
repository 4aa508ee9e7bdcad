from django.core.management import call_command

from config.dates import today
from personnel.deadlines import deadlines
from personnel.models import Contract
from staffing.demo import demo_seed


def test_demo_contracts_give_the_calendar_something_to_show(db):
    demo_seed(centres=2, employees_per_centre=40, today=today())
    call_command("seed_demo_personnel", "--if-empty")
    count = Contract.objects.count()
    assert count > 0
    call_command("seed_demo_personnel", "--if-empty")
    assert Contract.objects.count() == count
    kinds = {item.kind for item in deadlines(None, today())}
    assert {"amendment_registration", "fixed_term_end"} <= kinds
