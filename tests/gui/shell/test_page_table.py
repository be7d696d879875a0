"""The page table: every entry loads its page, and reading the table imports no page module."""

from __future__ import annotations

import subprocess
import sys

import pytest

from branchguard.core.kernel.roles import ROLE_TABLE
from branchguard.gui.kit.page import Page, PageInfo, page_info, register_page, registered_pages


def test_every_registered_page_loads_the_page_it_names() -> None:
    pages = registered_pages()
    assert [p.order for p in pages] == sorted(p.order for p in pages)
    assert len({p.page_id for p in pages}) == len(pages)
    for info in pages:
        cls = info.load()
        assert issubclass(cls, Page) and cls.page_id == info.page_id and cls.__name__ == info.class_name
        assert cls.info() is info
        assert info.module.startswith("branchguard.gui.")  # bundled by the spec's collect_submodules
        assert info.action in ROLE_TABLE  # the sidebar asks the role table who sees it


def test_reading_the_table_imports_no_page() -> None:
    code = (
        "import sys\n"
        "from branchguard.gui.kit.page import registered_pages\n"
        "ids = [p.page_id for p in registered_pages()]\n"
        "print(len(ids), sorted(m for m in sys.modules if m.startswith('branchguard.gui.shell.pages.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    count, loaded = out.split(" ", 1)
    assert int(count) >= 5 and loaded.strip() == "[]"


def test_a_wrong_entry_fails_on_load_and_a_duplicate_id_on_registration() -> None:
    # The table first: in a process that had not read it yet (one test worker's share of the run),
    # the wrong entry was registered instead of refused, and the real table's import then failed in
    # every later test of that process (a start-up's error box that waited forever).
    registered_pages()
    wrong_class = PageInfo("people", "branchguard.gui.audit.page", "AuditPage", "People", "people", 1,
                           "page.people.view")
    with pytest.raises(TypeError, match="AuditPage"):
        wrong_class.load()
    with pytest.raises(ValueError, match="two pages"):
        register_page(wrong_class)
    assert page_info("people").class_name == "PeoplePage"
    with pytest.raises(KeyError):
        page_info("no-such-page")
