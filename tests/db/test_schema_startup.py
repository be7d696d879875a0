"""Start-up schema handling: a new database is created at head; a newer or foreign one is refused."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import inspect, text

from branchguard.context import open_context
from branchguard.core.kernel.errors import SchemaError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.migrate import SchemaAction, current_revision, head_revision

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
FOUNDATION_TABLES = {"branch", "users", "people", "contacts", "audit_events", "alembic_version"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_and_stamped_at_head(tmp_path: Path, db_url: str) -> None:
    ctx = open_context(tmp_path / "data", db=db_url)
    try:
        assert ctx.schema.action is SchemaAction.CREATED
        assert ctx.schema.to_revision == head_revision()
        assert current_revision(ctx.engine) == head_revision()
        assert set(inspect(ctx.engine).get_table_names()) >= FOUNDATION_TABLES
        # the public emergency numbers are there before anyone logs in
        phones = {c.phone for c in ctx.services.people.list_contacts(Actor.system())}
        assert {"110", "119", "120"} <= phones
    finally:
        ctx.close()
    assert not (tmp_path / "data" / "backups").exists() or not any((tmp_path / "data" / "backups").iterdir())

    again = open_context(tmp_path / "data", db=db_url)
    try:
        assert again.schema.action is SchemaAction.CURRENT
        assert again.schema.backup is None
        # reopening adds no second set of built-in contacts
        assert len(again.services.people.list_contacts(Actor.system())) == len(phones)
    finally:
        again.close()


def _sqlite_database_at_head(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    open_context(data).close()
    return data / "branchguard.sqlite"


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_newer_sqlite_database_is_refused_and_left_untouched(tmp_path: Path, journal_mode: str) -> None:
    db_file = _sqlite_database_at_head(tmp_path)
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.execute(f"PRAGMA journal_mode={journal_mode}")
    conn.close()
    before = sha256(db_file)
    backups = tmp_path / "data" / "backups"

    with pytest.raises(SchemaError) as refused:
        open_context(tmp_path / "data")

    assert refused.value.message == t("schema.newer", revision="9999", head=head_revision())
    assert "9999" in str(refused.value)
    assert sha256(db_file) == before
    assert not backups.exists() or not any(backups.iterdir())
    with pytest.raises(SchemaError) as read_only:  # it was said to be older, to be upgraded
        open_context(tmp_path / "data", read_only=True)
    assert read_only.value.message == refused.value.message and sha256(db_file) == before


def test_newer_database_is_refused_with_its_data_kept(tmp_path: Path, db_url: str) -> None:
    open_context(tmp_path / "data", db=db_url).close()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        conn.execute(
            text(
                "INSERT INTO people (name, branch_role, mobile, phone, on_duty, notes, created_at, "
                "updated_at) VALUES ('留守', 'teller', '', '', true, '', :at, :at)"
            ),
            {"at": "2026-11-01 08:00:00+00"},
        )

    with pytest.raises(SchemaError, match="9999"):
        open_context(tmp_path / "data", db=db_url)

    assert current_revision(engine) == "9999"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM people")).scalars().all() == ["留守"]
    engine.dispose()


def test_foreign_database_without_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db_file = data / "branchguard.sqlite"
    with sqlite3.connect(db_file) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)")
        conn.execute("INSERT INTO invoices (amount) VALUES (42)")
    conn.close()
    before = sha256(db_file)

    with pytest.raises(SchemaError) as refused:
        open_context(data)

    assert refused.value.message == t("schema.foreign")
    assert sha256(db_file) == before
    engine = make_engine(sqlite_url(db_file))
    assert set(inspect(engine).get_table_names()) == {"invoices"}
    engine.dispose()


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "newer BranchGuard"), ("zh_CN", "更新版本的 BranchGuard")]
)
def test_newer_database_is_refused_in_the_chosen_language(tmp_path: Path, lang: str, words: str) -> None:
    db_file = _sqlite_database_at_head(tmp_path)
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()

    with pytest.raises(SchemaError) as refused:
        open_context(tmp_path / "data", lang=lang)

    assert words in refused.value.message
    assert refused.value.message == t("schema.newer", lang=lang, revision="9999", head=head_revision())


def _upgrade_that_fails(data: Path) -> Path:
    """A data folder at revision 0001 with a table in the way of revision 0002, which creates it."""
    data.mkdir()
    db_file = data / "branchguard.sqlite"
    shutil.copyfile(FIXTURES / "schema_0001.sqlite", db_file)
    with sqlite3.connect(db_file) as conn:
        conn.execute("CREATE TABLE audit_events (id INTEGER PRIMARY KEY)")
    conn.close()
    return data


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "Upgrading the database failed"), ("zh_CN", "数据库升级失败")]
)
def test_failed_upgrade_says_where_the_backup_is(tmp_path: Path, lang: str, words: str) -> None:
    data = _upgrade_that_fails(tmp_path / "data")

    with pytest.raises(SchemaError) as refused:
        open_context(data, lang=lang)

    backups = list((data / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    message = refused.value.message
    assert message.startswith(words)
    assert "audit_events" in message
    assert message.endswith(str(backups[0]))


@pytest.mark.postgres
def test_an_empty_server_database_is_not_given_the_schema_by_a_command_that_makes_no_data(
    tmp_path: Path, pg_cluster: Any
) -> None:
    """`incident list` pointed at a new, empty PostgreSQL database made all 51 tables, then said the
    password was wrong; only what makes data (demo, the window, the first account) creates it."""
    name = "bg_empty_for_a_reader"
    pg_cluster.execute(f'CREATE DATABASE "{name}"')
    try:
        url = pg_cluster.url(name)
        with pytest.raises(SchemaError) as refused:
            open_context(tmp_path / "data", db=url, existing=True)
        assert f"the database {name} holds no BranchGuard data" in refused.value.text("en")
        engine = make_engine(url)
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()
        ctx = open_context(tmp_path / "data", db=url)  # one that makes data does
        try:
            assert ctx.schema.action is SchemaAction.CREATED
        finally:
            ctx.close()
    finally:
        pg_cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _prepared_at_once(engines: list[Any]) -> list[object]:
    """What prepare_database gave on each engine (its action, or what it raised), all started at one
    moment, as PCs starting together on one server's database do."""
    import threading

    from branchguard.db.migrate import prepare_database

    start = threading.Barrier(len(engines))
    actions: list[object] = []

    def prepare(engine: Any) -> None:
        start.wait()
        try:
            actions.append(prepare_database(engine).action)
        except Exception as exc:  # recorded, to fail the test with it
            actions.append(exc)

    threads = [threading.Thread(target=prepare, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return actions


@pytest.mark.postgres
def test_two_first_starts_at_once_on_postgresql_make_the_schema_once(pg_cluster: Any) -> None:
    """Two `demo --if-empty` on a new server database at once: one failed halfway with a raw
    duplicate-type error from CREATE TABLE. The second now waits for the first and finds it made."""
    name = "bg_two_first_starts"
    pg_cluster.execute(f'CREATE DATABASE "{name}"')
    try:
        engines = [make_engine(pg_cluster.url(name)) for _ in range(2)]
        actions = _prepared_at_once(engines)
        assert sorted(map(str, actions)) == sorted(map(str, [SchemaAction.CREATED, SchemaAction.CURRENT]))
        assert current_revision(engines[0]) == head_revision()
        for engine in engines:
            engine.dispose()
    finally:
        pg_cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_failed_upgrade_tried_again_keeps_one_copy_and_says_what_the_driver_said(tmp_path: Path) -> None:
    """Every start on a database whose upgrade failed made one more full copy; the message carried
    SQLAlchemy's statement and its link to the web."""
    data = _upgrade_that_fails(tmp_path / "data")

    messages = []
    for attempt in range(3):
        with pytest.raises(SchemaError) as refused:
            open_context(data, lang="en")
        messages.append(refused.value.message)
        if attempt == 0:  # as if made at an earlier start (copies are named to the second)
            (first,) = (data / "backups").glob("*.sqlite")
            first.rename(first.with_name(f"{first.stem.rsplit('-', 1)[0]}-20200101T000000Z.sqlite"))
    backups = list((data / "backups").glob("*.sqlite"))
    assert len(backups) == 1 and all(m.endswith(str(backups[0])) for m in messages[1:])
    assert "[SQL:" not in messages[0] and "sqlalche.me" not in messages[0]
    assert "audit_events" in messages[0] and "already exists" in messages[0]


def _schema_of(db_file: Path) -> list[tuple[str, str, str | None]]:
    with closing(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)) as conn:
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    return [*objects, ("version", version, None)]


def test_an_upgrade_failing_after_its_first_revision_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    """SQLite's driver ran a revision's DDL outside the upgrade's transaction until its first write:
    0002's table was kept when 0003 failed, the version still said 0001, and every start after the
    cause was gone failed again on that table ("already exists"), naming a copy of the half-done file."""
    data = tmp_path / "data"
    data.mkdir()
    db_file = data / "branchguard.sqlite"
    shutil.copyfile(FIXTURES / "schema_0001.sqlite", db_file)
    with closing(sqlite3.connect(db_file)) as conn:
        conn.execute("CREATE TABLE playbooks (id INTEGER PRIMARY KEY)")  # in the way of 0003, after 0002
        conn.commit()
    before = _schema_of(db_file)

    with pytest.raises(SchemaError, match="playbooks already exists"):
        open_context(data, lang="en")
    assert _schema_of(db_file) == before

    with closing(sqlite3.connect(db_file)) as conn:  # the cause removed, the next start upgrades
        conn.execute("DROP TABLE playbooks")
        conn.commit()
    ctx = open_context(data, lang="en")
    try:
        assert ctx.schema.action is SchemaAction.UPGRADED and ctx.schema.from_revision == "0001"
        assert current_revision(ctx.engine) == head_revision()
    finally:
        ctx.close()


def _at_0001(data: Path) -> Path:
    data.mkdir()
    db_file = data / "branchguard.sqlite"
    shutil.copyfile(FIXTURES / "schema_0001.sqlite", db_file)
    with closing(sqlite3.connect(db_file)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # as BranchGuard keeps it: others read while one writes
    return db_file


def test_a_copy_that_fills_the_disk_halfway_leaves_no_broken_copy_and_no_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy before an upgrade stopped by a full disk was left half written, named as a backup
    (13 of 28 MB), and the start said only that the disk was full."""
    from branchguard.db import migrate

    db_file = _at_0001(tmp_path / "data")
    before = _schema_of(db_file)
    real_connect = sqlite3.connect

    def connect(path: object, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real_connect(path, *args, **kwargs)  # type: ignore[call-overload]
        if Path(str(path)).parent.name == "backups":
            conn.execute("PRAGMA max_page_count=4")  # the disk holds four pages of the copy
        return conn

    monkeypatch.setattr(migrate, "sqlite3", SimpleNamespace(connect=connect, Error=sqlite3.Error))

    with pytest.raises(SchemaError) as refused:
        open_context(tmp_path / "data", lang="en")

    backups, message = tmp_path / "data" / "backups", refused.value.message
    assert message.startswith(f"The database was not upgraded to {head_revision()} and is as it was")
    assert f"could not be written to {backups} (database or disk is full)" in message
    assert list(backups.iterdir()) == []
    assert _schema_of(db_file) == before


def test_the_copy_is_named_as_a_backup_only_once_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A power cut during the copy left a file named as the backup, cut short; nothing removed it."""
    from branchguard.db import migrate

    _at_0001(tmp_path / "data")
    backups = tmp_path / "data" / "backups"
    backups.mkdir()
    cut_short = backups / f"branchguard-before-{head_revision()}-20200101T000000Z.sqlite.part"
    cut_short.write_bytes(b"SQLite format 3\x00")  # a power cut during an earlier start's copy
    cut_short.with_name(f"{cut_short.name}-journal").write_bytes(b"")
    written: list[str] = []
    real_connect = sqlite3.connect

    def connect(path: object, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(str(path)).parent == backups:
            written.append(Path(str(path)).name)
        return real_connect(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(migrate, "sqlite3", SimpleNamespace(connect=connect, Error=sqlite3.Error))
    ctx = open_context(tmp_path / "data", lang="en")
    ctx.close()

    assert ctx.schema.backup is not None and written == [f"{ctx.schema.backup.name}.part"]
    assert sorted(p.name for p in backups.iterdir()) == [ctx.schema.backup.name]


def test_an_upgrade_another_program_keeps_locked_says_so_and_where_the_copy_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock's words alone were said: not that the upgrade was not done, nor where its copy is."""
    from branchguard.db import engine as engine_module
    from branchguard.db.engine import LockRetry

    db_file = _at_0001(tmp_path / "data")
    before = _schema_of(db_file)
    monkeypatch.setattr(engine_module, "LOCK_RETRY", LockRetry(wait_ms=20, pauses=(0.01,)))
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(SchemaError) as refused:
            open_context(tmp_path / "data", lang="en")
    finally:
        holder.rollback()
        holder.close()

    (backup,) = (tmp_path / "data" / "backups").glob("*.sqlite")
    message = refused.value.message
    where = f"the copy taken before is at {backup}"
    assert message.startswith(f"The database was not upgraded and is as it was ({where}): the database")
    assert "stayed locked by another program" in message
    assert _schema_of(db_file) == before


def _back_to(url: str, revision: str) -> None:
    from alembic import command

    from branchguard.db.migrate import alembic_config

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def _indexes(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        tables = ("hazards", "schedule_occurrences")
        return {str(ix["name"]) for table in tables for ix in inspect(engine).get_indexes(table)}
    finally:
        engine.dispose()


def test_an_upgrade_says_where_its_copy_is_or_that_a_server_has_none(tmp_path: Path, db_url: str) -> None:
    """On PostgreSQL the notice read "backup at -" and a failure "the backup taken before is at -":
    BranchGuard copies only an SQLite file. A failure after a revision's DDL leaves it all undone."""
    data = tmp_path / "data"
    open_context(data, db=db_url).close()
    _back_to(db_url, "0021")
    engine = make_engine(db_url)
    with engine.begin() as conn:  # in the way of 0025, after 0022 made its index
        conn.execute(text("CREATE INDEX ix_hazards_drill_id ON hazards (id)"))
    engine.dispose()
    before = _indexes(db_url)

    with pytest.raises(SchemaError) as refused:
        open_context(data, db=db_url, lang="en")
    assert _indexes(db_url) == before and "ix_schedule_occurrences_status_due_at" not in before
    backups = sorted((data / "backups").glob("*.sqlite"))
    where = f"the copy taken before is at {backups[-1]}" if backups else "BranchGuard takes no copy"
    message = refused.value.message
    assert "already exists" in message and f"; the database is as it was; {where}" in message

    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_hazards_drill_id"))
    engine.dispose()
    ctx = open_context(data, db=db_url, lang="en")
    try:
        assert ctx.upgrade_notice is not None
        said = ctx.upgrade_notice.text("en")
    finally:
        ctx.close()
    if db_url.startswith("sqlite"):
        copy = f"the copy taken before is at {ctx.schema.backup}"
        assert said == f"Database upgraded from 0021 to {head_revision()}; {copy}"
    else:
        assert ctx.schema.backup is None and said == (
            f"Database upgraded from 0021 to {head_revision()}; BranchGuard takes no copy of a database on a "
            "server: back it up there (pg_dump)"
        )


@pytest.mark.postgres
def test_two_starts_upgrading_at_once_on_postgresql_upgrade_once(pg_cluster: Any) -> None:
    """Two PCs started the new version on a server's older database at once: both ran the revisions,
    and the second failed with the server's words about what the first had made."""
    from branchguard.db.migrate import prepare_database

    name = "bg_two_upgrades"
    pg_cluster.execute(f'CREATE DATABASE "{name}"')
    try:
        url = pg_cluster.url(name)
        prepare_database(make_engine(url))
        _back_to(url, "0021")
        engines = [make_engine(url) for _ in range(2)]
        actions = _prepared_at_once(engines)
        assert sorted(map(str, actions)) == sorted(map(str, [SchemaAction.UPGRADED, SchemaAction.CURRENT]))
        assert current_revision(engines[0]) == head_revision()
        for engine in engines:
            engine.dispose()
    finally:
        pg_cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
