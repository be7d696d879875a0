"""Report test helpers: a demo database, and reading PDFs back with poppler's tools."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.i18n import Message, set_language
from branchguard.core.kernel.types import Actor

BROKEN = Message("anchor.proof.chain_broken")  # a document's proof: nothing proved


@dataclass
class Demo:
    ctx: AppContext
    actor: Actor

    def one(self, query: str, **params: object) -> int:
        """The number `query` finds (it must find one)."""
        with self.ctx.engine.connect() as conn:
            found = conn.execute(text(query), params).scalar()
        assert found is not None, query
        return int(found)

    def sql(self, statement: str, **params: object) -> None:
        """Rewrite records as raw SQL would, outside the app (at least one row must change)."""
        with self.ctx.engine.begin() as conn:
            assert conn.execute(text(statement), params).rowcount, statement


@pytest.fixture
def demo(fresh_data_dir: Path) -> Iterator[Demo]:
    ctx = open_context(fresh_data_dir)
    ctx.services.demo.fill()
    actor = ctx.services.auth.login("lead", "lead-demo-2026")
    yield Demo(ctx, actor)
    ctx.close()


@pytest.fixture(autouse=True)
def chinese_afterwards() -> Iterator[None]:
    """Tests switch the language; the next test starts in the default again."""
    yield
    set_language("zh_CN")


@dataclass(frozen=True)
class PdfFont:
    name: str
    embedded: bool


class Pdf:
    """Reads a PDF back the way a user's tools would: poppler's pdftotext, pdfinfo, pdffonts."""

    @staticmethod
    def text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
        args = ["pdftotext", "-enc", "UTF-8"]
        if page is not None:
            args += ["-f", str(page), "-l", str(page)]
        if layout:
            args.append("-layout")
        return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout

    @staticmethod
    def squashed(text: str) -> str:
        """Text without whitespace: pdftotext spaces CJK next to digits as it likes."""
        return re.sub(r"\s+", "", text)

    @staticmethod
    def pages(path: Path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        assert match, info
        return int(match.group(1))

    @staticmethod
    def fonts(path: Path) -> list[PdfFont]:
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = []
        for line in out.splitlines()[2:]:
            # name type [type…] encoding emb sub uni object ID: the flags sit at fixed places from the end.
            parts = line.split()
            fonts.append(PdfFont(name=parts[0], embedded=parts[-5] == "yes"))
        return fonts


def proves_nothing(out: Path) -> bool:
    """Whether the document's integrity block says that nothing is proved."""
    return Pdf.squashed(BROKEN.text("zh_CN")) in Pdf.squashed(Pdf.text(out))


@pytest.fixture
def pdf() -> type[Pdf]:
    return Pdf
