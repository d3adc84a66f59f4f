"""Path converters every app's URLs use."""

# The largest id a database stores (a signed 64-bit integer). Django range-checks a lookup on an id
# field, but not on a page type's one-to-one link, where SQLite would overflow.
LARGEST_ID = 2**63 - 1


class IdConverter:
    """A database id, ``<id:pk>``: digits up to the largest id, so a longer number is a 404 everywhere."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > LARGEST_ID:
            raise ValueError(value)  # the URL does not match: a 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))
