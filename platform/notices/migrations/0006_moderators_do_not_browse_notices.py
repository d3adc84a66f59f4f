from django.db import migrations

# Moderators no longer browse notices or memberships in the Wagtail admin: they hide a reported notice from
# the moderation queue and never read a group's feed, its member list, or change a membership.
TAKEN = {"notice": ["view", "change"], "membership": ["view", "change"]}


def take_away(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    moderator = Group.objects.filter(name="moderator").first()
    if moderator is None:
        return
    codenames = [f"{action}_{model}" for model, actions in TAKEN.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="notices", codename__in=codenames)
    moderator.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("notices", "0005_move_notification")]
    operations = [migrations.RunPython(take_away, migrations.RunPython.noop)]
