"""Database passwords live in the system keyring or a pgpass file, never in settings.ini: one found
there is moved to the keyring and the file rewritten without it; with no working keyring the start
is refused with a message that says how to use a pgpass file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from branchguard import config
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import set_language

URL = "postgresql+psycopg://bg_user:s3cret-pw@dbhost:5433/branchguard"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in a dict, standing for the system's (Secret Service, Windows Credential Manager)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def settings_with(tmp_path: Path, url: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text(f"[branchguard]\nlanguage = en\ndb_url = {url}\n", encoding="utf-8")
    return data


def test_a_password_in_settings_moves_to_the_keyring_and_out_of_the_file(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    data = settings_with(tmp_path, URL)
    resolved = config.resolve(data)
    assert memory_keyring.entries == {("BranchGuard", "bg_user@dbhost"): "s3cret-pw"}
    text = (data / "settings.ini").read_text(encoding="utf-8")
    assert "s3cret-pw" not in text
    assert "db_url = postgresql+psycopg://bg_user@dbhost:5433/branchguard" in text
    assert "s3cret-pw" not in resolved.db_url
    # at connection the keyring's password is added back, for this process only
    assert config.with_stored_password(resolved.db_url) == URL
    # a second start finds nothing to move
    config.resolve(data)
    assert "s3cret-pw" not in (data / "settings.ini").read_text(encoding="utf-8")


def test_without_a_working_keyring_the_start_is_refused_and_says_how_to_use_pgpass(
    tmp_path: Path, no_keyring: None
) -> None:
    data = settings_with(tmp_path, URL)
    before = (data / "settings.ini").read_bytes()
    set_language("en")
    try:
        with pytest.raises(BranchGuardError) as refused:
            config.resolve(data)
        text = refused.value.text("en")
    finally:
        set_language("zh_CN")
    assert "no system keyring works here" in text and "pgpass" in text and "PGPASSFILE" in text
    assert "dbhost:5433:branchguard:bg_user:PASSWORD" in text
    assert "s3cret-pw" not in text
    assert (data / "settings.ini").read_bytes() == before  # nothing half-done
    assert "pgpass" in refused.value.text("zh_CN")


def test_a_url_without_a_password_is_left_to_the_keyring_or_a_pgpass_file(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    bare = "postgresql+psycopg://bg_user@dbhost/branchguard"
    assert config.with_stored_password(bare) == bare  # nothing stored: libpq reads ~/.pgpass
    sqlite = "sqlite:///" + str(tmp_path / "x.sqlite")
    assert config.with_stored_password(sqlite) == sqlite
    keyring.set_keyring(fail.Keyring())  # a broken keyring is no error here: a pgpass file may do
    assert config.with_stored_password(bare) == bare
    data = settings_with(tmp_path, bare)
    config.resolve(data)
    assert (data / "settings.ini").read_text(encoding="utf-8").count("bg_user@dbhost") == 1


def test_the_refusal_is_in_the_language_the_command_asked_for(
    tmp_path: Path, no_keyring: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lang en` printed it in Chinese: settings.ini is read before the language it names."""
    from branchguard.cli import main

    data = settings_with(tmp_path, URL)
    set_language("zh_CN")
    try:
        assert main(["--data-dir", str(data), "--lang", "en", "info"]) == 1
    finally:
        set_language("zh_CN")
    err = capsys.readouterr().err
    assert "no system keyring works here" in err and not re.search("[\u4e00-\u9fff]", err), err


def test_a_settings_file_that_cannot_be_rewritten_without_the_password_refuses_the_start_by_name(
    tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    """It ended as the bare system error of the temporary file ("settings.ini.tmp: Is a directory")."""
    from branchguard.cli import main

    data = settings_with(tmp_path, URL)
    before = (data / "settings.ini").read_bytes()
    (data / "settings.ini.tmp").mkdir()  # where the file is written first: it cannot be
    assert main(["--data-dir", str(data), "--lang", "en", "info"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"branchguard: error: cannot write the settings file {data / 'settings.ini'} (Is a directory); "
        "the setting was NOT changed"
    )
    assert "Traceback" not in err and (data / "settings.ini").read_bytes() == before
