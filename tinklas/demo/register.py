"""The demo's extract of the register of legal entities: an entry for the member
organisations with Lithuanian company codes, most agreeing with the registry, a few with
another name or legal form, and a few being liquidated, reorganised or deregistered, so that
the register lookup, its API and the staff report have something to show."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from tinklas.organisations.models import LegalEntity, Organisation
from tinklas.organisations.register.loading import classify_status
from tinklas.organisations.register.lookup import LEGAL_FORMS, legal_form_abbreviation

# Status names as the register writes them, with how many demo members get each.
TROUBLES = [("Likviduojamas", 3), ("Reorganizuojamas", 2), ("Bankrutuojantis", 1)]
RENAMED = 4
OTHER_LEGAL_FORM = 3
DEREGISTERED = 1


def register_legal_form(legal_form: str) -> str:
    """The register's full name of a legal form the registry holds abbreviated ("UAB")."""
    abbreviation = legal_form_abbreviation(legal_form)
    for full, short, _kind in LEGAL_FORMS:
        if abbreviation in (short, full):
            return full
    return legal_form


def create_register_entries(today: datetime.date) -> int:
    """Replaces the register table with the demo extract; returns its number of entries."""
    chooser = random.Random(20260101)
    LegalEntity.objects.all().delete()
    members = list(
        Organisation.objects.current_members()
        .filter(country="LT")
        .exclude(company_code="")
        .order_by("pk")
    )
    loaded_at = timezone.now()
    entries = []
    for organisation in members:
        form_name = register_legal_form(organisation.legal_form or "UAB")
        entries.append(
            LegalEntity(
                code=organisation.company_code,
                name=organisation.name,
                address=f"{organisation.municipality or 'Vilnius'}, Lietuva",
                registered_on=datetime.date(organisation.founded_year or 2010, 1, 15),
                legal_form_code=str(310 + len(form_name) % 7),
                legal_form=form_name,
                status_code="0",
                status_name="Teisinis statusas neįregistruotas",
                status=classify_status("Teisinis statusas neįregistruotas"),
                status_since=None,
                extract_date=today,
                loaded_at=loaded_at,
            )
        )
    chooser.shuffle(entries)
    position = 0
    for status_name, count in TROUBLES:
        for entry in entries[position : position + count]:
            entry.status_code, entry.status_name = "1", status_name
            entry.status = classify_status(status_name)
            entry.status_since = today - datetime.timedelta(days=40)
        position += count
    for entry in entries[position : position + DEREGISTERED]:
        entry.status, entry.status_name = LegalEntity.Status.DEREGISTERED, "Išregistruotas"
        entry.deregistered_on = today - datetime.timedelta(days=10)
    position += DEREGISTERED
    for entry in entries[position : position + RENAMED]:
        entry.name = f"{entry.name} ir partneriai"
    position += RENAMED
    for entry in entries[position : position + OTHER_LEGAL_FORM]:
        entry.legal_form_code, entry.legal_form = "320", "Akcinė bendrovė"
    LegalEntity.objects.bulk_create(entries, batch_size=500)
    return len(entries)
