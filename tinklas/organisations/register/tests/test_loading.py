"""Loading the register's files: statuses classified by name, the newest extract wins in any
order, a bad file or row writes nothing, and the command reports what each file did."""

import datetime
import gc

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tinklas.organisations.models import LegalEntity, RegisterLoad
from tinklas.organisations.register import loading
from tinklas.organisations.register.checking import check_files
from tinklas.organisations.register.files import RegisterRow, RegisterSource
from tinklas.organisations.register.loading import (
    BATCH_SIZE,
    FIELDS,
    classify_status,
    load_register,
    upsert,
)
from tinklas.organisations.register.tests.register_data import (
    DEREGISTERED_HEADER,
    REGISTERED_HEADER,
    company_code,
    deregistered,
    load,
    register_file,
    registered,
)

pytestmark = pytest.mark.django_db
SILAS = company_code("30000001")
DUONA = company_code("30000002")


@pytest.mark.parametrize(
    ("status_name", "status"),
    [
        ("Teisinis statusas neįregistruotas", "active"),
        ("Teisinis stat neįregistruotas", "active"),  # as abbreviated in some extracts
        ("", "active"),
        ("Reorganizuojamas", "reorganisation"),
        ("Dalyvaujantis reorganizavime", "reorganisation"),
        ("Pertvarkomas", "reorganisation"),
        ("Restruktūrizuojamas", "reorganisation"),
        ("Dalyvaujantis atskyrime", "reorganisation"),
        ("Jungiamas peržengiant vienos valstybės ribas juridinis asmuo", "reorganisation"),
        ("Likviduojamas", "liquidation"),
        ("Inicijuojamas likvidavimas", "liquidation"),
        ("Bankrutuojantis", "bankruptcy"),
        ("Bankrutavęs", "bankruptcy"),
        ("Likviduojamas dėl bankroto", "bankruptcy"),
        ("Išregistruotas", "deregistered"),
        ("Likviduotas", "deregistered"),
        ("Perkeliantis buveinę", "other"),
        ("Nepersiregistravęs", "other"),
    ],
)
def test_status_names_are_classified(status_name, status):
    assert classify_status(status_name) == status


def test_a_load_stores_each_entity_with_its_status(tmp_path):
    loaded = load(
        register_file(
            tmp_path / "a.csv",
            REGISTERED_HEADER,
            [
                registered(SILAS, 'UAB "Šilas"'),
                registered(
                    DUONA, "UAB Duona", status_code="7", status="Likviduojamas", since="2026-02-01"
                ),
            ],
        )
    )
    assert loaded.state == RegisterLoad.State.DONE
    silas = LegalEntity.objects.get(code=SILAS)
    assert silas.name == 'UAB "Šilas"'
    assert silas.legal_form == "Uždaroji akcinė bendrovė"
    assert silas.status == LegalEntity.Status.ACTIVE
    duona = LegalEntity.objects.get(code=DUONA)
    assert (duona.status, duona.status_name) == ("liquidation", "Likviduojamas")
    assert duona.status_since == datetime.date(2026, 2, 1)
    assert duona.extract_date == datetime.date(2026, 11, 1)


@pytest.mark.parametrize("newer_first", [False, True])
def test_the_newest_extract_wins_whichever_file_comes_first(tmp_path, newer_first):
    older = register_file(
        tmp_path / "older.csv",
        REGISTERED_HEADER,
        [registered(SILAS, "UAB Senas vardas", extract="2026-10-01")],
    )
    newer = register_file(
        tmp_path / "newer.csv",
        REGISTERED_HEADER,
        [registered(SILAS, "UAB Naujas vardas", extract="2026-11-01")],
    )
    for path in [newer, older] if newer_first else [older, newer]:
        load(path)
    entity = LegalEntity.objects.get(code=SILAS)
    assert entity.name == "UAB Naujas vardas"
    assert entity.extract_date == datetime.date(2026, 11, 1)


@pytest.mark.parametrize("in_one_run", [False, True])
def test_a_newer_deregistration_overrides_a_registration_and_an_older_one_does_not(
    tmp_path, in_one_run
):
    registrations = register_file(
        tmp_path / "JAR_IREGISTRUOTI.csv",
        REGISTERED_HEADER,
        [registered(SILAS, extract="2026-10-01"), registered(DUONA, extract="2026-10-01")],
    )
    deregistrations = register_file(
        tmp_path / "JAR_ISREGISTRUOTI.csv",
        DEREGISTERED_HEADER,
        [
            deregistered(SILAS, deregistered_on="2026-10-15", extract="2026-11-01"),
            deregistered(DUONA, deregistered_on="2026-09-15", extract="2026-09-20"),
        ],
    )
    if in_one_run:  # the deregistered file named first
        load(deregistrations, registrations)
    else:
        load(deregistrations)
        load(registrations)
    silas = LegalEntity.objects.get(code=SILAS)
    assert silas.status == LegalEntity.Status.DEREGISTERED
    assert silas.status_name == "Išregistruotas"
    assert silas.deregistered_on == datetime.date(2026, 10, 15)
    duona = LegalEntity.objects.get(code=DUONA)
    assert duona.status == LegalEntity.Status.ACTIVE
    assert duona.deregistered_on is None


def test_the_database_keeps_a_newer_extract_even_against_a_concurrent_older_write(tmp_path):
    load(register_file(tmp_path / "a.csv", REGISTERED_HEADER, [registered(SILAS, "UAB Naujas")]))
    stored = LegalEntity.objects.get(code=SILAS)
    older = [getattr(stored, name) for name in ["code", *FIELDS]]
    older[1] = "UAB Senas"
    upsert([(*older, datetime.date(2026, 1, 1))])  # as a load that read before this one wrote
    assert LegalEntity.objects.get(code=SILAS).name == "UAB Naujas"


def test_an_unknown_header_writes_nothing_from_any_file_and_names_the_file(tmp_path):
    good = register_file(tmp_path / "JAR_IREGISTRUOTI.csv", REGISTERED_HEADER, [registered(SILAS)])
    bad = register_file(tmp_path / "companies.csv", "code|name|address", ["1|A|B"])
    loaded = load(good, bad)
    assert loaded.state == RegisterLoad.State.REFUSED
    assert not LegalEntity.objects.exists()
    (problem,) = loaded.problems
    assert problem["file"] == "companies.csv"
    assert "not a header of the register's files" in problem["message"]
    assert "ja_kodas|ja_pavadinimas|adresas" in problem["message"]


def test_a_bad_row_writes_nothing_and_every_problem_names_its_line(tmp_path):
    path = register_file(
        tmp_path / "JAR_IREGISTRUOTI.csv",
        REGISTERED_HEADER,
        [
            registered(SILAS),
            registered(DUONA, registered_on="2026-02-30"),
            registered(company_code("30000003")) + "|extra",
        ],
    )
    loaded = load(path)
    assert not LegalEntity.objects.exists()
    assert loaded.problem_count == 2
    assert [(problem["line"], problem["message"]) for problem in loaded.problems] == [
        (3, "ja_reg_data: 2026-02-30 is not a date (YYYY-MM-DD)."),
        (4, "11 fields instead of 10."),
    ]


def test_the_command_reports_new_updated_unchanged_and_older_rows(tmp_path, capsys):
    first = register_file(
        tmp_path / "first.csv",
        REGISTERED_HEADER,
        [registered(SILAS), registered(DUONA), registered(company_code("30000003"))],
    )
    call_command("import_legal_entities", str(first))
    second = register_file(
        tmp_path / "second.csv",
        REGISTERED_HEADER,
        [
            registered(SILAS),  # the same
            registered(DUONA, "UAB Duona ir pyragai"),  # renamed
            registered(company_code("30000003"), "UAB Kitas", extract="2026-01-01"),  # older
            registered(company_code("30000004")),  # new
        ],
    )
    capsys.readouterr()
    call_command("import_legal_entities", str(second))
    output = capsys.readouterr().out
    assert "4 rows, 1 new, 1 updated, 1 unchanged, 1 older than the stored data" in output
    assert LegalEntity.objects.get(code=DUONA).name == "UAB Duona ir pyragai"
    assert LegalEntity.objects.get(code=company_code("30000003")).name == 'UAB "Šilas"'
    last = RegisterLoad.objects.first()
    assert last.state == RegisterLoad.State.DONE and last.started_by is None


def test_the_command_fails_naming_the_file_and_line_and_writes_nothing(tmp_path, capsys):
    path = register_file(
        tmp_path / "JAR_ISREGISTRUOTI.csv",
        DEREGISTERED_HEADER,
        [deregistered(SILAS), deregistered(DUONA, deregistered_on="31/12/2025")],
    )
    with pytest.raises(CommandError, match="1 problems: nothing was written"):
        call_command("import_legal_entities", str(path))
    errors = capsys.readouterr().err
    assert f"{path}: line 3: isreg_data: 31/12/2025 is not a date (YYYY-MM-DD)." in errors
    assert not LegalEntity.objects.exists()
    assert RegisterLoad.objects.get().state == RegisterLoad.State.REFUSED


def test_a_code_twice_in_one_file_refuses_the_run_naming_the_file_and_both_lines(tmp_path):
    other = register_file(
        tmp_path / "JAR_ISREGISTRUOTI.csv", DEREGISTERED_HEADER, [deregistered(DUONA)]
    )
    path = register_file(
        tmp_path / "JAR_IREGISTRUOTI.csv",
        REGISTERED_HEADER,
        [
            registered(SILAS, "UAB Pirmas"),  # line 2
            registered(DUONA),
            registered(company_code("30000003"), registered_on="2026-02-30"),  # line 4
            registered(SILAS, "UAB Antras"),  # line 5
            registered(SILAS, "UAB Trečias"),  # line 6
        ],
    )
    loaded = load(other, path)
    assert loaded.state == RegisterLoad.State.REFUSED
    assert not LegalEntity.objects.exists()  # not even the rows given once
    assert loaded.problem_count == 3
    assert [
        (problem["file"], problem["line"], problem["message"]) for problem in loaded.problems
    ] == [
        ("JAR_IREGISTRUOTI.csv", 4, "ja_reg_data: 2026-02-30 is not a date (YYYY-MM-DD)."),
        (
            "JAR_IREGISTRUOTI.csv",
            5,
            f"ja_kodas: the code {SILAS} is on line 2 and again on line 5. An extract gives "
            "each entity once: delete the wrong row, or take the file again from the Centre "
            "of Registers.",
        ),
        (
            "JAR_IREGISTRUOTI.csv",
            6,
            f"ja_kodas: the code {SILAS} is on line 2 and again on line 6. An extract gives "
            "each entity once: delete the wrong row, or take the file again from the Centre "
            "of Registers.",
        ),
    ]


def test_codes_that_differ_only_by_leading_zeros_are_two_codes(tmp_path):
    path = register_file(
        tmp_path / "JAR_IREGISTRUOTI.csv",
        REGISTERED_HEADER,
        [registered("0110003978"), registered("110003978"), registered("00110003978")],
    )
    assert load(path).state == RegisterLoad.State.DONE
    assert LegalEntity.objects.count() == 3


def test_a_code_in_both_files_of_a_run_is_loaded_and_the_newest_extract_wins(tmp_path):
    registrations = register_file(
        tmp_path / "JAR_IREGISTRUOTI.csv",
        REGISTERED_HEADER,
        [registered(SILAS, extract="2026-11-01"), registered(DUONA, extract="2026-11-01")],
    )
    deregistrations = register_file(
        tmp_path / "JAR_ISREGISTRUOTI.csv",
        DEREGISTERED_HEADER,
        [
            deregistered(SILAS, extract="2026-11-01"),  # the same day: the deregistration
            deregistered(DUONA, extract="2026-10-01"),  # older than the registration
        ],
    )
    loaded = load(deregistrations, registrations)
    assert loaded.state == RegisterLoad.State.DONE and not loaded.problems
    assert LegalEntity.objects.get(code=SILAS).status == LegalEntity.Status.DEREGISTERED
    assert LegalEntity.objects.get(code=DUONA).status == LegalEntity.Status.ACTIVE


def test_the_command_speaks_one_language_whatever_the_active_one(tmp_path, capsys):
    path = register_file(
        tmp_path / "JAR_ISREGISTRUOTI.csv",
        DEREGISTERED_HEADER,
        [deregistered(SILAS, deregistered_on="31/12/2025"), deregistered(SILAS)],
    )
    with translation.override("lt"), pytest.raises(CommandError) as refused:
        call_command("import_legal_entities", str(path))
    output = capsys.readouterr()
    assert output.out == (
        f"{path} (deregistered): 2 rows, 0 new, 0 updated, 0 unchanged, 0 older than the "
        "stored data, 2 problems\n"
    )
    assert output.err.splitlines() == [
        f"{path}: line 2: isreg_data: 31/12/2025 is not a date (YYYY-MM-DD).",
        f"{path}: line 3: ja_kodas: the code {SILAS} is on line 2 and again on line 3. An "
        "extract gives each entity once: delete the wrong row, or take the file again from "
        "the Centre of Registers.",
    ]
    assert "2 problems: nothing was written." in str(refused.value)


def test_a_load_in_lithuanian_words_its_problems_in_lithuanian(tmp_path):
    path = register_file(
        tmp_path / "JAR_IREGISTRUOTI.csv",
        REGISTERED_HEADER,
        [registered(SILAS), registered(SILAS), registered(DUONA, extract="")],
    )
    loaded = load(path, language="lt")
    assert [problem["message"] for problem in loaded.problems] == [
        f"ja_kodas: kodas {SILAS} yra 2 eilutėje ir dar kartą 3 eilutėje. Išraše kiekvienas "
        "juridinis asmuo pateikiamas vieną kartą: ištrinkite klaidingą eilutę arba dar kartą "
        "atsisiųskite failą iš Registrų centro.",
        "formavimo_data: išrašo data tuščia.",
    ]


def test_a_load_holds_one_batch_of_rows_at_a_time_whatever_the_file_size(tmp_path, monkeypatch):
    """Memory stays bounded: while the files are checked and while they are written, no more
    rows are alive than one batch, however many the file holds."""
    rows = 4 * BATCH_SIZE
    codes = {company_code(f"{38000000 + number:08d}") for number in range(rows)}
    path = register_file(
        tmp_path / "JAR_IREGISTRUOTI.csv", REGISTERED_HEADER, [registered(code) for code in codes]
    )
    sources = [RegisterSource(path.name, lambda: path.open("rb"))]
    alive: list[int] = []

    def count_rows_alive() -> None:
        # Only this file's rows, and only those still reachable: rows that are garbage but
        # not yet collected (when the collector runs depends on the machine) are not held.
        # type() rather than isinstance(): the latter asks a dead weak proxy for its class.
        gc.collect()
        alive.append(
            sum(type(thing) is RegisterRow and thing.code in codes for thing in gc.get_objects())
        )

    monkeypatch.setattr("tinklas.organisations.register.checking.PROGRESS_EVERY", 500)
    check_files(sources, lambda _rows: count_rows_alive())
    checked = len(alive)
    write = loading.upsert

    def counted_upsert(batch: list) -> None:
        count_rows_alive()
        write(batch)

    monkeypatch.setattr(loading, "upsert", counted_upsert)
    load_register(RegisterLoad.objects.create(language="en"), sources)
    assert LegalEntity.objects.count() == rows
    assert checked == rows // 500 and len(alive) > checked  # counted while reading and writing
    assert max(alive[:checked]) <= 1
    assert max(alive[checked:]) == BATCH_SIZE  # the batch being written, and no more
