"""The columns of a member-list import: the organisation, then its membership of the
cluster."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tinklas.imports.columns import Column, ColumnSet

ORGANISATION_COLUMNS = [
    Column(
        "name",
        _("Name"),
        _("The organisation's name as registered."),
        _(
            "Text, up to 255 characters. Empty: the name the register of legal entities gives "
            "for the company code."
        ),
        "name",
        required=True,
    ),
    Column(
        "kind",
        _("Kind"),
        _("What kind of organisation it is."),
        _(
            "company, research, public, association or other, or the kind's name in a "
            "language of the site. Empty: company for a new organisation."
        ),
        "kind",
    ),
    Column(
        "country",
        _("Country"),
        _("The country whose register holds the organisation."),
        _("A two-letter ISO 3166-1 code such as LT. Empty: the network's country."),
        "country",
    ),
    Column(
        "company_code",
        _("Company code"),
        _("The legal entity code in its country's register."),
        _("Checked by the country's rules: a Lithuanian code has 9 digits with a check digit."),
        "company_code",
    ),
    Column(
        "vat_code",
        _("VAT code"),
        _("The EU VAT identification number."),
        _("With its country prefix, such as LT100001234567."),
        "vat_code",
    ),
    Column(
        "legal_form",
        _("Legal form"),
        _("The legal form."),
        _("Text, such as UAB, VšĮ or AB."),
        "legal_form",
    ),
    Column(
        "municipality",
        _("Municipality"),
        _("The municipality of its registered office."),
        _(
            "The ISO 3166-2 code, such as LT-57, or the municipality's name in a language of "
            "the site, in full or abbreviated; a place that is both a city and a district "
            "municipality needs the kind."
        ),
        "municipality",
    ),
    Column(
        "address",
        _("Address"),
        _("The street address."),
        _("Text, up to 255 characters."),
        "address",
    ),
    Column(
        "website",
        _("Website"),
        _("The organisation's website."),
        _("A web address; https:// is added when it has none."),
        "website",
    ),
    Column(
        "headcount",
        _("Staff headcount"),
        _("Annual work units."),
        _("A whole number."),
        "headcount",
    ),
    Column(
        "annual_turnover",
        _("Annual turnover (EUR)"),
        _("The last annual turnover in euros."),
        _("A whole number of euros; spaces between thousands are allowed."),
        "annual_turnover",
    ),
    Column(
        "balance_sheet_total",
        _("Balance sheet total (EUR)"),
        _("The last balance sheet total in euros."),
        _("A whole number of euros; spaces between thousands are allowed."),
        "balance_sheet_total",
    ),
    Column(
        "founded_year",
        _("Founding year"),
        _("The year the organisation was founded."),
        _("Four digits, not in the future."),
        "founded_year",
    ),
    Column(
        "main_nace_code",
        _("Main activity (NACE code)"),
        _("The organisation's main economic activity."),
        _("A NACE Rev. 2.1 code, such as 62.10."),
        "main_activity",
    ),
]

MEMBERSHIP_COLUMNS = [
    Column(
        "role",
        _("Role"),
        _("The organisation's role in the cluster."),
        _("coordinator, founding or member, or the role's name. Empty: member when it joins."),
        "role",
    ),
    Column(
        "joined_on",
        _("Joined on"),
        _("The first day of the membership."),
        _(
            "A date as YYYY-MM-DD (2024.05.01 and 2024/05/01 are read too). Required for "
            "an organisation that is not a member yet."
        ),
        "joined_on",
        required=True,
    ),
    Column(
        "left_on",
        _("Left on"),
        _("The first day it is no longer a member: ends the membership."),
        _("A date as YYYY-MM-DD. Empty: the membership goes on."),
        "left_on",
    ),
]

MEMBER_LIST = ColumnSet([*ORGANISATION_COLUMNS, *MEMBERSHIP_COLUMNS])
