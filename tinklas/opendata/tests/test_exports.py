"""The directories' downloads on the demo network: every row the page lists, in its order, with
headers in the page's language, as CSV, XLSX and JSON."""

import csv
import io
import json

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from tinklas.opendata.export_columns import CLUSTERS, ORGANISATIONS

pytestmark = pytest.mark.django_db

CLUSTER_KEYS = [
    "identifier",
    "name",
    "acronym",
    "coordinator",
    "coordinator_name",
    "founded_on",
    "founded_precision",
    "fields",
    "ecosystems",
    "technologies",
    "maturity",
    "maturity_assessed_on",
    "municipality",
    "county",
    "labels",
    "members",
    "reported_members",
    "reported_members_on",
    "website",
    "contact_person",
    "contact_email",
    "contact_phone",
    "management_fte",
    "sources",
    "description",
]
ORGANISATION_KEYS = [
    "identifier",
    "name",
    "legal_form",
    "kind",
    "size_class",
    "company_code",
    "vat_code",
    "country",
    "municipality",
    "county",
    "founded_year",
    "website",
    "nace_code",
    "nace_label",
    "other_nace_codes",
    "clusters",
    "description",
]


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def page_slugs(client, address, query) -> list[str]:
    """The identifiers the directory page lists, page after page, as a visitor reads them."""
    slugs, number = [], 1
    while True:
        response = client.get(address, {**query, "page": number})
        page = response.context["page"]
        slugs += [item.slug for item in page.object_list]
        if not page.has_next():
            return slugs
        number += 1


def test_the_unfiltered_cluster_csv_lists_every_published_cluster(client, demo_network):
    response = client.get(url("opendata:clusters"), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="clusters-')
    content = body(response)
    assert content.startswith(b"\xef\xbb\xbf")  # the byte-order mark spreadsheets need
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 57
    row = next(row for row in rows if row[0] == "smart-food")
    smart_food = dict(zip(rows[0], row, strict=True))
    assert smart_food["Name"] == "SMART FOOD cluster"
    assert "Agro-innovation and food technologies" in smart_food["Fields"]


@pytest.mark.parametrize(
    "query",
    [
        {"sector": "agrifood"},
        {"q": "pieno"},
        {"q": "technologijos", "county": "LT-VL"},
        {"sector": ["ict", "creative"], "sort": "members"},
        {"label": "any", "sort": "oldest"},
    ],
)
def test_cluster_filters_narrow_the_export_exactly_like_the_page(client, demo_network, query):
    listed = page_slugs(client, url("clusters:directory"), query)
    exported = [row[0] for row in csv_rows(client.get(url("opendata:clusters"), query))[1:]]
    assert exported == listed
    assert 0 < len(exported) < 57


@pytest.mark.parametrize(
    "query",
    [
        {"q": "pienas"},
        {"kind": "research"},
        {"county": "LT-KU", "size": "micro"},
        {"cluster": "smart-food", "sort": "name"},
        {"activity": "62"},
    ],
)
def test_organisation_filters_narrow_the_export_exactly_like_the_page(client, demo_network, query):
    listed = page_slugs(client, url("clusters:organisation-directory"), query)
    response = client.get(url("opendata:organisations"), {**query, "format": "json"})
    exported = [item["identifier"] for item in json.loads(body(response))]
    assert exported == listed
    assert exported


def test_the_organisation_export_lists_the_whole_public_directory(client, demo_network):
    listed = page_slugs(client, url("clusters:organisation-directory"), {"sort": "name"})
    rows = csv_rows(client.get(url("opendata:organisations"), {"sort": "name"}))
    assert [row[0] for row in rows[1:]] == listed


def test_headers_follow_the_language_of_the_address(client, demo_network):
    english = csv_rows(client.get(url("opendata:clusters", "en")))[0]
    lithuanian = csv_rows(client.get(url("opendata:clusters", "lt")))[0]
    assert english[1:3] == ["Name", "Acronym"]
    assert "County" in english
    assert lithuanian[1:3] == ["Pavadinimas", "Santrumpa"]
    assert "Apskritis" in lithuanian
    rows = csv_rows(client.get(url("opendata:organisations", "lt"), {"cluster": "smart-food"}))
    assert "Įmonės kodas" in rows[0]
    assert any("SMART FOOD klasteris" in row for row in rows[1:])


def test_the_xlsx_export_has_the_same_rows_as_the_csv(client, demo_network):
    query = {"sector": "agrifood"}
    expected = csv_rows(client.get(url("opendata:clusters"), query))
    response = client.get(url("opendata:clusters"), {**query, "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True)
    sheet = workbook.active
    rows = [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert rows[0] == expected[0]
    assert [row[0] for row in rows[1:]] == [row[0] for row in expected[1:]]
    members = CLUSTERS.column_keys().index("members")
    assert [row[members] for row in rows[1:]] == [row[members] for row in expected[1:]]
    assert sheet.title == "Clusters"


def test_the_json_export_is_keyed_by_the_documented_english_names(client, demo_network):
    response = client.get(url("opendata:clusters", "lt"), {"format": "json", "q": "smart food"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    clusters = json.loads(body(response))
    assert list(clusters[0]) == CLUSTER_KEYS == CLUSTERS.column_keys()
    smart_food = clusters[0]
    assert smart_food["name"] == "SMART FOOD klasteris"
    assert isinstance(smart_food["members"], int)
    assert isinstance(smart_food["fields"], list)
    response = client.get(
        url("opendata:organisations"), {"format": "json", "cluster": "smart-food"}
    )
    organisations = json.loads(body(response))
    assert list(organisations[0]) == ORGANISATION_KEYS == ORGANISATIONS.column_keys()
    assert all("SMART FOOD cluster" in item["clusters"] for item in organisations)


@pytest.mark.parametrize("name", ["opendata:clusters", "opendata:organisations"])
def test_an_unknown_format_is_refused_with_the_reason(client, name):
    response = client.get(url(name), {"format": "pdf"})
    assert response.status_code == 400
    assert "Unknown format “pdf”: choose csv, xlsx or json." in response.content.decode()


def test_the_download_links_carry_the_current_filters(client, demo_network):
    query = {"q": "pieno", "sector": "agrifood", "sort": "name"}
    page = client.get(url("clusters:directory"), query).content.decode()
    assert '/en/clusters/export/?q=pieno&amp;sector=agrifood&amp;sort=name&amp;format=csv"' in page
    assert "format=xlsx" in page and "format=json" in page
    # After an htmx update only the results are replaced: the links come with them.
    partial = client.get(
        url("clusters:directory"), {**query, "page": "1"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in partial
    assert '/en/clusters/export/?q=pieno&amp;sector=agrifood&amp;sort=name&amp;format=xlsx"' in (
        partial
    )
    organisations = client.get(
        url("clusters:organisation-directory", "lt"),
        {"kind": "company", "cluster": "smart-food"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert (
        '/lt/organisations/export/?kind=company&amp;cluster=smart-food&amp;format=json"'
        in organisations
    )
