from django.core.management.base import BaseCommand, CommandError, CommandParser

from tinklas.accounts.models import User
from tinklas.accounts.tokens import create_token


class Command(BaseCommand):
    help = (
        "Creates a personal API token for an account and prints its key (the only time it is "
        "shown): for a service that writes through the API, or for contract tests."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The account's sign-in address.")
        parser.add_argument("name", help="What the token is for.")

    def handle(self, *args: object, email: str, name: str, **options: object) -> None:
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"email: no active account signs in with {email}.")
        _token, key = create_token(user, name)
        self.stdout.write(key)
