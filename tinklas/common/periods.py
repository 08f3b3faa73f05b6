"""Rows that hold for a period: joined on (inclusive) until left on (the first day they no
longer hold), left on empty while they last."""

from __future__ import annotations

import datetime
from typing import Any, Generic, Self, TypeVar

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

ModelType = TypeVar("ModelType", bound=models.Model)


class PeriodQuerySet(models.QuerySet[ModelType], Generic[ModelType]):
    def current_on(self, day: datetime.date) -> Self:
        """Rows in force on `day`: started on or before it and not yet ended."""
        return self.not_ended_on(day).filter(joined_on__lte=day)

    def not_ended_on(self, day: datetime.date) -> Self:
        """Rows still running on `day` or starting later: those in force and those dated in
        advance."""
        return self.filter(Q(left_on__isnull=True) | Q(left_on__gt=day))

    def ended_on(self, day: datetime.date) -> Self:
        """Rows that no longer hold on `day`."""
        return self.filter(left_on__lte=day)


def period_constraint(name: str) -> models.CheckConstraint:
    """The database check that a period does not end before it starts."""
    return models.CheckConstraint(
        condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
        name=name,
        violation_error_message=_("A membership cannot end before it starts."),
    )


def open_period_unique(fields: list[str], name: str, message: Any) -> models.UniqueConstraint:
    """At most one open period for the same `fields`."""
    return models.UniqueConstraint(
        fields=fields, condition=Q(left_on__isnull=True), name=name, violation_error_message=message
    )
