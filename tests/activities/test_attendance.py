""" "Ik kom": places, the waiting list that moves up, guests, the organiser's list and the reminder."""

import csv
import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from activities import attendance
from activities.models import Attendance
from activities.services import cancel_occurrence, move_occurrence
from core.exceptions import ApplicationError
from notifications.kinds import Kind
from notifications.models import Notification
from tests.activities.factories import ActivityFactory, walk_in
from tests.factories import MembershipFactory, UserFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=AMS)  # a Monday
GOING, WAITING, CANCELLED = Attendance.Status.GOING, Attendance.Status.WAITING, Attendance.Status.CANCELLED


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def two_places(db, clock, professional):
    activity = ActivityFactory(
        title="Kookcafé",
        starts_at=datetime(2026, 5, 6, 17, 30, tzinfo=AMS),
        duration=timedelta(hours=2),
        max_places=2,
        owner=professional,
    )
    return activity.occurrences.get()


def test_third_resident_waits_and_moves_up_when_one_cancels(client_for, two_places, resident, other_resident):
    third = UserFactory(display_name="Ayşe")
    for user in (resident, other_resident):
        assert attendance.attend(occurrence=two_places, user=user).status == GOING
    page = client_for(third).get(two_places.activity.get_absolute_url()).content.decode()
    assert "Vol: u komt op de wachtlijst" in page

    response = client_for(third).post(f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/")
    waiting = Attendance.objects.get(user=third)
    assert response.status_code == 302 and waiting.status == WAITING

    first = Attendance.objects.get(user=resident)
    client_for(resident).post(f"/agenda/aanmelding/{first.pk}/afmelden/")
    waiting.refresh_from_db()
    first.refresh_from_db()
    assert first.status == CANCELLED and waiting.status == GOING
    told = Notification.objects.get(user=third)
    assert (
        told.kind == Kind.ACTIVITY_REMINDER and "plaats vrijgekomen" in told.text and "Kookcafé" in told.text
    )


def test_saying_ik_kom_twice_keeps_one_place(two_places, resident):
    attendance.attend(occurrence=two_places, user=resident)
    attendance.attend(occurrence=two_places, user=resident)
    assert Attendance.objects.filter(user=resident).count() == 1


def test_one_tap_is_a_post_form_button(client_for, two_places, resident):
    page = client_for(resident).get(two_places.activity.get_absolute_url()).content.decode()
    action = f'action="/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/"'
    assert action in page and "Nog 2 plaatsen" in page
    assert "Ja, met de knop „Ik kom” bij een datum. Er zijn 2 plaatsen." in page
    assert "Aanmelden is niet nodig" not in page
    client_for(resident).post(f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/")
    page = client_for(resident).get(two_places.activity.get_absolute_url()).content.decode()
    assert "U komt" in page and "Afmelden" in page


def test_a_cancelled_date_takes_no_sign_ups(client_for, two_places, resident, professional):
    cancel_occurrence(occurrence=two_places, by=professional, reason="Zaal bezet")
    response = client_for(resident).post(f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/")
    assert response.status_code == 400 and "gaat niet door" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_walk_in_hour_takes_no_sign_ups(client, client_for, clock, resident):
    """Nobody signs up for a walk-in hour, not even by posting to the address of "Ik kom"."""
    hour = walk_in(starts_at=datetime(2026, 5, 6, 9, 0, tzinfo=AMS), guests_may_sign_up=True, max_places=3)
    occurrence = hour.occurrences.order_by("start").first()
    url = f"/agenda/{hour.slug}/datum/{occurrence.pk}/ik-kom/"
    page = client_for(resident).get(hour.get_absolute_url()).content.decode()
    assert url not in page
    for response in (
        client_for(resident).post(url),
        client.post(url, {"name": "Truus", "email": "t@example.org"}),
    ):
        assert response.status_code == 400 and "gewoon binnenlopen" in response.content.decode()
    assert not Attendance.objects.exists()


def test_guest_signs_up_by_mail_only_when_the_organiser_allows_it(
    client, two_places, django_capture_on_commit_callbacks
):
    url = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/"
    assert "Ik kom (eerst inloggen)" in client.get(two_places.activity.get_absolute_url()).content.decode()
    assert client.get(url)["Location"].startswith("/account/login/")

    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    assert "eerst inloggen" not in client.get(two_places.activity.get_absolute_url()).content.decode()
    missing = client.post(url, {"name": "Truus"})
    assert missing.status_code == 400 and "e-mailadres of telefoonnummer" in missing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"name": "Truus", "email": "truus@example.org"})
    guest = Attendance.objects.get(guest_name="Truus")
    assert guest.status == GOING and mail.outbox[-1].to == ["truus@example.org"]
    assert "/agenda/afmelden/" in mail.outbox[-1].body


def test_a_guest_who_signs_up_twice_holds_one_place(client, two_places, django_capture_on_commit_callbacks):
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    url = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"name": "Truus", "email": "truus@example.org"})
        again = client.post(url, {"name": "truus ", "email": "Truus@Example.org"})
    assert again.status_code == 400 and "U bent al aangemeld voor deze datum" in again.content.decode()
    assert Attendance.objects.filter(occurrence=two_places).count() == 1 and len(mail.outbox) == 1
    # Someone else from the same address (a partner) still signs up, and so does Truus after signing off.
    attendance.attend_as_guest(occurrence=two_places, name="Kees", email="truus@example.org")
    attendance.cancel_attendance(attendance=Attendance.objects.get(guest_name="Truus"))
    attendance.attend_as_guest(occurrence=two_places, name="Truus", email="truus@example.org")
    mien = attendance.attend_as_guest(occurrence=two_places, name="Mien", phone="0412 123 456")
    assert mien.status == WAITING  # the two places are taken: told so again, not "al aangemeld"
    for written_otherwise in ("0412 123 456", "0412-123456", "0412123456"):
        with pytest.raises(ApplicationError, match="U staat al op de wachtlijst voor deze datum."):
            attendance.attend_as_guest(occurrence=two_places, name="Mien", phone=written_otherwise)
    going = Attendance.objects.filter(occurrence=two_places).exclude(status=CANCELLED)
    assert sorted(going.values_list("guest_name", flat=True)) == ["Kees", "Mien", "Truus"]


def test_guest_on_the_waiting_list_is_mailed_when_moving_up(
    client, two_places, resident, other_resident, django_capture_on_commit_callbacks
):
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    attendance.attend(occurrence=two_places, user=resident)
    attendance.attend(occurrence=two_places, user=other_resident)
    with django_capture_on_commit_callbacks(execute=True):
        guest = attendance.attend_as_guest(occurrence=two_places, name="Truus", email="truus@example.org")
    assert guest.status == WAITING and "wachtlijst" in mail.outbox[-1].body
    assert mail.outbox[-1].subject == "U staat op de wachtlijst: Kookcafé"
    assert (
        "iemand anders uw plaats" not in mail.outbox[-1].body
        and "niet meer op de wachtlijst" in mail.outbox[-1].body
    )
    with django_capture_on_commit_callbacks(execute=True):
        attendance.cancel_attendance(attendance=Attendance.objects.get(user=resident))
    guest.refresh_from_db()
    assert guest.status == GOING and "plaats vrijgekomen" in mail.outbox[-1].body

    token = attendance.guest_token(attendance=guest)
    assert client.get(f"/agenda/afmelden/{token}/").status_code == 200
    guest.refresh_from_db()
    assert guest.status == GOING  # opening the link changes nothing
    client.post(f"/agenda/afmelden/{token}/")
    guest.refresh_from_db()
    assert guest.status == CANCELLED
    assert client.get("/agenda/afmelden/nep/").status_code == 400


def test_a_guest_sees_their_own_sign_up_on_the_page_and_can_sign_off_there(client, two_places):
    from django.test import Client

    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    url = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/"
    page = client.post(url, {"name": "Riek", "phone": "06 12345678"}, follow=True).content.decode()
    assert "U komt" in page and f'href="{url}"' not in page  # no second "Ik kom" for this date
    cancel = re.search(r'href="(/agenda/afmelden/[^"]+/)"', page).group(1)
    client.post(cancel)
    assert Attendance.objects.get(guest_name="Riek").status == CANCELLED
    assert f'href="{url}"' in client.get(two_places.activity.get_absolute_url()).content.decode()
    # Someone else's browser never sees Riek's sign-up as its own.
    client.post(url, {"name": "Riek", "phone": "06 12345678"})
    other = Client().get(two_places.activity.get_absolute_url()).content.decode()
    assert "U komt" not in other and f'href="{url}"' in other


def test_a_guest_with_only_a_phone_number_is_promised_no_mail(client, two_places, resident, other_resident):
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    url = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/"
    page = client.post(url, {"name": "Riek", "phone": "06 12345678"}, follow=True).content.decode()
    assert "We sturen u geen herinnering" in page and "U krijgt de dag ervoor een herinnering" not in page
    attendance.attend(occurrence=two_places, user=resident)
    page = client.post(url, {"name": "Jan", "phone": "06 87654321"}, follow=True).content.decode()
    assert (
        "U staat op de wachtlijst" in page
        and "Vraag het de organisator" in page
        and "dan hoort u het" not in page
    )


def test_one_address_cannot_fill_every_place_with_guests(client, two_places, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "guest": "3/h"}
    two_places.activity.max_places = 50
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    url = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/ik-kom/"
    codes = [client.post(url, {"name": f"Gast{n}", "phone": f"06 1234567{n}"}).status_code for n in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Attendance.objects.filter(occurrence=two_places).count() == 3


def test_organiser_can_call_a_guest_who_left_only_a_phone_number(
    client_for, two_places, professional, resident
):
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    attendance.attend(occurrence=two_places, user=resident)
    attendance.attend_as_guest(occurrence=two_places, name="Riek", phone="06 123 456 78")
    attendance.attend_as_guest(occurrence=two_places, name="Jan", email="jan@example.org")  # waits
    page = client_for(professional).get(f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/wie-komt/")
    html = page.content.decode()
    assert 'href="tel:0612345678"' in html and 'href="mailto:jan@example.org"' in html
    assert resident.email not in html and "Bel dan zelf" in html


def test_organiser_sees_first_names_and_exports_csv(client_for, two_places, professional, resident):
    resident.first_name = "Fatma"
    resident.last_name = "Yilmaz"
    resident.save()
    attendance.attend(occurrence=two_places, user=resident)
    base = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/wie-komt"
    page = client_for(professional).get(base + "/").content.decode()
    assert "Fatma" in page and "Yilmaz" not in page and resident.email not in page

    body = client_for(professional).get(base + ".csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[1][:2] == ["Fatma", "Komt"] and "Yilmaz" not in body


def test_csv_neutralises_formulas_in_guest_names(client_for, two_places, professional):
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    attendance.attend_as_guest(occurrence=two_places, name="=HYPERLINK()", phone="0412 123 456")
    body = client_for(professional).get(
        f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/wie-komt.csv"
    )
    assert "'=HYPERLINK()" in body.content.decode("utf-8-sig")


def test_only_the_organiser_sees_who_comes(client_for, two_places, resident):
    base = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/wie-komt"
    assert client_for(resident).get(base + "/").status_code == 403
    assert client_for(resident).get(base + ".csv").status_code == 403


def test_member_of_the_organising_organisation_sees_the_list(client_for, two_places):
    membership = MembershipFactory()
    two_places.activity.organisation = membership.organisation
    two_places.activity.owner = None
    two_places.activity.save()
    base = f"/agenda/{two_places.activity.slug}/datum/{two_places.pk}/wie-komt/"
    assert "Nog niemand" in client_for(membership.user).get(base).content.decode()


def test_reminder_goes_the_day_before_once(two_places, resident, clock, django_capture_on_commit_callbacks):
    attendance.attend(occurrence=two_places, user=resident)
    assert attendance.send_attendance_reminders() == {"notified": 0, "mailed": 0}  # two days ahead

    clock.move_to(datetime(2026, 5, 5, 17, 0, tzinfo=AMS))
    assert attendance.send_attendance_reminders()["notified"] == 1
    note = Notification.objects.get(user=resident, kind=Kind.ACTIVITY_REMINDER)
    assert "Morgen: Kookcafé" in note.text and "17:30" in note.text and "Locatie" in note.text
    assert attendance.send_attendance_reminders()["notified"] == 0  # idempotent


def test_reminder_names_a_move_or_a_cancellation(two_places, resident, other_resident, professional, clock):
    attendance.attend(occurrence=two_places, user=resident)
    move_occurrence(occurrence=two_places, by=professional, start=two_places.start + timedelta(hours=1))
    clock.move_to(datetime(2026, 5, 5, 17, 0, tzinfo=AMS))
    attendance.send_attendance_reminders()
    reminder = Notification.objects.filter(user=resident).latest("pk").text
    assert "18:30" in reminder and "veranderd" in reminder

    attendance.attend(occurrence=two_places, user=other_resident)
    cancel_occurrence(occurrence=two_places, by=professional, reason="Vandaag geen kookcafé")
    attendance.send_attendance_reminders()
    text = Notification.objects.filter(user=other_resident).latest("pk").text
    assert "gaat niet door" in text and "Vandaag geen kookcafé" in text


def test_attendees_hear_at_once_when_a_date_is_moved_or_cancelled(two_places, resident, professional):
    attendance.attend(occurrence=two_places, user=resident)
    move_occurrence(
        occurrence=two_places, by=professional, start=two_places.start + timedelta(hours=1), reason="Later"
    )
    moved = Notification.objects.get(user=resident)
    assert "18:30" in moved.text and "Later" in moved.text
    cancel_occurrence(occurrence=two_places, by=professional, reason="Kok ziek")
    assert "Kok ziek" in Notification.objects.filter(user=resident).latest("pk").text
    assert Notification.objects.filter(user=resident).count() == 2


def test_scheduled_job_records_its_last_run(two_places, resident, clock):
    from ops.models import JobRun
    from ops.schedule import SCHEDULE
    from ops.tasks import attendance_reminders

    assert any(entry.name == "attendance_reminders" for entry in SCHEDULE)
    attendance.attend(occurrence=two_places, user=resident)
    clock.move_to(datetime(2026, 5, 5, 17, 0, tzinfo=AMS))
    attendance_reminders.call()
    run = JobRun.objects.get(name="attendance_reminders")
    assert run.last_succeeded and run.last_result == {"notified": 1, "mailed": 0, "guest_contacts_erased": 0}


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_place_at_once_one_waits():
    from django.db import connection

    from tests.concurrency import at_once

    if connection.vendor != "postgresql":
        pytest.skip("needs a database that takes writes from two connections at once")
    activity = ActivityFactory(max_places=1)
    occurrence = activity.occurrences.get()
    users = [UserFactory(), UserFactory()]
    errors = at_once(lambda user: attendance.attend(occurrence=occurrence, user=user), users)
    statuses = sorted(Attendance.objects.values_list("status", flat=True))
    assert errors == [] and statuses == [GOING, WAITING]


def test_guest_gets_the_reminder_by_mail(two_places, clock, django_capture_on_commit_callbacks):
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    attendance.attend_as_guest(occurrence=two_places, name="Truus", email="truus@example.org")
    attendance.attend_as_guest(occurrence=two_places, name="Kees", phone="0412 123 456")
    clock.move_to(datetime(2026, 5, 5, 17, 0, tzinfo=AMS))
    with django_capture_on_commit_callbacks(execute=True):
        assert attendance.send_attendance_reminders() == {"notified": 0, "mailed": 1}
    reminder = mail.outbox[-1]
    assert reminder.to == ["truus@example.org"] and "Morgen: Kookcafé" in reminder.body
    assert "/agenda/afmelden/" in reminder.body


def test_guest_contact_is_erased_a_month_after_the_date(two_places, clock):
    two_places.activity.guests_may_sign_up = True
    two_places.activity.save()
    guest = attendance.attend_as_guest(occurrence=two_places, name="Truus", email="truus@example.org")
    clock.move_to(datetime(2026, 6, 1, 10, 0, tzinfo=AMS))
    assert attendance.forget_guest_contacts() == 0
    clock.move_to(datetime(2026, 6, 6, 10, 0, tzinfo=AMS))
    assert attendance.forget_guest_contacts() == 1
    guest.refresh_from_db()
    assert (guest.guest_name, guest.guest_email, guest.guest_phone) == ("Truus", "", "")


def test_agenda_card_tells_how_many_come_and_when_it_is_full(client, two_places, resident, other_resident):
    def card():
        page = client.get("/agenda/").content.decode()
        start = page.index("Kookcafé")
        return page[start : page.index("</li>", start)]

    assert "komt" not in card() and "komen" not in card()
    attendance.attend(occurrence=two_places, user=resident)
    assert "1 komt" in card()
    attendance.attend(occurrence=two_places, user=other_resident)
    assert "Vol: wachtlijst" in card() and "2 komen" not in card()
    attendance.attend(occurrence=two_places, user=UserFactory(display_name="Ayşe"))  # on the waiting list
    assert "Vol: wachtlijst" in card()
