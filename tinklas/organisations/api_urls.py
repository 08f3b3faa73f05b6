"""The organisations app's API endpoints under /api/v1/: the register of legal entities, one
legal entity by its company code. (Member organisations are listed and edited at
/api/v1/organisations/, served by the clusters app: which are public follows from
memberships.)"""

from django.urls import URLPattern, path

from tinklas.organisations.register import api as register_api

app_name = "organisations-api"
urlpatterns: list[URLPattern] = [
    path("legal-entities/<str:code>/", register_api.legal_entity_detail, name="legal-entity"),
]
