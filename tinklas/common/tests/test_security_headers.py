"""Every answer asks browsers to refuse the features the site never uses."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/lt/", "/en/clusters/", "/api/v1/clusters/", "/missing/"])
def test_every_answer_refuses_camera_microphone_location_and_payment(client, address):
    policy = client.get(address)["Permissions-Policy"]
    features = dict(part.strip().split("=", 1) for part in policy.split(","))
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert features[feature] == "()", feature
