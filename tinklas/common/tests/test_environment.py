"""Configuration from environment variables fails loudly, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tinklas.common.environment import (
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)

REPOSITORY = Path(__file__).resolve().parents[3]


def test_a_word_that_is_not_a_boolean_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        env_bool("DJANGO_DEBUG", True, environ={"DJANGO_DEBUG": "maybe"})


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("YES", True), (" 1 ", True), ("off", False), ("0", False), ("", True)],
)
def test_boolean_words(value, expected):
    assert env_bool("DJANGO_DEBUG", True, environ={"DJANGO_DEBUG": value}) is expected


def test_a_port_that_is_not_a_number_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        env_int("EMAIL_PORT", 25, environ={"EMAIL_PORT": "abc"})


def test_a_number_below_the_minimum_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_CONN_MAX_AGE"):
        env_int("DATABASE_CONN_MAX_AGE", 60, environ={"DATABASE_CONN_MAX_AGE": "-1"})


def test_numbers_and_defaults_are_read():
    assert env_int("EMAIL_PORT", 25, environ={"EMAIL_PORT": "587"}) == 587
    assert env_int("EMAIL_PORT", 25, environ={}) == 25
    assert env_str("TIME_ZONE", "Europe/Vilnius", environ={"TIME_ZONE": "  "}) == "Europe/Vilnius"


def test_env_list_splits_commas_and_drops_blanks():
    environ = {"ALLOWED_HOSTS": " example.org, www.example.org ,,localhost "}
    assert env_list("ALLOWED_HOSTS", [], environ=environ) == [
        "example.org",
        "www.example.org",
        "localhost",
    ]
    assert env_list("ALLOWED_HOSTS", ["a"], environ={}) == ["a"]


@pytest.mark.parametrize(
    "url",
    [
        "mysql://user:secret@localhost:3306/tinklas",
        "postgresql://host:notaport/x",
        "sqlite://",
        "sqlite:///",
        "postgresql://postgres@127.0.0.1:5432/",
    ],
)
def test_bad_database_urls_name_the_variable(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url("DATABASE_URL", url)


def test_postgresql_url_is_parsed():
    database = database_from_url("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/tinklas")
    assert database == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "tinklas",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": "127.0.0.1",
        "PORT": "5432",
        "OPTIONS": {},
    }


def test_postgresql_url_with_password_and_options():
    database = database_from_url(
        "DATABASE_URL", "postgres://app:p%40ss@db.internal/tinklas?sslmode=require"
    )
    assert database["PASSWORD"] == "p@ss"
    assert database["HOST"] == "db.internal"
    assert database["PORT"] == ""
    assert database["OPTIONS"] == {"sslmode": "require"}


def test_sqlite_urls_are_parsed_relative_and_absolute():
    assert database_from_url("DATABASE_URL", "sqlite:///var/x.sqlite3") == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "var/x.sqlite3",
    }
    absolute = database_from_url("DATABASE_URL", "sqlite:////srv/tinklas/db.sqlite3")
    assert absolute["NAME"] == "/srv/tinklas/db.sqlite3"


def import_settings(tmp_path, **overrides):
    """Imports the settings module in a fresh interpreter with a modified environment."""
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SECRET_KEY", "DJANGO_DEBUG", "LANGUAGES", "DATABASE_URL"}
    }
    environ["TINKLAS_VAR_DIR"] = str(tmp_path)
    environ.update(overrides)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=REPOSITORY,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_import_with_a_sound_environment(tmp_path):
    result = import_settings(tmp_path, DJANGO_DEBUG="false", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = import_settings(tmp_path, DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_without_django_debug_the_settings_are_production_settings(tmp_path):
    result = import_settings(tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DJANGO_DEBUG is false" in result.stderr
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT)",
        ],
        cwd=REPOSITORY,
        env={
            **{name: value for name, value in os.environ.items() if name != "DJANGO_DEBUG"},
            "SECRET_KEY": "x" * 50,
            "TINKLAS_VAR_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert printed.stdout.split() == ["False", "True"], printed.stderr


def test_unknown_language_refuses_to_start(tmp_path):
    result = import_settings(tmp_path, DJANGO_DEBUG="true", LANGUAGES="lt,xx")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "LANGUAGES" in result.stderr
