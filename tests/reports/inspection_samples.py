"""An inspection built directly from the types, for the inspection report's tests: every result,
photos (one of them gone from the store), an amendment and both signatures."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from PIL import Image

from branchguard.core.inspections.types import (
    Amendment,
    Answer,
    InspectionDetail,
    InspectionInfo,
    InspectionStatus,
    ItemCategory,
    ItemResult,
    Signature,
    SignatureRole,
    TemplateItem,
)
from branchguard.core.kernel.attachments import AttachmentError, AttachmentRef, sha256_of
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Text2

STARTED = datetime(2026, 11, 28, 1, 30, tzinfo=UTC)
LONG_NOTE = "灭火器压力表指针位于红区，瓶身标签模糊，已贴警示标识并通知物业更换。" * 6


def jpeg(colour: str, size: tuple[int, int] = (1600, 1200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


class PhotoStore:
    """Photos by hash, as the attachment store would give them back; a missing one raises."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add(self, name: str, data: bytes) -> AttachmentRef:
        ref = AttachmentRef(name, sha256_of(data), len(data), "image/jpeg")
        self.files[ref.sha256] = data
        return ref

    def gone(self, name: str) -> AttachmentRef:
        data = jpeg("black", (10, 10))
        return AttachmentRef(name, sha256_of(data), len(data), "image/jpeg")

    def read(self, ref: AttachmentRef) -> bytes:
        if ref.sha256 not in self.files:
            path = f"attachments/{ref.sha256[:2]}/{ref.sha256}"
            raise AttachmentError("field.attachment", Message("attachment.missing", path=path))
        return self.files[ref.sha256]


def _item(key: str, zh: str, en: str, category: ItemCategory, criterion: tuple[str, str]) -> TemplateItem:
    return TemplateItem(key, Text2(zh, en), category, Text2(*criterion), photo_required_on_fail=True)


ITEMS = (
    _item("exits", "安全出口、疏散通道畅通", "Exits and escape routes clear", ItemCategory.EXITS,
          ("无堵塞、未上锁", "Nothing blocking, not locked")),
    _item("extinguishers", "灭火器在位、压力正常", "Extinguishers in place, gauge in the green",
          ItemCategory.FIRE_SAFETY, ("压力表指针在绿区", "Gauge needle in the green")),
    _item("lights", "应急照明灯完好", "Emergency lights working", ItemCategory.EXITS,
          ("断电测试点亮", "Lit on the power-cut test")),
    _item("posts", "重点岗位人员在岗", "Key posts staffed", ItemCategory.STAFFING, ("", "")),
    _item("earlier", "前次隐患已整改", "Earlier hazards fixed", ItemCategory.FOLLOW_UP,
          ("无逾期未改隐患", "No overdue hazard left")),
)  # fmt: skip


def inspection(store: PhotoStore, *, submitted: bool = True) -> InspectionDetail:
    fail_photo = store.add("灭火器压力.jpg", jpeg("red"))
    exit_photo = store.add("exit.jpg", jpeg("green", (900, 1600)))
    missing = store.gone("丢失的照片.jpg")
    amend_photo = store.add("补拍.jpg", jpeg("orange"))
    results = (ItemResult.PASS, ItemResult.FAIL, ItemResult.FAIL, ItemResult.NA, ItemResult.PASS)
    answers = []
    for n, (item, result) in enumerate(zip(ITEMS, results, strict=True), start=1):
        photos: tuple[AttachmentRef, ...] = ()
        note = ""
        if n == 1:
            photos = (exit_photo,)
        if n == 2:
            photos, note = (fail_photo, missing), LONG_NOTE
        given = result if submitted or n < 4 else None  # a draft has its last two items open
        answers.append(
            Answer(
                number=n,
                item=item,
                result=given,
                note=note,
                photos=photos,
                answered_by="staff" if given else None,
                answered_at=STARTED + timedelta(minutes=n) if given else None,
                # Item 3 was submitted as a pass and amended to a fail.
                original_result=ItemResult.PASS if n == 3 and submitted else given,
                hazard_id={2: 7, 3: 8}.get(n) if submitted else None,
            )
        )
    amendment = Amendment(
        id=1,
        inspection_id=4,
        item_number=3,
        old_result=ItemResult.PASS,
        new_result=ItemResult.FAIL,
        note="复查时两盏应急灯不亮",
        photos=(amend_photo,),
        reason="复核人复查发现",
        amended_by="lead",
        amended_at=STARTED + timedelta(hours=3),
        hazard_id=8,
    )
    signatures = (
        Signature(SignatureRole.INSPECTOR, "张三", "staff", STARTED + timedelta(minutes=20)),
        Signature(SignatureRole.REVIEWER, "王经理", "lead", STARTED + timedelta(minutes=40)),
    )
    info = InspectionInfo(
        id=4,
        template_code="FIRE_DAILY",
        template_name=Text2("每日防火巡查", "Daily fire patrol"),
        template_version=2,
        template_version_id=9,
        status=InspectionStatus.SUBMITTED if submitted else InspectionStatus.DRAFT,
        location="营业大厅",
        notes="营业前巡查",
        started_by="staff",
        started_at=STARTED,
        submitted_by="staff" if submitted else None,
        submitted_at=STARTED + timedelta(minutes=25) if submitted else None,
        occurrence_id=None,
        total=5,
        answered=5 if submitted else 3,
        failed=2,
        hazard_count=2 if submitted else 0,
        amendment_count=1 if submitted else 0,
    )
    return InspectionDetail(
        info=info,
        params=(),
        answers=tuple(answers),
        signatures=signatures if submitted else signatures[:1],
        amendments=(amendment,) if submitted else (),
    )
