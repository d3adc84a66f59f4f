from notifications.services import mark_read, notify


def test_mark_read_only_touches_the_users_own(member, outsider):
    mine = notify(kind="test", user=member, text="Uw activiteit is goedgekeurd", url="/agenda/x/")
    theirs = notify(kind="test", user=outsider, text="Iemand reageerde")
    assert mark_read(user=member) == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None
