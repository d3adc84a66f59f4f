from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Notice


class NoticeForm(forms.ModelForm):
    level = forms.ChoiceField(
        label=_("Soort melding"),
        choices=Notice.Level.choices,
        initial=Notice.Level.INFO,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Notice
        fields = ["level", "text", "street"]
        labels = {"text": _("Wat ziet u?"), "street": _("Straat (mag leeg)")}
        help_texts = {"text": _("Kort en duidelijk. Geen namen of telefoonnummers.")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 3:
            raise forms.ValidationError(_("Schrijf in een paar woorden wat u ziet."))
        return text


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Notice.Status.choices[1:])
