from django.db import migrations


def name_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(pk=1, defaults={"domain": "wijkderuwaard.nl", "name": "Wij(k) de Ruwaard"})


class Migration(migrations.Migration):
    """The name allauth's mails use ("Hallo van Wij(k) de Ruwaard")."""

    dependencies = [("accounts", "0002_roles"), ("sites", "0002_alter_domain_unique")]
    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
