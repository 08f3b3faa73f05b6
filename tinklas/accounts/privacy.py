"""A person's data: export it (the download on the profile page) and erase it (account
deletion). Accounts hold identity only and may not import the apps that hold roles, so each
of those apps registers a named section here from its AppConfig.ready(): `export(user)`
returns JSON-able data, `erase(user)` removes or anonymises the person's records there.
docs/privacy.md describes what is stored and what stays after deletion."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tinklas.accounts.models import User

# What replaces a deleted person's address and name wherever records keep them.
ERASED = "[erased]"
# Shorter names would match inside unrelated words of the log.
MINIMUM_ERASED_NAME_LENGTH = 4


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[User], Any]
    erase: Callable[[User], None]


_sections: dict[str, Section] = {}


def register_section(
    name: str, *, export: Callable[[User], Any], erase: Callable[[User], None]
) -> None:
    """Registering the same name again replaces it (ready() may run more than once in tests)."""
    _sections[name] = Section(name, export, erase)


def addresses_of(user: User) -> list[str]:
    """Every address of the person, lower-cased: the sign-in one and any others they added."""
    addresses = {user.email.lower()}
    others = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    addresses.update(email.lower() for email in others)
    return sorted(addresses)


def export_personal_data(user: User) -> dict[str, Any]:
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "joined": user.date_joined,
            "last_login": user.last_login,
            "network_staff": user.is_staff,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        # The type and date only: secrets and recovery codes never leave the server.
        "two_factor_methods": [
            {"type": method.type, "created": method.created_at}
            for method in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }
    for section in _sections.values():
        data[section.name] = section.export(user)
    data["audit_log"] = [
        {
            "time": entry.timestamp,
            "action": entry.get_action_display(),
            "record": f"{entry.content_type.name}: {entry.object_repr}",
            "record_id": entry.object_pk,
            "changes": entry.changes_dict,
        }
        for entry in LogEntry.objects.filter(actor=user)
        .select_related("content_type")
        .order_by("timestamp", "pk")
    ]
    return data


def is_last_staff_member(user: User) -> bool:
    return (
        user.is_staff
        and user.is_active
        and not User.objects.filter(is_staff=True, is_active=True).exclude(pk=user.pk).exists()
    )


def erase_person(user: User) -> None:
    """Deletes the account and everything personal about it, in one transaction. Records the
    registry needs (clusters, organisations, decided applications, the audit log's changes)
    stay, without the person. The last active staff member cannot be deleted: nobody would
    be left to run the registry."""
    if is_last_staff_member(user):
        raise ValidationError(
            _(
                "You are the network's last active staff member: make another person staff "
                "before deleting your account."
            )
        )
    with transaction.atomic():
        addresses = addresses_of(user)
        for section in _sections.values():
            section.erase(user)
        # After the sections: their deletions and changes are logged too, and must be
        # cleaned like the rest.
        erase_from_audit_log(user, addresses)
        # Cascades to the addresses, two-factor methods and other sign-in data of allauth.
        user.delete()


def _pattern(user: User, addresses: list[str]) -> re.Pattern[str]:
    texts = list(addresses)
    if len(user.full_name) >= MINIMUM_ERASED_NAME_LENGTH:
        texts.append(user.full_name)
    alternatives = "|".join(re.escape(text) for text in sorted(texts, key=len, reverse=True))
    # Not inside a longer address or word: "ona@example.org" leaves "dona@example.org" alone.
    return re.compile(rf"(?<![\w.@-])(?:{alternatives})(?!\.?[\w@-])", re.IGNORECASE)


def _scrubbed(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, list):
        return [_scrubbed(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: _scrubbed(item, pattern) for key, item in value.items()}
    return value


def erase_from_audit_log(user: User, addresses: list[str]) -> None:
    """Entries keep what changed and when, but lose the person: the actor and the network
    address they acted from, and their address and name wherever an entry mentions them
    (entries about their invitations and roles, for example)."""
    LogEntry.objects.filter(actor=user).update(
        actor=None, actor_email=None, remote_addr=None, remote_port=None
    )
    mentions = Q(actor_email__in=addresses)
    for text in [*addresses, user.full_name]:
        if len(text) < MINIMUM_ERASED_NAME_LENGTH:
            continue
        mentions |= Q(object_repr__icontains=text) | Q(changes_text__icontains=text)
        # SQLite keeps JSON with non-ASCII letters escaped; PostgreSQL keeps them as they are.
        for form in {text, json.dumps(text)[1:-1]}:
            for field in ("changes", "serialized_data", "additional_data"):
                mentions |= Q(**{f"{field}__icontains": form})
    pattern = _pattern(user, addresses)
    fields = ["object_repr", "changes_text", "changes", "serialized_data", "additional_data"]
    changed = []
    for entry in LogEntry.objects.filter(mentions).iterator(chunk_size=500):
        if entry.actor_email and entry.actor_email.lower() in addresses:
            entry.actor_email = None
        for field in fields:
            setattr(entry, field, _scrubbed(getattr(entry, field), pattern))
        changed.append(entry)
    LogEntry.objects.bulk_update(changed, [*fields, "actor_email"], batch_size=500)
