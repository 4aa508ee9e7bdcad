import datetime
import functools

import factory
from django.contrib.auth.models import Group, User

from staffing.identifiers import make_iin
from staffing.models import Centre, Education, Employee, Region, WorkPeriod


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Айгүл"
    last_name = "Серікқызы"
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def centres(self, create, extracted, **kwargs):
        if create and extracted:
            self.centres.add(*extracted)
        if create:
            self.save()


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"centre-{n}")
    name_kk = factory.Sequence(lambda n: f"Отбасын қолдау орталығы №{n}")
    name_ru = factory.Sequence(lambda n: f"Центр поддержки семьи №{n}")
    region = factory.LazyFunction(lambda: Region.objects.get(code="astana"))


@functools.cache
def _valid_iins(birth_date: datetime.date, sex: str) -> list[str]:
    return [iin for serial in range(10000) if (iin := make_iin(birth_date, sex, serial))]


def _iin(employee_number: int, birth_date: datetime.date, sex: str) -> str:
    # The n-th valid IIN, not the first valid one from serial n: that gave two employees in a row one IIN whenever
    # serial n had no valid check digit.
    iins = _valid_iins(birth_date, sex)
    return iins[employee_number % len(iins)]


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    centre = factory.SubFactory(CentreFactory)
    personnel_number = factory.Sequence(lambda n: f"T{n:05d}")
    last_name = "Әбенова"
    first_name = "Гүлнұр"
    middle_name = "Қанатқызы"
    birth_date = datetime.date(1990, 5, 17)
    sex = "F"
    iin = factory.LazyAttributeSequence(lambda o, n: _iin(n, o.birth_date, o.sex))
    hire_date = datetime.date(2020, 1, 15)


class EducationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Education

    employee = factory.SubFactory(EmployeeFactory)
    level = "higher"
    institution = "Әл-Фараби атындағы ҚазҰУ"
    specialty = "Әлеуметтік жұмыс"


class WorkPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPeriod

    employee = factory.SubFactory(EmployeeFactory)
    organisation = "Отбасын қолдау орталығы"
    sector = "social_protection"
    start_date = datetime.date(2020, 1, 15)
