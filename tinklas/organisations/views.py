"""An organisation's representatives (and network staff) keep its public data current.

The edit page offers staff a lookup of the company code in the register of legal entities.
The register (organisations/register/) sits on organisations and imports it, so this module
does not import the register back: the page is built by `edit_organisation_page(look_up)`,
and config/urls.py, which imports everyone, passes in the register's `lookup.look_up`. The
page only needs an answer with `prefill()` for the form; the template shows the rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tinklas.accounts.permissions import is_network_staff
from tinklas.common.access import View, permission_required
from tinklas.common.concurrency import locked
from tinklas.common.countries import country_name
from tinklas.organisations.forms import OrganisationEditForm
from tinklas.organisations.models import NACE_REVISION, Organisation
from tinklas.taxonomy.models import NaceActivity


class RegisterAnswer(Protocol):
    """What a lookup in the register answers (register.lookup.Lookup)."""

    def prefill(self) -> dict[str, str]: ...


LookUp = Callable[[str | None, str | None], RegisterAnswer]  # (country, company code)


def organisation_of(request: HttpRequest, slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


def edit_organisation_page(look_up: LookUp) -> View:
    """The edit page, looking company codes up with `look_up` (see the module's text)."""

    @permission_required("organisations.edit_organisation", organisation_of)
    def edit_organisation(request: HttpRequest, slug: str) -> HttpResponse:
        return edit(request, slug, look_up)

    return edit_organisation


def edit(request: HttpRequest, slug: str, look_up: LookUp) -> HttpResponse:
    organisation = organisation_of(request, slug)
    # Name, kind, country and company code identify it in the register: staff only.
    may_change_identity = is_network_staff(request.user)
    lookup: RegisterAnswer | None = None
    if request.method == "POST" and "lookup" in request.POST and may_change_identity:
        # The posted values with the register's name, legal form and address: shown again
        # to check, neither saved nor validated. The version stays the one first loaded.
        lookup = look_up(request.POST.get("country"), request.POST.get("company_code"))
        posted = {
            name: request.POST.get(name)
            for name in OrganisationEditForm.base_fields
            if name in request.POST
        }
        prefill = lookup.prefill()
        prefill.pop("kind", None)
        form = OrganisationEditForm(
            instance=organisation, initial=posted | prefill, may_change_identity=True
        )
    elif request.method == "POST":
        with transaction.atomic():
            form = OrganisationEditForm(
                request.POST,
                instance=locked(Organisation.objects, pk=organisation.pk),
                may_change_identity=may_change_identity,
            )
            saved = form.save_if_unchanged()
        if saved:
            messages.success(request, _("The organisation's data is saved."))
            return redirect("organisations:edit", slug=form.instance.slug)
    else:
        form = OrganisationEditForm(instance=organisation, may_change_identity=may_change_identity)
    nace_classes = NaceActivity.objects.filter(
        revision=NACE_REVISION, level=NaceActivity.Level.CLASS
    ).values_list("code", "label")
    return render(
        request,
        "organisations/edit.html",
        {
            "organisation": organisation,
            "form": form,
            "may_change_identity": may_change_identity,
            "lookup": lookup,
            "country": country_name(organisation.country),
            "nace_classes": nace_classes,
        },
    )
