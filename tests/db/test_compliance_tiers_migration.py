"""Revision 0010: the built-in tier rules of an older database are rewritten to match on tiers,
unless the branch edited them; a downgrade gives back what was there."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import text

from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.migrate import alembic_config

INSERT = text(
    "INSERT INTO drill_compliance_rules (region, code, name_zh, name_en, interval_months, categories, "
    "scopes, source, active, updated_by, updated_at) VALUES (:region, :code, 'x', 'x', 12, '[]', :scopes, "
    "'', 1, 'system', '2026-01-01 00:00:00')"
)


def _rules(conn) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    rows = conn.execute(text("SELECT region, code, scopes, tiers FROM drill_compliance_rules"))
    return {(r, c): (json.loads(s), json.loads(t)) for r, c, s, t in rows}


def test_upgrade_moves_the_built_in_tier_rules_to_tiers_and_back(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "m.sqlite"))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
        for region, code, scopes in (
            ("", "COMPREHENSIVE", ["comprehensive"]),
            ("", "ONSITE", ["single_topic"]),
            ("", "ROBBERY", []),
            ("GD", "COMPREHENSIVE", ["comprehensive"]),  # a region's own copy: left alone
            ("", "EDITED", ["comprehensive"]),
        ):
            conn.execute(INSERT, {"region": region, "code": code, "scopes": json.dumps(scopes)})
        command.upgrade(cfg, "0010")
        after = _rules(conn)
        assert after[("", "COMPREHENSIVE")] == ([], ["comprehensive", "special"])
        assert after[("", "ONSITE")] == ([], ["onsite"])
        assert after[("", "ROBBERY")] == ([], [])
        assert after[("GD", "COMPREHENSIVE")] == (["comprehensive"], [])
        assert after[("", "EDITED")] == (["comprehensive"], [])
        command.downgrade(cfg, "0009")
        rows = conn.execute(text("SELECT region, code, scopes FROM drill_compliance_rules")).all()
        assert {(r, c): json.loads(s) for r, c, s in rows}[("", "COMPREHENSIVE")] == ["comprehensive"]
        assert {(r, c): json.loads(s) for r, c, s in rows}[("", "ONSITE")] == ["single_topic"]
    engine.dispose()
