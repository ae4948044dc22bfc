"""The item models on their own, without a view: what each cell says."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt

from desktop.core.services.views import AttendanceRow, MeetingSummary, PersonRow
from desktop.ui.meeting.attendance_model import (
    GROUP,
    JOINED,
    NAME,
    REASON,
    STATUS,
    AttendanceTableModel,
)
from desktop.ui.roster.models import PersonChoiceModel, PersonTableModel
from desktop.ui.shell.navigator_model import MeetingListModel


def line(ident, name, *, group="member", status="present", reason=None, joined=None):
    return AttendanceRow(
        ident,
        ident,
        name,
        "ปลัด",
        "ทต.บ้านกลาง",
        group,
        status,
        reason,
        None,
        joined,
        None,
        "typed",
        ident,
        "clerk",
    )


def test_attendance_cells_counts_and_what_may_be_edited(qapp):
    edits = []
    model = AttendanceTableModel(lambda *args: edits.append(args) or True)
    model.set_rows(
        [
            line(1, "นายสมชาย ใจดี", joined=time(9, 5)),
            line(2, "นางมาลี บุญมา", status="absent", reason="ลา"),
            line(3, "Mr. John Smith", group="participant"),
        ]
    )
    counts = model.counts()
    assert (counts.present, counts.absent, counts.participants) == (1, 1, 1)
    assert model.index(0, STATUS).data() == "✓ มาประชุม"
    assert model.index(1, STATUS).data() == "✗ ไม่มาประชุม"
    assert model.index(2, GROUP).data() == "ผู้เข้าร่วมประชุม"
    assert model.index(0, JOINED).data() == "09.05"
    assert model.index(1, NAME).data(Qt.ItemDataRole.BackgroundRole) is not None
    # A reason is only for someone absent; the status changes by Space or a click.
    assert not model.flags(model.index(0, REASON)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(1, REASON)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, STATUS)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(1, REASON), "ป่วย")
    assert not model.setData(model.index(1, REASON), "ลา")  # unchanged: no service call
    assert edits == [(2, "absence_reason", "ป่วย")]
    model.editable = False
    assert not model.flags(model.index(1, REASON)) & Qt.ItemFlag.ItemIsEditable


def test_refreshing_the_same_people_keeps_the_model_rows(qapp):
    model = AttendanceTableModel()
    model.set_rows([line(1, "ก"), line(2, "ข")])
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_rows([line(1, "ก", status="absent"), line(2, "ข")])
    assert resets == []  # selection and scroll position survive a status change
    model.set_rows([line(2, "ข")])
    assert resets == [True]


def person(ident, given, family, organization="เทศบาลตำบลบ้านกลาง", active=True):
    return PersonRow(
        ident, "นาย", given, family, "ปลัด", "clerk", 1, organization, None, None, None, active
    )


def test_the_people_model_filters_ten_thousand_rows_in_the_model(qapp):
    model = PersonTableModel()
    rows = [person(i, f"สมชาย{i}", "ใจดี") for i in range(10_000)]
    rows.append(person(10_001, "มาลี", "บุญมา", organization="อบต.ทุ่งต้อม"))
    model.set_rows(rows)
    assert model.rowCount() == 10_001
    model.set_filter("ทุ่ง")
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "นายมาลี บุญมา"
    model.set_filter("")
    assert model.rowCount() == model.total() == 10_001


def test_the_people_model_sorts_in_thai_dictionary_order(qapp):
    model = PersonTableModel()
    model.set_rows([person(1, "เกษม", "ก"), person(2, "กมล", "ข"), person(3, "ไพโรจน์", "ค")])
    model.sort(PersonTableModel.NAME)
    # เกษม sorts under ก (its consonant), after กมล.
    assert [model.row(r).given_name for r in range(3)] == ["กมล", "เกษม", "ไพโรจน์"]


def test_a_person_choice_starts_with_nobody(qapp):
    model = PersonChoiceModel()
    model.set_rows([person(7, "สมชาย", "ใจดี")])
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "(ไม่ระบุ)"
    assert model.row_of(7) == 1 and model.row_of(None) == 0 and model.row_of(99) == 0


def test_a_meeting_is_listed_by_number_buddhist_era_date_and_title(qapp):
    model = MeetingListModel()
    model.set_rows(
        [
            MeetingSummary(1, None, 2, date(2024, 2, 14), "การประชุมคณะทำงาน", "draft"),
            MeetingSummary(2, None, None, date(2024, 5, 8), "สัมมนา", "final"),
        ]
    )
    assert model.index(0, 0).data() == "ครั้งที่ 2/2567 · 14 ก.พ. 2567\nการประชุมคณะทำงาน"
    assert model.index(1, 0).data() == "8 พ.ค. 2567\nสัมมนา"
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()  # final: read-only
    assert model.row_of(2) == 1 and model.row_of(5) == -1


def test_a_declared_column_answers_every_role_it_declares(qapp):
    from desktop.ui.base.table import RIGHT, Column, RowModel

    ticked: list[tuple[int, bool]] = []
    model = RowModel(
        [
            Column("ชื่อ", lambda p: p.given_name, tooltip=lambda p: p.family_name),
            Column(
                "รหัส",
                lambda p: str(p.id),
                RIGHT,
                sort_key=lambda p: p.id,
                checked=lambda p: p.active,
                tick=lambda p, on: ticked.append((p.id, on)),
            ),
        ],
        ident=lambda p: p.id,
        row_roles={Qt.ItemDataRole.UserRole: lambda p: p.id},
    )
    model.set_rows([person(10, "ไพโรจน์", "ค"), person(2, "กมล", "ข", active=False)])
    assert model.headerData(1, Qt.Orientation.Horizontal) == "รหัส"
    assert model.index(1).data() == "กมล"
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == "ค"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT)
    assert model.index(1, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == 2
    assert model.row_of(2) == 1 and model.row_of(99) == -1
    # Only a column that takes a tick is checkable, and a tick reaches its declaration.
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(1, 1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert ticked == [(2, True)]
    model.sort(1)  # by its key, a number: 2 before 10 (as text "10" would come first)
    assert [model.row(n).id for n in range(2)] == [2, 10]
    model.sort(0, Qt.SortOrder.DescendingOrder)  # by its text in Thai order
    assert [model.row(n).given_name for n in range(2)] == ["ไพโรจน์", "กมล"]
