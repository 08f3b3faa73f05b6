"""Lithuania's counties and municipalities (facts entered here; ISO 3166-2 codes and the
county of each municipality are checked against pycountry by the tests).

A county: ISO 3166-2 code, NUTS 3 code, Lithuanian name, English name.
A municipality: ISO 3166-2 code, county code, Lithuanian genitive stem, form, English stem.
The form is "city" (miesto savivaldybė), "district" (rajono savivaldybė) or "" (savivaldybė).
"""

COUNTIES = [
    ("LT-VL", "LT011", "Vilniaus apskritis", "Vilnius County"),
    ("LT-AL", "LT021", "Alytaus apskritis", "Alytus County"),
    ("LT-KU", "LT022", "Kauno apskritis", "Kaunas County"),
    ("LT-KL", "LT023", "Klaipėdos apskritis", "Klaipėda County"),
    ("LT-MR", "LT024", "Marijampolės apskritis", "Marijampolė County"),
    ("LT-PN", "LT025", "Panevėžio apskritis", "Panevėžys County"),
    ("LT-SA", "LT026", "Šiaulių apskritis", "Šiauliai County"),
    ("LT-TA", "LT027", "Tauragės apskritis", "Tauragė County"),
    ("LT-TE", "LT028", "Telšių apskritis", "Telšiai County"),
    ("LT-UT", "LT029", "Utenos apskritis", "Utena County"),
]

NUTS2_BY_NUTS3_PREFIX = {"LT01": "Sostinės regionas", "LT02": "Vidurio ir vakarų Lietuvos regionas"}

MUNICIPALITIES = [
    ("LT-01", "LT-SA", "Akmenės", "district", "Akmenė"),
    ("LT-02", "LT-AL", "Alytaus", "city", "Alytus"),
    ("LT-03", "LT-AL", "Alytaus", "district", "Alytus"),
    ("LT-04", "LT-UT", "Anykščių", "district", "Anykščiai"),
    ("LT-05", "LT-KU", "Birštono", "", "Birštonas"),
    ("LT-06", "LT-PN", "Biržų", "district", "Biržai"),
    ("LT-07", "LT-AL", "Druskininkų", "", "Druskininkai"),
    ("LT-08", "LT-VL", "Elektrėnų", "", "Elektrėnai"),
    ("LT-09", "LT-UT", "Ignalinos", "district", "Ignalina"),
    ("LT-10", "LT-KU", "Jonavos", "district", "Jonava"),
    ("LT-11", "LT-SA", "Joniškio", "district", "Joniškis"),
    ("LT-12", "LT-TA", "Jurbarko", "district", "Jurbarkas"),
    ("LT-13", "LT-KU", "Kaišiadorių", "district", "Kaišiadorys"),
    ("LT-14", "LT-MR", "Kalvarijos", "", "Kalvarija"),
    ("LT-15", "LT-KU", "Kauno", "city", "Kaunas"),
    ("LT-16", "LT-KU", "Kauno", "district", "Kaunas"),
    ("LT-17", "LT-MR", "Kazlų Rūdos", "", "Kazlų Rūda"),
    ("LT-18", "LT-KU", "Kėdainių", "district", "Kėdainiai"),
    ("LT-19", "LT-SA", "Kelmės", "district", "Kelmė"),
    ("LT-20", "LT-KL", "Klaipėdos", "city", "Klaipėda"),
    ("LT-21", "LT-KL", "Klaipėdos", "district", "Klaipėda"),
    ("LT-22", "LT-KL", "Kretingos", "district", "Kretinga"),
    ("LT-23", "LT-PN", "Kupiškio", "district", "Kupiškis"),
    ("LT-24", "LT-AL", "Lazdijų", "district", "Lazdijai"),
    ("LT-25", "LT-MR", "Marijampolės", "", "Marijampolė"),
    ("LT-26", "LT-TE", "Mažeikių", "district", "Mažeikiai"),
    ("LT-27", "LT-UT", "Molėtų", "district", "Molėtai"),
    ("LT-28", "LT-KL", "Neringos", "", "Neringa"),
    ("LT-29", "LT-TA", "Pagėgių", "", "Pagėgiai"),
    ("LT-30", "LT-SA", "Pakruojo", "district", "Pakruojis"),
    ("LT-31", "LT-KL", "Palangos", "city", "Palanga"),
    ("LT-32", "LT-PN", "Panevėžio", "city", "Panevėžys"),
    ("LT-33", "LT-PN", "Panevėžio", "district", "Panevėžys"),
    ("LT-34", "LT-PN", "Pasvalio", "district", "Pasvalys"),
    ("LT-35", "LT-TE", "Plungės", "district", "Plungė"),
    ("LT-36", "LT-KU", "Prienų", "district", "Prienai"),
    ("LT-37", "LT-SA", "Radviliškio", "district", "Radviliškis"),
    ("LT-38", "LT-KU", "Raseinių", "district", "Raseiniai"),
    ("LT-39", "LT-TE", "Rietavo", "", "Rietavas"),
    ("LT-40", "LT-PN", "Rokiškio", "district", "Rokiškis"),
    ("LT-41", "LT-MR", "Šakių", "district", "Šakiai"),
    ("LT-42", "LT-VL", "Šalčininkų", "district", "Šalčininkai"),
    ("LT-43", "LT-SA", "Šiaulių", "city", "Šiauliai"),
    ("LT-44", "LT-SA", "Šiaulių", "district", "Šiauliai"),
    ("LT-45", "LT-TA", "Šilalės", "district", "Šilalė"),
    ("LT-46", "LT-KL", "Šilutės", "district", "Šilutė"),
    ("LT-47", "LT-VL", "Širvintų", "district", "Širvintos"),
    ("LT-48", "LT-KL", "Skuodo", "district", "Skuodas"),
    ("LT-49", "LT-VL", "Švenčionių", "district", "Švenčionys"),
    ("LT-50", "LT-TA", "Tauragės", "district", "Tauragė"),
    ("LT-51", "LT-TE", "Telšių", "district", "Telšiai"),
    ("LT-52", "LT-VL", "Trakų", "district", "Trakai"),
    ("LT-53", "LT-VL", "Ukmergės", "district", "Ukmergė"),
    ("LT-54", "LT-UT", "Utenos", "district", "Utena"),
    ("LT-55", "LT-AL", "Varėnos", "district", "Varėna"),
    ("LT-56", "LT-MR", "Vilkaviškio", "district", "Vilkaviškis"),
    ("LT-57", "LT-VL", "Vilniaus", "city", "Vilnius"),
    ("LT-58", "LT-VL", "Vilniaus", "district", "Vilnius"),
    ("LT-59", "LT-UT", "Visagino", "", "Visaginas"),
    ("LT-60", "LT-UT", "Zarasų", "district", "Zarasai"),
]

LITHUANIAN_FORMS = {
    "city": "miesto savivaldybė",
    "district": "rajono savivaldybė",
    "": "savivaldybė",
}
ENGLISH_FORMS = {
    "city": "city municipality",
    "district": "district municipality",
    "": "municipality",
}


def municipality_names(genitive: str, form: str, english_stem: str) -> tuple[str, str]:
    """The Lithuanian and English names, e.g. ("Kauno miesto savivaldybė", "Kaunas city
    municipality")."""
    return f"{genitive} {LITHUANIAN_FORMS[form]}", f"{english_stem} {ENGLISH_FORMS[form]}"
