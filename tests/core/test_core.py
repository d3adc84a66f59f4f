"""The shared dialect: one error for "the rules say no", filters that never fail, after-commit effects."""

import django_filters
import pytest
from django import forms
from django.db import transaction
from django.test import RequestFactory

from core.exceptions import ApplicationError
from core.filters import QueryFilterSet
from core.forms import add_application_error
from core.middleware import ApplicationErrorMiddleware
from core.transaction import after_commit
from organisations.models import Organisation


def test_application_error_status_follows_its_code():
    assert ApplicationError("x").status == 400
    assert ApplicationError("x", code="forbidden").status == 403
    assert ApplicationError("x", code="not_found").status == 404
    assert ApplicationError("x", code="conflict").status == 409


@pytest.mark.django_db
def test_middleware_turns_an_uncaught_error_into_a_dutch_page():
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    middleware = ApplicationErrorMiddleware(lambda r: None)
    response = middleware.process_exception(request, ApplicationError("Dit mag niet.", code="forbidden"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Dit mag niet." in html
    assert "Dat gaat niet" in html
    assert middleware.process_exception(request, ValueError("other")) is None


def test_form_error_lands_on_its_field_or_on_the_form():
    class F(forms.Form):
        text = forms.CharField()

    form = F({"text": "hallo"})
    assert form.is_valid()
    add_application_error(form, ApplicationError("Te kort.", field="text"))
    assert form.errors["text"] == ["Te kort."]
    add_application_error(form, ApplicationError("Niet nu.", field="missing"))
    assert form.non_field_errors() == ["Niet nu."]


class _OrgFilter(QueryFilterSet):
    naam = django_filters.CharFilter(field_name="name")
    soort = django_filters.ChoiceFilter(choices=[("a", "A")], field_name="name")
    unknown_messages = {"soort": "De soort „%(value)s” kennen we niet."}

    class Meta:
        model = Organisation
        fields = []


@pytest.mark.django_db
def test_filterset_drops_wrong_values_and_explains_them():
    fs = _OrgFilter({"naam": "GGD", "soort": "zzz"}, queryset=Organisation.objects.all())
    assert fs.values == {"naam": "GGD"}
    assert fs.problems == ["De soort „zzz” kennen we niet."]
    assert _OrgFilter(None, queryset=Organisation.objects.all()).problems == []


@pytest.mark.django_db(transaction=True)
def test_after_commit_runs_only_when_the_transaction_commits():
    ran = []
    with pytest.raises(RuntimeError), transaction.atomic():
        after_commit(ran.append, "rolled back")
        raise RuntimeError
    with transaction.atomic():
        after_commit(ran.append, "committed")
        assert ran == []
    assert ran == ["committed"]


@pytest.mark.django_db
def test_unique_slug_takes_the_next_free_suffix():
    from core.slugs import save_with_unique_slug

    first = save_with_unique_slug(Organisation(name="GGD"), source="GGD Hart", fallback="organisatie")
    assert first is None  # Model.save returns nothing
    second = Organisation(name="GGD twee")
    save_with_unique_slug(second, source="GGD Hart", fallback="organisatie")
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == ["ggd-hart", "ggd-hart-2"]


@pytest.mark.django_db
def test_unique_slug_retries_when_another_save_took_the_slug_first():
    from core.slugs import save_with_unique_slug

    Organisation.objects.create(name="Eerste", slug="koffie")
    calls = []

    def taken(slug):  # blind to the row already there, as a concurrent writer would be
        calls.append(slug)
        return len(calls) > 1 and slug == "koffie"

    org = Organisation(name="Tweede")
    save_with_unique_slug(org, source="Koffie", fallback="x", taken=taken)
    assert org.slug == "koffie-2"


@pytest.mark.django_db(transaction=True)
def test_mail_is_sent_only_after_commit(mailoutbox):
    from core.tasks import send_mail_on_commit

    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail_on_commit(subject="Weg", body="x", to=["a@example.org"])
        raise RuntimeError
    with transaction.atomic():
        send_mail_on_commit(subject="Hallo", body="Tekst", to=["a@example.org"], html="<p>Tekst</p>")
        assert mailoutbox == []
    assert [m.subject for m in mailoutbox] == ["Hallo"]
    assert mailoutbox[0].alternatives[0][1] == "text/html"
