"""Personal API tokens on the account page: creating one (its key is shown once, on the page
that answers the creation) and revoking one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tinklas.accounts import tokens
from tinklas.accounts.models import ApiToken
from tinklas.accounts.views import signed_in_user
from tinklas.common.form_layout import StyledForm


class TokenForm(StyledForm, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Token name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, such as a script's name."),
    )

    def __init__(self, *args: object, may_create: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.may_create = may_create

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if not self.may_create:
            raise forms.ValidationError(
                _("You have %(count)s active tokens: revoke one you no longer use first.")
                % {"count": tokens.MOST_ACTIVE_TOKENS}
            )
        return cleaned


@require_POST
@login_required
def create_token(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = TokenForm(request.POST, may_create=tokens.may_create_token(user))
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        token, key = tokens.create_token(user, form.cleaned_data["name"])
        context = {"token": token, "key": key}
    response = render(request, "api/token.html", context)
    # The key is in this answer only: no cache may keep it.
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    user = signed_in_user(request)
    token = get_object_or_404(ApiToken, pk=token_id, user=user)
    tokens.revoke_token(token)
    messages.success(
        request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name}
    )
    return redirect("accounts:profile")
