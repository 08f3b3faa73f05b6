from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask for /favicon.ico on their own; the pages name the SVG icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
