from django.urls import path

from .views import conversations, listings, moderation

app_name = "marketplace"

urlpatterns = [
    path("vraag-en-aanbod/", listings.listing_list, name="list"),
    path("vraag-en-aanbod/nieuw/", listings.listing_create, name="create"),
    path("vraag-en-aanbod/<id:pk>/", listings.listing_detail, name="detail"),
    path("vraag-en-aanbod/<id:pk>/reageren/", listings.listing_respond, name="respond"),
    path("vraag-en-aanbod/<id:pk>/wijzigen/", listings.listing_edit, name="edit"),
    path("vraag-en-aanbod/<id:pk>/sluiten/", listings.listing_close, name="close"),
    path("vraag-en-aanbod/<id:pk>/verlengen/", listings.listing_extend, name="extend"),
    path("vraag-en-aanbod/<id:pk>/melden/", moderation.report_listing, name="report"),
    path("vraag-en-aanbod/verlengen/<str:token>/", listings.listing_renew, name="renew"),
    path("vraag-en-aanbod/voorkeuren/", listings.preferences, name="preferences"),
    path("vraag-en-aanbod/gelukt/<id:pk>/", conversations.follow_up, name="follow_up"),
    path("vraag-en-aanbod/moderatie/", moderation.queue, name="moderation"),
    path("berichten/", conversations.conversation_list, name="conversations"),
    path("berichten/<id:pk>/", conversations.conversation_detail, name="conversation"),
    path("berichten/<id:pk>/afspreken/", conversations.conversation_accept, name="accept"),
    path("berichten/<id:pk>/klaar/", conversations.conversation_done, name="done"),
    path("berichten/<id:pk>/melden/<id:message_pk>/", conversations.message_report, name="report_message"),
    path("berichten/<id:pk>/blokkeren/", conversations.block, name="block"),
]
