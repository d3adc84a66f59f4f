"""Demo accounts: one per role, all with the password `ruwaard-demo`."""

from allauth.account.models import EmailAddress

from . import roles
from .models import User
from .services import create_user, set_roles

DEMO_PASSWORD = "ruwaard-demo"  # noqa: S105

DEMO_ACCOUNTS = [
    {"email": "bewoner@example.org", "name": "Fatma", "roles": (roles.BEWONER,), "label": "bewoner"},
    {
        "email": "vrijwilliger@example.org",
        "name": "Henk",
        "roles": (roles.BEWONER, roles.VRIJWILLIGER),
        "label": "vrijwilliger",
    },
    {
        "email": "professional@example.org",
        "name": "Sanne (ONS Welzijn)",
        "roles": (roles.PROFESSIONAL,),
        "label": "wijkprofessional bij ONS Welzijn",
    },
    {
        "email": "redactie@example.org",
        "name": "Jord (Rucreant)",
        "roles": (roles.REDACTIE,),
        "label": "redactie van de Rucreant",
    },
    {"email": "moderator@example.org", "name": "Ingrid", "roles": (roles.MODERATOR,), "label": "moderator"},
    {
        "email": "coordinator@example.org",
        "name": "Kees",
        "roles": (roles.BEWONER,),
        "label": "coördinator buurtpreventie",
    },
    {"email": "lid@example.org", "name": "Anouk", "roles": (roles.BEWONER,), "label": "lid buurtpreventie"},
]


def demo_user(email: str) -> User:
    return User.objects.get(email=email)


def load(*, today, stdout) -> None:
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account["email"]).first()
        if user is None:
            user = create_user(
                email=account["email"],
                password=DEMO_PASSWORD,
                display_name=account["name"],
                role_names=account["roles"],
                verified=True,
                is_staff=bool(set(account["roles"]) & {roles.REDACTIE, roles.MODERATOR}),
            )
        else:
            set_roles(user=user, role_names=account["roles"])
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
    stdout.write(f"  accounts: {len(DEMO_ACCOUNTS)} demo accounts")
