"""Container health probe: `python -m ops.probe` (liveness) or `python -m ops.probe ready` (readiness).

It asks the local server with the site's own host name (the first of ALLOWED_HOSTS) and as if through the
TLS proxy, so neither the host check nor the HTTPS redirect answers instead of the health view.
"""

import os
import sys
import urllib.error
import urllib.request


def main(argv: list[str]) -> int:
    path = "/health/ready/" if argv[1:2] == ["ready"] else "/health/"
    host = (os.environ.get("ALLOWED_HOSTS", "").split(",")[0].strip() or "localhost").lstrip(".")
    request = urllib.request.Request(  # noqa: S310 - always loopback
        f"http://127.0.0.1:{os.environ.get('PORT', '8000')}{path}",
        headers={"Host": host, "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=3) as response:  # noqa: S310
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"health probe {path}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
