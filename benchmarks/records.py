"""What the generated rows look like: word lists for names (Lithuanian-looking stems and
activity words by field, and English ones, so that full-text queries in either language
hit), the shares of kinds, sizes and places, and RecordMaker, which invents unsaved clusters
and organisations from them. benchmarks/generate.py stores and links them."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import slugify
from stdnum.lt import pvm

from tinklas.clusters.models import Cluster, Maturity
from tinklas.organisations.models import Organisation
from tinklas.organisations.sizes import size_class_for
from tinklas.taxonomy.models import NaceActivity, Region, Sector

# Every date is drawn before this day, so that the data do not depend on the day they are made.
REFERENCE_DAY = datetime.date(2025, 6, 30)


def words(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True)
class SectorWords:
    """How the organisations and clusters of one field are named and what they do."""

    weight: int  # relative share of the clusters and companies in this field
    divisions: Sequence[str]  # NACE Rev. 2.1 divisions of its companies' main activities
    lithuanian: Sequence[str]  # company name words
    english: Sequence[str]
    cluster_phrases: Sequence[tuple[str, str]]  # (Lithuanian genitive, English)


SECTOR_WORDS = {
    "ict": SectorWords(
        18,
        words("26 58 61 62 63"),
        words("sprendimai sistemos duomenys technologijos programos tinklai"),
        words("Software Digital Data Systems Cloud"),
        [("skaitmeninių technologijų", "digital technology"), ("IT sprendimų", "IT solutions")],
    ),
    "fintech": SectorWords(
        6,
        words("64 66"),
        words("mokėjimai finansai investicijos skaičiavimai"),
        words("Payments Finance Capital Fintech"),
        [("finansinių technologijų", "financial technology"), ("mokėjimų", "payments")],
    ),
    "creative": SectorWords(
        8,
        words("59 73 74 90"),
        words("dizainas studija idėjos vaizdai garsai projektai"),
        words("Design Studio Media Creative"),
        [("kūrybinių industrijų", "creative industries"), ("dizaino", "design")],
    ),
    "production": SectorWords(
        16,
        words("22 25 27 28 29 31 33"),
        words("gamyba inžinerija mechanika konstrukcijos staklės detalės"),
        words("Engineering Manufacturing Metal Plastics"),
        [("pramonės technologijų", "industrial technology"), ("lazerių", "laser")],
    ),
    "agrifood": SectorWords(
        16,
        words("01 10 11"),
        words("ūkis maistas kepyklos sūriai grūdai pienas sodai"),
        words("Food Dairy Bakery Grain Organic"),
        [("maisto technologijų", "food technology"), ("pieno", "dairy")],
    ),
    "energy-construction": SectorWords(
        12,
        words("35 41 42 43 71"),
        words("statyba energija projektavimas šiluma langai"),
        words("Energy Solar Building Construction"),
        [("energetikos technologijų", "energy technology"), ("tvarios statybos", "green building")],
    ),
    "transport": SectorWords(
        10,
        words("49 50 52 53"),
        words("logistika pervežimai ekspedijavimas sandėliai"),
        words("Logistics Transport Cargo Freight"),
        [("logistikos", "logistics"), ("transporto inovacijų", "transport innovation")],
    ),
    "health": SectorWords(
        8,
        words("21 72 86"),
        words("biotechnologijos diagnostika klinika farmacija reabilitacija"),
        words("Health Biotech Medical Pharma"),
        [("sveikatos technologijų", "health technology"), ("biotechnologijų", "biotechnology")],
    ),
    "tourism": SectorWords(
        6,
        words("55 56 79 93"),
        words("kelionės sodyba viešbutis poilsis pramogos"),
        words("Travel Hotel Leisure Tours"),
        [("turizmo", "tourism"), ("sveikatingumo", "wellness")],
    ),
}
# For a field added to the taxonomy after this generator was written.
OTHER_SECTOR_WORDS = SectorWords(
    4, [], words("paslaugos prekyba projektai"), words("Services Trade"), [("verslo", "business")]
)
# Words any company may carry, so that a search for one of them hits every field.
GENERAL_WORDS = words("sprendimai technologijos grupė partneriai centras servisas")
STEMS = words(
    "Baltijos Nemuno Gintaro Vėjo Saulės Ąžuolo Lino Neries Dubysos Žalgirio Aušros Vilties "
    "Rasos Girios Kopų Marių Ežerų Pajūrio Žiburio Šilo Beržų Pušų Liepų Uosio Klevo Eglės "
    "Jūros Gabijos Perkūno Aukuro Gedimino Kęstučio Mindaugo Birutės Trakų Rambyno Žemaitijos "
    "Aukštaitijos Dzūkijos Suvalkijos Sėlos Kuršo Vilkų Lūšies Vyčio Ventos Minijos Šešupės"
)
ENGLISH_STEMS = words("Baltic Amber Nordic Northern Green Smart Blue Future Linen Oak Sun Wind")
ENGLISH_ENDINGS = words("Group Solutions Partners Lab Works Baltic Systems")
PLACES = [
    ("Baltijos", "Baltic"), ("Nemuno", "Nemunas"), ("Gintaro", "Amber"),
    ("Vilniaus", "Vilnius"), ("Kauno", "Kaunas"), ("Klaipėdos", "Klaipėda"),
    ("Šiaulių", "Šiauliai"), ("Lietuvos", "Lithuanian"), ("Panevėžio", "Panevėžys"),
    ("Žemaitijos", "Samogitian"), ("Dzūkijos", "Dzūkija"),
    ("Pajūrio", "Seaside"), ("Šiaurės", "Northern"), ("Pietų", "Southern"), ("Vakarų", "Western"),
    ("Rytų", "Eastern"), ("Žaliųjų", "Green"), ("Išmaniųjų", "Smart"), ("Ateities", "Future"),
]  # fmt: skip
RESEARCH_WORDS = ["universitetas", "kolegija", "mokslo ir technologijų parkas", "institutas"]
PUBLIC_WORDS = ["regiono plėtros agentūra", "verslo informacijos centras", "turizmo centras"]
# Contact people and the network's board.
PEOPLE = [
    "Jonas Kazlauskas", "Rūta Petrauskienė", "Tomas Jankauskas", "Eglė Stankevičienė",
    "Mantas Vasiliauskas", "Ieva Žukauskaitė", "Lukas Butkus", "Asta Paulauskienė",
]  # fmt: skip

# Most organisations sit in the three largest cities, as in the real register.
MUNICIPALITY_WEIGHTS = {"LT-57": 30, "LT-15": 14, "LT-20": 8}
# (kind, share) of the organisations that are not cluster coordinators.
KIND_SHARES = [
    ("company", 91),
    ("research", 1.5),
    ("public", 2),
    ("association", 4.5),
    ("other", 1),
]
SIZE_SHARES = [("micro", 72), ("small", 17), ("medium", 6), ("large", 2), ("unknown", 3)]
# (headcount range, turnover range in thousands of euros) by size class.
SIZE_FIGURES = {
    "micro": ((1, 9), (20, 1_900)),
    "small": ((10, 49), (900, 9_500)),
    "medium": ((50, 249), (8_000, 48_000)),
    "large": ((250, 5_000), (40_000, 900_000)),
}


class RecordMaker:
    """Invents unsaved rows from one random generator, in a fixed order: the same seed gives
    the same rows. Reads only the reference data (fields, regions, NACE activities)."""

    def __init__(self, rng: random.Random) -> None:
        self.random = rng
        self.sectors = list(Sector.objects.prefetch_related("ecosystems"))
        self.words = [SECTOR_WORDS.get(sector.slug, OTHER_SECTOR_WORDS) for sector in self.sectors]
        self.municipalities = list(
            Region.objects.filter(kind=Region.Kind.MUNICIPALITY).order_by("code")
        )
        if not self.sectors or not self.municipalities:
            raise RuntimeError("The benchmark needs the reference data of TINKLAS_COUNTRY=LT.")
        self.municipality_weights = [
            MUNICIPALITY_WEIGHTS.get(region.code, 1) for region in self.municipalities
        ]
        classes = list(
            NaceActivity.objects.filter(revision="2.1", level=NaceActivity.Level.CLASS)
            .order_by("code")
            .values_list("id", "code")
        )
        self.activities = [
            [pk for pk, code in classes if code[:2] in words.divisions] or [pk for pk, _ in classes]
            for words in self.words
        ]
        self.clusters: list[Cluster] = []
        self.cluster_sectors: list[int] = []  # the index of each cluster's main field
        self.cluster_names: list[tuple[str, str]] = []  # (Lithuanian, English)
        # Lowercase field names in both languages, as plain strings for the descriptions.
        names = {
            pk: (str(name_lt).lower(), str(name_en).lower())
            for pk, name_lt, name_en in Sector.objects.values_list("pk", "name_lt", "name_en")
        }
        self.sector_names = [names[sector.pk] for sector in self.sectors]

    def day_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        if end <= start:
            return start
        return start + datetime.timedelta(days=self.random.randrange((end - start).days))

    def municipality(self) -> Region:
        return self.random.choices(self.municipalities, weights=self.municipality_weights)[0]

    def sector_index(self) -> int:
        return self.random.choices(range(len(self.sectors)), [w.weight for w in self.words])[0]

    def plan_clusters(self, count: int) -> None:
        """Clusters are invented before organisations: their coordinators bear their names."""
        rng = self.random
        seen: dict[str, int] = {}
        for number in range(1, count + 1):
            sector_index = self.sector_index()
            words, (sector_lt, sector_en) = (
                self.words[sector_index],
                self.sector_names[sector_index],
            )
            (place_lt, place_en), (phrase_lt, phrase_en) = (
                rng.choice(PLACES),
                rng.choice(words.cluster_phrases),
            )
            name_lt, name_en = (
                f"{place_lt} {phrase_lt} klasteris",
                f"{place_en} {phrase_en} cluster",
            )
            # Real clusters have distinct names: the second "Kauno logistikos klasteris" is "… 2".
            seen[name_lt] = seen.get(name_lt, 0) + 1
            if seen[name_lt] > 1:
                name_lt, name_en = f"{name_lt} {seen[name_lt]}", f"{name_en} {seen[name_lt]}"
            slug = f"{slugify(name_en)[:70]}-{number}"
            technologies = ", ".join(rng.sample(list(words.english), min(3, len(words.english))))
            founded_on = self.day_between(datetime.date(1995, 1, 1), datetime.date(2023, 12, 31))
            self.clusters.append(
                Cluster(
                    name_lt=name_lt,
                    name_en=name_en,
                    acronym="".join(word[0] for word in name_en.split()).upper() + str(number),
                    slug=slug,
                    founded_on=founded_on,
                    description_lt=f"{name_lt} vienija {sector_lt} srities įmones, "
                    f"mokslo ir viešojo sektoriaus organizacijas. Kryptys: {technologies}.",
                    description_en=f"The {name_en} brings together companies, research and "
                    f"public organisations in {sector_en}. Focus: {technologies}.",
                    technologies=technologies,
                    maturity=rng.choice(Maturity.values),
                    maturity_assessed_on=self.day_between(datetime.date(2023, 1, 1), REFERENCE_DAY),
                    municipality=self.municipality(),
                    website=f"https://{slug}.example.lt",
                    contact_person=rng.choice(PEOPLE),
                    contact_email=f"info@{slug}.example.lt",
                    contact_phone=f"+370 6{rng.randint(10, 99)} {rng.randint(10000, 99999)}",
                    management_fte=Decimal(rng.choice(["0.5", "1.0", "1.5", "2.0", "3.0"])),
                    status=Cluster.Status.PUBLISHED,
                )
            )
            self.cluster_sectors.append(sector_index)
            self.cluster_names.append((name_lt, name_en))

    def organisation(self, number: int) -> tuple[Organisation, int]:
        """The organisation numbered `number` and the index of its field. The first ones
        coordinate the clusters, in the clusters' order."""
        rng = self.random
        stem = f"30{number:06d}"  # unique Lithuanian company codes with a valid check digit
        values: dict[str, object] = {
            "slug": f"org-{number}",
            "country": "LT",
            "company_code": stem + pvm.calc_check_digit(stem),
            "municipality": self.municipality(),
            "founded_year": rng.randint(1990, 2024),
        }
        if number < len(self.clusters):
            (cluster_lt, cluster_en), sector_index = (
                self.cluster_names[number],
                self.cluster_sectors[number],
            )
            return Organisation(
                name=f"Asociacija „{cluster_lt}“",
                legal_form="Asociacija",
                kind=Organisation.Kind.ASSOCIATION,
                description_lt=f"{cluster_lt} valdymo organizacija.",
                description_en=f"The cluster management organisation of the {cluster_en}.",
                **values,
            ), sector_index
        sector_index = self.sector_index()
        words, place = self.words[sector_index], rng.choice(STEMS)
        kind = rng.choices([kind for kind, _ in KIND_SHARES], [s for _, s in KIND_SHARES])[0]
        if kind == Organisation.Kind.RESEARCH:
            name, legal_form = f"{place} {rng.choice(RESEARCH_WORDS)}", "Biudžetinė įstaiga"
        elif kind == Organisation.Kind.PUBLIC_BODY:
            name, legal_form = f"{place} {rng.choice(PUBLIC_WORDS)}", "Viešoji įstaiga"
        elif kind == Organisation.Kind.ASSOCIATION:
            name = f"{place} {rng.choice(words.cluster_phrases)[0]} asociacija"
            legal_form = "Asociacija"
        elif kind == Organisation.Kind.OTHER:
            name, legal_form = f"{place} bendruomenė", "Bendruomenė"
        else:
            return self.company(values, sector_index), sector_index
        return Organisation(name=name, legal_form=legal_form, kind=kind, **values), sector_index

    def company(self, values: dict[str, object], sector_index: int) -> Organisation:
        rng, words = self.random, self.words[sector_index]
        size = rng.choices([size for size, _ in SIZE_SHARES], [s for _, s in SIZE_SHARES])[0]
        headcount = turnover = None
        if size in SIZE_FIGURES:
            (fewest, most), (lowest, highest) = SIZE_FIGURES[size]
            headcount = rng.randint(fewest, most)
            turnover = Decimal(rng.randint(lowest, highest) * 1000)
        if rng.random() < 0.25:
            core = f"{rng.choice(ENGLISH_STEMS)} {rng.choice(words.english)} "
            core += rng.choice(ENGLISH_ENDINGS)
        else:
            activity = rng.choice(GENERAL_WORDS if rng.random() < 0.25 else words.lithuanian)
            core = f"{rng.choice(STEMS)} {activity}"
        legal_form = "AB" if size == "large" else "MB" if rng.random() < 0.1 else "UAB"
        sector_lt, sector_en = self.sector_names[sector_index]
        described = rng.random() < 0.3
        return Organisation(
            name=f"{legal_form} „{core}“",
            legal_form=legal_form,
            kind=Organisation.Kind.COMPANY,
            headcount=headcount,
            annual_turnover=turnover,
            size_class=size_class_for(headcount, turnover, None),  # bulk_create skips save()
            main_activity_id=rng.choice(self.activities[sector_index]),
            website=f"https://www.{values['slug']}.example.lt" if rng.random() < 0.6 else "",
            description_lt=f"{core}: {sector_lt}." if described else "",
            description_en=f"{core}: {sector_en}." if described else "",
            **values,
        )
