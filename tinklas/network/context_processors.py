from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from tinklas.network.models import Network


def network(request: HttpRequest) -> dict[str, object]:
    """The network for the header and footer; queried only if a template uses it."""
    return {"network": SimpleLazyObject(lambda: Network.objects.first())}
