"""The password rules of the site, in its own words."""

from django.contrib.auth import password_validation
from django.utils.translation import gettext, ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule; its message as residents read it (Django's Dutch lags behind its English)."""

    def get_error_message(self):
        return f"{gettext('Dit wachtwoord is te kort.')} {self.get_help_text()}"

    def get_help_text(self):
        return ngettext(
            "Gebruik minstens %(min_length)d teken.",
            "Gebruik minstens %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}
