"""Small files in the format of the register of legal entities, for tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from stdnum.lt import pvm

from tinklas.organisations.models import RegisterLoad
from tinklas.organisations.register.loading import RegisterSource, load_register

REGISTERED_HEADER = (
    "ja_kodas|ja_pavadinimas|adresas|ja_reg_data|form_kodas|form_pavadinimas|stat_kodas|"
    "stat_pavadinimas|stat_data_nuo|formavimo_data"
)
DEREGISTERED_HEADER = (
    "ja_kodas|ja_pavadinimas|adresas|ja_reg_data|form_kodas|form_pavadinimas|isreg_data|"
    "formavimo_data"
)
ACTIVE = "Teisinis statusas neįregistruotas"
UAB = "Uždaroji akcinė bendrovė"


def company_code(first_eight: str) -> str:
    return first_eight + pvm.calc_check_digit(first_eight)


def line(*values: str) -> str:
    """Values joined as the register writes them: quoted, quotes doubled, when needed."""
    text = io.StringIO()
    csv.writer(text, delimiter="|", lineterminator="").writerow(values)
    return text.getvalue()


def registered(
    code: str,
    name: str = 'UAB "Šilas"',
    *,
    address: str = "Vilnius, Gedimino pr. 1",
    registered_on: str = "2001-02-03",
    form_code: str = "310",
    form: str = UAB,
    status_code: str = "0",
    status: str = ACTIVE,
    since: str = "2001-02-03",
    extract: str = "2026-11-01",
) -> str:
    return line(
        code, name, address, registered_on, form_code, form, status_code, status, since, extract
    )


def deregistered(
    code: str,
    name: str = 'UAB "Šilas"',
    *,
    address: str = "Vilnius, Gedimino pr. 1",
    registered_on: str = "2001-02-03",
    form: str = UAB,
    deregistered_on: str = "2026-06-30",
    extract: str = "2026-11-01",
) -> str:
    return line(code, name, address, registered_on, "310", form, deregistered_on, extract)


def register_file(
    path: Path, header: str, lines: list[str], *, bom: bool = False, final_newline: bool = True
) -> Path:
    text = "\n".join([header, *lines]) + ("\n" if final_newline else "")
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def load(*paths: Path, language: str = "en") -> RegisterLoad:
    """Loads the files as the command does (in English), or as the staff page does in the
    language of the person who started the load."""
    sources = [
        RegisterSource(path.name, lambda path=path: path.open("rb"))  # type: ignore[misc]
        for path in paths
    ]
    return load_register(RegisterLoad.objects.create(language=language), sources)
