from django.db import migrations

# Moderators hide notices in the Wagtail admin; they may see groups and memberships.
GRANTS = {
    "notice": ["view", "change"],
    "membership": ["view", "change"],
    "preventiongroup": ["view"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    moderator, _ = Group.objects.get_or_create(name="moderator")
    for model, actions in GRANTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="notices", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            moderator.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0002_prevention_groups"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
