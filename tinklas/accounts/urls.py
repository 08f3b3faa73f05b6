"""The profile and privacy pages and API tokens; the sign-in, sign-up, password and
two-factor pages of django-allauth are included beside them under accounts/."""

from django.urls import URLPattern, path

from tinklas.accounts import token_views, views

app_name = "accounts"
urlpatterns: list[URLPattern] = [
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/profile/data/", views.personal_data, name="personal-data"),
    path("accounts/profile/delete/", views.delete_account, name="delete"),
    path("accounts/profile/tokens/", token_views.create_token, name="token-create"),
    path(
        "accounts/profile/tokens/<int:token_id>/revoke/",
        token_views.revoke_token,
        name="token-revoke",
    ),
]
