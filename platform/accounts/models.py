from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import roles


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Logs in with an e-mail address; shown by display name only."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    display_name = models.CharField(
        _("naam"),
        max_length=60,
        blank=True,
        help_text=_("Hoe anderen u zien. Uw voornaam is genoeg."),
    )
    # Wagtail's user admin asks for these; the site itself only shows display_name.
    first_name = models.CharField(_("voornaam"), max_length=150, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=150, blank=True)
    is_staff = models.BooleanField(_("medewerker"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(_("lid sinds"), default=timezone.now)
    privacy_accepted_at = models.DateTimeField(_("privacyverklaring geaccepteerd op"), null=True, blank=True)
    # A moderator's suspension: no login, no posts, public posts hidden. Its history is kept by moderation.
    suspended_at = models.DateTimeField(_("geschorst op"), null=True, blank=True)
    suspension_reason = models.CharField(_("reden van schorsing"), max_length=500, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["display_name", "email"]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name others may see: the display name or first name, never (a part of) the e-mail address."""
        return self.display_name or self.first_name or str(_("Buurtbewoner"))

    @property
    def initials(self) -> str:
        parts = [p for p in self.public_name.replace("-", " ").split() if p]
        return "".join(p[0].upper() for p in parts[:2]) or "?"

    def get_full_name(self) -> str:
        return self.public_name

    def get_short_name(self) -> str:
        return self.public_name

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    def has_role(self, role: str) -> bool:
        return roles.has_role(self, role)

    # The roles as accounts.roles answers them.
    is_moderator = property(roles.is_moderator)
    is_editor = property(roles.is_editor)
    is_professional = property(roles.is_professional)
    is_volunteer = property(roles.is_volunteer)


class Block(models.Model):
    """One person no longer wants messages from another; it holds both ways."""

    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_received")
    created_at = models.DateTimeField(_("geblokkeerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("blokkade")
        verbose_name_plural = _("blokkades")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="accounts_block_once")]

    def __str__(self) -> str:
        return f"{self.blocker} ⊘ {self.blocked}"
