"""Times `manage.py import_legal_entities` on files of the register's real size and format.

Writes, into a temporary folder, a JAR_IREGISTRUOTI.csv of 230,000 registered entities
(about 40 MB, like the real file) and a JAR_ISREGISTRUOTI.csv of 8,000 deregistered ones, in
the register's format: pipe-separated UTF-8 with a header, names holding Lithuanian letters,
pipes and quotes (doubled inside quoted values), addresses, several legal forms and statuses,
some dates empty. Then, against a fresh SQLite database in the same folder, it migrates and
times three runs of the command in a child process (the settings read DATABASE_URL once):

1. the first load, every row new;
2. the same files again, every row unchanged (nothing written);
3. a newer extract of the registered file, a tenth of the rows changed.

Each run also reports the child's peak memory (its maximum resident set size, as the kernel
counts it for `/usr/bin/time -v`), with the system checks left out as for the timing.

    .venv/bin/python -m benchmarks.register [--rows 230000] [--deregistered 8000] [--keep]

The targets (docs/register-of-legal-entities.md): 60 seconds for the first load on SQLite,
and a peak under 150 MB for 280,000 rows (--rows 272000)."""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60
TARGET_PEAK_MB = 150
SEED = 20261127
REGISTERED_HEADER = (
    "ja_kodas|ja_pavadinimas|adresas|ja_reg_data|form_kodas|form_pavadinimas|stat_kodas|"
    "stat_pavadinimas|stat_data_nuo|formavimo_data"
)
DEREGISTERED_HEADER = (
    "ja_kodas|ja_pavadinimas|adresas|ja_reg_data|form_kodas|form_pavadinimas|isreg_data|"
    "formavimo_data"
)
# Legal forms as the register names them, with their weight among entities.
LEGAL_FORMS = [
    ("310", "Uždaroji akcinė bendrovė", "UAB", 60),
    ("320", "Akcinė bendrovė", "AB", 2),
    ("811", "Mažoji bendrija", "MB", 14),
    ("110", "Individuali įmonė", "IĮ", 6),
    ("720", "Viešoji įstaiga", "VšĮ", 8),
    ("730", "Asociacija", "Asociacija", 6),
    ("920", "Žemės ūkio bendrovė", "ŽŪB", 2),
    ("520", "Atstovybė", "Atstovybė", 2),
]
# Status names as the register gives them (some abbreviated), with their weight.
STATUSES = [
    ("0", "Teisinis statusas neįregistruotas", 930),
    ("7", "Likviduojamas", 20),
    ("5", "Bankrutuojantis", 15),
    ("6", "Bankrutavęs", 10),
    ("1", "Reorganizuojamas", 5),
    ("2", "Dalyvaujantis reorganizavime", 4),
    ("3", "Pertvarkomas", 4),
    ("4", "Restruktūrizuojamas", 4),
    ("9", "Inicijuojamas likvidavimas", 4),
    ("25", "Perkeliantis buveinę", 4),
]
WORDS = [
    "Šilas",
    "Ąžuolas",
    "Nemuno",
    "Baltijos",
    "Žalgirio",
    "Gintaro",
    "Vėjo",
    "Saulės",
    "Upės",
    "Kalnų",
    "Miško",
    "Jūros",
    "Aukštaitijos",
    "Žemaitijos",
    "Dzūkijos",
    "Suvalkijos",
    "Pieno",
    "Duonos",
    "Medžio",
    "Statybų",
    "Technologijų",
    "Sprendimų",
    "Prekybos",
    "Logistikos",
    "Energijos",
    "Inžinerijos",
    "Agro",
    "Bio",
    "Info",
    "Tech",
    "Grupė",
    "Centras",
    "Studija",
]
TOWNS = [
    ("Vilnius", 35),
    ("Kaunas", 20),
    ("Klaipėda", 10),
    ("Šiauliai", 6),
    ("Panevėžys", 5),
    ("Alytus", 3),
    ("Marijampolė", 3),
    ("Mažeikiai", 2),
    ("Utena", 2),
    ("Kėdainiai", 2),
    ("Tauragė", 2),
    ("Telšiai", 2),
    ("Visaginas", 1),
    ("Druskininkai", 1),
    ("Neringa", 1),
]
STREETS = [
    "Gedimino pr.",
    "Laisvės al.",
    "Vilniaus g.",
    "Savanorių pr.",
    "Taikos pr.",
    "Ukmergės g.",
    "Žalgirio g.",
    "Šv. Ignoto g.",
    "Liepų g.",
    "Tilžės g.",
]
REFERENCE_DAY = datetime.date(2026, 11, 1)


def company_code(number: int) -> str:
    from stdnum.lt import pvm

    first_eight = f"{30000000 + number * 3:08d}"
    return first_eight + pvm.calc_check_digit(first_eight)


def quoted(value: str) -> str:
    """A value as the register writes it: in quotes, quotes doubled, when it holds any."""
    if '"' in value or "|" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def some_day(randomness: random.Random, since_year: int = 1990) -> datetime.date:
    start = datetime.date(since_year, 1, 1)
    return start + datetime.timedelta(days=randomness.randrange((REFERENCE_DAY - start).days))


def entity_name(randomness: random.Random, form: tuple[str, str, str, int], number: int) -> str:
    brand = " ".join(randomness.sample(WORDS, randomness.choice([1, 2, 2, 3])))
    if number % 97 == 0:
        brand += " | Baltic"  # a pipe inside a quoted value
    if form[2] in ("UAB", "AB", "MB", "IĮ", "ŽŪB") and randomness.random() < 0.15:
        return f'{form[1]} "{brand}"'  # the legal form written in full
    if form[2] == "Atstovybė":
        return f"{brand} Ltd atstovybė"
    return f'{form[2]} "{brand}"'


def address(randomness: random.Random) -> str:
    town = randomness.choices([name for name, _weight in TOWNS], [w for _n, w in TOWNS])[0]
    street = randomness.choice(STREETS)
    return f"{town}, {street} {randomness.randint(1, 150)}-{randomness.randint(1, 80)}"


def write_files(folder: Path, rows: int, deregistered: int, extract: str) -> list[Path]:
    randomness = random.Random(SEED)
    forms = LEGAL_FORMS
    registered_path = folder / "JAR_IREGISTRUOTI.csv"
    with registered_path.open("w", encoding="utf-8", newline="") as file:
        file.write(REGISTERED_HEADER + "\n")
        for number in range(rows):
            form = randomness.choices(forms, [item[3] for item in forms])[0]
            status = randomness.choices(STATUSES, [item[2] for item in STATUSES])[0]
            registered = some_day(randomness)
            since = registered if status[0] == "0" else some_day(randomness, 2020)
            values = [
                company_code(number),
                quoted(entity_name(randomness, form, number)),
                quoted(address(randomness)) if number % 50 else "",  # some without address
                registered.isoformat() if number % 400 else "",  # some without a date
                form[0],
                form[1],
                status[0],
                status[1],
                since.isoformat(),
                extract,
            ]
            file.write("|".join(values) + "\n")
    deregistered_path = folder / "JAR_ISREGISTRUOTI.csv"
    with deregistered_path.open("w", encoding="utf-8", newline="") as file:
        file.write(DEREGISTERED_HEADER + "\n")
        for number in range(rows, rows + deregistered):
            form = randomness.choices(forms, [item[3] for item in forms])[0]
            registered = some_day(randomness)
            values = [
                company_code(number),
                quoted(entity_name(randomness, form, number)),
                quoted(address(randomness)),
                registered.isoformat(),
                form[0],
                form[1],
                some_day(randomness, 2015).isoformat(),
                extract,
            ]
            file.write("|".join(values) + "\n")
    return [registered_path, deregistered_path]


def newer_extract(path: Path, folder: Path, extract: str) -> Path:
    """The registered file of a later extract: every tenth entity in liquidation."""
    newer = folder / "newer" / path.name
    newer.parent.mkdir(exist_ok=True)
    with (
        path.open(encoding="utf-8", newline="") as source,
        newer.open("w", encoding="utf-8", newline="") as target,
    ):
        reader = csv.reader(source, delimiter="|")
        writer = csv.writer(target, delimiter="|", lineterminator="\n")
        writer.writerow(next(reader))
        for number, row in enumerate(reader):
            if number % 10 == 0:
                row[6:9] = ["7", "Likviduojamas", "2026-11-15"]
            row[9] = extract
            writer.writerow(row)
    return newer


def timed_command(files: list[Path], environment: dict[str, str]) -> tuple[float, float]:
    """The seconds the command took and its peak memory in MB."""
    started = time.perf_counter()
    child = subprocess.Popen(
        # The system checks are left out: they are not part of a load.
        [sys.executable, "manage.py", "import_legal_entities", "--skip-checks", *map(str, files)],
        env=environment,
        cwd=PROJECT_DIR,
    )
    # wait4 gives this child's own resource use; getrusage(RUSAGE_CHILDREN) would give the
    # largest of every child so far.
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    return seconds, usage.ru_maxrss / 1024  # Linux counts ru_maxrss in kilobytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=230_000)
    parser.add_argument("--deregistered", type=int, default=8_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    arguments = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="tinklas-register-bench-"))
    started = time.perf_counter()
    files = write_files(folder, arguments.rows, arguments.deregistered, "2026-11-01")
    size = sum(path.stat().st_size for path in files) / 1_000_000
    print(
        f"Generated {arguments.rows + arguments.deregistered} rows ({size:.1f} MB) "
        f"in {time.perf_counter() - started:.1f} s into {folder}"
    )
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'register.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",  # no debug cursor keeping every query
        "SECRET_KEY": "benchmark-only-secret-key-never-used-elsewhere-0123456789abcdef",
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0", "--skip-checks"],
        env=environment,
        cwd=PROJECT_DIR,
        check=True,
    )
    total_rows = arguments.rows + arguments.deregistered
    runs = [
        ("first load, all new", files),
        ("same files again, all unchanged", files),
        ("newer extract, a tenth changed", [newer_extract(files[0], folder, "2026-11-20")]),
    ]
    results = []
    for label, paths in runs:
        seconds, peak = timed_command(paths, environment)
        rows = total_rows if paths is files else arguments.rows
        results.append((label, rows, seconds, peak))
    print(f"\n{'run':<34} {'rows':>8} {'seconds':>8} {'rows/s':>8} {'peak MB':>8}")
    for label, rows, seconds, peak in results:
        print(f"{label:<34} {rows:>8} {seconds:>8.1f} {rows / seconds:>8.0f} {peak:>8.0f}")
    first = results[0][2]
    verdict = "ok" if first <= TARGET_SECONDS else "MISS"
    print(
        f"\nFirst load: {first:.1f} s for {total_rows} rows (target {TARGET_SECONDS} s: {verdict})"
    )
    peak = max(result[3] for result in results)
    print(f"Peak memory: {peak:.0f} MB (target under {TARGET_PEAK_MB} MB at 280,000 rows)")
    if not arguments.keep:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        folder.rmdir()
    return 0 if first <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
