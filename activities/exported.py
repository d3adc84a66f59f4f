"""How a person reads their activities and sign-ups in the privacy export (see ``accounts.readable``)."""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _

from accounts.readable import ReadableKind, moment

from .models import Activity, Attendance, PersonalFeed

#: A sign-up's status as the person themselves reads it.
ATTENDANCE_STATUS = {
    Attendance.Status.GOING: _("U komt"),
    Attendance.Status.WAITING: _("U staat op de wachtlijst"),
    Attendance.Status.CANCELLED: _("U bent afgemeld."),
}


def _date_of(attendance: Attendance) -> str:
    """ "Samen eten, woensdag 16 december 2026, 18:00" """
    return f"{attendance.occurrence.activity.title}, {moment(attendance.occurrence.start)}"


KINDS = [
    ReadableKind(
        model=Activity,
        heading=attrgetter("title"),
        fields=(
            "summary",
            "description",
            "kind",
            "category",
            "location",
            "starts_at",
            "status",
            "moderation_note",
            (_("geplaatst op"), attrgetter("created_at")),
        ),
        select_related=("location",),
    ),
    ReadableKind(
        model=Attendance,
        title=_("Aanmeldingen voor activiteiten"),
        heading=_date_of,
        fields=(
            (_("status"), lambda attendance: ATTENDANCE_STATUS.get(attendance.status, attendance.status)),
            (_("gaat niet door"), lambda attendance: attendance.occurrence.is_cancelled or None),
            "created_at",
        ),
        select_related=("occurrence__activity",),
    ),
    ReadableKind(
        model=PersonalFeed,
        fields=((_("gemaakt op"), attrgetter("created_at")),),
    ),
]
