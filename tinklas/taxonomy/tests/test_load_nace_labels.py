from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tinklas.taxonomy.models import NaceActivity

EUROSTAT_FILE = (
    Path(__file__).resolve().parents[3].parent
    / "shared/research-data/nace/NACE_Rev2.1_Heading_All_Languages.tsv"
)

pytestmark = pytest.mark.django_db


def test_lithuanian_labels_from_the_eurostat_file():
    if not EUROSTAT_FILE.exists():
        pytest.skip(f"the Eurostat file is not on this machine: {EUROSTAT_FILE}")
    call_command("load_nace_labels", EUROSTAT_FILE)
    activity = NaceActivity.objects.get(revision="2.1", code="62.10")
    assert activity.label_lt == "Kompiuterių programavimo veikla"
    assert activity.label_en == "Computer programming activities"


def test_a_file_with_an_empty_label_changes_nothing(tmp_path):
    bad = tmp_path / "nace.tsv"
    bad.write_text(
        "NACE_CODE\tEN_DESC\tLT_DESC\n"
        "62.10\tComputer programming activities\tProgramavimas\n"
        "01.11\tGrowing of cereals\t\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="line 3: LT_DESC is empty"):
        call_command("load_nace_labels", bad)
    assert NaceActivity.objects.get(revision="2.1", code="62.10").label_lt in ("", None)


def test_a_file_without_the_columns_is_refused(tmp_path):
    bad = tmp_path / "nace.csv"
    bad.write_text("code;label\n62.10;x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="NACE_CODE"):
        call_command("load_nace_labels", bad)
