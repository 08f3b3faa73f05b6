"""A cluster's managers keep its public profile current."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tinklas.clusters.forms import ClusterProfileForm
from tinklas.clusters.models import Cluster
from tinklas.clusters.permissions import EDIT_CLUSTER
from tinklas.common.access import permission_required
from tinklas.common.concurrency import locked


def cluster_of(request: HttpRequest, slug: str) -> Cluster:
    return get_object_or_404(Cluster, slug=slug)


@permission_required(EDIT_CLUSTER, cluster_of)
def edit_profile(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = cluster_of(request, slug)
    if request.method == "POST":
        with transaction.atomic():
            form = ClusterProfileForm(request.POST, instance=locked(Cluster.objects, pk=cluster.pk))
            saved = form.save_if_unchanged()
        if saved:
            messages.success(request, _("The profile is saved."))
            return redirect("clusters:edit", slug=form.instance.slug)
    else:
        form = ClusterProfileForm(instance=cluster)
    return render(
        request,
        "clusters/edit.html",
        {"cluster": cluster, "form": form},
    )
