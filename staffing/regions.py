"""The 17 regions and 3 cities of republican significance (since 8 June 2022), codes listed in docs/glossary.md."""

REGIONS = [
    ("abai", "Абай облысы", "область Абай"),
    ("akmola", "Ақмола облысы", "Акмолинская область"),
    ("aktobe", "Ақтөбе облысы", "Актюбинская область"),
    ("almaty_region", "Алматы облысы", "Алматинская область"),
    ("atyrau", "Атырау облысы", "Атырауская область"),
    ("west_kazakhstan", "Батыс Қазақстан облысы", "Западно-Казахстанская область"),
    ("zhambyl", "Жамбыл облысы", "Жамбылская область"),
    ("zhetisu", "Жетісу облысы", "область Жетісу"),
    ("karaganda", "Қарағанды облысы", "Карагандинская область"),
    ("kostanay", "Қостанай облысы", "Костанайская область"),
    ("kyzylorda", "Қызылорда облысы", "Кызылординская область"),
    ("mangystau", "Маңғыстау облысы", "Мангистауская область"),
    ("pavlodar", "Павлодар облысы", "Павлодарская область"),
    ("north_kazakhstan", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область"),
    ("turkistan", "Түркістан облысы", "Туркестанская область"),
    ("ulytau", "Ұлытау облысы", "область Ұлытау"),
    ("east_kazakhstan", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область"),
    ("astana", "Астана қаласы", "город Астана"),
    ("almaty", "Алматы қаласы", "город Алматы"),
    ("shymkent", "Шымкент қаласы", "город Шымкент"),
]


def regions_ensure(region_model=None) -> None:
    """Create or refresh the regions (used by migration 0002 and by tests that flush the database)."""
    if region_model is None:
        # The app's model only when no historical model is given: a migration passes its own.
        from staffing.models import Region as region_model
    for order, (code, name_kk, name_ru) in enumerate(REGIONS, start=1):
        region_model.objects.update_or_create(
            code=code, defaults={"name_kk": name_kk, "name_ru": name_ru, "order": order}
        )
