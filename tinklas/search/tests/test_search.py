"""Full-text search: one analyzer, the same results on SQLite and PostgreSQL (the suite runs
on both engines in CI, and each run compares the engine with the analyzer's own reading)."""

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from tinklas.search.analyzer import document_terms, fold, query_terms
from tinklas.search.engines import matching_ids_sql
from tinklas.search.index import Document, Search, index_documents, remove_documents
from tinklas.search.models import SearchEntry

DOCUMENTS = {
    1: ("SMART FOOD klasteris", "Maisto technologijos, pienas, fermentacija. Food technology."),
    2: ("Šiaulių programinės įrangos klasteris", "Programinė įranga, ERP sistemos."),
    3: ("Lazerių ir šviesos technologijų klasteris", "Lazeriai, fotonika, optika."),
    4: ("Baltic Logistics Cluster", "Port logistics and intermodal freight in Klaipėda."),
    5: ("UAB „Nemuno pienas“", "10.51 Pieno produktų gamyba. Dairy."),
    6: ("Kūrybinių industrijų aljansas", "Dizainas, animacija, video games."),
}

QUERIES = [
    "smart food",
    "pieno",
    "pienas",
    "siauliai",
    "šiaulių",
    "SIAULIU",
    "lazeriai",
    "lazerių",
    "technologijų",
    "technologies",
    "logistic",
    "klaipeda",
    "10.51",
    "10.5",
    "nemuno pienas",
    "games animacijos",
    "food dairy",
    "kurybiniu",
    "nothing-here",
]


def reference_matches(query):
    """What the analyzer says should match: every query group has a term that is a prefix
    of some term of the document."""
    groups = query_terms(query)
    found = set()
    for object_id, (name, body) in DOCUMENTS.items():
        terms = document_terms(f"{name} {body}").split()
        if all(
            any(term.startswith(prefix) for term in terms for prefix in group) for group in groups
        ):
            found.add(object_id)
    return found


@pytest.fixture
def indexed(db):
    index_documents(
        Document("test", object_id, name, body) for object_id, (name, body) in DOCUMENTS.items()
    )


def engine_matches(query, names_only=False):
    sql, params = matching_ids_sql("test", Search.parse(query).groups, names_only=names_only)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.parametrize("query", QUERIES)
def test_the_engine_agrees_with_the_analyzer(indexed, query):
    assert engine_matches(query) == reference_matches(query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("smart food", {1}),
        ("pieno", {1, 5}),
        ("siauliai", {2}),
        ("šiaulių", {2}),
        ("lazeriai", {3}),
        ("klaipeda", {4}),
        ("10.51", {5}),
    ],
)
def test_inflections_and_unaccented_spellings_find_what_they_should(indexed, query, expected):
    assert engine_matches(query) == expected


def test_name_matches_only_look_at_names(indexed):
    assert engine_matches("pienas", names_only=True) == {5}
    assert engine_matches("pienas") == {1, 5}


def test_replacing_and_removing_entries(indexed):
    index_documents([Document("test", 5, "UAB „Nemuno sūriai“", "Sūris")])
    assert engine_matches("pienas") == {1}
    assert SearchEntry.objects.filter(kind="test", object_id=5).count() == 1
    remove_documents("test", [1])
    assert engine_matches("food") == set()


def test_folding_and_query_groups():
    assert fold("Šiaulių") == "siauliu"
    assert query_terms("pieno") == [["pien", "pieno"]]
    assert query_terms('"*" OR NEAR( \x00') == [["or"], ["near"]]
    assert query_terms("") == []
    assert len(query_terms("žodis " * 3000)) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_query_text_gives_plain_terms(text):
    for group in query_terms(text):
        for term in group:
            assert term.isascii() and term.isalnum()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_any_query_text_runs_on_the_engine(text):
    index_documents([Document("test", 1, "SMART FOOD klasteris", "pienas")])
    search = Search.parse(text)
    if search:
        assert engine_matches(text) <= {1}
