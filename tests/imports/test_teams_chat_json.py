"""A Teams meeting chat saved as JSON: the data export's messages.json, the client's own
message list, and Microsoft Graph chat messages, read as sign-ins; odd JSON refused."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from db_arguments import db_argument
from report_files import write_text
from sqlalchemy import select

from desktop.cli import main
from desktop.core.errors import PrachumError
from desktop.core.models import Attendance
from desktop.imports.report_cli import read_report, run_report_import

MEETING_DAY = date(2024, 2, 14)


def message(sender, utc, content, kind="RichText/Html"):
    # The export's message fields; the sender's address is an opaque id, never a name.
    return {
        "id": "1707877865123",
        "displayName": sender,
        "originalarrivaltime": utc,
        "messagetype": kind,
        "version": 1707877865123,
        "content": content,
        "conversationid": "19:meeting_abc@thread.v2",
        "from": "8:orgid:00000000-0000-0000-0000-000000000001",
        "properties": None,
        "amsreferences": None,
    }


EXPORT = {
    "userId": "8:live:secretary",
    "exportDate": "2024-02-20T03:00:00Z",
    "conversations": [
        {
            "id": "19:meeting_abc@thread.v2",
            "displayName": "ประชุมเครือข่าย ครั้งที่ 2",
            "version": 1,
            "properties": {},
            "threadProperties": None,
            "MessageList": [
                message(
                    "ทต.บ้านกลาง", "2024-02-14T02:15:02.123Z", "<p>นายสมชาย ใจดี นายก ทต.บ้านกลาง</p>"
                ),
                message("กมล", "2024-02-14T02:16:40Z", "<p>กมล ทองดี</p><p>ปลัดเทศบาล ทม.ลำพูน</p>"),
                message("มาลี บุญมา", "2024-02-14T02:17:00Z", "<p>ได้ยินเสียงไหมคะ?</p>"),
                message(
                    "",
                    "2024-02-14T02:00:00Z",
                    "<addmember>…</addmember>",
                    "ThreadActivity/AddMember",
                ),
                message("สุดา", "2024-02-13T09:00:00Z", "สุดา วงศ์ใหญ่ ผอ.กองคลัง อบต.หางดง"),
            ],
        },
        {
            "id": "8:orgid:friend",
            "displayName": "Deniz Kaya",
            "version": 1,
            "properties": {},
            "threadProperties": None,
            "MessageList": [message("Deniz Kaya", "2024-02-14T05:00:00Z", "lunch?")],
        },
    ],
}

GRAPH = {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats('19%3Ameeting')/messages",
    "@odata.count": 4,
    "value": [
        {
            "id": "1",
            "messageType": "message",
            "createdDateTime": "2024-02-14T02:20:00.5Z",
            "deletedDateTime": None,
            "from": {"application": None, "user": {"id": "u1", "displayName": "Suda W."}},
            "body": {
                "contentType": "html",
                "content": "<div>สุดา&nbsp;วงศ์ใหญ่ ผอ.กองคลัง อบต.หางดง</div>",
            },
        },
        {
            "id": "2",
            "messageType": "systemEventMessage",
            "createdDateTime": "2024-02-14T02:00:00Z",
            "from": None,
            "body": {"contentType": "html", "content": "<systemEventMessage/>"},
        },
        {
            "id": "3",
            "messageType": "message",
            "createdDateTime": "2024-02-14T02:21:00Z",
            "deletedDateTime": "2024-02-14T02:22:00Z",
            "from": {"user": {"displayName": "Someone"}},
            "body": {"contentType": "text", "content": "ประภัสร์ ภู่เจริญ นายก ทม.ลำพูน"},
        },
        {
            "id": "4",
            "messageType": "message",
            "createdDateTime": "2024-02-14T02:23:00Z",
            "from": {"user": {"displayName": "Kasem"}},
            "body": {"contentType": "text", "content": "เกษม สุขเกษม นายก อบต.หางดง"},
        },
    ],
}


def write_json(tmp_path, name, data):
    return write_text(tmp_path / name, json.dumps(data, ensure_ascii=False))


def by_name(report):
    return {p.name: p for p in report.participants}


def test_the_data_exports_meeting_chat_read_in_thai_time(tmp_path):
    report = read_report(write_json(tmp_path, "messages.json", EXPORT), MEETING_DAY)
    people = by_name(report)
    assert report.platform == "teams"
    assert set(people) == {"นายสมชาย ใจดี นายก ทต.บ้านกลาง", "กมล ทองดี ปลัดเทศบาล ทม.ลำพูน"}
    somchai = people["นายสมชาย ใจดี นายก ทต.บ้านกลาง"]
    assert somchai.joined == datetime(2024, 2, 14, 9, 15, 2)  # 02:15 UTC
    assert somchai.original_name == "ทต.บ้านกลาง"  # the sender's display name kept beside
    assert report.title == "ประชุมเครือข่าย ครั้งที่ 2"
    assert any("2 chats" in n for n in report.notes)
    # Another day's sign-in (สุดา, the 13th) is not this meeting's.
    assert not any(name.startswith("สุดา") for name in people)


def test_graph_chat_messages_skip_system_and_deleted_ones(tmp_path):
    report = read_report(write_json(tmp_path, "chat-messages.json", GRAPH), MEETING_DAY)
    people = by_name(report)
    assert set(people) == {"สุดา วงศ์ใหญ่ ผอ.กองคลัง อบต.หางดง", "เกษม สุขเกษม นายก อบต.หางดง"}
    assert people["สุดา วงศ์ใหญ่ ผอ.กองคลัง อบต.หางดง"].original_name == "Suda W."
    assert people["เกษม สุขเกษม นายก อบต.หางดง"].joined == datetime(2024, 2, 14, 9, 23)
    # A bare list of the same messages (as saved from one page of the answer) is read too.
    bare = read_report(write_json(tmp_path, "page.json", GRAPH["value"]), MEETING_DAY)
    assert {p.name for p in bare.participants} == set(people)


def test_the_clients_own_message_list(tmp_path):
    data = {
        "_metadata": {"syncState": "x", "backwardLink": ""},
        "tenantId": "t",
        "messages": [
            {
                "composetime": "2024-02-14T02:40:00.000Z",
                "originalarrivaltime": "2024-02-14T02:40:01.000Z",
                "content": "<div>สมศรี นันทชัย ปลัด อบต.หางดง</div>",
                "imdisplayname": "Somsri N.",
                "messagetype": "RichText/Html",
                "from": "https://notifications.skype.net/v1/users/ME/contacts/8:orgid:x",
                "id": "1",
                "sequenceId": 5,
                "type": "Message",
                "version": "1",
            },
            {"messagetype": "Event/Call", "content": "<partlist/>", "imdisplayname": ""},
        ],
    }
    (somsri,) = read_report(write_json(tmp_path, "chat.json", data), MEETING_DAY).participants
    assert somsri.name == "สมศรี นันทชัย ปลัด อบต.หางดง"
    assert somsri.joined == datetime(2024, 2, 14, 9, 40, 1)  # as the server received it


ODD = {
    "another shape": '{"name": "budget", "rows": [1, 2, 3]}',
    "numbers": "[1, 2, 3]",
    "deep": "[" * 100_000 + "]" * 100_000,
    "contents not text": '{"value": [{"messageType": "message", "body": {"content": 5}}]}',
    "no sign-ins": json.dumps({"value": [GRAPH["value"][1]]}),
    "absurd name": json.dumps(
        {
            "value": [
                {
                    "messageType": "message",
                    "from": {"user": {"displayName": "ก" * 5000}},
                    "body": {"content": "กมล ทองดี"},
                    "createdDateTime": "2024-02-14T02:00:00Z",
                }
            ]
        }
    ),
}


@pytest.mark.parametrize("kind", sorted(ODD))
def test_odd_json_is_refused_and_changes_nothing(session, network, tmp_path, kind):
    path = write_text(tmp_path / "odd.json", ODD[kind])
    before = session.scalars(select(Attendance).order_by(Attendance.id)).all()
    state = [(a.id, a.status, a.source) for a in before]
    with pytest.raises(PrachumError) as refused:
        run_report_import(
            session, network.meeting_id, path, dry_run=False, mark_missing_absent=True
        )
    said = refused.value.message("en")
    assert "odd.json" in said or "absurd" in said
    after = session.scalars(select(Attendance).order_by(Attendance.id)).all()
    assert [(a.id, a.status, a.source) for a in after] == state


def test_the_command_settles_attendance_from_a_teams_json_chat(
    db, session, network, tmp_path, capsys
):
    session.commit()  # the command opens the database on its own
    path = write_json(tmp_path, "messages.json", EXPORT)
    args = ["--db", db_argument(db), "report", str(network.meeting_id), str(path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("Microsoft Teams report messages.json")
    with db.session() as fresh:
        line = fresh.scalars(
            select(Attendance).where(Attendance.person_id == network.people["kamon"])
        ).one()
        assert (line.status, line.source, line.joined) == ("present", "teams", time(9, 16))
