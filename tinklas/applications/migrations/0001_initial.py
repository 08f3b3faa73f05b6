"""The application models move here from the clusters app: created in the migration state
only, on the tables they already have (clusters_clusterapplication and the others), whose
rows stay untouched. clusters.0006 then removes them from the clusters app's state."""

import django.core.validators
import django.db.models.deletion
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("clusters", "0005_import_run_file_kept_while_needed"),
        ("organisations", "0003_representatives"),
        ("taxonomy", "0002_load_reference_data"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]
    # The clusters app forgets the models only once they exist here.
    run_before = [("clusters", "0006_applications_moved_out")]

    state_operations = [
        migrations.CreateModel(
            name="EligibilityCriteria",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("national_minimum_members", models.PositiveIntegerField(default=5, verbose_name="national concept: minimum members")),
                ("european_minimum_members", models.PositiveIntegerField(default=15, verbose_name="European platform: minimum members")),
                ("european_minimum_management_fte", models.DecimalField(decimal_places=2, default=Decimal("0.5"), max_digits=4, validators=[django.core.validators.MinValueValidator(0)], verbose_name="European platform: minimum management team (FTE)")),
                ("european_minimum_member_kinds", models.PositiveIntegerField(default=2, help_text="For example companies and research organisations.", verbose_name="European platform: minimum kinds of members")),
                ("european_website_required", models.BooleanField(default=True, verbose_name="European platform: website required")),
            ],
            options={
                "verbose_name": "eligibility criteria",
                "verbose_name_plural": "eligibility criteria",
                "db_table": "clusters_eligibilitycriteria",
            },
        ),
        migrations.CreateModel(
            name="ClusterApplication",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("status", models.CharField(choices=[("draft", "draft"), ("submitted", "submitted for review"), ("changes", "changes requested"), ("approved", "approved"), ("rejected", "rejected")], default="draft", max_length=20, verbose_name="status")),
                ("name", models.CharField(max_length=200, verbose_name="cluster name")),
                ("acronym", models.CharField(blank=True, max_length=40, verbose_name="acronym")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("website", models.URLField(blank=True, verbose_name="website")),
                ("founded_on", models.DateField(blank=True, null=True, verbose_name="founded on")),
                ("coordinator_name", models.CharField(blank=True, max_length=255, verbose_name="coordinating organisation")),
                ("coordinator_code", models.CharField(blank=True, max_length=40, verbose_name="coordinator's company code")),
                ("management_fte", models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name="management team (FTE)")),
                ("contact_person", models.CharField(blank=True, max_length=200, verbose_name="contact person")),
                ("contact_email", models.EmailField(blank=True, max_length=254, verbose_name="contact email")),
                ("contact_phone", models.CharField(blank=True, max_length=40, verbose_name="contact phone")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                ("review_message", models.TextField(blank=True, help_text="What to change, or why the application was rejected.", verbose_name="message from the reviewer")),
                ("applicant", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="cluster_applications", to=settings.AUTH_USER_MODEL, verbose_name="applicant")),
                ("cluster", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="application", to="clusters.cluster", verbose_name="registered cluster")),
                ("decided_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="decided by")),
                ("ecosystems", models.ManyToManyField(blank=True, related_name="+", to="taxonomy.ecosystem", verbose_name="EU industrial ecosystems")),
                ("municipality", models.ForeignKey(blank=True, limit_choices_to={"kind": "municipality"}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="taxonomy.region", verbose_name="municipality")),
                ("sectors", models.ManyToManyField(blank=True, related_name="+", to="taxonomy.sector", verbose_name="fields")),
            ],
            options={
                "verbose_name": "cluster application",
                "verbose_name_plural": "cluster applications",
                "ordering": ["-updated_at"],
                "db_table": "clusters_clusterapplication",
            },
        ),
        migrations.CreateModel(
            name="ApplicationMember",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                ("company_code", models.CharField(blank=True, max_length=40, verbose_name="company code")),
                ("kind", models.CharField(choices=[("company", "company"), ("research", "research organisation or university"), ("public", "public body"), ("association", "association or NGO"), ("other", "other")], max_length=20, verbose_name="kind")),
                ("organisation", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="organisations.organisation", verbose_name="organisation in the registry")),
                ("application", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="members", to="applications.clusterapplication", verbose_name="application")),
            ],
            options={
                "verbose_name": "proposed member",
                "verbose_name_plural": "proposed members",
                "ordering": ["application", "name"],
                "db_table": "clusters_applicationmember",
                "constraints": [models.UniqueConstraint(condition=models.Q(("company_code", ""), _negated=True), fields=("application", "company_code"), name="application_member_code_once", violation_error_message="This company code is already in the list.")],
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[]),
    ]
