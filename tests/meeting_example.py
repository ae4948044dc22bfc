"""A complete, valid meeting file used by the importer's tests and its fuzzing."""


def example() -> dict:
    """A complete, valid meeting file with every kind of entry."""
    return {
        "format": "prachum.meeting",
        "version": 1,
        "network": {"name": "เครือข่ายเทศบาลลุ่มน้ำปิง", "description": "ทดสอบ", "members": ["o1", "o2"]},
        "organizations": [
            {
                "id": "o1",
                "name": "เทศบาลตำบลบ้านกลาง",
                "short_name": "ทต.บ้านกลาง",
                "kind": "subdistrict_municipality",
                "district": "สันป่าตอง",
                "province": "เชียงใหม่",
            },
            {
                "id": "o2",
                "name": "องค์การบริหารส่วนตำบลทุ่งต้อม",
                "short_name": "อบต.ทุ่งต้อม",
                "kind": "sao",
                "district": "สันป่าตอง",
                "province": "เชียงใหม่",
            },
        ],
        "people": [
            {
                "id": "p1",
                "honorific": "นาย",
                "given_name": "สมชาย",
                "family_name": "ใจดี",
                "position": "นายกเทศมนตรีตำบลบ้านกลาง",
                "role": "executive",
                "organization": "o1",
            },
            {
                "id": "p2",
                "honorific": "นางสาว",
                "given_name": "วิไล",
                "family_name": "ศรีสุข",
                "position": "รองปลัดเทศบาล",
                "role": "deputy_clerk",
                "organization": "o1",
            },
            {
                "id": "p3",
                "honorific": "นาง",
                "given_name": "มาลี",
                "family_name": "บุญมา",
                "position": "นักวิเคราะห์นโยบายและแผน",
                "role": "officer",
                "organization": "o2",
                "email": "malee@example.org",
                "phone": "053-000000",
            },
        ],
        "meeting": {
            "title": "การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
            "title_en": "Ping River Municipal Network working group",
            "number": 2,
            "date": "2024-02-14",
            "start": "09:30",
            "end": "12:00",
            "mode": "online",
            "platform": "Zoom",
            "host": "o1",
            "chair": "p1",
            "recorder": "p3",
            "reviewer": "p2",
            "opening": "ประธานกล่าวเปิดการประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้",
            "attendance": [
                {
                    "person": "p1",
                    "group": "member",
                    "status": "present",
                    "joined": "09:20",
                    "left": "12:00",
                },
                {
                    "person": "p2",
                    "group": "member",
                    "status": "present",
                    "acting_as": "ปลัดเทศบาลตำบลบ้านกลาง",
                },
                {
                    "person": "p3",
                    "group": "participant",
                    "status": "absent",
                    "absence_reason": "ติดราชการ",
                },
            ],
            "agenda": [
                {
                    "number": "1",
                    "category": "announcements",
                    "title": "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
                    "body": "ประธานแจ้งกำหนดการ\nบรรทัดที่สอง",
                    "resolution": "ที่ประชุมรับทราบ",
                },
                {
                    "number": "2",
                    "category": "for_consideration",
                    "title": "เรื่องเสนอเพื่อพิจารณา",
                    "items": [
                        {
                            "number": "2.1",
                            "category": "for_consideration",
                            "title": "แนวทางการดำเนินงานของเครือข่าย",
                            "body": "ฝ่ายเลขานุการเสนอแนวทาง",
                            "resolution": "ที่ประชุมเห็นชอบร่วมกันดำเนินงาน ดังนี้",
                            "resolution_points": ["จัดตั้งคณะทำงานร่วม", "ประชุมทุกไตรมาส"],
                            "actions": [
                                {
                                    "text": "จัดทำร่างคำสั่งคณะทำงาน",
                                    "owner": "o1",
                                    "due": "2024-03-01",
                                    "done": False,
                                },
                                {"text": "แจ้งรายชื่อผู้แทน", "owner": "p3", "done": True},
                            ],
                        },
                    ],
                },
            ],
        },
    }


def example_v2() -> dict:
    """The example as version 2: quorum, online details, recording, capacities, votes."""
    data = example()
    data["version"] = 2
    meeting = data["meeting"]
    meeting["quorum"] = 2
    meeting["online"] = {
        "link": "https://zoom.example/j/84511223344",
        "meeting_id": "845 1122 3344",
        "passcode": "ปิง2567",
    }
    meeting["recording"] = "ไดรฟ์กลางของเทศบาล โฟลเดอร์ ประชุม/2567/ครั้งที่ 2"
    attendance = meeting["attendance"]
    attendance[0].update(capacity="ประธาน", identity="camera")
    attendance[1].update(capacity="กรรมการและเลขานุการ", identity="otp")
    attendance[2].update(capacity="ผู้ช่วยเลขานุการ")
    item = meeting["agenda"][1]["items"][0]
    item["vote"] = {
        "for": 1,
        "against": 0,
        "abstain": 1,
        "ballot": "secret",
        "mover": "p2",
        "seconder": "p1",
    }
    meeting["agenda"][0]["vote"] = {"ballot": "open"}
    return data
