"""The two policies the product ships (docs/attestation-policies.md), and each centre's former "periodic
attestation every N years" turned into a policy of its own, so nothing changes for a centre that had set it."""

import datetime

from django.db import migrations

CENTRE_DEFAULT = {
    "code": "centre_default",
    "name_kk": "Орталықтың әдепкі саясаты",
    "name_ru": "По умолчанию для центра",
    "name_en": "Centre default",
    "source_act": "",
    "interval_years": 3,
    "is_default": True,
    "stages": ["commission"],
    "notes": (
        "Саясаттар енгізілгенге дейінгі өнімнің тәртібі: кезекті аттестаттау соңғы бекітілген аттестаттаудан "
        "немесе жұмысқа қабылданған күннен бастап 3 жыл сайын, басқа ереже жоқ. № 580-НҚ бұйрық мерзімділікті "
        "белгілемейді.\n"
        "Поведение продукта до политик: очередная аттестация каждые 3 года от последней утверждённой аттестации "
        "или даты приёма, других правил нет. Приказ № 580-НҚ периодичность не устанавливает."
    ),
}
MLSP_210 = {
    "code": "mlsp_210_2023",
    "name_kk": "Әлеуметтік жұмыскерлер: ҚР ЕХӘҚМ 08.06.2023 № 210 бұйрығы",
    "name_ru": "Социальные работники: приказ МТСЗН РК № 210 от 08.06.2023",
    "name_en": "Social workers: MLSP RK order No. 210 of 08.06.2023",
    "source_act": (
        "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің 2023 жылғы 8 маусымдағы № 210 "
        "бұйрығы (әлеуметтік жұмыскерлерді аттестаттау қағидалары), 01.07.2023 бастап қолданылады"
    ),
    "source_date": datetime.date(2023, 6, 8),
    "to_be_confirmed": True,
    "interval_years": 3,
    "min_months_in_post": 12,
    "min_months_after_child_care_leave": 6,
    "category_validity_years": 3,
    "stages": ["testing", "interview", "commission"],
    "notes": (
        "Қағидалардың жария шолуларынан: аттестаттау кемінде 3 жылда бір рет; лауазымға тағайындалғаннан кейін "
        "1 жылдан ерте емес; бала күтімі демалысынан кейін жұмысқа шыққаннан соң 6 айдан ерте емес; санат 3 "
        "жылға беріледі; кезеңдері: тестілеу, әңгімелесу, комиссия отырысы. Комиссия құрамы, құжаттар және "
        "шағымдану мерзімдері алынбаған. Отбасын қолдау орталықтары үшін расталуы керек.\n"
        "По открытым обзорам правил: аттестация не реже одного раза в 3 года; не ранее чем через 1 год после "
        "назначения на должность; после отпуска по уходу за ребёнком не ранее чем через 6 месяцев после выхода на "
        "работу; категория присваивается на 3 года; этапы: тестирование, собеседование, заседание комиссии. "
        "Состав комиссии, документы и сроки обжалования не получены. Требует подтверждения для центров "
        "поддержки семьи."
    ),
}


def presets(apps, schema_editor):
    Policy = apps.get_model("attestation", "AttestationPolicy")
    Assignment = apps.get_model("attestation", "PolicyAssignment")
    Centre = apps.get_model("staffing", "Centre")
    for data in (CENTRE_DEFAULT, MLSP_210):
        Policy.objects.update_or_create(code=data["code"], defaults=data)
    for centre in Centre.objects.exclude(attestation_interval_years__isnull=True):
        if centre.attestation_interval_years == CENTRE_DEFAULT["interval_years"]:
            continue  # the default already says so
        policy, _created = Policy.objects.get_or_create(
            code=f"every_{centre.attestation_interval_years}_years",
            defaults={
                "name_kk": f"{centre.attestation_interval_years} жыл сайын",
                "name_ru": f"Каждые {centre.attestation_interval_years} года (лет)",
                "name_en": f"Every {centre.attestation_interval_years} years",
                "interval_years": centre.attestation_interval_years,
                "stages": ["commission"],
                "notes": "Орталықтың бұрынғы баптауы. / Прежняя настройка центра.",
            },
        )
        Assignment.objects.get_or_create(centre=centre, position=None, defaults={"policy": policy})


def back(apps, schema_editor):
    Centre = apps.get_model("staffing", "Centre")
    Assignment = apps.get_model("attestation", "PolicyAssignment")
    for row in Assignment.objects.filter(position=None).select_related("policy"):
        Centre.objects.filter(pk=row.centre_id).update(attestation_interval_years=row.policy.interval_years)


class Migration(migrations.Migration):
    dependencies = [
        ("attestation", "0004_policies"),
        ("staffing", "0009_child_care_leave"),
    ]

    operations = [migrations.RunPython(presets, back)]
