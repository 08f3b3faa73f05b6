"""The servers as they are run, on a throwaway database holding the demo network, that the
tests talk to over HTTP like any client: the production server as it is deployed (gunicorn
with DJANGO_DEBUG=false and the production settings, behind a proxy that says the request
came over HTTPS), and the development server (`manage.py runserver`, whose WSGI server checks
what the application sends more strictly than gunicorn does)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import requests

REPOSITORY = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "tinklas-demo"


@dataclass
class Server:
    address: str  # http://127.0.0.1:port
    host: str  # 127.0.0.1:port
    master_pid: int
    database: Path
    environment: dict[str, str] = field(default_factory=dict, repr=False)

    def worker_pid(self) -> int:
        children = Path(f"/proc/{self.master_pid}/task/{self.master_pid}/children")
        pids = children.read_text().split()
        assert len(pids) == 1, f"expected one gunicorn worker, found {pids}"
        return int(pids[0])

    def manage(self, *arguments: str, debug: str | None = None) -> str:
        """A management command on the server's database; its output."""
        environment = {**self.environment, **({"DJANGO_DEBUG": debug} if debug else {})}
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=REPOSITORY,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_environment(folder: Path, debug: str, **settings: str) -> dict[str, str]:
    database = folder / "tinklas.sqlite3"
    return {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_DEBUG"},
        "DJANGO_DEBUG": debug,
        "DATABASE_URL": f"sqlite:///{database}",
        "TINKLAS_VAR_DIR": str(folder),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **settings,
    }


def run_server(
    folder: Path, environment: dict[str, str], command: list[str], port: int
) -> Iterator[Server]:
    """Builds the demo database as `make demo` does (seed_demo runs only in development
    mode), starts `command` on `port` and yields once it answers; stops it afterwards."""
    database = folder / "tinklas.sqlite3"
    preparing = Server("", "", 0, database, environment)
    preparing.manage("migrate", "--no-input", "-v", "0", debug="true")
    preparing.manage("seed_demo", debug="true")
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        command, cwd=REPOSITORY, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    server = Server(
        f"http://127.0.0.1:{port}", f"127.0.0.1:{port}", process.pid, database, environment
    )
    try:
        for _attempt in range(100):
            try:
                requests.get(
                    server.address + "/lt/", timeout=2, headers={"X-Forwarded-Proto": "https"}
                )
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise AssertionError((folder / "server.log").read_text())
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def production_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("production")
    environment = server_environment(
        folder,
        "false",
        SECRET_KEY="production-server-test-secret-key-with-more-than-fifty-characters",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(folder / "static"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=REPOSITORY,
        env=environment,
        check=True,
        capture_output=True,
    )
    port = free_port()
    gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    yield from run_server(
        folder, environment, [*gunicorn, "--workers", "1", "--timeout", "120"], port
    )


@pytest.fixture(scope="session")
def development_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`manage.py runserver`, as `make demo` and `make api-contract` run it, with no worker
    beside it (tasks run at once) and the API's throttles out of the way."""
    folder = tmp_path_factory.mktemp("development")
    environment = server_environment(
        folder,
        "true",
        TASKS_IMMEDIATE="true",
        API_THROTTLE_ANONYMOUS="off",
        API_THROTTLE_USER="off",
    )
    port = free_port()
    command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    yield from run_server(folder, environment, command, port)


@dataclass
class Visitor:
    """A client that carries its cookies itself: the production cookies are Secure, and the
    proxy in front of gunicorn (here: the X-Forwarded-Proto header) is what speaks HTTPS."""

    server: Server
    cookies: dict[str, str] = field(default_factory=dict)

    def headers(self, path: str) -> dict[str, str]:
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        return {
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{self.server.host}{path}",
            **({"Cookie": cookie} if cookie else {}),
        }

    def keep_cookies(self, response: requests.Response) -> None:
        for header in response.raw.headers.getlist("Set-Cookie"):
            parsed = SimpleCookie()
            parsed.load(header)
            for name, morsel in parsed.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def get(self, path: str) -> requests.Response:
        response = requests.get(
            self.server.address + path,
            headers=self.headers(path),
            allow_redirects=False,
            timeout=60,
        )
        self.keep_cookies(response)
        return response

    def post(self, path: str, data: dict[str, str], files: dict | None = None) -> requests.Response:
        if "csrftoken" not in self.cookies:
            self.get("/lt/accounts/login/")  # a page with a form sets the CSRF cookie
        response = requests.post(
            self.server.address + path,
            data={**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]},
            files=files,
            headers=self.headers(path),
            allow_redirects=False,
            timeout=60,
        )
        self.keep_cookies(response)
        return response

    def sign_in(self, email: str, password: str = DEMO_PASSWORD) -> requests.Response:
        return self.post("/lt/accounts/login/", {"login": email, "password": password})


@pytest.fixture
def visitor(production_server: Server) -> Visitor:
    return Visitor(production_server)
