"""Shared test set-up: offscreen Qt, an isolated home per test, SQLite and PostgreSQL databases."""

from __future__ import annotations

import gc
import json
import os

# Before anything can load Qt: tests never need (or have) a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pwd
import shlex
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, Table, select, text

from branchguard.core.kernel.types import Actor, Role
from branchguard.db.engine import sqlite_url
from tests.pg_fresh import FINGERPRINT_SQL, FreshDatabases
from tests.rewrite_share import rewrite_my_share
from tests.run_shared import built_once

Snapshot = dict[str, list[tuple[Any, ...]]]


TEST_HASHER_PARAMS = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


def pytest_configure(config: pytest.Config) -> None:
    rewrite_my_share(config)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked slow run first, the rest in their usual order after them. Collected in
    file order, the slowest (the frozen build's 50 s, the bench's end-to-end runs) came last, where
    one of them ran alone on one worker after the other had finished: the run's last minute used
    one core of two. Started first, the other workers' quick tests even out around them."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: order kept within


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing() -> Iterator[None]:
    """Real argon2id, at the lowest cost: every demo fill hashes three passwords, every login verifies
    one, and at the production cost (about 0.2 s each) that would dominate the run. Hashes carry their
    own parameters, so the fixture databases' production-cost hashes still verify;
    test_auth_service checks the production parameters themselves.
    """
    from argon2 import PasswordHasher

    from branchguard.core.accounts import service as auth

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(auth, "_hasher", PasswordHasher(**TEST_HASHER_PARAMS))
        auth._dummy_hash.cache_clear()
        yield
    auth._dummy_hash.cache_clear()


@pytest.fixture(autouse=True, scope="session")
def statements_compiled_once() -> Iterator[None]:
    """Every engine the app makes in this test process compiles its SQL into one cache per kind of
    database. SQLAlchemy keeps compiled statements per engine (keyed by its dialect), and each test
    opens a new engine: every test compiled its statements anew (the core and command-line tests on
    two workers took 268-284 s with that, 236-249 s without).
    The app opens one engine per process, so its cache is warm after the first use of a statement;
    here it is too. An engine takes the shared dialect only once that one has read its server
    (dialect.initialize on its first connection): the same SQLite library, the same PostgreSQL
    cluster, and make_engine passes no dialect options, so the SQL compiled is the same."""
    from branchguard.db import engine as db_engine

    real = db_engine.create_engine
    shared: dict[tuple[type, str], tuple[Any, Any]] = {}

    def create_engine(url: Any, **kwargs: Any) -> Engine:
        engine = real(url, **kwargs)
        key = (type(engine.dialect), engine.url.drivername)
        known = shared.get(key)
        if known is not None and known[0].server_version_info is not None:
            engine.dialect, engine._compiled_cache = known
        else:
            shared[key] = (engine.dialect, engine._compiled_cache)
        return engine

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(db_engine, "create_engine", create_engine)
        yield


@pytest.fixture(autouse=True)
def survivors_frozen() -> Iterator[None]:
    """After each test its garbage is collected and what survives (modules, caches, the session's
    fixtures) is frozen out of later collections. Without it every automatic full collection walked
    the whole heap (SQLAlchemy, Qt wrappers, every test module) again: a third of the CPU of the
    service tests, more in the GUI tests. What a test makes and drops is still collected."""
    yield
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def language_kept() -> Iterator[None]:
    """Each test starts in the default language and leaves it so: a test that switched to English
    and failed (or forgot) made later tests in the same worker read English where they expect the
    default Chinese, depending on which tests the worker happened to run before."""
    from branchguard.core.kernel.i18n import DEFAULT_LANGUAGE, set_language

    set_language(DEFAULT_LANGUAGE)
    yield
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME, XDG folders and the data folder live in tmp_path: no test touches real user data."""
    home = tmp_path / "home"
    for sub in ("config", "data", "cache", "state", "runtime"):
        (home / sub).mkdir(parents=True)
    (home / "runtime").chmod(0o700)  # Qt warns about a runtime dir others can read
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "runtime"))
    monkeypatch.setenv("BRANCHGUARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BRANCHGUARD_DB", raising=False)
    return home


PG_SUPERUSER = "branchguard_test"
PG_PORT = 5432  # only names the socket file: the server listens on its private socket folder alone
PG_SETTINGS = {
    "listen_addresses": "''",
    "port": str(PG_PORT),
    "fsync": "off",  # a throwaway cluster: durability only costs time here
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "40",
}


@dataclass
class PgCluster:
    """A private PostgreSQL server reached through a unix socket in its own folder."""

    root: Path
    bin_dir: Path
    run_as: list[str]

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{PG_SUPERUSER}@/{dbname}?host={self.socket_dir}&port={PG_PORT}"

    def connect(self, dbname: str, *, autocommit: bool = False) -> Any:
        """A psycopg connection to `dbname` as the superuser."""
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir), port=PG_PORT, user=PG_SUPERUSER, dbname=dbname, autocommit=autocommit
        )

    def execute(self, sql: str) -> None:
        with self.connect("postgres", autocommit=True) as conn:
            conn.execute(sql.encode())

    def pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _run([*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), *args])

    def destroy(self) -> None:
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self.pg_ctl("stop", "-m", "immediate", "-w")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)


def _pg_bin_dir() -> Path:
    """initdb and pg_ctl of the newest server under /usr/lib/postgresql (Debian), else on PATH."""
    debian = Path("/usr/lib/postgresql")
    found = [p.parent for p in debian.glob("*/bin/pg_ctl") if p.parent.parent.name.isdigit()]
    if found:
        return max(found, key=lambda b: int(b.parent.name))
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    pytest.fail(
        "PostgreSQL server not found (no initdb/pg_ctl under /usr/lib/postgresql/*/bin or on PATH): "
        "the tests run on PostgreSQL too. `make test` installs it (apt-get install postgresql).",
        pytrace=False,
    )


def _unprivileged_user() -> tuple[list[str], int, int]:
    """PostgreSQL refuses to run as root: as root, run the server as `postgres` (or our own user)."""
    if os.geteuid() != 0:
        return [], os.getuid(), os.getgid()
    name = "postgres"
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        name = "branchguard-pg"
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            made = _run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name])
            if made.returncode != 0:
                reason = made.stderr.strip()
                pytest.fail(f"cannot create a user to run PostgreSQL as: {reason}", pytrace=False)
            entry = pwd.getpwnam(name)
    if not shutil.which("runuser"):
        pytest.fail("running the PostgreSQL test server as root needs `runuser` (util-linux)", pytrace=False)
    return ["runuser", "-u", name, "--"], entry.pw_uid, entry.pw_gid


def _watch_over(cluster: PgCluster) -> None:
    """Stop and remove the cluster when this process dies without cleaning up (a Qt abort, a kill):
    a detached shell waits for our pid to go away, then does what `destroy` would have done."""
    pg_ctl = shlex.join([*cluster.run_as, str(cluster.bin_dir / "pg_ctl"), "-D", str(cluster.data_dir)])
    script = (
        f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
        f"if [ -f {shlex.quote(str(cluster.data_dir / 'postmaster.pid'))} ]; then "
        f"{pg_ctl} stop -m immediate >/dev/null 2>&1; fi; "
        f"rm -rf {shlex.quote(str(cluster.root))}"
    )
    subprocess.Popen(
        ["sh", "-c", script],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def start_cluster() -> PgCluster:
    bin_dir = _pg_bin_dir()
    run_as, uid, gid = _unprivileged_user()
    # /tmp rather than TMPDIR: the server's user must be able to reach the folder.
    root = Path(tempfile.mkdtemp(prefix="branchguard-pg-", dir="/tmp" if run_as else None))
    cluster = PgCluster(root, bin_dir, run_as)
    try:
        cluster.socket_dir.mkdir()
        for path in (root, cluster.socket_dir):
            os.chown(path, uid, gid)
        init = _run(
            [
                *run_as,
                str(bin_dir / "initdb"),
                "-D",
                str(cluster.data_dir),
                "-U",
                PG_SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ]
        )
        if init.returncode != 0:
            pytest.fail(f"initdb failed:\n{init.stdout}\n{init.stderr}", pytrace=False)
        settings = {**PG_SETTINGS, "unix_socket_directories": f"'{cluster.socket_dir}'"}
        with (cluster.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        log = root / "server.log"
        _watch_over(cluster)
        started = cluster.pg_ctl("start", "-w", "-t", "60", "-l", str(log))
        if started.returncode != 0:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            pytest.fail(f"PostgreSQL did not start:\n{started.stderr}\n{server_log}", pytrace=False)
    except BaseException:
        cluster.destroy()
        raise
    return cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL server for the whole run, removed at the end (also on failure)."""
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.destroy()


# -- a fresh database, built once per run and copied per test ---------------------------------------
# open_context on an empty database creates the schema, stamps it and loads the built-in content
# (emergency numbers, the starter playbooks): about 0.3 s on SQLite and 0.5 s on PostgreSQL, for
# every test that opens the context. The first such test builds it once; every test then gets a
# copy, which open_context finds current and complete (10-150 ms). tests/db/test_fresh_copy.py
# proves a copy equals a database opened fresh.
SQLITE_FILE = "test.sqlite"
DEFAULT_DB_FILE = "branchguard.sqlite"  # what open_context opens in a data folder without a --db


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file as open_context leaves a new database, closed and checkpointed."""
    from branchguard.context import open_context

    folder = tmp_path_factory.mktemp("template")
    db_file = folder / SQLITE_FILE
    open_context(folder / "data", db=sqlite_url(db_file)).close()
    # Closing the last connection checkpoints the write-ahead log into the file and removes it,
    # so the file alone is the whole database.
    assert not db_file.with_name(f"{SQLITE_FILE}-wal").exists()
    return db_file


@pytest.fixture(scope="session")
def sqlite_demo_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fresh SQLite file with the demo branch filled in (see `demo`), closed and checkpointed."""
    from branchguard.context import open_context

    folder = tmp_path_factory.mktemp("demo-template")
    db_file = folder / SQLITE_FILE
    shutil.copyfile(sqlite_template, db_file)
    context = open_context(folder / "data", db=sqlite_url(db_file))
    try:
        context.services.demo.fill()
    finally:
        context.close()
    assert not db_file.with_name(f"{SQLITE_FILE}-wal").exists()
    return db_file


@pytest.fixture(scope="session")
def pg_template(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A PostgreSQL database as open_context leaves a new one, kept as a template to copy."""
    from branchguard.context import open_context

    name = "bg_template"
    cluster = pg_cluster
    cluster.execute(f'CREATE DATABASE "{name}"')
    open_context(tmp_path_factory.mktemp("pg-template"), db=cluster.url(name)).close()
    # No connection may reach it from now on: CREATE DATABASE … TEMPLATE needs it idle.
    cluster.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
    return name


@pytest.fixture(scope="session")
def pg_demo_template(
    pg_cluster: PgCluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """The PostgreSQL template with the demo branch filled in (see `demo`), kept as a template."""
    name = "bg_template_demo"
    _pg_filled(pg_cluster, pg_template, name, tmp_path_factory.mktemp("pg-demo-template"), records=False)
    return name


def _pg_filled(cluster: PgCluster, template: str, name: str, data: Path, *, records: bool) -> None:
    """Makes `name` a copy of `template` the demo branch was filled into (with its records when
    asked, their attachments in `data`), kept as a template in its turn."""
    from branchguard.context import open_context

    cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    cluster.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    context = open_context(data, db=cluster.url(name))
    try:
        context.services.demo.fill(records=records)
    finally:
        context.close()
    # No connection may reach it from now on: CREATE DATABASE … TEMPLATE needs it idle.
    cluster.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')


@pytest.fixture(scope="session")
def records_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """A data folder as `demo` with its records leaves it (the database and the attachment store),
    built once per run and per day: the demo dates its records from today. Filling it costs about
    0.6 s of CPU, for each of the ~130 tests that start from it."""
    built: dict[date, Path] = {}

    def folder() -> Path:
        today = date.today()
        if today not in built:
            from branchguard.context import open_context

            data = tmp_path_factory.mktemp("records") / "data"
            data.mkdir(mode=0o700)
            shutil.copyfile(sqlite_template, data / DEFAULT_DB_FILE)
            ctx = open_context(data)
            try:
                ctx.services.demo.fill(records=True)
            finally:
                ctx.close()
            built[today] = data
        return built[today]

    return folder


@pytest.fixture(scope="session")
def pg_records(
    pg_cluster: PgCluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[], tuple[FreshDatabases, Path]]:
    """records_template on PostgreSQL: the demo branch with its records in a template database,
    whose copies are handed out and put back as pg_fresh's, and the data folder its attachments
    were written to (copy it beside a copy of the database). Built once per run and per day, as
    the demo dates its records from today; filling it took 2-3 s for each head-office branch."""
    built: dict[date, tuple[FreshDatabases, Path]] = {}

    def today() -> tuple[FreshDatabases, Path]:
        day = date.today()
        if day not in built:
            name = f"bg_template_records_{day:%Y%m%d}"
            data = tmp_path_factory.mktemp("pg-records") / "data"
            data.mkdir(mode=0o700)
            _pg_filled(pg_cluster, pg_template, name, data, records=True)
            built[day] = (FreshDatabases(pg_cluster.connect, pg_cluster.execute, name), data)
        return built[day]

    return today


def copy_records(request: pytest.FixtureRequest, data: Path, db_file: Path) -> None:
    """The demo branch with its records on SQLite (records_template): its database copied to
    `db_file`, its attachments into the data folder `data`."""
    folder = request.getfixturevalue("records_template")()
    db_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / DEFAULT_DB_FILE, db_file)
    shutil.copytree(folder, data, ignore=shutil.ignore_patterns(f"{DEFAULT_DB_FILE}*"))


def take_records(request: pytest.FixtureRequest, data: Path) -> tuple[FreshDatabases, str]:
    """The demo branch with its records on PostgreSQL (pg_records): a copy of its database, to give
    back to the FreshDatabases returned, and its attachments copied into the data folder `data`."""
    databases, folder = request.getfixturevalue("pg_records")()
    shutil.copytree(folder, data)
    return databases, databases.take()


HISTORY_UNTIL = date(2026, 6, 30)  # the last day of history_year's year
HISTORY_FILE = "history.json"  # beside history_year's data folder: what its writing said


@dataclass(frozen=True)
class HistoryYear:
    folder: Path  # a closed data folder: copy it before opening it
    totals: dict[str, int]  # what fill_history said it wrote, per table
    progress: tuple[int, ...]  # the years its progress callback was told of


@pytest.fixture(scope="session")
def history_year(
    records_template: Callable[[], Path], tmp_path_factory: pytest.TempPathFactory
) -> HistoryYear:
    """The demo branch with its records, then a year of generated history (seed 1, ending at
    HISTORY_UNTIL), with the statistics its writing leaves behind: written once per run and per
    day (about 5 s of CPU), shared by the xdist workers (tests/run_shared.py), for the tests of the
    history and of the query plans it needs. The demo's ids are the same in every worker's
    records_template: a worker may compare the year with its own demo branch."""
    from branchguard.context import open_context

    def build(folder: Path) -> None:
        data = folder / "data"
        shutil.copytree(records_template(), data)
        ctx = open_context(data)
        progress: list[int] = []
        try:
            totals = ctx.services.demo.fill_history(
                1, 1, HISTORY_UNTIL, progress=lambda n, _counts: progress.append(n)
            )
        finally:
            ctx.close()
        (folder / HISTORY_FILE).write_text(json.dumps({"totals": totals, "progress": progress}))

    folder = built_once(tmp_path_factory, f"history-year-{date.today():%Y%m%d}", build)
    written = json.loads((folder / HISTORY_FILE).read_text())
    return HistoryYear(folder / "data", written["totals"], tuple(written["progress"]))


@pytest.fixture
def demo_folder(records_template: Callable[[], Path]) -> Callable[[Path], Path]:
    """Makes the folder given a copy of the demo branch with its records (see records_template)."""

    def make(folder: Path) -> Path:
        shutil.copytree(records_template(), folder)
        return folder

    return make


@pytest.fixture
def records_data_dir(tmp_path: Path, demo_folder: Callable[[Path], Path]) -> Path:
    """tmp_path/data holding a copy of the demo branch with its records (see records_template)."""
    return demo_folder(tmp_path / "data")


@pytest.fixture(scope="session")
def pg_fresh(pg_cluster: PgCluster, pg_template: str) -> FreshDatabases:
    """Databases as new as the template's copies, reused from test to test (see tests/pg_fresh.py)."""
    return FreshDatabases(connect=pg_cluster.connect, execute=pg_cluster.execute, template=pg_template)


@pytest.fixture(scope="session")
def pg_demo_fresh(pg_cluster: PgCluster, pg_demo_template: str) -> FreshDatabases:
    """Copies of the demo template, reused from test to test as pg_fresh's are."""
    return FreshDatabases(connect=pg_cluster.connect, execute=pg_cluster.execute, template=pg_demo_template)


@pytest.fixture
def fresh_data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """tmp_path/data holding a copy of the fresh database, where open_context looks by default; with
    the demo branch in it when the test asks for demo_filled (as tests/gui's gui_ctx does)."""
    data = tmp_path / "data"
    data.mkdir()
    template = "sqlite_demo_template" if "demo_filled" in request.fixturenames else "sqlite_template"
    shutil.copyfile(request.getfixturevalue(template), data / DEFAULT_DB_FILE)
    return data


def copy_fresh_sqlite(request: pytest.FixtureRequest, db_file: Path) -> None:
    template: Path = request.getfixturevalue("sqlite_template")
    db_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, db_file)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on an SQLite file and on a PostgreSQL database of its own.

    Empty, unless the test opens the context (`ctx`): then it holds what opening a new database
    makes, copied from the run's template; with the demo branch when the test asks for
    demo_filled, and with its records too (and their attachments in ctx's data folder) when it asks
    for records_filled.
    """
    fresh = "ctx" in request.fixturenames
    records = fresh and "records_filled" in request.fixturenames
    filled = fresh and "demo_filled" in request.fixturenames
    if request.param == "sqlite":
        db_file = tmp_path / SQLITE_FILE
        if records:
            copy_records(request, tmp_path / "data", db_file)
        elif filled:
            shutil.copyfile(request.getfixturevalue("sqlite_demo_template"), db_file)
        elif fresh:
            copy_fresh_sqlite(request, db_file)
        yield sqlite_url(db_file)
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    if fresh:
        if records:
            databases, name = take_records(request, tmp_path / "data")
        else:
            databases = request.getfixturevalue("pg_demo_fresh" if filled else "pg_fresh")
            name = databases.take()
        try:
            yield cluster.url(name)
        finally:
            databases.give_back(name)
        return
    name = f"bg_test_{uuid.uuid4().hex[:12]}"
    cluster.execute(f'CREATE DATABASE "{name}"')
    try:
        yield cluster.url(name)
    finally:
        cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def ctx(tmp_path: Path, db_url: str) -> Iterator[Any]:
    """The application context (settings, schema, services) on the test's database, which starts
    as a copy of a new one (see db_url): its `schema.action` is CURRENT, not CREATED."""
    from branchguard.context import open_context

    context = open_context(tmp_path / "data", db=db_url)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def demo_filled() -> bool:
    """Asked for by `demo` (and tests/gui's gui_ctx) alone, so that db_url and fresh_data_dir see it
    among the test's fixtures: that test's database starts as a copy of one the demo branch was
    filled into once per run (sqlite_demo_template, pg_demo_template), where filling it anew cost
    50-100 ms in each of 1,579 tests. tests/db/test_fresh_copy.py checks the copy holds what
    a fill makes."""
    return True


@pytest.fixture
def records_filled() -> bool:
    """Asked for by a test that starts where `demo.fill(records=True)` leaves a new branch (the
    demo with the records each capability adds: a drill run, inspections, hazards, complaints):
    db_url copies it from records_template or pg_records, its attachments into ctx's data folder,
    where filling it anew cost 1-3 s. tests/db/test_fresh_copy.py checks the copy holds what a
    fill makes."""
    return True


@pytest.fixture
def demo(ctx: Any, demo_filled: bool) -> list[Any]:
    """The demo branch, its people and contacts, and the accounts lead, staff and auditor."""
    from branchguard.core.demo.service import demo_accounts

    assert demo_filled and not ctx.services.demo.is_empty(), "db_url gave a database without the demo"
    return demo_accounts()


def _actor(ctx: Any, username: str) -> Actor:
    # Built from the stored account instead of logging in: every login verifies an argon2 hash
    # and writes an audit event, neither of which these tests are about.
    info = ctx.services.auth.user_by_name(username)
    assert info is not None, username
    return Actor(user_id=info.id, username=info.username, role=Role(info.role))


@pytest.fixture
def lead(ctx: Any, demo: list[Any]) -> Actor:
    return _actor(ctx, "lead")


@pytest.fixture
def staff(ctx: Any, demo: list[Any]) -> Actor:
    return _actor(ctx, "staff")


@pytest.fixture
def auditor(ctx: Any, demo: list[Any]) -> Actor:
    return _actor(ctx, "auditor")


# The tables a database was found to hold, by the digest of its shape: reflecting them anew cost
# 0.15-0.25 s per snapshot (in a profile of five folders of service tests, 23 s of their 152), and
# almost every snapshot is of the same shape, the template's.
_reflected: dict[tuple[str, str], list[Table]] = {}

SQLITE_SHAPE_SQL = """
SELECT group_concat(item, char(10)) FROM (
    SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') AS item
      FROM sqlite_master ORDER BY type, name
)
"""


def _tables_of(engine: Engine) -> list[Table]:
    """Every table of the database `engine` is on, as reflected; reflected again only when its
    shape (every table, column, index, constraint, trigger and view) differs from one seen before."""
    with engine.connect() as conn:
        sql = SQLITE_SHAPE_SQL if engine.dialect.name == "sqlite" else FINGERPRINT_SQL
        shape = str(conn.execute(text(sql)).scalar())
    key = (engine.dialect.name, shape)
    if key not in _reflected:
        meta = MetaData()
        meta.reflect(engine)
        _reflected[key] = meta.sorted_tables
    return _reflected[key]


def take_snapshot(engine: Engine, only: Collection[str] | None = None) -> Snapshot:
    """Every row of every table (or of the app's tables named in `only`), in a stable order: compare
    two to prove nothing was written."""
    if only is None:  # read from the database itself: it may hold tables the models do not know
        tables = _tables_of(engine)
    else:  # the models' own definitions: reflecting costs more than reading a few small tables
        from branchguard.db.tables import Base

        tables = [Base.metadata.tables[name] for name in sorted(only)]
    snap: Snapshot = {}
    with engine.connect() as conn:
        for table in tables:
            rows = conn.execute(select(table)).all()
            snap[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return snap


@pytest.fixture
def snapshot(ctx: Any) -> Callable[[], Snapshot]:
    return lambda: take_snapshot(ctx.engine)


@pytest.fixture
def no_installed_years() -> Iterator[None]:
    """Working-day years installed from a library belong to the process: a test that installs
    some starts and ends with the built-in data only (`pytest.mark.usefixtures`)."""
    from branchguard.core.kernel import working_days

    working_days.install([])
    yield
    working_days.install([])


@pytest.fixture
def shanghai_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time UTC+8 without daylight saving: a time in UTC and in local time read differently,
    and local and UTC dates differ in the morning."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    zone_read_again()
    yield
    monkeypatch.undo()
    zone_read_again()


def zone_read_again() -> None:
    """The process's zone read again from TZ: by the C library (datetime's local time) and by
    tzlocal, which keeps the name it read first (the branch's zone: dashboard, schedules). A worker
    that had read it in UTC kept UTC beside Shanghai's local time: a month's summary on 1 January
    at 01:00 in Shanghai (17:00 UTC) refused January as not begun."""
    import time

    import tzlocal

    time.tzset()
    tzlocal.reload_localzone()


@pytest.fixture
def pc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the zone of this PC (TZ, as libfaketime's tests did), put back after the test."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        zone_read_again()

    yield set_zone
    monkeypatch.undo()
    zone_read_again()
