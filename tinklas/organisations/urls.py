"""An organisation's edit page and the register of legal entities. The edit page gets the
register's lookup passed in, so that organisations' core does not import its register."""

from django.urls import URLPattern, path

from tinklas.organisations import views
from tinklas.organisations.register import lookup as register_lookup
from tinklas.organisations.register import views as register_views

app_name = "organisations"
urlpatterns: list[URLPattern] = [
    path(
        "organisations/<slug:slug>/edit/",
        views.edit_organisation_page(register_lookup.look_up),
        name="edit",
    ),
    path("register/", register_views.register_import, name="register"),
]
