"""Seed data of the position catalogue, read from order No. 580-НҚ of 24.10.2025 as amended by
No. 188-НҚ of 16.04.2026 (shipped text: positions/data/order-580-nk.kk.txt).

Plain Python literals (no Django, no computed values) and the codes of positions/vocabulary.py, which
the data reads and the requirement schema (positions/schema.py) checks. Every value cites the place of the
order it comes from: "item N" is тармақ N of the annex, "§N" its N-th параграф. Values that are
NOT in the order (translations, product defaults) say so and are editable data.

docs/glossary.md explains the codes (the order's words behind each) and the readings named in the comments.

Wherever the order accepts "higher (or postgraduate)" education, a postgraduate degree satisfies
it; where it says plain "жоғары білім" (items 24, 30, 36) the data below also lists
"postgraduate", since a postgraduate degree presupposes higher education (docs/glossary.md,
"Product choices").
That is a reading of the product, kept as editable data.
"""

from datetime import date
from typing import Any

from positions.vocabulary import ORDER_SECTOR_CODES

# ---------------------------------------------------------------------------------------------
# Legal acts
# ---------------------------------------------------------------------------------------------

ACTS = [
    {
        # Order line: "Қазақстан Республикасы Мәдениет және ақпарат министрінің 2025 жылғы
        # 24 қазандағы № 580-НҚ бұйрығы."
        "number": "580-НҚ",
        "date": date(2025, 10, 24),
        # Title line of the order (first line of the text).
        "title": (
            "Отбасын қолдау орталықтарының басшылары мен мамандары лауазымдарының үлгілік "
            "біліктілік сипаттамаларын бекіту туралы"
        ),
        # Order line above ("Қазақстан Республикасы Мәдениет және ақпарат министрінің ...").
        "issuer": "Қазақстан Республикасы Мәдениет және ақпарат министрі",
        # Not in the text: filled in by an editor.
        "publication_date": None,
        "effective_date": None,
        # Item 4 of the order (not of the annex).
        "effective_rule": "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң (4-тармақ)",
    },
    {
        # The ЗҚАИ notes and the "Ескерту." note under §12: "… 16.04.2026 № 188-НҚ …".
        "number": "188-НҚ",
        "date": date(2026, 4, 16),
        # DESCRIPTIVE title: the exact official title of 188-НҚ is NOT in the source text.
        "title": "580-НҚ бұйрығына өзгерістер енгізу туралы",
        # The notes: "ҚР Премьер-Министрінің орынбасары - Мәдениет және ақпарат министрінің".
        "issuer": "ҚР Премьер-Министрінің орынбасары - Мәдениет және ақпарат министрі",
        # Not in the text: filled in by an editor.
        "publication_date": None,
        "effective_date": None,
        # "Ескерту." under §12 (ten days after first publication) and the ten ЗҚАИ notes
        # ("12.07.2026 бастап қолданысқа енгізіледі").
        "effective_rule": (
            "ten days after first publication; the amended абзацы of items "
            "5, 8, 11, 14, 17, 20, 26, 32, 35, 38 from 12.07.2026"
        ),
    },
]

# ---------------------------------------------------------------------------------------------
# Positions (one per параграф of section 2 of the annex)
# ---------------------------------------------------------------------------------------------
# title_ru and title_en are UNOFFICIAL translations for the interface (the official Russian text
# of the order is not available here); the official Kazakh title is the paragraph heading, see
# positions.parsing. has_levels: the requirements item distinguishes qualification levels
# (high / medium).

POSITIONS: list[dict[str, Any]] = [
    {
        # §1 "Отбасын қолдау орталығының директоры", items 4-6
        "code": "director",
        "paragraph": 1,
        "group": "heads",
        "title_ru": "Директор центра поддержки семьи",
        "title_en": "Director of the family support centre",
        "has_levels": False,
    },
    {
        # §2 "Орталық басшысының (директорының) орынбасары", items 7-9
        "code": "deputy_director",
        "paragraph": 2,
        "group": "heads",
        "title_ru": "Заместитель руководителя (директора) центра",
        "title_en": "Deputy head (director) of the centre",
        "has_levels": False,
    },
    {
        # §3 "Құрылымдық бөлімшенің (қызметтің, бөлімнің) басшысы", items 10-12
        "code": "unit_head",
        "paragraph": 3,
        "group": "heads",
        "title_ru": "Руководитель структурного подразделения (службы, отдела)",
        "title_en": "Head of a structural unit (service, department)",
        "has_levels": False,
    },
    {
        # §4 "Әлеуметтік жұмыскер", items 13-15; item 15: high and medium levels
        "code": "social_worker",
        "paragraph": 4,
        "group": "specialists",
        "title_ru": "Социальный работник",
        "title_en": "Social worker",
        "has_levels": True,
    },
    {
        # §5 "Әлеуметтік жұмыс жөніндегі маман", items 16-18; item 18: high and medium levels
        "code": "social_work_specialist",
        "paragraph": 5,
        "group": "specialists",
        "title_ru": "Специалист по социальной работе",
        "title_en": "Social work specialist",
        "has_levels": True,
    },
    {
        # §6 "Психолог (әлеуметтік психолог)", items 19-21; item 21: categories, no levels
        "code": "psychologist",
        "paragraph": 6,
        "group": "specialists",
        "title_ru": "Психолог (социальный психолог)",
        "title_en": "Psychologist (social psychologist)",
        "has_levels": False,
    },
    {
        # §7 "Бұқаралық ақпарат құралдарымен және қоғаммен жұмыс жөніндегі маман", items 22-24
        "code": "media_relations_specialist",
        "paragraph": 7,
        "group": "specialists",
        "title_ru": "Специалист по работе со средствами массовой информации и общественностью",
        "title_en": "Media and public relations specialist",
        "has_levels": False,
    },
    {
        # §8 "Аналитика және мониторинг жөніндегі маман", items 25-27
        "code": "analytics_specialist",
        "paragraph": 8,
        "group": "specialists",
        "title_ru": "Специалист по аналитике и мониторингу",
        "title_en": "Analytics and monitoring specialist",
        "has_levels": False,
    },
    {
        # §9 "Ақпаратты қорғау/ақпараттық технологиялар жөніндегі маман", items 28-30
        "code": "infosec_it_specialist",
        "paragraph": 9,
        "group": "specialists",
        "title_ru": "Специалист по защите информации/информационным технологиям",
        "title_en": "Information security / IT specialist",
        "has_levels": False,
    },
    {
        # §10 "Халықпен профилактикалық жұмыс жөніндегі маман", items 31-33
        "code": "prevention_specialist",
        "paragraph": 10,
        "group": "specialists",
        "title_ru": "Специалист по профилактической работе с населением",
        "title_en": "Specialist in preventive work with the population",
        "has_levels": False,
    },
    {
        # §11 "Әлеуметтік жұмыскер кейс-менеджер", items 34-36; item 36 names only the high
        # level ("жоғары деңгейлі біліктілік маманы")
        "code": "case_manager",
        "paragraph": 11,
        "group": "specialists",
        "title_ru": "Социальный работник – кейс-менеджер",
        "title_en": "Social worker – case manager",
        "has_levels": True,
    },
    {
        # §12 '"Заңгер"' (title in the wording of 188-НҚ), items 37-39
        "code": "lawyer",
        "paragraph": 12,
        "group": "specialists",
        "title_ru": "Юрист",
        "title_en": "Lawyer",
        "has_levels": False,
    },
]

# ---------------------------------------------------------------------------------------------
# Fields of education named in the requirements items (parents before children)
# ---------------------------------------------------------------------------------------------
# name_kk follows the order's wording where the order names the field (item cited); name_ru and
# name_en are UNOFFICIAL interface labels. A child is a narrower field of its parent.

EDUCATION_FIELDS = [
    # items 6, 9, 12 "әлеуметтік": read as the group of social sciences of the national classifier of
    # training directions, which includes psychology (reading "psychology_social_sciences"; product choice,
    # editable). Its children are the social field itself and psychology.
    {
        "code": "social_sciences",
        "parent": None,
        "name_kk": "әлеуметтік ғылымдар",
        "name_ru": "социальные науки",
        "name_en": "social sciences",
    },
    # items 15, 18 "әлеуметтік"; items 27, 33 "әлеуметтік" (psychology not included: item 15 names it apart)
    {
        "code": "social",
        "parent": "social_sciences",
        "name_kk": "әлеуметтік",
        "name_ru": "социальное",
        "name_en": "social",
    },
    # item 36 "әлеуметтік жұмыс"
    {
        "code": "social_work",
        "parent": "social",
        "name_kk": "әлеуметтік жұмыс",
        "name_ru": "социальная работа",
        "name_en": "social work",
    },
    # item 15 "психологиялық"; item 21 "тиісті мамандық" of a psychologist; in the social sciences group
    # (items 6, 9, 12; reading "psychology_social_sciences")
    {
        "code": "psychology",
        "parent": "social_sciences",
        "name_kk": "психологиялық",
        "name_ru": "психологическое",
        "name_en": "psychology",
    },
    # items 6, 9, 12 "педагогика"; items 15, 18, 27, 33 "педагогикалық"
    {"code": "pedagogy", "parent": None, "name_kk": "педагогика", "name_ru": "педагогическое", "name_en": "pedagogy"},
    # item 36 "мектепке дейінгі тәрбие беру және оқыту"
    {
        "code": "preschool_education",
        "parent": "pedagogy",
        "name_kk": "мектепке дейінгі тәрбие беру және оқыту",
        "name_ru": "дошкольное воспитание и обучение",
        "name_en": "preschool education and training",
    },
    # item 36 "бастауыш білім беру педагогикасы мен әдістемесі"
    {
        "code": "primary_education",
        "parent": "pedagogy",
        "name_kk": "бастауыш білім беру педагогикасы мен әдістемесі",
        "name_ru": "педагогика и методика начального обучения",
        "name_en": "pedagogy and methods of primary education",
    },
    # item 36 "кәсіптік оқыту"
    {
        "code": "vocational_training",
        "parent": "pedagogy",
        "name_kk": "кәсіптік оқыту",
        "name_ru": "профессиональное обучение",
        "name_en": "vocational training",
    },
    # item 36 "дене тәрбиесі және спорт"
    {
        "code": "physical_education_sport",
        "parent": "pedagogy",
        "name_kk": "дене тәрбиесі және спорт",
        "name_ru": "физическая культура и спорт",
        "name_en": "physical education and sport",
    },
    # items 15, 18 "медициналық"
    {"code": "medicine", "parent": None, "name_kk": "медициналық", "name_ru": "медицинское", "name_en": "medicine"},
    # item 36 "мейіргер ісі"
    {
        "code": "nursing",
        "parent": "medicine",
        "name_kk": "мейіргер ісі",
        "name_ru": "сестринское дело",
        "name_en": "nursing",
    },
    # items 6, 9, 12 "экономика"; items 15, 27, 33 "экономикалық"
    {"code": "economics", "parent": None, "name_kk": "экономика", "name_ru": "экономическое", "name_en": "economics"},
    # items 6, 9, 12 "заң"; items 27, 33, 39 "заңгерлік"
    {"code": "law", "parent": None, "name_kk": "заң", "name_ru": "юридическое", "name_en": "law"},
    # items 6, 9, 12 "гуманитарлық"; items 27, 33 "гуманитарлық ғылымдар"
    {
        "code": "humanities",
        "parent": None,
        "name_kk": "гуманитарлық ғылымдар",
        "name_ru": "гуманитарные науки",
        "name_en": "humanities",
    },
    # §9 title "ақпараттық технологиялар"; item 30 says only "тиісті бағыт" (product default)
    {
        "code": "information_technology",
        "parent": None,
        "name_kk": "ақпараттық технологиялар",
        "name_ru": "информационные технологии",
        "name_en": "information technology",
    },
    # §9 title "ақпаратты қорғау"; item 30 says only "тиісті бағыт" (product default)
    {
        "code": "information_security",
        "parent": None,
        "name_kk": "ақпаратты қорғау",
        "name_ru": "защита информации",
        "name_en": "information security",
    },
    # NOT named in the order: product default for item 24 ("тиісті даярлау бағыты")
    {
        "code": "journalism",
        "parent": None,
        "name_kk": "журналистика",
        "name_ru": "журналистика",
        "name_en": "journalism",
    },
]

# ---------------------------------------------------------------------------------------------
# Structured qualification requirements (items 6, 9, ..., 39)
# ---------------------------------------------------------------------------------------------
# One dict per (position, level, category). "alternatives": ANY one satisfies the requirement;
# inside an alternative, ALL "education" conditions must hold, plus "experience" if not None.
# "source": a verbatim fragment (whitespace-collapsed) of the item's text the alternative is
# read from. The "category" experience of a step names the PREVIOUS category at the same level.

REQUIREMENTS = [
    # ----- §1 director, item 6 ---------------------------------------------------------------
    # "жоғары (немесе жоғары оқу орнынан кейінгі) білім (...) және [3 жыл in the sectors]
    #  немесе [2 жыл managerial]": the same education, two alternative experiences.
    {
        "position": "director",
        "item": 6,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                    },
                ],
                "experience": {
                    "years": 3,
                    "kind": "sectors",
                    "sectors": list(ORDER_SECTOR_CODES),  # the five systems the item names
                },
                "source": "жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогика, заң, экономика, гуманитарлық) және әлеуметтік қорғау, жұмыспен қамту, білім беру, денсаулық сақтау, құқық қорғау жүйесінде (барлық меншік нысанындағы ұйымдарда) кемінде 3 жыл жұмыс өтілі",
            },
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                    },
                ],
                # reading "managerial_by_profile": «бейіні бойынша ... басшылық лауазымдарда»
                "experience": {"years": 2, "kind": "managerial", "in_profile": True},
                "source": "жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогика, заң, экономика, гуманитарлық) және әлеуметтік қорғау, жұмыспен қамту, білім беру, денсаулық сақтау, құқық қорғау жүйесінде (барлық меншік нысанындағы ұйымдарда) кемінде 3 жыл жұмыс өтілі немесе бейіні бойынша экономикалық қызмет түрінде ұйымдарда басшылық лауазымдарда кемінде 2 жыл жұмыс өтілі",
            },
        ],
    },
    # ----- §2 deputy_director, item 9: 3 years in the sectors or 1 year managerial ------------
    {
        "position": "deputy_director",
        "item": 9,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                    },
                ],
                "experience": {
                    "years": 3,
                    "kind": "sectors",
                    "sectors": list(ORDER_SECTOR_CODES),  # the five systems the item names
                },
                "source": "жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогика, заң, экономика, гуманитарлық) және халықты әлеуметтік қорғау, жұмыспен қамту, білім беру, денсаулық сақтау, құқық қорғау органдары жүйесінде (барлық меншік нысанындағы ұйымдарда) кемінде 3 жыл жұмыс өтілі",
            },
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                    },
                ],
                # reading "managerial_by_profile": «бейіні бойынша ... басшылық лауазымдарда»
                "experience": {"years": 1, "kind": "managerial", "in_profile": True},
                "source": "жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогика, заң, экономика, гуманитарлық) және халықты әлеуметтік қорғау, жұмыспен қамту, білім беру, денсаулық сақтау, құқық қорғау органдары жүйесінде (барлық меншік нысанындағы ұйымдарда) кемінде 3 жыл жұмыс өтілі немесе бейіні бойынша экономикалық қызмет түрінде ұйымдарда басшылық лауазымдарда кемінде 1 жыл жұмыс өтілі",
            },
        ],
    },
    # ----- §3 unit_head, item 12: 2 years in the sectors (a line broken in the source) ------
    {
        "position": "unit_head",
        "item": 12,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                    },
                ],
                "experience": {
                    "years": 2,
                    "kind": "sectors",
                    "sectors": list(ORDER_SECTOR_CODES),  # the five systems the item names
                },
                "source": "жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогика, заң, экономика, гуманитарлық) және халықты әлеуметтік қорғау, жұмыспен қамту, білім беру, денсаулық сақтау, құқық қорғау жүйесінде (барлық меншік нысанындағы ұйымдарда) кемінде 2 жыл жұмыс өтілі",
            },
        ],
    },
    # ----- §4 social_worker, item 15, high level ("Жоғары деңгейлі біліктілікке ие маман") -----
    {
        "position": "social_worker",
        "item": 15,
        "level": "high",
        "category": "none",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": None,
                "source": "санатсыз – жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, психологиялық, педагогикалық, медициналық), жұмыс өтілі талап қойылмайды.",
            },
        ],
    },
    {
        "position": "social_worker",
        "item": 15,
        "level": "high",
        "category": "second",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 1,
                    "kind": "category",
                    "category": "none",
                    "positions": ["social_worker"],
                    "same_level": True,
                },
                "source": "екінші санатты – жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, психологиялық, педагогикалық, медициналық) және санатсыз жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 1 жыл",
            },
        ],
    },
    {
        "position": "social_worker",
        "item": 15,
        "level": "high",
        "category": "first",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 1,
                    "kind": "category",
                    "category": "second",
                    "positions": ["social_worker"],
                    "same_level": True,
                },
                "source": "бірінші санатты – жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, психологиялық, педагогикалық, медициналық) және екінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 1 жыл",
            },
        ],
    },
    {
        "position": "social_worker",
        "item": 15,
        "level": "high",
        "category": "highest",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 2,
                    "kind": "category",
                    "category": "first",
                    "positions": ["social_worker"],
                    "same_level": True,
                },
                "source": "жоғары санатты – жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, психологиялық, педагогикалық, медициналық) және бірінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 2 жыл",
            },
        ],
    },
    # ----- §4 social_worker, item 15, medium level ("Орташа біліктілік деңгейіндегі маман") -----
    {
        "position": "social_worker",
        "item": 15,
        "level": "medium",
        "category": "none",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "economics", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": None,
                "source": "санатсыз – техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білімі (әлеуметтік, экономикалық, психологиялық, педагогикалық, медициналық)",
            },
            {
                # "немесе негізгі орта білімі және әлеуметтік дайындық бойынша сертификаты":
                # basic secondary education (any field) AND a social-training certificate.
                "education": [
                    {"levels": ["basic_secondary"], "fields": []},
                    {"levels": ["certificate"], "fields": ["social"]},
                ],
                "experience": None,
                "source": "санатсыз – техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білімі (әлеуметтік, экономикалық, психологиялық, педагогикалық, медициналық) немесе негізгі орта білімі және әлеуметтік дайындық бойынша сертификаты болуы қажет.",
            },
        ],
    },
    {
        "position": "social_worker",
        "item": 15,
        "level": "medium",
        "category": "second",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "economics", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 1,
                    "kind": "category",
                    "category": "none",
                    "positions": ["social_worker"],
                    "same_level": True,
                },
                "source": "екінші санатты – техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білімі (әлеуметтік, экономикалық, психологиялық, педагогикалық, медициналық) және санатсыз орташа біліктілік деңгейіндегі маман лауазымында жұмыс өтілі кемінде 1 жыл",
            },
        ],
    },
    {
        "position": "social_worker",
        "item": 15,
        "level": "medium",
        "category": "first",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "economics", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 1,
                    "kind": "category",
                    "category": "second",
                    "positions": ["social_worker"],
                    "same_level": True,
                },
                "source": "бірінші санатты – техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білімі (әлеуметтік, экономикалық, психологиялық, педагогикалық, медициналық) және орташа біліктілік деңгейіндегі екінші санатты маман лауазымында жұмыс өтілі кемінде 1 жыл",
            },
        ],
    },
    {
        "position": "social_worker",
        "item": 15,
        "level": "medium",
        "category": "highest",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "economics", "psychology", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 2,
                    "kind": "category",
                    "category": "first",
                    "positions": ["social_worker"],
                    "same_level": True,
                },
                "source": "жоғары санатты – техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білімі (әлеуметтік, экономикалық, психологиялық, педагогикалық, медициналық) және орташа біліктілік деңгейіндегі бірінші санатты маман лауазымында жұмыс өтілі кемінде 2 жыл",
            },
        ],
    },
    # ----- §5 social_work_specialist, item 18, high level ("Жоғары біліктілік деңгейіндегі маман") --
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "high",
        "category": "none",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": None,
                "source": "санатсыз: жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогикалық, медициналық), жұмыс өтіліне талап қойылмайды.",
            },
        ],
    },
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "high",
        "category": "second",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 1,
                    "kind": "category",
                    "category": "none",
                    "positions": ["social_work_specialist"],
                    "same_level": True,
                },
                "source": "екінші санатты: жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогикалық, медициналық) және санатсыз жоғары біліктілік деңгейіндегі маман ретінде жұмыс өтілі кемінде 1 жыл",
            },
        ],
    },
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "high",
        "category": "first",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 2,
                    "kind": "category",
                    "category": "second",
                    "positions": ["social_work_specialist"],
                    "same_level": True,
                },
                "source": "бірінші санатты: жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогикалық, медициналық) және жоғары біліктілік деңгейіндегі екінші санатты маман ретінде жұмыс өтілі кемінде 2 жыл",
            },
        ],
    },
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "high",
        "category": "highest",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 3,
                    "kind": "category",
                    "category": "first",
                    "positions": ["social_work_specialist"],
                    "same_level": True,
                },
                "source": "жоғары санатты: жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогикалық, медициналық) және жоғары біліктілік деңгейіндегі бірінші санатты маман ретінде жұмыс өтілі кемінде 3 жыл",
            },
        ],
    },
    # ----- §5 social_work_specialist, item 18, medium level ("орташа біліктілік деңгейіндегі маман") --
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "medium",
        "category": "none",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": None,
                "source": "санатсыз: техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білім (әлеуметтік, педагогикалық, медициналық), жұмыс өтіліне талап қойылмайды.",
            },
        ],
    },
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "medium",
        "category": "second",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 1,
                    "kind": "category",
                    "category": "none",
                    "positions": ["social_work_specialist"],
                    "same_level": True,
                },
                "source": "екінші санатты: техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білім (әлеуметтік, педагогикалық, медициналық) және санатсыз орташа біліктілік деңгейіндегі маман лауазымында жұмыс өтілі кемінде 1 жыл",
            },
        ],
    },
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "medium",
        "category": "first",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 2,
                    "kind": "category",
                    "category": "second",
                    "positions": ["social_work_specialist"],
                    "same_level": True,
                },
                "source": "бірінші санатты: техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білім (әлеуметтік, педагогикалық, медициналық) және орташа біліктілік деңгейіндегі екінші санатты маман лауазымында жұмыс өтілі кемінде 2 жыл",
            },
        ],
    },
    {
        "position": "social_work_specialist",
        "item": 18,
        "level": "medium",
        "category": "highest",
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["social", "pedagogy", "medicine"]},
                ],
                "experience": {
                    "years": 3,
                    "kind": "category",
                    "category": "first",
                    "positions": ["social_work_specialist"],
                    "same_level": True,
                },
                "source": "жоғары санатты: техникалық және кәсіптік (орта арнаулы, орта кәсіптік) білім (әлеуметтік, педагогикалық, медициналық) және орташа біліктілік деңгейіндегі бірінші санатты маман лауазымында жұмыс өтілі кемінде 3 жыл",
            },
        ],
    },
    # ----- §6 psychologist, item 21: no levels; санатсыз -> II санат -> I санат (no highest) ----
    # "тиісті мамандық бойынша" (in the relevant specialty) is read as psychology (docs/glossary.md,
    # "Product choices"); the "II санат"/"I санат" of the order are stored as second/first.
    {
        "position": "psychologist",
        "item": 21,
        "level": None,
        "category": "none",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["psychology"]},
                ],
                "experience": None,
                "source": "Санатсыз психолог: тиісті мамандық бойынша жоғары (немесе жоғары оқу орнынан кейінгі) білім және жұмыс өтіліне талап қойылмайды.",
            },
        ],
    },
    {
        "position": "psychologist",
        "item": 21,
        "level": None,
        "category": "second",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["psychology"]},
                ],
                "experience": {
                    "years": 3,
                    "kind": "category",
                    "category": "none",
                    "positions": ["psychologist"],
                    "same_level": True,
                },
                "source": "II санатты психолог: тиісті мамандық бойынша жоғары (немесе жоғары оқу орнынан кейінгі) білім және санатсыз психолог лауазымында жұмыс өтілі кемінде 3 жыл",
            },
        ],
    },
    {
        "position": "psychologist",
        "item": 21,
        "level": None,
        "category": "first",
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["psychology"]},
                ],
                "experience": {
                    "years": 2,
                    "kind": "category",
                    "category": "second",
                    "positions": ["psychologist"],
                    "same_level": True,
                },
                "source": "I санатты психолог: тиісті мамандық бойынша жоғары (немесе жоғары оқу орнынан кейінгі) білім және II санатты психолог лауазымында жұмыс өтілі кемінде 2 жыл",
            },
        ],
    },
    # ----- §7 media_relations_specialist, item 24: TVET or higher, no experience --------------
    # "кадрларды тиісті даярлау бағыты бойынша" (in the relevant direction of training): the
    # fields journalism + humanities are the PRODUCT'S DEFAULT reading, editable data.
    # Plain "жоғары білім": postgraduate accepted too (see the module docstring).
    {
        "position": "media_relations_specialist",
        "item": 24,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["journalism", "humanities"]},
                ],
                "experience": None,
                "source": "кадрларды тиісті даярлау бағыты бойынша техникалық және кәсіптік (орта арнаулы, орта кәсіптік) немесе жоғары білім, жұмыс өтіліне талап қойылмайды.",
            },
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["journalism", "humanities"]},
                ],
                "experience": None,
                "source": "кадрларды тиісті даярлау бағыты бойынша техникалық және кәсіптік (орта арнаулы, орта кәсіптік) немесе жоғары білім, жұмыс өтіліне талап қойылмайды.",
            },
        ],
    },
    # ----- §8 analytics_specialist, item 27 (a line broken in the source) ---------------------
    # "орта арнаулы білім (...) және ... жұмыс өтілі кемінде бір жыл немесе жоғары (немесе жоғары
    #  оқу орнынан кейінгі) білім (...), жұмыс өтіліне талап қойылмайды."
    {
        "position": "analytics_specialist",
        "item": 27,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["law", "economics", "pedagogy", "social", "humanities"]},
                ],
                "experience": {"years": 1, "kind": "profile"},
                "source": "орта арнаулы білім (заңгерлік, экономикалық, педагогикалық, әлеуметтік немесе гуманитарлық ғылымдар) және ұйымның бейіні бойынша тиісті экономикалық қызмет түріндегі жұмыс өтілі кемінде бір жыл",
            },
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["law", "economics", "pedagogy", "social", "humanities"],
                    },
                ],
                "experience": None,
                "source": "немесе жоғары (немесе жоғары оқу орнынан кейінгі) білім (заңгерлік, экономикалық, педагогикалық, әлеуметтік немесе гуманитарлық ғылымдар), жұмыс өтіліне талап қойылмайды.",
            },
        ],
    },
    # ----- §9 infosec_it_specialist, item 30: TVET or higher, no experience -------------------
    # "қадарларды [sic] даярлаудың тиісті бағыты бойынша": the fields information_security +
    # information_technology are the PRODUCT'S DEFAULT reading (from the §9 title), editable.
    # Plain "жоғары білім": postgraduate accepted too (see the module docstring).
    {
        "position": "infosec_it_specialist",
        "item": 30,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["information_security", "information_technology"]},
                ],
                "experience": None,
                "source": "қадарларды даярлаудың тиісті бағыты бойынша техникалық және кәсіби (немесе орта арнаулы, орта кәсіби) білім немесе жоғары білім, жұмыс өтіліне талап қойылмайды.",
            },
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["information_security", "information_technology"],
                    },
                ],
                "experience": None,
                "source": "қадарларды даярлаудың тиісті бағыты бойынша техникалық және кәсіби (немесе орта арнаулы, орта кәсіби) білім немесе жоғары білім, жұмыс өтіліне талап қойылмайды.",
            },
        ],
    },
    # ----- §10 prevention_specialist, item 33 (same wording as item 27) -----------------------
    {
        "position": "prevention_specialist",
        "item": 33,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {"levels": ["tvet"], "fields": ["law", "economics", "pedagogy", "social", "humanities"]},
                ],
                "experience": {"years": 1, "kind": "profile"},
                "source": "орта арнаулы білім (заңгерлік, экономикалық, педагогикалық, әлеуметтік немесе гуманитарлық ғылымдар) және ұйымның бейіні бойынша тиісті экономикалық қызмет түріндегі жұмыс өтілі кемінде бір жыл",
            },
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": ["law", "economics", "pedagogy", "social", "humanities"],
                    },
                ],
                "experience": None,
                "source": "немесе жоғары (немесе жоғары оқу орнынан кейінгі) білім (заңгерлік, экономикалық, педагогикалық, әлеуметтік немесе гуманитарлық ғылымдар), жұмыс өтіліне талап қойылмайды..",
            },
        ],
    },
    # ----- §11 case_manager, item 36: high level only; none -> second -> first -> highest ------
    # The education (абзац 2) applies to every category; the steps are абзацы 3-6. Each source
    # therefore runs from the education абзац to the step's own абзац (verbatim, contiguous).
    # Plain "жоғары білім": postgraduate accepted too (see the module docstring).
    {
        "position": "case_manager",
        "item": 36,
        "level": "high",
        "category": "none",
        "alternatives": [
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": [
                            "social_work",
                            "preschool_education",
                            "primary_education",
                            "vocational_training",
                            "nursing",
                            "physical_education_sport",
                        ],
                    },
                ],
                "experience": None,
                "source": "жоғары білім (әлеуметтік жұмыс, мектепке дейінгі тәрбие беру және оқыту, бастауыш білім беру педагогикасы мен әдістемесі, кәсіптік оқыту, мейіргер ісі, дене тәрбиесі және спорт). жоғары санат –бірінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 3 жыл; бірінші санат –екінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 2 жыл; екінші санат –санатсыз жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 1 жыл; Санатсыз – жұмыс өтіліне талап қойылмайды.",
            },
        ],
    },
    {
        "position": "case_manager",
        "item": 36,
        "level": "high",
        "category": "second",
        "alternatives": [
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": [
                            "social_work",
                            "preschool_education",
                            "primary_education",
                            "vocational_training",
                            "nursing",
                            "physical_education_sport",
                        ],
                    },
                ],
                "experience": {
                    "years": 1,
                    "kind": "category",
                    "category": "none",
                    "positions": ["case_manager"],
                    "same_level": True,
                },
                "source": "жоғары білім (әлеуметтік жұмыс, мектепке дейінгі тәрбие беру және оқыту, бастауыш білім беру педагогикасы мен әдістемесі, кәсіптік оқыту, мейіргер ісі, дене тәрбиесі және спорт). жоғары санат –бірінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 3 жыл; бірінші санат –екінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 2 жыл; екінші санат –санатсыз жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 1 жыл",
            },
        ],
    },
    {
        "position": "case_manager",
        "item": 36,
        "level": "high",
        "category": "first",
        "alternatives": [
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": [
                            "social_work",
                            "preschool_education",
                            "primary_education",
                            "vocational_training",
                            "nursing",
                            "physical_education_sport",
                        ],
                    },
                ],
                "experience": {
                    "years": 2,
                    "kind": "category",
                    "category": "second",
                    "positions": ["case_manager"],
                    "same_level": True,
                },
                "source": "жоғары білім (әлеуметтік жұмыс, мектепке дейінгі тәрбие беру және оқыту, бастауыш білім беру педагогикасы мен әдістемесі, кәсіптік оқыту, мейіргер ісі, дене тәрбиесі және спорт). жоғары санат –бірінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 3 жыл; бірінші санат –екінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 2 жыл",
            },
        ],
    },
    {
        "position": "case_manager",
        "item": 36,
        "level": "high",
        "category": "highest",
        "alternatives": [
            {
                "education": [
                    {
                        "levels": ["higher", "postgraduate"],
                        "fields": [
                            "social_work",
                            "preschool_education",
                            "primary_education",
                            "vocational_training",
                            "nursing",
                            "physical_education_sport",
                        ],
                    },
                ],
                "experience": {
                    "years": 3,
                    "kind": "category",
                    "category": "first",
                    "positions": ["case_manager"],
                    "same_level": True,
                },
                "source": "жоғары білім (әлеуметтік жұмыс, мектепке дейінгі тәрбие беру және оқыту, бастауыш білім беру педагогикасы мен әдістемесі, кәсіптік оқыту, мейіргер ісі, дене тәрбиесі және спорт). жоғары санат –бірінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 3 жыл",
            },
        ],
    },
    # ----- §12 lawyer, item 39: higher/postgraduate (law) and 1 year by the profile ------------
    {
        "position": "lawyer",
        "item": 39,
        "level": None,
        "category": None,
        "alternatives": [
            {
                "education": [
                    {"levels": ["higher", "postgraduate"], "fields": ["law"]},
                ],
                "experience": {"years": 1, "kind": "profile"},
                "source": "жоғары (немесе жоғары оқу орнынан кейінгі) білім (заңгерлік) және ұйымның бейіні бойынша тиісті экономикалық қызмет түріндегі жұмыс өтілі кемінде бір жыл.",
            },
        ],
    },
]
