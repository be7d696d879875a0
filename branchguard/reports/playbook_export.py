"""The playbook exchange file as saved by `playbook export` and the window's Export: the file the
playbook service makes (core/playbooks/format.py), headed by the integrity block as YAML comments
with the signed anchor's token last, so `verify --anchor FILE.yaml` reads it back and an import
ignores it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.kernel.output import write_file
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring

if TYPE_CHECKING:
    from branchguard.core.services import Services


def build_playbook_export(
    services: Services,
    actor: Actor,
    codes: Sequence[str] | None,
    out_path: Path,
    on_anchor: anchoring.AnchorNote | None = None,
) -> Path:
    """Write the exchange file of `codes` (all plans when None) to `out_path` and append its signed
    anchor (`on_anchor` hears whether that worked). One plan names its current version as the
    record; several name none."""
    data = services.playbooks.export_file(actor, codes)
    entity, entity_id = "", ""
    if codes is not None and len(codes) == 1:
        version = services.playbooks.get(actor, codes[0])
        entity, entity_id = "playbook_version", str(version.info.version_id)
    what = "playbook export " + (",".join(codes)[:80] if codes is not None else "all")
    stamp = anchoring.stamp(services, actor, entity, entity_id, what)
    head = "".join(f"# {line}\n" for line in anchoring.lines(stamp))
    token = anchoring.keywords(stamp)
    if token:
        head += f"# {token}\n"
    write_file(Path(out_path), head.encode("utf-8") + data)
    anchoring.finish(services, stamp, on_anchor)
    return Path(out_path)
