"""Tests of positions.parsing on the shipped official text of order No. 580-НҚ (as amended by
No. 188-НҚ). The expected values are copied from positions/data/order-580-nk.kk.txt."""

from __future__ import annotations

from datetime import date

import pytest

from positions.data.catalogue import POSITIONS
from positions.parsing import (
    SHIPPED_TEXT_PATH,
    ParsedOrder,
    ParseError,
    kazakh_ordinal,
    normalize_whitespace,
    parse_order,
    read_shipped_text,
)

ANNEX_START = "1-бөлім. Жалпы ережелер"
NOTE_MARKER = "ЗҚАИ-ның ескертпесі!"


@pytest.fixture(scope="module")
def text() -> str:
    return read_shipped_text()


@pytest.fixture(scope="module")
def order(text: str) -> ParsedOrder:
    return parse_order(text)


@pytest.fixture(scope="module")
def annex_lines(text: str) -> list[tuple[int, str]]:
    """(line number, whitespace-collapsed text) of the non-empty lines of the annex."""
    lines = text.splitlines()
    start = [i for i, line in enumerate(lines) if line.strip() == ANNEX_START]
    assert len(start) == 1
    return [(i + 1, normalize_whitespace(line)) for i, line in enumerate(lines) if i >= start[0] and line.strip()]


# ---------------------------------------------------------------------------------------------
# The order and its structure
# ---------------------------------------------------------------------------------------------


def test_shipped_text_path_is_the_data_file():
    assert SHIPPED_TEXT_PATH.name == "order-580-nk.kk.txt"
    assert SHIPPED_TEXT_PATH.parent.name == "data"
    assert SHIPPED_TEXT_PATH.is_file()


def test_order_metadata(order):
    assert order.title == (
        "Отбасын қолдау орталықтарының басшылары мен мамандары лауазымдарының үлгілік "
        "біліктілік сипаттамаларын бекіту туралы"
    )
    assert order.number == "580-НҚ"
    assert order.date == date(2025, 10, 24)
    assert order.annex_title == (
        "Отбасын қолдау орталықтарының басшылары мен мамандарының үлгілік біліктілік сипаттамалары"
    )


@pytest.mark.parametrize(
    "number, heading, item_numbers, paragraph_numbers",
    [
        (1, "1-бөлім. Жалпы ережелер", [1, 2, 3], []),
        (2, "2-бөлім. Басшылар лауазымдарының біліктілік сипаттамалары", [], list(range(1, 13))),
    ],
)
def test_sections(order, number, heading, item_numbers, paragraph_numbers):
    assert len(order.sections) == 2
    section = order.sections[number - 1]
    assert section.number == number
    assert section.heading == heading
    assert [item.number for item in section.items] == item_numbers
    assert [paragraph.number for paragraph in section.paragraphs] == paragraph_numbers


def test_items_1_to_39_each_once_in_order(order):
    numbers = [item.number for item in order.items()]
    assert numbers == list(range(1, 40))
    for number in numbers:
        assert order.item(number).number == number
    with pytest.raises(KeyError):
        order.item(40)


# The 12 paragraphs: (§, heading verbatim, title, code, group, items) -- docs/glossary.md, "The 12 positions".
PARAGRAPHS = [
    (
        1,
        "1-параграф. Отбасын қолдау орталығының директоры",
        "Отбасын қолдау орталығының директоры",
        "director",
        "heads",
        (4, 5, 6),
    ),
    (
        2,
        "2-параграф. Орталық басшысының (директорының) орынбасары",
        "Орталық басшысының (директорының) орынбасары",
        "deputy_director",
        "heads",
        (7, 8, 9),
    ),
    (
        3,
        "3-параграф. Құрылымдық бөлімшенің (қызметтің, бөлімнің) басшысы",
        "Құрылымдық бөлімшенің (қызметтің, бөлімнің) басшысы",
        "unit_head",
        "heads",
        (10, 11, 12),
    ),
    (4, "4-параграф. Әлеуметтік жұмыскер", "Әлеуметтік жұмыскер", "social_worker", "specialists", (13, 14, 15)),
    (
        5,
        "5 -параграф. Әлеуметтік жұмыс жөніндегі маман",
        "Әлеуметтік жұмыс жөніндегі маман",
        "social_work_specialist",
        "specialists",
        (16, 17, 18),
    ),
    (
        6,
        "Параграф 6. Психолог (әлеуметтік психолог)",
        "Психолог (әлеуметтік психолог)",
        "psychologist",
        "specialists",
        (19, 20, 21),
    ),
    (
        7,
        "7-параграф. Бұқаралық ақпарат құралдарымен және қоғаммен жұмыс жөніндегі маман",
        "Бұқаралық ақпарат құралдарымен және қоғаммен жұмыс жөніндегі маман",
        "media_relations_specialist",
        "specialists",
        (22, 23, 24),
    ),
    (
        8,
        "8 -параграф. Аналитика және мониторинг жөніндегі маман",
        "Аналитика және мониторинг жөніндегі маман",
        "analytics_specialist",
        "specialists",
        (25, 26, 27),
    ),
    (
        9,
        "9-параграф. Ақпаратты қорғау/ақпараттық технологиялар жөніндегі маман",
        "Ақпаратты қорғау/ақпараттық технологиялар жөніндегі маман",
        "infosec_it_specialist",
        "specialists",
        (28, 29, 30),
    ),
    (
        10,
        "10-параграф. Халықпен профилактикалық жұмыс жөніндегі маман",
        "Халықпен профилактикалық жұмыс жөніндегі маман",
        "prevention_specialist",
        "specialists",
        (31, 32, 33),
    ),
    (
        11,
        "11-параграф. Әлеуметтік жұмыскер кейс-менеджер",
        "Әлеуметтік жұмыскер кейс-менеджер",
        "case_manager",
        "specialists",
        (34, 35, 36),
    ),
    (12, '12 - параграф. "Заңгер"', '"Заңгер"', "lawyer", "specialists", (37, 38, 39)),
]


@pytest.mark.parametrize("number, heading, title, code, group, items", PARAGRAPHS)
def test_paragraphs(order, number, heading, title, code, group, items):
    paragraphs = order.paragraphs()
    assert [p.number for p in paragraphs] == list(range(1, 13))
    paragraph = paragraphs[number - 1]
    assert paragraph.number == number
    assert paragraph.heading == heading
    assert paragraph.title == title
    assert paragraph.position_code == code
    position = {p["code"]: p for p in POSITIONS}[code]
    assert position["paragraph"] == number
    assert position["group"] == group
    assert tuple(item.number for item in paragraph.items) == items
    assert [item.kind for item in paragraph.items] == ["duties", "knowledge", "requirements"]


# Opening абзац 1 of every item of a paragraph ("Мыныларды:" is the official typo of items 35, 38).
ITEM_OPENINGS = {
    "duties": ("Лауазымдық міндеттері:",),
    "knowledge": ("Мыналарды:", "Мыныларды:"),
    "requirements": ("Біліктілікке қойылатын талаптар:",),
}


@pytest.mark.parametrize("number", range(1, 40))
def test_item_kind(order, number):
    item = order.item(number)
    if number <= 3:
        assert item.kind == "general"
    else:
        expected = ("duties", "knowledge", "requirements")[(number - 4) % 3]
        assert item.kind == expected
        assert item.clauses[0].text.startswith(ITEM_OPENINGS[expected])


# Number of абзацы per item, counted by hand on the text (note lines excluded; the broken lines
# of items 12, 27, 28, 31 counted once).
CLAUSE_COUNTS = {
    1: 1,
    2: 2,
    3: 1,
    4: 24,
    5: 14,
    6: 1,
    7: 20,
    8: 16,
    9: 1,
    10: 16,
    11: 16,
    12: 1,
    13: 20,
    14: 7,
    15: 10,
    16: 11,
    17: 16,
    18: 11,
    19: 17,
    20: 16,
    21: 4,
    22: 10,
    23: 14,
    24: 1,
    25: 8,
    26: 13,
    27: 1,
    28: 18,
    29: 12,
    30: 1,
    31: 10,
    32: 13,
    33: 1,
    34: 13,
    35: 10,
    36: 6,
    37: 6,
    38: 11,
    39: 2,
}


@pytest.mark.parametrize("number, count", sorted(CLAUSE_COUNTS.items()))
def test_clause_count_and_numbering(order, number, count):
    clauses = order.item(number).clauses
    assert len(clauses) == count
    assert [c.number for c in clauses] == list(range(1, count + 1))
    for clause in clauses:
        assert clause.text == normalize_whitespace(clause.text) != ""
    # the "N. " of the item is not part of абзац 1
    assert not clauses[0].text.startswith(f"{number}.")


# ---------------------------------------------------------------------------------------------
# Verbatim clauses (official typos kept)
# ---------------------------------------------------------------------------------------------

VERBATIM = [
    # section 1
    (
        3,
        1,
        "Лауазымдық нұсқаулықтарды әзірлеу барысында нақты ұйымдастырушылық-техникалық жағдайларда тиісті лауазымға тән жұмыстар тізбесін нақтылауға, сондай-ақ жұмыскерлерге қойылатын арнайы даярлық талаптарын белгілеуге жол беріледі.",
    ),
    # §1 ("қиын жағдайғатап" typo; the odd quote and " ;" of item 5)
    (4, 1, "Лауазымдық міндеттері:"),
    (
        4,
        16,
        "өмірде қиын жағдайғатап болған адамдарды (отбасыларды) ерте анықтау және оларға қолдау көрсетуді ұйымдастыру жөніндегі мобильді топтың жұмысын ұйымдастырады;",
    ),
    (
        5,
        3,
        'Қазақстан Республикасының "Неке (ерлі-зайыптылық) және отбасы туралы" кодексі (бұдан әрі - Неке (ерлі-зайыптылық) және отбасы туралы" кодексі) ;',
    ),
    (
        5,
        13,
        "мемлекеттік отбасылық саясат саласындағы отандық және шетелдік тәжірибені; еңбекті ұйымдастыру мен басқару негіздерін;",
    ),
    (
        6,
        1,
        "Біліктілікке қойылатын талаптар: жоғары (немесе жоғары оқу орнынан кейінгі) білім (әлеуметтік, педагогика, заң, экономика, гуманитарлық) және әлеуметтік қорғау, жұмыспен қамту, білім беру, денсаулық сақтау, құқық қорғау жүйесінде (барлық меншік нысанындағы ұйымдарда) кемінде 3 жыл жұмыс өтілі немесе бейіні бойынша экономикалық қызмет түрінде ұйымдарда басшылық лауазымдарда кемінде 2 жыл жұмыс өтілі.",
    ),
    # §2
    (
        7,
        14,
        "өмірде қиын жағдайғатап болған адамдарды (отбасыларды) анықтауды және есепке алуды, статистикалық деректерді жинауды, себептерін талдауды және мониторингілеуді үйлестіреді;",
    ),
    (8, 10, "Үкіметтің № 1193 қаулысын;"),
    # §3
    (
        10,
        9,
        "Құрылымдық бөлімшенің (қызметтің, бөлімнің) басқа да құрылымдық бөлімшелермен өзара іс-қимылын ұйымдастырады;",
    ),
    (11, 8, "ӘРПК;"),
    # §4 (абзацы 7 and 10 of item 13 are identical in the order)
    (13, 7, "жеке жұмыс жоспарын әзірлейді және оның тиімді іске асырылуын үйлестіреді;"),
    (13, 10, "жеке жұмыс жоспарын әзірлейді және оның тиімді іске асырылуын үйлестіреді;"),
    (13, 8, "өмірде қиынжағдайдың алдын алу мәселелері бойынша консультативтік көмек көрсетеді;"),
    (15, 1, "Біліктілікке қойылатын талаптар: Жоғары деңгейлі біліктілікке ие маман:"),
    (15, 6, "Орташа біліктілік деңгейіндегі маман:"),
    # §5
    (17, 2, "Қазақстан Республикасының Конституциясын;"),
    (18, 2, "Жоғары біліктілік деңгейіндегі маман:"),
    (18, 7, "орташа біліктілік деңгейіндегі маман:"),
    # §6 ("проблемаарды" typo; item 20's list separated by single newlines)
    (20, 6, "әлеуметтік психологиядағы заманауи бағыттарды, өзекті проблемаарды және жұмыс әдістерін;"),
    (20, 7, "дағдарыстық жағдайлар, қайғы, жоғалту психологиясын;"),
    (20, 8, "экстремалды жағдайлар психологиясын;"),
    (20, 16, "әлеуметтік-психологиялық тренингті ұйымдастыру мен өткізудің негіздерін."),
    (
        21,
        2,
        "I санатты психолог: тиісті мамандық бойынша жоғары (немесе жоғары оқу орнынан кейінгі) білім және II санатты психолог лауазымында жұмыс өтілі кемінде 2 жыл;",
    ),
    # §7 (the double ". ." at the end of item 24)
    (
        22,
        10,
        "басшылықтың шешімдерінің орындалуын қамтамасыз етеді, оны жұмыс барысы мен нәтижелері туралы уақытылы хабардар етеді.",
    ),
    (
        24,
        1,
        "Біліктілікке қойылатын талаптар: кадрларды тиісті даярлау бағыты бойынша техникалық және кәсіптік (орта арнаулы, орта кәсіптік) немесе жоғары білім, жұмыс өтіліне талап қойылмайды. .",
    ),
    # §8
    (25, 4, "Орталыққа жүгінген адамдар базасын қалыптастыру бойынша жұмысты ұйымдастырады;"),
    (26, 1, "Мыналарды:"),
    # §9 ("қадарларды" typo)
    (29, 7, "техникалық барлау ұйымдастыруды;"),
    (
        30,
        1,
        "Біліктілікке қойылатын талаптар: қадарларды даярлаудың тиісті бағыты бойынша техникалық және кәсіби (немесе орта арнаулы, орта кәсіби) білім немесе жоғары білім, жұмыс өтіліне талап қойылмайды.",
    ),
    # §10 (the ".." at the end of item 33)
    (31, 5, "Орталыққа жүгінген адамдардың деректер базасын қалыптастыру жұмысын ұйымдастырады;"),
    (
        33,
        1,
        "Біліктілікке қойылатын талаптар: орта арнаулы білім (заңгерлік, экономикалық, педагогикалық, әлеуметтік немесе гуманитарлық ғылымдар) және ұйымның бейіні бойынша тиісті экономикалық қызмет түріндегі жұмыс өтілі кемінде бір жыл немесе жоғары (немесе жоғары оқу орнынан кейінгі) білім (заңгерлік, экономикалық, педагогикалық, әлеуметтік немесе гуманитарлық ғылымдар), жұмыс өтіліне талап қойылмайды..",
    ),
    # §11 ("Мыныларды" typo; "–бірінші" without a space)
    (34, 13, "қақтығыстарды, ашуды, қорқынышты басқару технологияларын меңгереді."),
    (35, 1, "Мыныларды:"),
    (36, 1, "Біліктілікке қойылатын талаптар:"),
    (36, 3, "жоғары санат –бірінші санатты жоғары деңгейлі біліктілік маманы лауазымында жұмыс өтілі кемінде 3 жыл;"),
    (36, 6, "Санатсыз – жұмыс өтіліне талап қойылмайды."),
    # §12 (the comma after "Конституциясын")
    (37, 2, "камқоршылық, бала құқықтарын сақтау мәселелері бойынша кеңес беруді жүзеге асырады;"),
    (38, 1, "Мыныларды:"),
    (38, 2, "Қазақстан Республикасының Конституциясын,"),
    (
        39,
        2,
        "жоғары (немесе жоғары оқу орнынан кейінгі) білім (заңгерлік) және ұйымның бейіні бойынша тиісті экономикалық қызмет түріндегі жұмыс өтілі кемінде бір жыл.",
    ),
]


@pytest.mark.parametrize("item, clause, expected", VERBATIM, ids=[f"{item}.{clause}" for item, clause, _ in VERBATIM])
def test_verbatim_clause(order, item, clause, expected):
    assert order.item(item).clause(clause).text == expected


def test_verbatim_samples_cover_every_paragraph():
    items = {item for item, _, _ in VERBATIM}
    for _, _, _, _, _, paragraph_items in PARAGRAPHS:
        assert items & set(paragraph_items)


# ---------------------------------------------------------------------------------------------
# Sentences broken over two source lines: one абзац
# ---------------------------------------------------------------------------------------------

JOINED = [
    # (item, абзац, end of the first source line, start of the continuation line)
    (12, 1, "және халықты әлеуметтік", "қорғау, жұмыспен қамту, білім беру"),
    (27, 1, "және ұйымның бейіні", "бойынша тиісті экономикалық қызмет түріндегі"),
    (
        28,
        11,
        "ағып кету арналары, оның ішінде",
        "техникалық арналар бойынша материалдарды жинауды және талдауды ұйымдастырады ;",
    ),
    (31, 10, "аспаптарды, жабдықтар", "мен механизмдерді техникалық пайдалану тәртібінің орындалуын"),
]


@pytest.mark.parametrize("item, clause, first, continuation", JOINED)
def test_broken_line_is_one_clause(order, item, clause, first, continuation):
    parsed = order.item(item)
    assert f"{first} {continuation}" in parsed.clause(clause).text
    assert not any(c.text.startswith(continuation) for c in parsed.clauses)


def test_exactly_four_broken_lines_are_joined(order, annex_lines):
    # non-empty annex lines = headings + title note + ЗҚАИ note lines + clauses + joined lines
    headings = len(order.sections) + len(order.paragraphs())
    title_notes = sum(1 for p in order.paragraphs() if p.title_amendment)
    note_lines = 3 * sum(1 for i in order.items() for c in i.clauses if c.amendment)
    clauses = sum(len(i.clauses) for i in order.items())
    assert len(annex_lines) - headings - title_notes - note_lines - clauses == len(JOINED)


def test_item_12_requirement_reads_as_one_sentence(order):
    assert order.item(12).clauses == (order.item(12).clause(1),)
    assert order.item(12).text == (
        "Біліктілікке қойылатын талаптар: жоғары (немесе жоғары оқу орнынан кейінгі) білім "
        "(әлеуметтік, педагогика, заң, экономика, гуманитарлық) және халықты әлеуметтік "
        "қорғау, жұмыспен қамту, білім беру, денсаулық сақтау, құқық қорғау жүйесінде (барлық "
        "меншік нысанындағы ұйымдарда) кемінде 2 жыл жұмыс өтілі."
    )


# ---------------------------------------------------------------------------------------------
# Amendment notes
# ---------------------------------------------------------------------------------------------

NOTES = [
    # (item, абзац, ordinal word in the note, start of the amended clause)
    (5, 9, "тоғызыншы", '"Тұрмыстық зорлық-зомбылық профилактикасы туралы"'),
    (8, 9, "тоғызыншы", '"Тұрмыстық зорлық-зомбылық профилактикасы туралы"'),
    (11, 9, "тоғызыншы", '"Тұрмыстық зорлық-зомбылық профилактикасы туралы"'),
    (14, 5, "бесінші", '"Тұрмыстық зорлық-зомбылық профилактикасы туралы"'),
    (17, 4, "төртінші", '"Неке және отбасы туралы" кодексті;'),
    (20, 5, "бесінші", '"Тұрмыстық зорлық-зомбылық профилактикасы туралы"'),
    (26, 7, "жетінші", '"Тұрмыстық зорлық-зомбылық профилактикасы туралы"'),
    (32, 7, "жетінші", '"Тұрмыстық зорлық-зомбылық профилактикасы туралы"'),
    (35, 7, "жетінші", "кейс-менеджмент технологиясы бойынша әлеуметтік сүйемелдеуді жүргізу кезеңдерін;"),
    (38, 6, "алтыншы", "еңбек, азаматтық, әкімшілік, отбасылық, экологиялық, салық заңнамасын және қаржы құқығын;"),
]


@pytest.mark.parametrize("item, clause, ordinal, clause_start", NOTES)
def test_note_attached_to_clause(order, item, clause, ordinal, clause_start):
    parsed = order.item(item).clause(clause)
    assert parsed.text.startswith(clause_start)
    note = parsed.amendment
    assert note is not None
    assert note.item_number == item
    assert note.clause_number == clause
    assert note.act_number == "188-НҚ"
    assert note.act_date == date(2026, 4, 16)
    assert note.effective_date == date(2026, 7, 12)
    # the two source lines of the note joined with one space
    assert note.text == (
        f"{item}-тармақтың {ordinal} абзацы жаңа редакцияда көзделген – ҚР "
        "Премьер-Министрінің орынбасары - Мәдениет және ақпарат министрінің 16.04.2026 "
        "№ 188-НҚ (12.07.2026 бастап қолданысқа енгізіледі) бұйрығымен."
    )


def test_no_other_clause_has_a_note(order):
    noted = {(i.number, c.number) for i in order.items() for c in i.clauses if c.amendment}
    assert noted == {(item, clause) for item, clause, _, _ in NOTES}


def test_notes_are_not_clauses(order):
    for item in order.items():
        for clause in item.clauses:
            assert NOTE_MARKER not in clause.text
            assert "бұйрығымен." not in clause.text


def test_title_note_of_paragraph_12(order):
    paragraphs = order.paragraphs()
    assert [p.number for p in paragraphs if p.title_amendment] == [12]
    note = paragraphs[11].title_amendment
    assert note.text == (
        "Ескерту. 12-параграфтың тақырыбы жаңа редакцияда – ҚР Премьер-Министрінің "
        "орынбасары - Мәдениет және ақпарат министрінің 16.04.2026 № 188-НҚ (алғашқы ресми "
        "жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) "
        "бұйрығымен."
    )
    assert note.act_number == "188-НҚ"
    assert note.act_date == date(2026, 4, 16)
    assert note.effective_date is None
    assert note.item_number is None
    assert note.clause_number is None


@pytest.mark.parametrize(
    "words, value",
    [
        ("бірінші", 1),
        ("екінші", 2),
        ("үшінші", 3),
        ("төртінші", 4),
        ("бесінші", 5),
        ("алтыншы", 6),
        ("жетінші", 7),
        ("сегізінші", 8),
        ("тоғызыншы", 9),
        ("оныншы", 10),
        ("он бірінші", 11),
        ("он тоғызыншы", 19),
        ("жиырмасыншы", 20),
        ("жиырма екінші", 22),
        ("Тоғызыншы", 9),
    ],
)
def test_kazakh_ordinal(words, value):
    assert kazakh_ordinal(words) == value


@pytest.mark.parametrize("words", ["", "бір", "тоғыз", "оныншы бірінші", "ninth", "он"])
def test_kazakh_ordinal_rejects(words):
    with pytest.raises(ValueError):
        kazakh_ordinal(words)


# ---------------------------------------------------------------------------------------------
# Round trip: nothing lost, nothing invented
# ---------------------------------------------------------------------------------------------


def _rebuild_annex(order: ParsedOrder) -> str:
    """The annex rebuilt from the parsed structure, in document order."""
    parts: list[str] = []

    def add_item(item):
        for clause in item.clauses:
            if clause.amendment is not None:
                parts.extend([NOTE_MARKER, clause.amendment.text])
            parts.append(f"{item.number}. {clause.text}" if clause.number == 1 else clause.text)

    for section in order.sections:
        parts.append(section.heading)
        for item in section.items:
            add_item(item)
        for paragraph in section.paragraphs:
            parts.append(paragraph.heading)
            if paragraph.title_amendment is not None:
                parts.append(paragraph.title_amendment.text)
            for item in paragraph.items:
                add_item(item)
    return " ".join(parts)


def test_round_trip_rebuilds_the_annex_exactly(order, annex_lines):
    assert _rebuild_annex(order) == " ".join(line for _, line in annex_lines)


def test_nothing_lost(order, annex_lines):
    pieces: list[str] = []
    for section in order.sections:
        pieces.append(section.heading)
    for paragraph in order.paragraphs():
        pieces += [paragraph.heading, paragraph.title]
        if paragraph.title_amendment:
            pieces.append(paragraph.title_amendment.text)
    notes = 0
    for item in order.items():
        pieces.append(f"{item.number}. {item.clauses[0].text}")
        for clause in item.clauses:
            pieces.append(clause.text)
            if clause.amendment:
                pieces.append(clause.amendment.text)
                notes += 1
    markers = 0
    for lineno, line in annex_lines:
        if line == NOTE_MARKER:
            markers += 1  # represented by the AmendmentNote of the next clause
            continue
        assert any(line in piece for piece in pieces), f"line {lineno} lost: {line[:60]!r}"
    assert markers == notes == 10


def test_nothing_invented(order, text):
    flat = normalize_whitespace(text)
    for item in order.items():
        for clause in item.clauses:
            assert clause.text in flat, (item.number, clause.number)
            if clause.amendment:
                assert clause.amendment.text in flat
    for paragraph in order.paragraphs():
        assert paragraph.heading in flat
        assert paragraph.title in paragraph.heading
    for section in order.sections:
        assert section.heading in flat


def test_whitespace_is_normalised(text):
    doctored = text.replace("Мыныларды:", "  Мыныларды:\t ").replace("мүдделерін білдіреді;", "мүдделерін   білдіреді;")
    assert doctored != text
    assert _rebuild_annex(parse_order(doctored)) == _rebuild_annex(parse_order(text))


# ---------------------------------------------------------------------------------------------
# ParseError on doctored texts
# ---------------------------------------------------------------------------------------------

DOCTORED = [
    # (id, old, new, expected line of the error (None: not tied to a line), message fragment)
    ("note names the wrong абзац", "5-тармақтың тоғызыншы", "5-тармақтың сегізінші", 122, "абзац 8"),
    ("note names the wrong item", "14-тармақтың бесінші", "15-тармақтың бесінші", 350, "item 15"),
    ("note ordinal unknown", "20-тармақтың бесінші", "20-тармақтың бесыншы", 504, "ordinal"),
    ("note never ends", 'енгізіледі) бұйрығымен.\n\n"Тұрмыстық', 'енгізіледі)\n\n"Тұрмыстық', 116, "бұйрығымен"),
    ("note entry-into-force unreadable", "(12.07.2026 бастап", "(12.07.2026 жылдан бастап", 116, "entry-into-force"),
    ("item missing", "\n7. Лауазымдық міндеттері:\n", "\n\n", 140, "before any item"),
    ("item renumbered", "\n8. Мыналарды:\n", "\n9. Мыналарды:\n", 178, "expected item 8"),
    ("items out of kind order", "\n23. Мыналарды:\n", "\n23. Лауазымдық міндеттері:\n", 555, "knowledge"),
    ("paragraph renumbered", "Параграф 6. Психолог", "Параграф 7. Психолог", 460, "expected paragraph 6"),
    ("title note on the wrong paragraph", "Ескерту. 12-параграфтың", "Ескерту. 11-параграфтың", 831, "paragraph 11"),
    ("section renumbered", "2-бөлім. Басшылар", "3-бөлім. Басшылар", 48, "expected section 2"),
    ("unknown month in the order date", "24 қазандағы", "24 октябрдегі", 5, "month"),
    ("annex missing", "1-бөлім. Жалпы ережелер", "Жалпы ережелер", None, "annex"),
]


@pytest.mark.parametrize(
    "old, new, line, fragment",
    [case[1:] for case in DOCTORED],
    ids=[case[0] for case in DOCTORED],
)
def test_parse_error_on_doctored_text(text, old, new, line, fragment):
    assert text.count(old) >= 1
    doctored = text.replace(old, new, 1)
    with pytest.raises(ParseError) as excinfo:
        parse_order(doctored)
    error = excinfo.value
    assert isinstance(error, ValueError)
    assert error.line == line
    assert fragment in str(error)
    if line is not None:
        assert str(error).startswith(f"line {line}:")


def test_parse_error_when_a_whole_paragraph_is_missing(text):
    lines = text.splitlines()
    start = lines.index('12 - параграф. "Заңгер"')
    with pytest.raises(ParseError, match="paragraph"):
        parse_order("\n".join(lines[:start]))


def test_parse_error_on_empty_text():
    with pytest.raises(ParseError):
        parse_order("\n \n")
