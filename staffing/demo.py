"""Realistic demo staff for development and benchmarks (manage.py seed_demo), written with bulk inserts.

Every centre gets staff in all 12 positions, both qualification levels, all categories, education that
mostly (not always) meets the order, multi-period histories (earlier jobs in other sectors, category steps
at the centre) and a few dismissed employees. Names are Kazakh (Kazakh letters) and Russian (Faker).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from faker import Faker

from positions.models import EducationField, Position
from staffing.identifiers import make_iin
from staffing.models import Centre, Education, Employee, Region, Unit, WorkPeriod
from staffing.validation import birthday

KAZAKH_SURNAMES = [
    "Әбдірахманов",
    "Жұмабаев",
    "Сәрсенбаев",
    "Төлеуов",
    "Қасымов",
    "Нұрланов",
    "Оспанов",
    "Бекмұханов",
    "Ермекбаев",
    "Мұхамедиев",
    "Серікбаев",
    "Құдайбергенов",
    "Әлімжанов",
    "Байжанов",
    "Ғабдуллин",
    "Шәріпов",
    "Тұрсынов",
    "Өтепов",
    "Үсенов",
    "Ізбасаров",
    "Қожахметов",
    "Сағындықов",
    "Жақыпов",
]
KAZAKH_MALE = [
    "Әсет",
    "Нұрлан",
    "Ерлан",
    "Қайрат",
    "Ғалым",
    "Дәурен",
    "Бауыржан",
    "Мұрат",
    "Сәкен",
    "Жандос",
    "Өркен",
    "Ілияс",
]
KAZAKH_FEMALE = [
    "Әйгерім",
    "Гүлнұр",
    "Айгүл",
    "Жанар",
    "Сәуле",
    "Мөлдір",
    "Дана",
    "Құралай",
    "Ұлжан",
    "Әсел",
    "Іңкәр",
    "Гүлмира",
]
UNITS = ["Әлеуметтік қолдау бөлімі", "Психологиялық көмек қызметі", "Құқықтық кеңес бөлімі", "Әкімшілік"]
OTHER_EMPLOYERS = [
    ("Мектеп-гимназия №12", "education"),
    ("Қалалық емхана №3", "health"),
    ("Жұмыспен қамту орталығы", "employment"),
    ("Ішкі істер департаменті", "law_enforcement"),
    ("Халықты әлеуметтік қорғау бөлімі", "social_protection"),
    ('"Сауда" ЖШС', "other"),
]
# Which diploma each position's staff usually hold (field codes of the catalogue; see items 6-39).
FIELDS_BY_POSITION = {
    "director": ["social", "pedagogy", "law", "economics"],
    "deputy_director": ["social", "pedagogy", "economics", "humanities"],
    "unit_head": ["social", "pedagogy", "law"],
    "social_worker": ["social_work", "psychology", "pedagogy", "nursing"],
    "social_work_specialist": ["social_work", "pedagogy", "medicine"],
    "psychologist": ["psychology"],
    "media_relations_specialist": ["journalism", "humanities"],
    "analytics_specialist": ["economics", "social", "humanities"],
    "infosec_it_specialist": ["information_technology", "information_security"],
    "prevention_specialist": ["pedagogy", "social", "law"],
    "case_manager": ["social_work", "primary_education", "nursing", "preschool_education"],
    "lawyer": ["law"],
}
# Share of the staff per position in a typical centre.
POSITION_WEIGHTS = {
    "director": 0,
    "deputy_director": 0,
    "unit_head": 3,
    "social_worker": 10,
    "social_work_specialist": 7,
    "psychologist": 6,
    "media_relations_specialist": 1,
    "analytics_specialist": 2,
    "infosec_it_specialist": 1,
    "prevention_specialist": 3,
    "case_manager": 6,
    "lawyer": 2,
}
LADDERS = {
    "social_worker": ["none", "second", "first", "highest"],
    "social_work_specialist": ["none", "second", "first", "highest"],
    "psychologist": ["none", "second", "first"],
    "case_manager": ["none", "second", "first", "highest"],
}


@dataclass
class SeedReport:
    centres: int = 0
    employees: int = 0
    periods: int = 0
    education: int = 0


class _Generator:
    def __init__(self, seed: int, today: date):
        self.random = random.Random(seed)
        self.faker = Faker("ru_RU")
        self.faker.seed_instance(seed)
        self.today = today
        self.serial = self.random.randrange(1000)

    def person(self, latest_birth: date | None = None):
        """A person born 1965-2001, and no later than `latest_birth` (so that their records are possible)."""
        sex = self.random.choice("MF")
        if self.random.random() < 0.75:
            surname = self.random.choice(KAZAKH_SURNAMES)
            father = self.random.choice(KAZAKH_MALE)
            if sex == "M":
                first, middle = self.random.choice(KAZAKH_MALE), f"{father}ұлы"
            else:
                surname = surname + "а"
                first, middle = self.random.choice(KAZAKH_FEMALE), f"{father}қызы"
        else:
            if sex == "M":
                surname, first, middle = (
                    self.faker.last_name_male(),
                    self.faker.first_name_male(),
                    self.faker.middle_name_male(),
                )
            else:
                surname, first, middle = (
                    self.faker.last_name_female(),
                    self.faker.first_name_female(),
                    self.faker.middle_name_female(),
                )
        last_year = min(2001, latest_birth.year - 1) if latest_birth else 2001
        birth = date(self.random.randint(1965, last_year), self.random.randint(1, 12), self.random.randint(1, 28))
        iin = None
        while iin is None:
            self.serial = (self.serial + 1) % 10000
            iin = make_iin(birth, sex, self.serial)
        return {
            "last_name": surname,
            "first_name": first,
            "middle_name": middle,
            "sex": sex,
            "birth_date": birth,
            "iin": iin,
        }

    def years_ago(self, low: float, high: float) -> date:
        return self.today - timedelta(days=int(self.random.uniform(low, high) * 365))


def _pick_position(rng, positions, index):
    if index == 0:
        return positions["director"]
    if index == 1:
        return positions["deputy_director"]
    codes = [code for code, weight in POSITION_WEIGHTS.items() for _ in range(weight)]
    return positions[rng.choice(codes)]


@transaction.atomic
def demo_seed(*, centres: int, employees_per_centre: int, seed: int = 2026, today: date | None = None) -> SeedReport:
    today = today or date.today()
    generator = _Generator(seed, today)
    rng = generator.random
    positions = {position.code: position for position in Position.objects.all()}
    if not positions:
        raise RuntimeError("Load the catalogue first (manage.py load_catalogue).")
    fields = {field.code: field for field in EducationField.objects.all()}
    regions = list(Region.objects.order_by("order"))
    start_number = Centre.objects.count() + 1

    new_centres = []
    for offset in range(centres):
        number = start_number + offset
        region = regions[(number - 1) % len(regions)]
        new_centres.append(
            Centre(
                code=f"{region.code}-{number:03d}",
                name_kk=f"{region.name_kk} №{number} отбасын қолдау орталығы",
                name_ru=f"Центр поддержки семьи №{number} ({region.name_ru})",
                region=region,
                district=f"{number}-аудан",
            )
        )
    Centre.objects.bulk_create(new_centres)
    new_centres = list(Centre.objects.filter(code__in=[c.code for c in new_centres]))
    Unit.objects.bulk_create([Unit(centre=centre, name=name) for centre in new_centres for name in UNITS])
    units_by_centre = {}
    for unit in Unit.objects.filter(centre__in=new_centres):
        units_by_centre.setdefault(unit.centre_id, []).append(unit)

    employees, plans = [], []
    for centre in new_centres:
        for index in range(employees_per_centre):
            position = _pick_position(rng, positions, index)
            level = ""
            if position.code in ("social_worker", "social_work_specialist"):
                level = rng.choice(["high", "high", "medium"])
            elif position.code == "case_manager":
                level = "high"
            ladder = LADDERS.get(position.code)
            steps = rng.randint(0, len(ladder) - 1) if ladder else 0
            # Years at the centre: enough for the category steps taken, plus a little.
            years_here = rng.uniform(0.3, 2.5) + steps * rng.uniform(1.0, 3.2)
            hire_date = generator.years_ago(years_here, years_here)
            # Hired at 18 at the earliest (staffing/validation.py refuses anything before the 14th birthday).
            person = generator.person(latest_birth=hire_date.replace(year=hire_date.year - 18, day=1))
            dismissed = rng.random() < 0.05
            employee = Employee(
                centre=centre,
                personnel_number=f"{index + 1:05d}",
                unit=rng.choice(units_by_centre[centre.pk]),
                hire_date=hire_date,
                dismissal_date=generator.years_ago(0, min(years_here, 0.5)) if dismissed else None,
                position=position,
                qualification_level=level,
                category=ladder[steps] if ladder else "",
                phone=f"+7 7{rng.randint(0, 99):02d} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                **person,
            )
            employee.search_text = employee.build_search_text()
            employee.name_key = employee.build_name_key()
            employees.append(employee)
            plans.append((employee, position, level, ladder, steps))
    Employee.objects.bulk_create(employees, batch_size=2000)
    if employees and employees[0].pk is None:  # databases that do not return ids from bulk inserts
        by_key = {(e.centre_id, e.personnel_number): e.pk for e in Employee.objects.filter(centre__in=new_centres)}
        for employee in employees:
            employee.pk = by_key[(employee.centre_id, employee.personnel_number)]

    education, periods = [], []
    for employee, position, level, ladder, steps in plans:
        field_code = rng.choice(FIELDS_BY_POSITION[position.code])
        if rng.random() < 0.08:  # a diploma outside the accepted fields: "does not meet the requirements"
            field_code = rng.choice(["economics", "law", "journalism", "information_technology"])
        education_level = "tvet" if level == "medium" else rng.choice(["higher", "higher", "higher", "postgraduate"])
        education.append(
            Education(
                employee=employee,
                level=education_level,
                field=fields[field_code],
                institution=rng.choice(
                    ["Әл-Фараби атындағы ҚазҰУ", "Абай атындағы ҚазҰПУ", "Л.Н. Гумилев атындағы ЕҰУ", "Жоғары колледж"]
                ),
                specialty=fields[field_code].name_kk,
                document_number=f"ЖБ-{rng.randint(100000, 999999)}",
                # Not before the 17th birthday, not after today (docs/records.md).
                graduation_date=min(
                    today,
                    max(
                        employee.hire_date - timedelta(days=rng.randint(200, 3000)),
                        birthday(employee.birth_date, 17),
                    ),
                ),
            )
        )
        if rng.random() < 0.6:  # an earlier job elsewhere, ending before the hire date (sometimes with a gap)
            organisation, sector = rng.choice(OTHER_EMPLOYERS)
            end = employee.hire_date - timedelta(days=rng.choice([1, 1, 30, 200]))
            begin = max(end - timedelta(days=rng.randint(200, 2500)), birthday(employee.birth_date, 16))
            if begin < end:  # none before the 16th birthday
                periods.append(
                    WorkPeriod(
                        employee=employee,
                        organisation=organisation,
                        sector=sector,
                        position_text="маман",
                        managerial=rng.random() < 0.2,
                        profile_experience=sector == "social_protection",
                        start_date=begin,
                        end_date=end,
                    )
                )
        # The centre: one period per category step, the last one open unless dismissed.
        start = employee.hire_date
        stop = employee.dismissal_date or today
        span = (stop - start).days
        cuts = sorted(rng.sample(range(30, max(span, 60)), steps)) if steps else []
        bounds = [start] + [start + timedelta(days=cut) for cut in cuts]
        for number, begin in enumerate(bounds):
            last = number == len(bounds) - 1
            end = employee.dismissal_date if last else bounds[number + 1] - timedelta(days=1)
            periods.append(
                WorkPeriod(
                    employee=employee,
                    organisation=employee.centre.name_kk,
                    sector="social_protection",
                    position=position,
                    qualification_level=level,
                    category=ladder[number] if ladder else "",
                    managerial=position.group == Position.Group.HEADS,
                    profile_experience=True,
                    start_date=begin,
                    end_date=end,
                )
            )
    Education.objects.bulk_create(education, batch_size=5000)
    WorkPeriod.objects.bulk_create(periods, batch_size=5000)
    return SeedReport(
        centres=len(new_centres), employees=len(employees), periods=len(periods), education=len(education)
    )
