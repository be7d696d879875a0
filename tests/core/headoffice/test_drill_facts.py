"""What head office counts a branch's drill by (core/headoffice/rules.py `facts`): its score once
evaluated; none for a drill recorded afterwards and voided, which keeps its evaluation as entered
but was never held (core/drills/held.py)."""

from __future__ import annotations

from branchguard.core.headoffice.rules import facts

DRILL = {
    "id": 5,
    "category": "fire_evacuation",
    "status": "evaluated",
    "run_at": "2026-10-15T01:30:00.000000Z",
    "planned_at": "2026-10-15T01:30:00.000000Z",
    "incident_id": None,
    "evaluation": {"score": 86.0, "evaluated_at": "2026-12-07T05:44:48.000000Z"},
}


def test_an_evaluated_drill_counts_by_its_score() -> None:
    assert facts("drills", DRILL, "2026-10")["score"] == 86.0


def test_a_voided_drill_has_no_score_to_count() -> None:
    voided = facts("drills", DRILL | {"status": "cancelled"}, "2026-10")
    assert voided["score"] is None and voided["status"] == "cancelled"
