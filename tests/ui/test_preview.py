"""The live preview shows what the DOCX will say, in its order, and follows her typing
before it is even stored, redrawing only what changed."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextDocument
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core import services
from desktop.core.db import open_database
from desktop.exports.minutes_text import (
    BodyParagraph,
    ItemTitle,
    Resolution,
    TitleLine,
    block_text,
    minutes_blocks,
)
from desktop.ui.meeting.preview.render import MinutesDocument


def paragraphs(document: QTextDocument) -> list[str]:
    block, lines = document.begin(), []
    while block.isValid():
        lines.append(block.text())
        block = block.next()
    return lines


def shown(minutes: MinutesDocument, blocks) -> list[str]:
    return ["".join(text for text, _bold in minutes.runs(b)) for b in blocks]


def test_the_preview_says_what_the_minutes_say_in_their_order(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    qtbot.waitUntil(lambda: agenda.panes_fitted, timeout=2000)
    agenda.preview_button.setChecked(True)  # a test screen is too narrow: it starts hidden
    preview = agenda.preview
    qtbot.waitUntil(lambda: preview.content is not None, timeout=5000)
    database = open_database(db_path)
    with database.session() as session:
        blocks = minutes_blocks(services.load_meeting(session, ids.meeting_id))
    database.close()
    assert preview.content.blocks == blocks
    assert paragraphs(preview.document) == shown(preview.minutes, blocks)
    text = preview.text()
    for block in blocks:
        for word in block_text(block).split():
            assert word in text
    settle(qtbot)


def test_typing_shows_in_the_preview_before_it_is_stored(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    qtbot.waitUntil(lambda: agenda.panes_fitted, timeout=2000)
    agenda.preview_button.setChecked(True)  # a test screen is too narrow: it starts hidden
    preview = agenda.preview
    qtbot.waitUntil(lambda: preview.content is not None, timeout=5000)
    first = agenda.view.items[0]
    agenda.choose(first.id)
    saver = agenda.editor.savers["body"]
    for timer in (saver.timer, saver.deadline):
        timer.setInterval(60_000)  # she types on: nothing stored yet
    with qtbot.waitSignal(preview.refreshed, timeout=5000):
        keys.type(agenda.editor.body, "ประธานแจ้งการจัดงานวันท้องถิ่นไทย")
    assert "ประธานแจ้งการจัดงานวันท้องถิ่นไทย" in preview.text()
    assert agenda.read().find(first.id).body == ""  # shown, not yet stored
    index = preview.content.item_blocks[first.id]
    assert isinstance(preview.content.blocks[index], ItemTitle)
    assert preview.content.blocks[index + 1] == BodyParagraph("ประธานแจ้งการจัดงานวันท้องถิ่นไทย")
    settle(qtbot)


def test_patching_changed_paragraphs_gives_the_same_document_as_drawing_afresh(qapp):
    rng = random.Random(2567)
    pool = [
        TitleLine("รายงานการประชุม"),
        ItemTitle("ระเบียบวาระที่ 1", "เรื่องที่ประธานแจ้ง"),
        ItemTitle("2.1", "โครงการ", 1),
        BodyParagraph("ประธานแจ้งที่ประชุม"),
        BodyParagraph("ฝ่ายเลขานุการเสนอ", 1),
        Resolution("ที่ประชุมรับทราบ"),
        Resolution("ต่อเนื่อง", False),
    ]
    patched = MinutesDocument(QTextDocument())
    blocks: list = []
    for _ in range(150):
        at = rng.randrange(len(blocks) + 1)
        change = rng.choice(("insert", "delete", "replace", "many"))
        if change == "insert" or not blocks:
            blocks.insert(at, rng.choice(pool))
        elif change == "delete":
            del blocks[min(at, len(blocks) - 1)]
        elif change == "replace":
            blocks[min(at, len(blocks) - 1)] = rng.choice(pool)
        else:
            blocks[at : at + rng.randrange(3)] = rng.choices(pool, k=rng.randrange(4))
        patched.show(blocks)
        fresh = MinutesDocument(QTextDocument())
        fresh.show(blocks)
        assert paragraphs(patched.document) == paragraphs(fresh.document) or not blocks
        for number, block in enumerate(blocks):
            shown_format = patched.document.findBlockByNumber(number).blockFormat()
            wanted = patched.block_format(block)
            assert shown_format.leftMargin() == wanted.leftMargin()
            assert shown_format.alignment() == wanted.alignment()


def test_a_refresh_after_one_word_redraws_only_its_paragraph(qapp):
    minutes = MinutesDocument(QTextDocument())
    blocks = [TitleLine("รายงานการประชุม")] + [BodyParagraph(f"ย่อหน้าที่ {n}") for n in range(300)]
    minutes.show(blocks)
    blocks[150] = BodyParagraph("ย่อหน้าที่ 150 แก้ไขแล้ว")
    assert minutes.show(blocks) == (150, 1)
    assert minutes.document.findBlockByNumber(150).text() == "ย่อหน้าที่ 150 แก้ไขแล้ว"
    assert minutes.document.blockCount() == 301
