from django.urls import URLPattern, path

from tinklas.network import views

app_name = "network"
urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("network/", views.network_page, name="about"),
]
