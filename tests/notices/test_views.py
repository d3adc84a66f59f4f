from datetime import timedelta

import pytest
from django.utils import timezone

from notices import services
from notices.models import Acknowledgement, Membership, Notice
from notifications.models import Notification
from notifications.services import notify

from .factories import MembershipFactory, NoticeFactory

EMERGENCY = "Bel altijd eerst 112"


def test_group_list_lets_a_resident_ask_to_join(client_for, group, coordinator, outsider):
    page = client_for(outsider).get("/buurtpreventie/")
    assert "Buurtpreventie Ruwaard-Noord" in page.content.decode()
    assert EMERGENCY in page.content.decode()
    response = client_for(outsider).post("/buurtpreventie/ruwaard-noord/aanmelden/")
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider).status == Membership.Status.REQUESTED
    assert Notification.objects.filter(user=coordinator, text__contains="Piet").exists()
    assert "Uw aanvraag is verstuurd" in client_for(outsider).get("/buurtpreventie/").content.decode()


def test_anonymous_visitor_sees_groups_but_is_sent_to_login_for_a_feed(client, group):
    assert "Log in om lid te worden" in client.get("/buurtpreventie/").content.decode()
    response = client.get("/buurtpreventie/ruwaard-noord/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_coordinator_approves_a_request_on_the_site(client_for, group, coordinator, outsider):
    membership = services.request_membership(group=group, user=outsider)
    page = client_for(coordinator).get("/buurtpreventie/ruwaard-noord/leden/")
    assert "Piet" in page.content.decode()
    response = client_for(coordinator).post(
        f"/buurtpreventie/ruwaard-noord/leden/{membership.pk}/", {"besluit": "goedkeuren"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.is_approved
    assert client_for(outsider).get("/buurtpreventie/ruwaard-noord/").status_code == 200


def test_plain_member_cannot_approve(client_for, group, member, outsider):
    membership = services.request_membership(group=group, user=outsider)
    response = client_for(member).post(
        f"/buurtpreventie/ruwaard-noord/leden/{membership.pk}/", {"besluit": "goedkeuren"}
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert not membership.is_approved


@pytest.mark.parametrize(
    "path", ["/buurtpreventie/ruwaard-noord/", "/buurtpreventie/ruwaard-noord/live/?since=0"]
)
def test_non_member_gets_403_on_feed_and_polling(client_for, group, member, outsider, path):
    notice = NoticeFactory(group=group, author=member, text="Geheime melding over de schuur")
    MembershipFactory(group=group, status=Membership.Status.REQUESTED, user=outsider)
    response = client_for(outsider).get(path)
    assert response.status_code == 403
    assert notice.text not in response.content.decode()


@pytest.mark.parametrize("path", ["/buurtpreventie/bestaat-niet/", "/buurtpreventie/bestaat-niet/live/"])
def test_unknown_group_is_404(client_for, outsider, path):
    assert client_for(outsider).get(path).status_code == 404


def test_anonymous_polling_is_refused(client, group):
    assert client.get("/buurtpreventie/live/?since_notice=0").status_code == 403
    assert client.get("/buurtpreventie/ruwaard-noord/live/?since_notice=0").status_code == 403


def test_polling_returns_the_same_messages_as_the_socket(
    client_for, group, other_group, member, second_member
):
    old = NoticeFactory(group=group, author=member)
    new = NoticeFactory(group=group, author=member, text="Nieuwe melding", level="urgent")
    NoticeFactory(group=other_group, text="Andere groep")
    services.set_notice_status(notice=new, status="opgelost", by=second_member)
    note = notify(user=second_member, kind="test", text="Welkom", url="/buurtpreventie/")
    data = (
        client_for(second_member)
        .get(f"/buurtpreventie/live/?since_notice={old.pk}&since_notification=0")
        .json()
    )
    new = Notice.objects.select_related("group", "author", "status_by").get(pk=new.pk)
    assert data["messages"] == [new.as_message(), new.status_message(), note.as_message()]


def test_polling_with_a_bad_number_is_a_clear_400(client_for, member):
    response = client_for(member).get("/buurtpreventie/live/?since_notice=abc")
    assert response.status_code == 400
    assert response.json()["error"] == "Geef een geldig nummer op."


def test_member_posts_a_notice_with_the_short_form(client_for, group, member):
    response = client_for(member).post(
        "/buurtpreventie/ruwaard-noord/", {"level": "oproep", "text": "Wie loopt er mee?", "street": ""}
    )
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert (notice.level, notice.author, notice.text) == ("oproep", member, "Wie loopt er mee?")
    page = client_for(member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    assert "Wie loopt er mee?" in page and "Anouk" in page and "Jansen" not in page


def test_empty_notice_gets_a_message_and_nothing_is_saved(client_for, group, member):
    response = client_for(member).post("/buurtpreventie/ruwaard-noord/", {"level": "urgent", "text": " "})
    assert response.status_code == 400
    assert "Uw melding is nog niet geplaatst" in response.content.decode()
    assert not Notice.objects.exists()


def test_feed_says_call_112_and_has_no_inline_script(client_for, group, member):
    page = client_for(member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    assert EMERGENCY in page
    assert "<script>" not in page and "notices/live.js" in page
    assert EMERGENCY in client_for(member).get("/buurtpreventie/ruwaard-noord/leden/").content.decode()


def test_gezien_button_records_once(client_for, group, member, second_member):
    notice = NoticeFactory(group=group, author=member, level="urgent")
    url = f"/buurtpreventie/ruwaard-noord/melding/{notice.pk}/gezien/"
    client_for(second_member).post(url)
    client_for(second_member).post(url)
    assert Acknowledgement.objects.filter(notice=notice).count() == 1
    assert (
        "U heeft dit gezien"
        in client_for(second_member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    )


def test_outsider_cannot_press_gezien(client_for, group, member, outsider):
    notice = NoticeFactory(group=group, author=member)
    assert (
        client_for(outsider).post(f"/buurtpreventie/ruwaard-noord/melding/{notice.pk}/gezien/").status_code
        == 403
    )
    assert not Acknowledgement.objects.exists()


def test_coordinator_and_author_see_who_saw_an_urgent_notice(
    client_for, group, coordinator, member, second_member
):
    notice = NoticeFactory(group=group, author=member, level="urgent")
    services.acknowledge_notice(notice=notice, user=second_member)
    for viewer in (coordinator, member):
        page = client_for(viewer).get("/buurtpreventie/ruwaard-noord/").content.decode()
        assert "1 lid heeft dit gezien" in page and "Bram" in page
        assert page.count("1 lid heeft dit gezien") == 1  # the count once, not twice
    third = MembershipFactory(group=group).user
    page = client_for(third).get("/buurtpreventie/ruwaard-noord/").content.decode()
    assert "1 lid heeft dit gezien" in page and "Bram" not in page  # a member sees how many, not who


def test_status_buttons_store_the_status(client_for, group, member, second_member):
    notice = NoticeFactory(group=group, author=member, level="urgent")
    url = f"/buurtpreventie/ruwaard-noord/melding/{notice.pk}/status/"
    client_for(second_member).post(url, {"status": "ik ga kijken"})
    client_for(second_member).post(url, {"status": "<b>brand</b>"})
    notice.refresh_from_db()
    assert notice.status == "ik ga kijken"
    page = client_for(member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    assert "Ik ga kijken" in page
    # who goes to look has seen it: the author reads it beside the status
    assert "1 lid heeft dit gezien" in page and "Bram" in page.split("notice__seen-by", 1)[1]


def test_an_unseen_notice_says_so_in_words(client_for, group, member, second_member):
    NoticeFactory(group=group, author=member, level="urgent")
    assert (
        "Nog niemand heeft dit gezien"
        in client_for(second_member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    )


def test_expired_and_hidden_notices_leave_the_feed(client_for, group, member):
    NoticeFactory(
        group=group, author=member, text="Verlopen melding", expires_at=timezone.now() - timedelta(seconds=1)
    )
    NoticeFactory(group=group, author=member, text="Verborgen melding", is_hidden=True)
    NoticeFactory(group=group, author=member, text="Actuele melding")
    page = client_for(member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    assert "Actuele melding" in page
    assert "Verlopen melding" not in page and "Verborgen melding" not in page
    data = client_for(member).get("/buurtpreventie/ruwaard-noord/live/?since=0").json()
    assert [m["text"] for m in data["messages"]] == ["Actuele melding"]


def test_members_page_shows_first_names_only(client_for, group, coordinator, member):
    page = client_for(coordinator).get("/buurtpreventie/ruwaard-noord/leden/").content.decode()
    assert "Anouk" in page and "Jansen" not in page and member.email not in page


def test_feed_queries_do_not_grow_with_notices(
    client_for, group, coordinator, member, django_assert_max_num_queries
):
    client = client_for(coordinator)
    for _ in range(3):
        NoticeFactory(group=group, author=member, level="urgent")
    client.get("/buurtpreventie/ruwaard-noord/")
    with django_assert_max_num_queries(14) as few:
        client.get("/buurtpreventie/ruwaard-noord/")
    for _ in range(20):
        notice = NoticeFactory(
            group=group, author=member, level="urgent", status="opgelost", status_by=member
        )
        services.acknowledge_notice(notice=notice, user=coordinator)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/buurtpreventie/ruwaard-noord/")


def test_group_page_points_to_the_notification_settings(client_for, group, member):
    page = client_for(member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    assert "/mijn/#sectie-meldingen" in page


def test_personal_page_lists_memberships(client_for, group, member):
    page = client_for(member).get("/mijn/").content.decode()
    assert "Buurtpreventie Ruwaard-Noord" in page


def test_moderator_cannot_read_or_rewrite_notices_in_the_admin(client_for, moderator, group, member):
    """Moderators hide a reported notice from the moderation queue; the admin does not open the feeds."""
    notice = NoticeFactory(group=group, author=member, text="Scheldwoorden")
    client = client_for(moderator)
    listing = client.get("/admin/snippets/notices/notice/")
    assert listing.status_code in (302, 403) and "Scheldwoorden" not in listing.content.decode()
    edit_url = f"/admin/snippets/notices/notice/edit/{notice.pk}/"
    assert client.get(edit_url).status_code in (302, 403)
    client.post(edit_url, {"text": "Herschreven", "level": notice.level, "is_hidden": "on"})
    notice.refresh_from_db()
    assert notice.text == "Scheldwoorden" and not notice.is_hidden


def test_member_without_verified_email_keeps_the_text_and_gets_a_message(client_for, group):
    unverified = MembershipFactory(group=group, user__verified=False).user
    response = client_for(unverified).post(
        "/buurtpreventie/ruwaard-noord/", {"level": "info", "text": "Lamp kapot bij de speeltuin"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Bevestig eerst uw e-mailadres" in page and "Lamp kapot bij de speeltuin" in page
    assert not Notice.objects.exists()


def test_status_buttons_only_on_urgent_notices(client_for, group, member):
    from .factories import NoticeFactory

    urgent = NoticeFactory(group=group, author=member, level="urgent", text="Inbraak")
    info = NoticeFactory(group=group, author=member, level="info", text="Lamp kapot")
    page = client_for(member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    urgent_html = page.split(f'id="melding-{urgent.pk}"')[1].split("</li>")[0]
    info_html = page.split(f'id="melding-{info.pk}"')[1].split("</li>")[0]
    assert "112 gebeld" in urgent_html and "notice__status-form" in urgent_html
    assert "112 gebeld" not in info_html and "notice__status-form" not in info_html
    answer = client_for(member).post(
        f"/buurtpreventie/ruwaard-noord/melding/{info.pk}/status/", {"status": "opgelost"}, follow=True
    )
    assert "Een status zet u alleen bij een spoedmelding." in answer.content.decode()
    info.refresh_from_db()
    assert info.status == ""


def test_my_page_counts_new_notifications_in_words(client_for, resident):
    from notifications.kinds import Kind
    from notifications.services import notify
    from tests.pages import text_of

    assert "U heeft geen nieuwe meldingen." in text_of(client_for(resident).get("/mijn/"))
    notify(user=resident, kind=Kind.OTHER, text="Welkom in de wijk", url="/")
    text = text_of(client_for(resident).get("/mijn/"))
    assert "U heeft 1 nieuwe melding." in text and "0 nieuwe" not in text


def test_a_feed_page_starts_live_news_after_the_newest_notice_of_all_the_members_groups(
    client_for, group, other_group, member
):
    """The page's cursor serves every group: from its own group's newest notice, polling would bring the
    other group's older notices (with higher ids) as if they were new, an old "Spoed" among them."""
    MembershipFactory(group=other_group, user=member)
    NoticeFactory(group=group, text="Hier in de straat")
    elsewhere = NoticeFactory(group=other_group, level=Notice.Level.URGENT, text="Al lang bekend")
    NoticeFactory(text="In een groep waar Anouk geen lid van is")
    html = client_for(member).get("/buurtpreventie/ruwaard-noord/").content.decode()
    cursor = int(html.split('data-last-notice="', 1)[1].split('"', 1)[0])
    assert cursor == elsewhere.pk
    polled = client_for(member).get(f"/buurtpreventie/live/?since_notice={cursor}").json()["messages"]
    assert polled == []
