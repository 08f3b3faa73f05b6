"""Applications of new clusters: the eligibility checklist, what a submission needs,
submitting, and the staff's decisions. Approval registers the cluster with its members and
makes the applicant its manager, in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tinklas.accounts.models import User
from tinklas.applications.models import ApplicationMember, ClusterApplication, EligibilityCriteria
from tinklas.clusters.models import Cluster, ClusterManagerRole, Membership
from tinklas.common import derived
from tinklas.organisations.models import Organisation

# Turns a path into an absolute address for emails (request.build_absolute_uri).
LinkBuilder = Callable[[str], str]

NATIONAL = "national"
EUROPEAN = "european"

# The fields a submitted application must fill in, by the step that asks for them.
REQUIRED_FIELDS = {
    "cluster": ["name", "description", "sectors", "municipality"],
    "management": ["coordinator_name", "coordinator_code", "contact_person", "contact_email"],
}


@dataclass(frozen=True)
class EligibilityItem:
    scheme: str  # NATIONAL or EUROPEAN
    label: str
    figure: str
    met: bool

    @property
    def blocks_submission(self) -> bool:
        """Only the national concept is a condition; the European criteria tell whether the
        cluster can also be listed on the European Cluster Collaboration Platform."""
        return self.scheme == NATIONAL


@dataclass(frozen=True)
class ChecklistSummary:
    national_met: bool
    european_met: int
    european_total: int


def fte_text(value: Decimal) -> str:
    """0.5 rather than 0.50, in the language's number format."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return formats.number_format(Decimal(text))


def members_item(scheme: str, count: int, minimum: int) -> EligibilityItem:
    return EligibilityItem(
        scheme,
        ngettext("At least %(minimum)d member", "At least %(minimum)d members", minimum)
        % {"minimum": minimum},
        ngettext("%(count)d of %(minimum)d member", "%(count)d of %(minimum)d members", minimum)
        % {"count": count, "minimum": minimum},
        count >= minimum,
    )


def management_item(fte: Decimal | None, minimum: Decimal) -> EligibilityItem:
    figure = (
        _("%(fte)s of %(minimum)s FTE") % {"fte": fte_text(fte), "minimum": fte_text(minimum)}
        if fte is not None
        else _("not given")
    )
    return EligibilityItem(
        EUROPEAN,
        _("A management team of at least %(minimum)s FTE") % {"minimum": fte_text(minimum)},
        figure,
        fte is not None and fte >= minimum,
    )


def kinds_item(kinds: list[str], minimum: int) -> EligibilityItem:
    labels = dict(Organisation.Kind.choices)
    figure = ngettext(
        "%(count)d of %(minimum)d kind", "%(count)d of %(minimum)d kinds", minimum
    ) % {"count": len(kinds), "minimum": minimum}
    if kinds:
        figure += ": " + ", ".join(str(labels.get(kind, kind)) for kind in kinds)
    return EligibilityItem(
        EUROPEAN,
        ngettext(
            "Members of at least %(minimum)d kind", "Members of at least %(minimum)d kinds", minimum
        )
        % {"minimum": minimum},
        figure,
        len(kinds) >= minimum,
    )


def eligibility_checklist(
    application: ClusterApplication,
    member_kinds: Sequence[str] | None = None,
    criteria: EligibilityCriteria | None = None,
) -> list[EligibilityItem]:
    """The application checked against the current thresholds. `member_kinds` (one kind per
    proposed member) defaults to the saved members; a preview passes unsaved ones."""
    criteria = criteria or EligibilityCriteria.current()
    if member_kinds is None:
        member_kinds = [member.kind for member in application.members.all()]
    count = len(member_kinds)
    items = [
        members_item(NATIONAL, count, criteria.national_minimum_members),
        members_item(EUROPEAN, count, criteria.european_minimum_members),
        management_item(application.management_fte, criteria.european_minimum_management_fte),
        kinds_item(sorted(set(member_kinds)), criteria.european_minimum_member_kinds),
    ]
    if criteria.european_website_required:
        website = application.website
        items.append(
            EligibilityItem(EUROPEAN, _("A website"), website or _("not given"), bool(website))
        )
    return items


def summarise(items: Iterable[EligibilityItem]) -> ChecklistSummary:
    items = list(items)
    european = [item for item in items if item.scheme == EUROPEAN]
    return ChecklistSummary(
        national_met=all(item.met for item in items if item.scheme == NATIONAL),
        european_met=sum(item.met for item in european),
        european_total=len(european),
    )


@dataclass(frozen=True)
class MissingField:
    step: str
    label: str


def missing_information(application: ClusterApplication) -> list[MissingField]:
    missing = []
    for step, names in REQUIRED_FIELDS.items():
        for name in names:
            field = ClusterApplication._meta.get_field(name)
            value = getattr(application, name)
            empty = not value.exists() if field.many_to_many else value in (None, "")
            if empty:
                missing.append(MissingField(step, str(field.verbose_name)))  # type: ignore[union-attr]
    return missing


def submission_problems(
    application: ClusterApplication, items: Sequence[EligibilityItem]
) -> list[str]:
    """Everything that stops the application from being submitted, as sentences."""
    problems = [
        _("Fill in %(field)s.") % {"field": missing.label}
        for missing in missing_information(application)
    ]
    criteria = EligibilityCriteria.current()
    count = application.members.count()
    if not all(item.met for item in items if item.blocks_submission):
        problems.append(
            ngettext(
                "The national cluster concept requires at least %(minimum)d member; "
                "this application lists %(count)d.",
                "The national cluster concept requires at least %(minimum)d members; "
                "this application lists %(count)d.",
                criteria.national_minimum_members,
            )
            % {"minimum": criteria.national_minimum_members, "count": count}
        )
    code = application.coordinator_code
    if code and not application.members.filter(company_code=code).exists():
        problems.append(
            _(
                "The coordinating organisation (company code %(code)s) must also be in the "
                "members list."
            )
            % {"code": code}
        )
    return problems


def send_mails(template: str, subject: str, addresses: Iterable[str], context: dict) -> None:
    """One message per address, so that recipients do not see each other."""
    body = render_to_string(f"applications/email/{template}.txt", context)
    messages = [EmailMessage(subject, body, to=[address]) for address in addresses if address]
    get_connection().send_messages(messages)


def applicant_addresses(application: ClusterApplication) -> list[str]:
    return [application.applicant.email] if application.applicant else []


def submit(application: ClusterApplication, link: LinkBuilder) -> None:
    """Sends the application to the staff's review; ValidationError lists what is missing."""
    with transaction.atomic():
        application = ClusterApplication.objects.select_for_update().get(pk=application.pk)
        if not application.is_editable:
            raise ValidationError(
                _("This application is %(status)s and cannot be submitted again.")
                % {"status": application.get_status_display()}
            )
        problems = submission_problems(application, eligibility_checklist(application))
        if problems:
            raise ValidationError(problems)
        application.status = ClusterApplication.Status.SUBMITTED
        application.submitted_at = timezone.now()
        application.save(update_fields=["status", "submitted_at", "updated_at"])
    context = {
        "application": application,
        "application_url": link(reverse("applications:step", args=[application.pk, "review"])),
        "review_url": link(reverse("applications:review", args=[application.pk])),
    }
    send_mails(
        "submitted",
        _("Your application for %(name)s was received") % {"name": application.name},
        applicant_addresses(application),
        context,
    )
    staff = User.objects.filter(is_staff=True, is_active=True).values_list("email", flat=True)
    send_mails(
        "received",
        _("New cluster application to review: %(name)s") % {"name": application.name},
        staff,
        context,
    )


def locked_for_decision(application: ClusterApplication) -> ClusterApplication:
    """The application, locked until the transaction ends; refuses every state in which no
    decision can be made."""
    application = ClusterApplication.objects.select_for_update().get(pk=application.pk)
    Status = ClusterApplication.Status
    decided = (
        timezone.localdate(application.decided_at).isoformat() if application.decided_at else ""
    )
    refusals: dict[str, str] = {
        Status.DRAFT: _(
            "This application is a draft: it can be decided only after the applicant submits it."
        ),
        Status.CHANGES_REQUESTED: _(
            "Changes were requested: the application can be decided after the applicant "
            "submits it again."
        ),
        Status.APPROVED: _("This application was already approved on %(date)s.")
        % {"date": decided},
        Status.REJECTED: _("This application was already rejected on %(date)s.")
        % {"date": decided},
    }
    if application.status in refusals:
        raise ValidationError(refusals[application.status])
    return application


def record_decision(
    application: ClusterApplication, status: str, reviewer: User, message: str
) -> None:
    application.status = status
    application.decided_at = timezone.now()
    application.decided_by = reviewer
    application.review_message = message
    application.save()


def request_changes(
    application: ClusterApplication, reviewer: User, message: str, link: LinkBuilder
) -> None:
    with transaction.atomic():
        application = locked_for_decision(application)
        record_decision(application, ClusterApplication.Status.CHANGES_REQUESTED, reviewer, message)
    send_mails(
        "changes_requested",
        _("Changes requested in your application for %(name)s") % {"name": application.name},
        applicant_addresses(application),
        {
            "application": application,
            "edit_url": link(reverse("applications:step", args=[application.pk, "cluster"])),
        },
    )


def reject(application: ClusterApplication, reviewer: User, reason: str, link: LinkBuilder) -> None:
    with transaction.atomic():
        application = locked_for_decision(application)
        record_decision(application, ClusterApplication.Status.REJECTED, reviewer, reason)
    send_mails(
        "rejected",
        _("Your application for %(name)s was not approved") % {"name": application.name},
        applicant_addresses(application),
        {
            "application": application,
            "application_url": link(reverse("applications:step", args=[application.pk, "review"])),
        },
    )


def approve(application: ClusterApplication, reviewer: User, link: LinkBuilder) -> Cluster:
    """Registers the cluster as published with its members and makes the applicant its
    manager, so that the directory, search, the open-data download and the key figures show
    it at once."""
    # One transaction; the search entries, member counts, flags and the registry's version
    # are brought up to date once at its end rather than after every member.
    with derived.bulk_change():
        application = locked_for_decision(application)
        cluster = register_cluster(application)
        add_members(application, cluster, timezone.localdate())
        if application.applicant:
            ClusterManagerRole.objects.create(
                cluster=cluster, user=application.applicant, granted_by=reviewer
            )
        application.cluster = cluster
        record_decision(application, ClusterApplication.Status.APPROVED, reviewer, "")
    send_mails(
        "approved",
        _("%(name)s is registered") % {"name": cluster.name},
        applicant_addresses(application),
        {
            "application": application,
            "cluster": cluster,
            "profile_url": link(reverse("clusters:profile", args=[cluster.slug])),
            "edit_url": link(reverse("clusters:edit", args=[cluster.slug])),
        },
    )
    return cluster


def register_cluster(application: ClusterApplication) -> Cluster:
    cluster = Cluster(
        acronym=application.acronym,
        website=application.website,
        founded_on=application.founded_on,
        municipality=application.municipality,
        management_fte=application.management_fte,
        contact_person=application.contact_person,
        contact_email=application.contact_email,
        contact_phone=application.contact_phone,
        status=Cluster.Status.PUBLISHED,
    )
    # The applicant wrote one text; every language shows it until a manager translates it.
    for code, _language in settings.LANGUAGES:
        setattr(cluster, f"name_{code}", application.name)
        setattr(cluster, f"description_{code}", application.description)
    cluster.full_clean()
    cluster.save()
    cluster.sectors.set(application.sectors.all())
    cluster.ecosystems.set(application.ecosystems.all())
    return cluster


def registry_organisation(member: ApplicationMember) -> Organisation:
    """The registry's organisation with the member's company code, or a new one."""
    country = settings.TINKLAS_COUNTRY
    if member.company_code:
        existing = Organisation.objects.filter(
            country=country, company_code=member.company_code
        ).first()
        if existing is not None:
            return existing
    organisation = Organisation(
        name=member.name, kind=member.kind, company_code=member.company_code, country=country
    )
    organisation.full_clean()
    organisation.save()
    return organisation


def add_members(application: ClusterApplication, cluster: Cluster, today: datetime.date) -> None:
    """Memberships from the approval date, of registered or new organisations."""
    for member in application.members.all():
        organisation = registry_organisation(member)
        is_coordinator = bool(member.company_code) and (
            member.company_code == application.coordinator_code
        )
        Membership.objects.create(
            cluster=cluster,
            organisation=organisation,
            role=Membership.Role.COORDINATOR if is_coordinator else Membership.Role.MEMBER,
            joined_on=today,
        )
        if is_coordinator:
            cluster.coordinator = organisation
            cluster.save(update_fields=["coordinator", "updated_at"])
