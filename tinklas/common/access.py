"""One way for pages to check permissions: people who are not signed in are sent to sign
in; signed-in people without the permission get 403. The permissions themselves are rules
in each app's `permissions.py` (see docs/permissions.md)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import resolve_url

View = Callable[..., HttpResponseBase]


def permission_required(
    permission: str, target: Callable[..., Any] | None = None
) -> Callable[[View], View]:
    """`target(request, **url_arguments)` returns the object the permission is about (and
    raises Http404 when it does not exist); without it the permission is global.

    Whether an object exists is told only to people who could act on it: for an unknown
    address, people without the permission get the same answer as for a known object
    they may not use (sign in, or 403), so that unpublished clusters cannot be told apart
    from addresses that lead nowhere."""

    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            try:
                subject = target(request, *args, **kwargs) if target else None
            except Http404:
                subject = None  # the view, if allowed, answers 404 itself
            if request.user.has_perm(permission, subject):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
            raise PermissionDenied

        return checked

    return decorator
