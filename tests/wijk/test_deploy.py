"""The deployment files say what README promises: one secret, probes on the health views, worker and
scheduler next to the web tier, nginx without originals and without the client's own forwarding headers."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def _k8s() -> str:
    return "\n".join(path.read_text() for path in sorted((DEPLOY / "k8s").glob("*.yaml")))


def test_kubernetes_has_worker_scheduler_media_and_one_secret():
    manifests = _k8s()
    deployments = set(re.findall(r"kind: Deployment\nmetadata:\n  name: (\S+)", manifests))
    assert deployments == {"wijk-web", "wijk-worker", "wijk-scheduler", "wijk-media"}
    assert '["django-admin", "db_worker"' in manifests
    assert '["django-admin", "run_scheduler"]' in manifests
    assert set(re.findall(r"secretRef: \{name: (\S+?)\}", manifests)) == {"wijk"}
    everything = manifests + (DEPLOY / "elasticsearch" / "kubernetes.yaml").read_text()
    assert "kind: CronJob" not in everything  # the scheduler replaces cron
    assert "path: /health/," in manifests and "path: /health/ready/," in manifests
    assert "manage.py" not in manifests  # the image has no checkout: django-admin
    assert "path: /media/" in manifests


def test_nginx_serves_static_and_media_but_never_originals():
    for conf in (DEPLOY / "nginx" / "wijk.conf").read_text(), _k8s():
        assert re.search(r"location \^~ /media/original_images/ \{ return 404; \}", conf)
        assert re.search(r"location \^~ /media/documents/ \{ return 404; \}", conf)
        # photos kept for a story form that came back with errors (stories.services.KEPT_PHOTOS)
        assert re.search(r"location \^~ /media/kept_photos/ \{ return 404; \}", conf)
    assert "location /static/" in (DEPLOY / "nginx" / "wijk.conf").read_text()


def test_nginx_upgrades_websockets_and_sets_the_client_address_itself():
    conf = (DEPLOY / "nginx" / "wijk.conf").read_text()
    assert "proxy_set_header Upgrade $http_upgrade;" in conf
    assert "proxy_set_header Connection $connection_upgrade;" in conf
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in conf
    assert "proxy_set_header X-Real-IP $remote_addr;" in conf
    assert "$proxy_add_x_forwarded_for" not in conf  # would pass the client's own header on
    assert "$http_x_forwarded_for" not in conf


def test_the_servers_do_not_trust_forwarded_headers_on_their_own():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    compose = (DEPLOY / "compose.yaml").read_text()
    assert "--proxy-headers" not in dockerfile + compose + (ROOT / "Procfile").read_text()
    assert "TRUSTED_PROXIES: 172.28.0.10" in compose and "ipv4_address: 172.28.0.10" in compose
    assert "/srv/wijk/media" in compose  # where the image's MEDIA_ROOT is
    for service in ("worker", "scheduler", "web1", "web2", "nginx", "postgres", "redis", "elasticsearch"):
        assert f"\n  {service}:\n" in compose, service
