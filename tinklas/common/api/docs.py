"""The API's documentation page: generated from the OpenAPI schema on the server, so that it
always matches the API, in the visitor's language and without scripts (the page must work
without JavaScript). Swagger UI, which needs them, is beside it (swagger.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.generators import SchemaGenerator

from tinklas.common.api.base import LANGUAGE_PARAMETER, configured_rate, language_codes

METHOD_ORDER = ["GET", "POST", "PATCH", "PUT", "DELETE"]
# Headers every operation of a kind shares; the page explains them once, at the top.
SHARED_PARAMETERS = {"lang", "If-None-Match", "If-Modified-Since", "If-Match"}
# The schema's tags are stable English names; the page shows them translated, in this order.
TAG_TITLES = {
    "Clusters": gettext_lazy("Clusters"),
    "Organisations": gettext_lazy("Organisations"),
    "Memberships": gettext_lazy("Memberships"),
    "Labels": gettext_lazy("Labels"),
    "Network": gettext_lazy("Network"),
    "Reference data": gettext_lazy("Reference data"),
    "Register of legal entities": gettext_lazy("Register of legal entities"),
}
PLACEHOLDERS = {"slug": "<slug>", "id": "<id>", "code": "<code>"}


@dataclass
class Field:
    name: str
    type: str
    description: str = ""
    required: bool = False
    choices: list[str] = field(default_factory=list)
    location: str = ""


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: SafeString
    writes: bool
    parameters: list[Field]
    request_fields: list[Field]
    response_fields: list[Field]
    is_list: bool
    responses: list[tuple[str, str]]
    curl: str


@dataclass
class Section:
    name: str
    anchor: str
    operations: list[Operation] = field(default_factory=list)


class SchemaReader:
    """Turns the schema's types into words and its components into lists of fields."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.components = schema.get("components", {}).get("schemas", {})

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        reference = schema.get("$ref")
        if reference:
            return self.resolve(self.components[reference.rsplit("/", 1)[-1]])
        if len(schema.get("allOf", [])) == 1:
            return {
                **self.resolve(schema["allOf"][0]),
                **{k: v for k, v in schema.items() if k != "allOf"},
            }
        return schema

    def choices(self, schema: dict[str, Any]) -> list[str]:
        schema = self.resolve(schema)
        if schema.get("type") == "array":
            return self.choices(schema.get("items", {}))
        values = [str(value) for value in schema.get("enum", []) if value not in ("", None)]
        for option in schema.get("oneOf", []):
            values += self.choices(option)
        return values

    def describe(self, schema: dict[str, Any]) -> str:
        original = schema
        schema = self.resolve(schema)
        nullable = schema.get("nullable") or original.get("nullable")
        if "oneOf" in schema:
            options = [self.resolve(option) for option in schema["oneOf"]]
            real = [
                option
                for option in options
                if option.get("enum") not in ([""], [None]) and option.get("maxLength") != 0
            ]
            words = self.describe(real[0]) if real else _("text")
            if nullable or {"enum": [None]} in options:
                return _("%(type)s or null") % {"type": words}
            if len(real) < len(options):  # an empty text ("" or a zero-length URL)
                words = _("%(type)s or empty") % {"type": words}
            return words
        kind = schema.get("type")
        if kind == "array":
            words = _("list of %(type)s") % {"type": self.describe(schema.get("items", {}))}
        elif kind == "object" and schema.get("properties"):
            words = _("object (%(fields)s)") % {"fields": ", ".join(schema["properties"])}
        else:
            words = self.scalar(kind, schema.get("format"))
        return _("%(type)s or null") % {"type": words} if nullable else words

    def scalar(self, kind: str | None, form: str | None) -> str:
        names = {
            ("string", "date"): _("date (YYYY-MM-DD)"),
            ("string", "date-time"): _("date and time"),
            ("string", "uri"): _("web address"),
            ("string", "email"): _("email address"),
            ("integer", None): _("whole number"),
            ("number", "double"): _("number"),
            ("number", None): _("number"),
            ("boolean", None): _("true or false"),
        }
        return names.get((kind or "", form), _("text"))

    def fields(self, schema: dict[str, Any], *, writing: bool) -> list[Field]:
        schema = self.resolve(schema)
        required = set(schema.get("required", []))
        return [
            Field(
                name=name,
                type=self.describe(item),
                description=plain(item.get("description") or item.get("title") or ""),
                required=writing and name in required,
                choices=self.choices(item),
            )
            for name, item in schema.get("properties", {}).items()
            if not (writing and item.get("readOnly"))
        ]


def with_code(text: str) -> SafeString:
    """Text with `backticked` words shown as code, as the schema's descriptions write them."""
    parts = str(text).split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: shown as it is
        return SafeString(escape(text))
    return SafeString(
        "".join(
            format_html("<code>{}</code>", part) if index % 2 else escape(part)
            for index, part in enumerate(parts)
        )
    )


def rate_in_words(rate: str | None) -> str:
    """A throttle rate ("60/min") as the page says it ("60 a minute")."""
    if not rate or "/" not in rate:
        return _("no limit")
    count, period = rate.split("/", 1)
    periods = {"s": _("%(count)s a second"), "m": _("%(count)s a minute")}
    periods |= {"h": _("%(count)s an hour"), "d": _("%(count)s a day")}
    return periods.get(period[:1], "%(count)s/" + period) % {"count": count}


def plain(text: str) -> str:
    """The description without the list of choices the schema appends to it."""
    return str(text).split("\n\n* `")[0].strip()


def curl_example(base: str, method: str, path: str, body: Any, is_list: bool) -> str:
    url = base + path
    for name, placeholder in PLACEHOLDERS.items():
        url = url.replace("{" + name + "}", placeholder)
    if method == "GET":
        query = "?page_size=50" if is_list else ""
        return f'curl -H "Accept-Language: en" "{url}{query}"'
    lines = [
        f'curl -X {method} "{url}"',
        '  -H "Authorization: Token $TINKLAS_TOKEN"',
        '  -H "Content-Type: application/json"',
    ]
    if body is not None:
        data = json.dumps(body, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        lines.append(f"  -d '{data}'")
    return " \\\n".join(lines)


def operations(schema: dict[str, Any], base: str) -> list[Section]:
    reader = SchemaReader(schema)
    sections: dict[str, Section] = {}
    for path, methods in schema.get("paths", {}).items():
        for method, operation in sorted(
            methods.items(), key=lambda item: METHOD_ORDER.index(item[0].upper())
        ):
            method = method.upper()
            tag = (operation.get("tags") or [_("Other")])[0]
            section = sections.setdefault(
                tag, Section(str(TAG_TITLES.get(tag, tag)), "section-" + slug_of(tag))
            )
            responses = operation.get("responses", {})
            success: dict[str, Any] = next(
                (responses[code] for code in ("200", "201") if code in responses), {}
            )
            response_schema = success.get("content", {}).get("application/json", {}).get("schema")
            response_fields: list[Field] = []
            is_list = False
            if response_schema:
                resolved = reader.resolve(response_schema)
                results = resolved.get("properties", {}).get("results")
                is_list = results is not None
                item = results["items"] if results else response_schema
                response_fields = reader.fields(item, writing=False)
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            examples: dict[str, Any] = body.get("examples", {})
            first: dict[str, Any] = next(iter(examples.values()), {})
            example = first.get("value")
            section.operations.append(
                Operation(
                    method=method,
                    path=path,
                    anchor=operation["operationId"],
                    summary=str(operation.get("summary", "")),
                    description=with_code(operation.get("description", "")),
                    writes=method != "GET",
                    parameters=[
                        Field(
                            name=parameter["name"],
                            type=reader.describe(parameter.get("schema", {})),
                            description=plain(parameter.get("description", "")),
                            required=bool(parameter.get("required")),
                            choices=reader.choices(parameter.get("schema", {})),
                            location=parameter["in"],
                        )
                        for parameter in operation.get("parameters", [])
                        if parameter["name"] not in SHARED_PARAMETERS
                    ],
                    request_fields=reader.fields(body["schema"], writing=True) if body else [],
                    response_fields=response_fields,
                    is_list=is_list,
                    responses=[
                        (code, plain(answer.get("description", "")) or _("Success"))
                        for code, answer in sorted(responses.items())
                    ],
                    curl=curl_example(base, method, path, example, is_list),
                )
            )
    order = list(TAG_TITLES)
    return [
        sections[tag]
        for tag in sorted(sections, key=lambda tag: order.index(tag) if tag in order else 99)
    ]


def slug_of(text: str) -> str:
    return "".join(letter if letter.isalnum() else "-" for letter in text.lower())


def documentation(request: HttpRequest) -> HttpResponse:
    """The page answers in the language of `?lang=`, as the API does: it is outside the
    language-prefixed addresses, so the language switcher links carry that parameter."""
    language = request.GET.get(LANGUAGE_PARAMETER)
    if language in language_codes():
        translation.activate(language)
    schema = SchemaGenerator().get_schema(request=None, public=True)
    base = request.build_absolute_uri("/").rstrip("/")
    current = translation.get_language()
    context = {
        "schema": schema,
        "sections": operations(schema, base),
        "schema_url": request.build_absolute_uri(reverse("api:schema")),
        "swagger_url": f"{reverse('api:swagger')}?{LANGUAGE_PARAMETER}={current}",
        "base_url": base + "/api/v1/",
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": f"?{LANGUAGE_PARAMETER}={code}",
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
        "anonymous_rate": rate_in_words(configured_rate("anon")),
        "user_rate": rate_in_words(configured_rate("user")),
    }
    return render(request, "api/docs.html", context)
