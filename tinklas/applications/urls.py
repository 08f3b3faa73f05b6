from django.urls import URLPattern, path

from tinklas.applications import views

app_name = "applications"
urlpatterns: list[URLPattern] = [
    path("applications/", views.my_applications, name="list"),
    path("applications/new/", views.start_application, name="new"),
    path(
        "applications/<int:application_id>/submit/",
        views.submit_application,
        name="submit",
    ),
    path(
        "applications/<int:application_id>/members/<int:member_id>/remove/",
        views.remove_application_member,
        name="member-remove",
    ),
    path(
        "applications/<int:application_id>/<slug:step>/",
        views.application_step,
        name="step",
    ),
    path("review/applications/", views.review_queue, name="review-queue"),
    path(
        "review/applications/<int:application_id>/",
        views.review_application,
        name="review",
    ),
]
