from django.utils import timezone

from notifications.models import Notification
from notifications.services import notify


def test_notification_list_shows_read_state_and_opening_marks_read(client_for, member):
    note = notify(kind="test", user=member, text="Uw verhaal staat online", url="/verhalen/mijn-verhaal/")
    notify(kind="test", user=member, text="Al gelezen bericht")
    Notification.objects.filter(text="Al gelezen bericht").update(read_at=timezone.now())
    client = client_for(member)
    page = client.get("/mijn/meldingen/").content.decode()
    assert page.count("Nieuw</span>") == 1 and "Uw verhaal staat online" in page
    response = client.post(f"/mijn/meldingen/{note.pk}/")
    assert response["Location"] == "/verhalen/mijn-verhaal/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_opening_a_notification_never_redirects_off_site(client_for, member):
    note = notify(kind="test", user=member, text="Vreemde link", url="https://evil.example/")
    assert client_for(member).post(f"/mijn/meldingen/{note.pk}/")["Location"] == "/mijn/meldingen/"


def test_someone_elses_notification_is_404(client_for, member, outsider):
    note = notify(kind="test", user=outsider, text="Niet van u")
    assert client_for(member).post(f"/mijn/meldingen/{note.pk}/").status_code == 404


def test_all_read_clears_the_badge(client_for, member):
    notify(kind="test", user=member, text="Een")
    notify(kind="test", user=member, text="Twee")
    client = client_for(member)
    assert "data-notification-badge>2<" in client.get("/mijn/meldingen/").content.decode()
    client.post("/mijn/meldingen/gelezen/")
    assert "data-notification-badge>" not in client.get("/mijn/meldingen/").content.decode()
