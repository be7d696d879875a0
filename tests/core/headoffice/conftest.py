"""Head office's tests: `head_office`, a head office of a test's own (ho_support.py)."""

from tests.core.headoffice.ho_support import head_office  # noqa: F401  (the fixture, for the tests here)
