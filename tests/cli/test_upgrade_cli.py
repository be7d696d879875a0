"""A command's start that upgrades an older database says so, with where the copy taken before is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from branchguard.db.migrate import head_revision
from tests.cli.cli_support import as_user, runner

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0001.sqlite"


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "Database upgraded from 0001 to"), ("zh_CN", "数据库已从 0001 升级到")]
)
def test_a_command_that_upgrades_says_so_and_where_the_backup_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    """The window said it; a command upgraded a year's database in silence, the copy's place in the
    log only."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / "branchguard.sqlite")
    login = json.loads(FIXTURE.with_suffix(".json").read_text(encoding="utf-8"))["login"]
    as_user(monkeypatch, login["username"], login["password"])
    run = runner(capsys, data, lang)

    code, out, err = run("people", "list")

    assert code == 0 and out
    (backup,) = (data / "backups").glob("*.sqlite")
    (notice,) = [line for line in err.splitlines() if words in line]
    assert head_revision() in notice and notice.endswith(str(backup))
    code, _out, err = run("people", "list")  # once: the next start finds it current
    assert code == 0 and words not in err
