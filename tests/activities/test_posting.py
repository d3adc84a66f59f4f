"""Posting: residents wait for a moderator, professionals publish at once; wrong users get 403/404."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from activities.models import Activity
from notifications.models import Notification
from tests.activities.factories import ActivityFactory, LocationFactory
from tests.factories import MembershipFactory, UserFactory


def form_data(**extra):
    day = timezone.localdate() + timedelta(days=2)
    data = {
        "title": "Samen koken",
        "summary": "We koken en eten samen.",
        "description": "Neem zin mee.",
        "kind": "activity",
        "category": "eten",
        "topic": "",
        "what_to_bring": "",
        "location": LocationFactory().pk,
        "cost": "",
        "registration": "none",
        "registration_detail": "",
        "day": day.isoformat(),
        "start_time": "17:30",
        "end_time": "19:30",
        "repeat": "wekelijks",
        "audiences": ["iedereen"],
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_resident_activity_waits_for_moderator(client_for, resident, moderator, client):
    response = client_for(resident).post("/agenda/nieuw/", form_data())
    activity = Activity.objects.get(title="Samen koken")
    assert response.status_code == 302 and activity.status == Activity.Status.PENDING
    assert activity.owner == resident and activity.rrule.startswith("FREQ=WEEKLY;BYDAY=")
    assert client.get("/agenda/?wanneer=week").context["days"] == []
    assert client.get(activity.get_absolute_url()).status_code == 404
    assert client_for(resident).get(activity.get_absolute_url()).status_code == 200

    assert client_for(resident).post(f"/agenda/{activity.slug}/goedkeuren/").status_code == 403
    client_for(moderator).post(f"/agenda/{activity.slug}/goedkeuren/")
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    assert Notification.objects.filter(user=resident, url=activity.get_absolute_url()).exists()
    assert "Samen koken" in client.get("/agenda/?wanneer=week").content.decode()


@pytest.mark.django_db
def test_professional_activity_for_their_organisation_appears_at_once(client_for, professional, client):
    membership = MembershipFactory(user=professional)
    response = client_for(professional).post(
        "/agenda/nieuw/",
        form_data(organisation=membership.organisation.pk, kind="walk_in", topic="Geldzaken"),
    )
    activity = Activity.objects.get(title="Samen koken")
    assert response.status_code == 302
    assert activity.status == Activity.Status.PUBLISHED and activity.organisation == membership.organisation
    assert "Samen koken" in client.get("/agenda/?wanneer=week").content.decode()
    assert activity.occurrences.count() >= 10


@pytest.mark.django_db
def test_professional_cannot_post_for_an_organisation_they_do_not_belong_to(client_for, professional):
    from tests.factories import OrganisationFactory

    MembershipFactory(user=professional)
    other = OrganisationFactory()
    response = client_for(professional).post("/agenda/nieuw/", form_data(organisation=other.pk))
    assert response.status_code == 400 and "organisation" in response.context["form"].errors
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_unverified_user_must_verify_email_first(client_for):
    user = UserFactory(verified=False)
    response = client_for(user).post("/agenda/nieuw/", form_data())
    assert response.status_code == 403 and "Bevestig eerst uw e-mailadres" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/agenda/nieuw/", "/mijn/activiteiten/"])
def test_anonymous_visitor_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and f"/account/login/?next={url}" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad",
    [
        {"end_time": "16:00"},
        {"title": ""},
        {"day": "morgen"},
        {"kind": "walk_in"},
        {"day": "2020-01-01"},
        {"repeat": "elke-eeuw"},
    ],
)
def test_bad_input_gets_a_dutch_message_and_keeps_the_data(client_for, resident, bad):
    response = client_for(resident).post("/agenda/nieuw/", form_data(**bad))
    assert response.status_code == 400
    assert response.context["form"].errors
    assert "We koken en eten samen." in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["wijzigen/", "afgelasten/", "reeks-stoppen/", "datum/{pk}/"])
def test_wrong_user_cannot_edit_or_cancel_someone_elses_activity(client_for, resident, other_resident, path):
    activity = ActivityFactory(owner=resident, rrule="FREQ=WEEKLY")
    occurrence = activity.occurrences.first()
    url = f"/agenda/{activity.slug}/" + path.format(pk=occurrence.pk)
    assert client_for(other_resident).get(url).status_code in (403, 405)
    response = client_for(other_resident).post(
        url, {"actie": "afgelasten", "afgelast-reason": "weg", "last_day": timezone.localdate().isoformat()}
    )
    assert response.status_code == 403
    activity.refresh_from_db()
    occurrence.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED and activity.ends_on is None
    assert not occurrence.is_cancelled


@pytest.mark.django_db
def test_occurrence_of_another_activity_is_404(client_for, resident):
    mine = ActivityFactory(owner=resident)
    other = ActivityFactory()
    url = f"/agenda/{mine.slug}/datum/{other.occurrences.first().pk}/"
    assert client_for(resident).get(url).status_code == 404


@pytest.mark.django_db
def test_organisation_member_keeps_walk_in_current_from_the_site(client_for, professional, client):
    membership = MembershipFactory(user=professional)
    hour = ActivityFactory(
        kind="walk_in", topic="Werk", rrule="FREQ=WEEKLY", organisation=membership.organisation
    )
    pro = client_for(professional)
    first = hour.occurrences.order_by("start").first()
    # Nobody says "ik kom" to a walk-in hour, so its organiser is not shown an empty list of who comes.
    meal = ActivityFactory(organisation=membership.organisation)
    assert "Deze datum wijzigen" in (walk_in_page := pro.get(hour.get_absolute_url()).content.decode())
    assert (
        "Wie komt er?" not in walk_in_page
        and "Wie komt er?" in pro.get(meal.get_absolute_url()).content.decode()
    )
    pro.post(
        f"/agenda/{hour.slug}/datum/{first.pk}/",
        {"actie": "afgelasten", "afgelast-reason": "Vandaag geen inloop"},
    )
    first.refresh_from_db()
    assert first.is_cancelled and first.reason == "Vandaag geen inloop"
    # Moving a date starts from the date as it is: one change is one field.
    second = hour.occurrences.order_by("start").all()[1]
    start, end = timezone.localtime(second.start), timezone.localtime(second.end)
    move = pro.get(f"/agenda/{hour.slug}/datum/{second.pk}/").content.decode()
    assert f'name="verplaats-day" value="{start.date().isoformat()}"' in move
    assert f'name="verplaats-start_time" value="{start:%H:%M}"' in move
    assert f'name="verplaats-end_time" value="{end:%H:%M}"' in move

    last_day = timezone.localdate() + timedelta(days=15)
    ended = pro.post(f"/agenda/{hour.slug}/reeks-stoppen/", {"last_day": last_day.isoformat()}, follow=True)
    assert f"De reeks stopt na {date_format(last_day, 'l j F Y')}." in ended.content.decode()
    assert all(timezone.localtime(o.start).date() <= last_day for o in hour.occurrences.all())
    assert hour.occurrences.count() in (2, 3)

    edit = pro.get(f"/agenda/{hour.slug}/wijzigen/")
    assert edit.status_code == 200 and 'name="start_time"' in edit.content.decode()
    pro.post(f"/agenda/{hour.slug}/afgelasten/")
    hour.refresh_from_db()
    assert hour.status == Activity.Status.CANCELLED
    assert client.get(hour.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_my_page_lists_my_activities(client_for, resident):
    ActivityFactory(owner=resident, title="Mijn buurtbarbecue", status=Activity.Status.PENDING)
    ActivityFactory(title="Van iemand anders")
    html = client_for(resident).get("/mijn/").content.decode()
    assert "Mijn buurtbarbecue" in html and "Wacht op goedkeuring" in html and "Van iemand anders" not in html


@pytest.mark.django_db
def test_a_professional_sees_what_needs_doing_first_and_every_activity_on_pages(client_for, monkeypatch):
    from activities import views

    member = MembershipFactory()
    org = member.organisation
    for n in range(6):
        ActivityFactory(organisation=org, title=f"Koffie {n}", rrule="FREQ=WEEKLY")
    ActivityFactory(organisation=org, title="Aa over een week", starts_at=timezone.now() + timedelta(days=7))
    ActivityFactory(
        organisation=org,
        title="Zz verouderd",
        status=Activity.Status.STALE,
        starts_at=timezone.now() - timedelta(days=3),
    )
    ActivityFactory(organisation=org, title="Zz verborgen", status=Activity.Status.HIDDEN)
    ActivityFactory(organisation=org, title="Afgelast", status=Activity.Status.CANCELLED)
    pro = client_for(member.user)

    mine = pro.get("/mijn/").content.decode()
    assert mine.index("Zz verborgen") < mine.index("Zz verouderd") < mine.index("Koffie 0")
    assert "Koffie 3" not in mine and "Afgelast" not in mine  # five shown, the rest one tap away
    assert "Aa over een week" not in mine  # the soonest dates come first, not the first letters
    assert 'href="/mijn/activiteiten/">Alle 9 activiteiten</a>' in mine
    assert "Volgende keer: " in mine and "Er zijn geen nieuwe data gepland." in mine

    monkeypatch.setattr(views, "MANAGED_PAGE_SIZE", 5)
    first = pro.get("/mijn/activiteiten/").content.decode()
    second = pro.get("/mijn/activiteiten/?pagina=2").content.decode()
    titles = [f"Koffie {n}" for n in range(6)] + ["Zz verborgen", "Zz verouderd", "Aa over een week"]
    assert sorted(t for t in titles if t in first or t in second) == sorted(titles)
    assert "Pagina 1 van 2" in first and "Koffie 4" in second and "Koffie 4" not in first
    assert f'href="/agenda/{Activity.objects.get(title="Koffie 5").slug}/wijzigen/"' in second


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("registration", "detail"),
    [
        ("link", "javascript:alert(1)"),
        ("link", "data:text/html,hoi"),
        ("email", "geen-adres"),
        ("phone", "bel mij"),
    ],
)
def test_sign_up_detail_must_fit_its_kind(client_for, resident, registration, detail):
    response = client_for(resident).post(
        "/agenda/nieuw/", form_data(registration=registration, registration_detail=detail)
    )
    assert response.status_code == 400
    assert not Activity.objects.filter(title="Samen koken").exists()
    assert detail not in response.content.decode().split('id="inhoud"', 1)[1].split("<form", 1)[0]


@pytest.mark.django_db
def test_residents_change_to_a_published_activity_goes_back_to_the_moderator(client_for, resident, moderator):
    from activities.services import update_activity

    activity = ActivityFactory(owner=resident, organisation=None, status=Activity.Status.PUBLISHED)
    update_activity(activity=activity, by=resident, title="Koop goedkope pillen")
    assert activity.status == Activity.Status.PENDING
    update_activity(activity=activity, by=moderator, title="Samen koken")
    assert activity.status == Activity.Status.PENDING  # a moderator's edit does not approve by itself


@pytest.mark.django_db
def test_member_of_an_organisation_gets_the_form_set_to_it(client_for, professional):
    membership = MembershipFactory(user=professional)
    form = client_for(professional).get("/agenda/nieuw/").context["form"]
    assert form["organisation"].value() == membership.organisation.pk
    html = client_for(professional).get("/agenda/nieuw/").content.decode()
    assert f'<option value="{membership.organisation.pk}" selected>' in html
    assert "Ik plaats dit als bewoner" in html  # the choice stays


@pytest.mark.django_db
def test_two_activities_with_the_same_title_get_different_slugs(resident):
    from activities.services import create_activity

    fields = {
        "title": "Koffie-ochtend",
        "summary": "Koffie.",
        "category": "ontmoeten",
        "location": LocationFactory(),
        "starts_at": timezone.now() + timedelta(days=1),
        "duration": timedelta(hours=1),
    }
    ActivityFactory(title="Bezet", slug="koffie-ochtend")
    first = create_activity(by=resident, **fields)
    second = create_activity(by=resident, **fields)
    assert {first.slug, second.slug} == {"koffie-ochtend-2", "koffie-ochtend-3"}


@pytest.mark.django_db(transaction=True)
def test_two_posts_with_the_same_title_at_once_both_succeed():
    from django.db import connection

    from activities.services import create_activity
    from tests.concurrency import at_once
    from tests.factories import UserFactory as Users

    if connection.vendor != "postgresql":
        pytest.skip("needs a database that takes writes from two connections at once")
    location = LocationFactory()
    users = [Users(), Users()]
    slugs = []

    def post(user):
        activity = create_activity(
            by=user,
            title="Samen wandelen",
            summary="We lopen samen.",
            category="bewegen",
            location=location,
            starts_at=timezone.now() + timedelta(days=1),
            duration=timedelta(hours=1),
        )
        slugs.append(activity.slug)

    errors = at_once(post, users)
    assert errors == [] and sorted(slugs) == ["samen-wandelen", "samen-wandelen-2"]


@pytest.mark.django_db
def test_the_reason_offered_for_a_cancelled_date_fits_that_date(client_for, professional):
    import time_machine

    from tests.pages import html_of

    membership = MembershipFactory(user=professional)
    with time_machine.travel("2026-12-04 10:00 +0100", tick=False):  # a Friday
        hour = ActivityFactory(
            kind="walk_in", topic="Werk", rrule="FREQ=WEEKLY", organisation=membership.organisation
        )
        meal = ActivityFactory(title="Samen eten", organisation=membership.organisation)
        today, next_week = hour.occurrences.order_by("start")[:2]
        pro = client_for(professional)

        def offered(activity, occurrence):
            return html_of(pro.get(f"/agenda/{activity.slug}/datum/{occurrence.pk}/"))

        assert 'value="Vandaag geen inloop"' in offered(hour, today)
        assert 'value="Geen inloop op vrijdag 11 december"' in offered(hour, next_week)
        assert "Vandaag geen inloop" not in offered(hour, next_week)
        assert 'value="Vandaag gaat het niet door"' in offered(meal, meal.occurrences.first())


@pytest.mark.django_db
def test_calling_off_a_whole_activity_asks_first_and_tells_who_signed_up(
    client_for, professional, resident, django_capture_on_commit_callbacks
):
    from activities import attendance
    from tests.pages import html_of, titles_of

    membership = MembershipFactory(user=professional)
    meal = ActivityFactory(
        title="Samen eten", rrule="FREQ=WEEKLY", organisation=membership.organisation, guests_may_sign_up=True
    )
    first, second = meal.occurrences.order_by("start")[:2]
    attendance.attend(occurrence=first, user=resident)
    attendance.attend_as_guest(occurrence=second, name="Truus", email="truus@example.org")
    pro = client_for(professional)

    detail = html_of(pro.get(meal.get_absolute_url()))
    assert f'href="/agenda/{meal.slug}/afgelasten/"' in detail  # a link to the question, no one-tap post
    question = pro.get(f"/agenda/{meal.slug}/afgelasten/")
    assert titles_of(html_of(question)) == (
        "Samen eten helemaal afgelasten?",
        "Samen eten helemaal afgelasten?",
    )
    assert "2 aanmeldingen voor data die nog komen" in html_of(question)
    meal.refresh_from_db()
    assert meal.status == Activity.Status.PUBLISHED  # asking changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        done = pro.post(f"/agenda/{meal.slug}/afgelasten/", {"reason": "De kok is ziek."}, follow=True)
    assert "Wie zich had aangemeld, hoort het." in html_of(done)
    meal.refresh_from_db()
    assert meal.status == Activity.Status.CANCELLED
    told = Notification.objects.get(user=resident)
    assert "Samen eten op" in told.text and "gaat niet door. De kok is ziek." in told.text
    assert mail.outbox[-1].to == ["truus@example.org"] and "De kok is ziek." in mail.outbox[-1].body
    assert mail.outbox[-1].subject == "Gaat niet door: Samen eten"
    # The resident's e-mail says what happened in its subject, not that it is a reminder.
    [subject] = [m.subject for m in mail.outbox if m.to == [resident.email]]
    assert subject.startswith("[Wij(k) de Ruwaard] Samen eten op ") and "gaat niet door" in subject


@pytest.mark.django_db
def test_a_negative_cost_is_refused_in_dutch(client_for, resident):
    response = client_for(resident).post("/agenda/nieuw/", form_data(cost="-3"))
    assert response.status_code == 400
    assert "Kosten kunnen niet onder nul zijn." in response.content.decode()
    assert not Activity.objects.exists()
    # The summary above the long form names the field and links to it, so a phone user finds it.
    summary = response.content.decode().split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_cost">Kosten in euro: Kosten kunnen niet onder nul zijn.</a>' in summary


@pytest.mark.django_db
@pytest.mark.parametrize("with_organisation", [False, True])
def test_the_activity_form_is_in_parts_and_shows_every_field_once(client_for, resident, with_organisation):
    from activities.forms import ActivityForm

    if with_organisation:
        MembershipFactory(user=resident)
    html = client_for(resident).get("/agenda/nieuw/").content.decode()
    legends = re.findall(r'<fieldset class="activity-form__part"[^>]*>\s*<legend>([^<]+)</legend>', html)
    described = re.search(r'aria-describedby="([^"]+)">\s*<legend>Is het een inloopspreekuur\?', html).group(
        1
    )
    assert f'id="{described}">Bij een inloopspreekuur' in html  # the part's hint is read with it
    parts = ["Wat organiseert u?", "Is het een inloopspreekuur?", "Wanneer?", "Waar?", "Aanmelden en kosten"]
    assert legends == (["Namens wie plaatst u dit?"] if with_organisation else []) + parts
    form = html.split('class="activity-form"', 1)[1].split("</form>", 1)[0]
    names = re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', form)
    fields = set(ActivityForm.base_fields) - ({"organisation"} if not with_organisation else set())
    assert {n for n in names if n != "csrfmiddlewaretoken"} == fields
    grouped = [n for _legend, _hint, group in ActivityForm.GROUPS for n in group]
    assert sorted(grouped) == sorted(ActivityForm.base_fields)  # a new field cannot fall out of the form
    assert "Kies een rubriek" in form and "---------" not in form
