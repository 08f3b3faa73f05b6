from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language


def language_links(request: HttpRequest) -> dict[str, object]:
    """Links to the current page in every language, keeping the query string, so that the
    switcher works without JavaScript and lands on the same page."""
    current = get_language()
    full_path = request.get_full_path()
    links = [
        {
            "code": code,
            "name": name,
            "url": translate_url(full_path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {"language_links": links}
