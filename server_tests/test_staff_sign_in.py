"""On the production server, the administration's sign-in form gives no staff session without
the second factor, and no API token can be made with one."""

from __future__ import annotations

import sqlite3

from server_tests.conftest import DEMO_PASSWORD, Server, Visitor

STAFF = "staff@example.org"


def tokens_of(server: Server, email: str) -> int:
    with sqlite3.connect(server.database) as database:
        (count,) = database.execute(
            "SELECT count(*) FROM accounts_apitoken JOIN accounts_user"
            " ON accounts_user.id = accounts_apitoken.user_id WHERE accounts_user.email = ?",
            [email],
        ).fetchone()
    return int(count)


def test_the_administration_sign_in_without_a_code_gives_no_staff_page_and_no_token(
    visitor: Visitor, production_server: Server
):
    tokens_before = tokens_of(production_server, STAFF)
    for _attempt in range(30):
        visitor.post("/lt/admin/login/", {"username": STAFF, "password": "wrong"})
    answer = visitor.post(
        "/lt/admin/login/?next=/lt/admin/", {"username": STAFF, "password": DEMO_PASSWORD}
    )
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/lt/accounts/login/")
    for address in ["/lt/admin/", "/lt/audit/", "/lt/review/applications/", "/lt/register/"]:
        page = visitor.get(address)
        assert page.status_code == 302, address
        assert "/login/" in page.headers["Location"], address
    made = visitor.post("/lt/accounts/profile/tokens/", {"name": "Through the admin"})
    assert made.status_code == 302 and "/login/" in made.headers["Location"]
    assert tokens_of(production_server, STAFF) == tokens_before


def test_the_sites_sign_in_with_the_password_alone_stops_at_the_code(
    visitor: Visitor, production_server: Server
):
    answer = visitor.sign_in(STAFF)
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/lt/accounts/2fa/authenticate/")
    for address in ["/lt/admin/", "/lt/audit/"]:
        assert "/login/" in visitor.get(address).headers["Location"], address
    response = visitor.post("/lt/accounts/profile/tokens/", {"name": "Half signed in"})
    assert response.status_code == 302
    assert tokens_of(production_server, STAFF) == 0
