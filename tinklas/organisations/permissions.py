"""Who may change an organisation's public data: network staff and its representatives."""

from __future__ import annotations

import rules

from tinklas.accounts.models import User
from tinklas.accounts.permissions import is_network_staff
from tinklas.organisations.models import Organisation


@rules.predicate
def is_representative(user: User, organisation: Organisation | None) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.representatives.filter(user=user).exists()


# Registering an organisation on its own (the API's POST) is the secretariat's; managers
# register new members from their member list.
CREATE_ORGANISATION = "organisations.create_organisation"

rules.add_perm("organisations.edit_organisation", is_network_staff | is_representative)
rules.add_perm(CREATE_ORGANISATION, is_network_staff)
rules.add_perm("organisations.load_register", is_network_staff)
