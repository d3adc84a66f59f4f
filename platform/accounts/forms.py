from allauth.mfa.webauthn import forms as webauthn_forms
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupForm(forms.Form):
    """Extra sign-up fields on top of allauth's e-mail and password."""

    display_name = forms.CharField(
        label=_("Uw voornaam"),
        max_length=60,
        help_text=_("Anderen zien alleen deze naam. Niet uw e-mailadres."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "placeholder": _("Bijvoorbeeld: Fatma")}),
    )
    accept_privacy = forms.BooleanField(
        label=_("Ik heb de privacyverklaring gelezen en ga akkoord."),
        required=True,
        error_messages={"required": _("U kunt alleen meedoen als u akkoord gaat met de privacyverklaring.")},
    )

    field_order = ["display_name", "email", "password1", "password2", "accept_privacy"]

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.privacy_accepted_at = timezone.now()
        user.save(update_fields=["display_name", "privacy_accepted_at"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].error_messages["required"] = _("Vul een naam in. Uw voornaam is genoeg.")


class DeleteAccountForm(forms.Form):
    REMOVE = "verwijderen"
    KEEP = "bewaren"
    posts = forms.ChoiceField(
        label=_("Wat gebeurt er met uw verhalen en activiteiten?"),
        choices=[
            (REMOVE, _("Verwijder ze.")),
            (KEEP, _("Laat ze staan, zonder mijn naam. De schrijver heet dan “Een buurtbewoner”.")),
        ],
        initial=REMOVE,
        required=False,  # no choice made: removed, as the form shows checked
        widget=forms.RadioSelect,
    )
    confirm_email = forms.EmailField(
        label=_("Typ uw e-mailadres om te bevestigen"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self):
        value = self.cleaned_data["confirm_email"].strip().lower()
        if value != self.user.email.lower():
            raise forms.ValidationError(_("Dit is niet het e-mailadres van uw account."))
        return value


# A passkey's answer that cannot be read (a broken or forged payload) makes fido2 raise KeyError or
# ValueError from inside allauth's forms. These say so as a form error instead of a server error.
UNREADABLE_KEY_ERRORS = (KeyError, ValueError, TypeError)


def _unreadable_key() -> forms.ValidationError:
    return forms.ValidationError(
        _("Het antwoord van uw toegangssleutel konden we niet lezen. Probeer het opnieuw."), code="invalid"
    )


class AddWebAuthnForm(webauthn_forms.AddWebAuthnForm):
    def clean(self):
        try:
            return super().clean()
        except UNREADABLE_KEY_ERRORS as error:
            raise _unreadable_key() from error


class _ReadableKeyMixin:
    def clean_credential(self):
        try:
            return super().clean_credential()
        except UNREADABLE_KEY_ERRORS as error:
            raise _unreadable_key() from error


class LoginWebAuthnForm(_ReadableKeyMixin, webauthn_forms.LoginWebAuthnForm):
    pass


class ReauthenticateWebAuthnForm(_ReadableKeyMixin, webauthn_forms.ReauthenticateWebAuthnForm):
    pass
