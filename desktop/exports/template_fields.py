"""The fields her own templates can use, said for her to read (`template PAPER --fields`,
and the Papers dialog's "Fields a template can use").

Each row: the field as she writes it, what it holds in Thai and in English, an example.
The lists are what paper_templates.meeting_context and letter_templates.letter_context
give; a test keeps them the same.
"""

from __future__ import annotations

Field = tuple[str, str, str, str]

MEETING_FIELDS: tuple[Field, ...] = (
    ("meeting.title", "ชื่อการประชุม", "the meeting's title", ""),
    ("meeting.number", "ครั้งที่", "its number", "ครั้งที่ 1/2567"),
    ("meeting.date_long", "วันที่ประชุมเต็ม", "its date in full", "วันพุธที่ 14 กุมภาพันธ์ 2567"),
    ("meeting.date", "วันที่ประชุม", "its date", "14 กุมภาพันธ์ 2567"),
    ("meeting.start", "เวลาเริ่ม", "the start", "09.30 น."),
    ("meeting.end", "เวลาเลิก", "the end", "12.00 น."),
    ("meeting.place", "สถานที่หรือช่องทางออนไลน์", "where it is held (or online)", ""),
    ("meeting.venue", "ห้องประชุม", "the room", ""),
    ("meeting.network", "เครือข่าย", "the network", ""),
    ("meeting.host", "หน่วยงานเจ้าภาพ", "the host", ""),
    ("meeting.online_link", "ลิงก์ประชุมออนไลน์", "the online link", ""),
    ("meeting.online_meeting_id", "Meeting ID", "the meeting ID", ""),
    ("meeting.online_passcode", "Passcode", "the passcode", ""),
    ("today", "วันที่วันนี้", "today's date", ""),
)
ITEM_FIELDS: tuple[Field, ...] = (
    ("items", "ระเบียบวาระ (รายการ)", "the agenda items (a list)", "{%p for item in items %}"),
    ("item.number", "เลขวาระ", "the item's number", "1"),
    ("item.title", "ชื่อเรื่อง", "its title", ""),
    ("item.body", "รายละเอียด", "its prepared text", ""),
    ("item.resolution", "มติที่ประชุม", "its resolution", ""),
    ("item.points", "ข้อของมติ (รายการ)", "the resolution's points (a list)", ""),
    ("item.subitems", "วาระย่อย (รายการ)", "its sub-items (a list, the same fields)", ""),
)
ATTENDEE_FIELDS: tuple[Field, ...] = (
    ("attendees", "ผู้เข้าประชุม (รายการ)", "the attendees (a list)", "{%p for a in attendees %}"),
    ("a.number", "ลำดับ", "the line's number", ""),
    ("a.name", "ชื่อ", "the name", ""),
    ("a.position", "ตำแหน่ง", "the position", ""),
    ("a.acting_as", "รักษาราชการแทน", "acting as", ""),
    ("a.organization", "หน่วยงาน", "the organisation", ""),
    ("a.present", "มาประชุม (จริง/เท็จ)", "present (true or false)", ""),
    ("a.member", "เป็นกรรมการ (จริง/เท็จ)", "a member (true or false)", ""),
    ("a.absence_reason", "เหตุที่ไม่มา", "why absent", ""),
)
NEWS_FIELDS: tuple[Field, ...] = (
    ("paragraphs", "ย่อหน้าของข่าว (รายการ)", "the release's paragraphs (a list)", ""),
)
LETTER_FIELDS: tuple[Field, ...] = (
    ("letter.code", "เลขที่หนังสือ (ไม่มีคำว่า ที่)", "the letter's number", "ชม 52001/ว 12"),
    ("letter.number", "เลขทะเบียนหนังสือส่งของชุดนี้", "the register's number", "12"),
    ("letter.date", "วันที่ของหนังสือ", "the letter's date", "10 มกราคม 2567"),
    ("letter.recipient", "ชื่อหน่วยงานผู้รับ", "the receiving organisation", "เทศบาลเมืองลำพูน"),
    ("letter.salutation", "คำขึ้นต้น (ไม่มีคำว่า เรียน)", "the เรียน line", "นายกเทศมนตรีเมืองลำพูน"),
    ("letter.subject", "เรื่อง (ไม่มีคำว่า เรื่อง)", "the subject", "ขอเชิญประชุม…"),
    ("letter.enclosure", "สิ่งที่ส่งมาด้วย", "the enclosure", "ระเบียบวาระการประชุม จำนวน 1 ชุด"),
    ("letter.sender", "ชื่อหน่วยงานผู้ส่ง", "the sending organisation", "เทศบาลตำบลบ้านกลาง"),
    ("letter.address", "ที่อยู่ผู้ส่ง (รายการบรรทัด)", "the sender's address (lines)", ""),
    ("letter.body", "ย่อหน้าเนื้อความ (รายการ)", "the body's paragraphs (a list)", ""),
    ("letter.online", "ลิงก์ Meeting ID Passcode (รายการ)", "how to join online (lines)", ""),
    ("letter.closing", "ย่อหน้าลงท้าย", "the closing paragraph", "จึงเรียนมาเพื่อโปรดพิจารณา…"),
    ("letter.regards", "คำลงท้าย", "the regards", "ขอแสดงความนับถือ"),
    ("letter.signer", "ชื่อผู้ลงนามในวงเล็บ", "the signer's name in brackets", "(นายสมชาย ใจดี)"),
    ("letter.signer_lines", "ตำแหน่งผู้ลงนาม (รายการบรรทัด)", "the signer's position (lines)", ""),
    ("letter.office", "ส่วนราชการเจ้าของเรื่อง โทร. อีเมล (รายการ)", "unit, telephone, e-mail", ""),
)
LETTER_LISTS = frozenset(("address", "body", "online", "signer_lines", "office"))

PAPER_FIELDS: dict[str, tuple[Field, ...]] = {
    "invitation": (*LETTER_FIELDS, *MEETING_FIELDS, *ITEM_FIELDS),
    "agenda": (*MEETING_FIELDS, *ITEM_FIELDS),
    "minutes": (*MEETING_FIELDS, *ATTENDEE_FIELDS, *ITEM_FIELDS),
    "news": (*NEWS_FIELDS, *MEETING_FIELDS, *ATTENDEE_FIELDS, *ITEM_FIELDS),
}

_HOW = {
    "th": "เขียนช่องข้อมูลในแม่แบบแบบนี้ {{ ชื่อช่อง }}; รายการใช้วนซ้ำ "
    "{%p for x in รายการ %} … {%p endfor %} (แต่ละคำสั่งอยู่ในย่อหน้าของตัวเอง)",
    "en": "Write a field in the template as {{ field }}; loop over a list with "
    "{%p for x in list %} … {%p endfor %} (each tag in a paragraph of its own).",
}
_LETTER_NOTE = {
    "th": "แม่แบบหนังสือเชิญคือหนังสือหนึ่งฉบับ: เติมให้ทุกหน่วยงานผู้รับ ฉบับละหน้าใหม่ "
    "เลข ว เดียวกันทั้งชุด; หัวกระดาษและท้ายกระดาษใช้ร่วมกันทั้งชุด",
    "en": "The invitation template is one letter: it is filled for each receiving "
    "organisation, each from a new page, with the batch's one ว number; the page header "
    "and footer are the batch's.",
}


def fields_text(paper: str, language: str = "th") -> str:
    """The fields a template of this paper can use, one a line, for her to read."""
    lines = [_HOW[language]]
    if paper == "invitation":
        lines.append(_LETTER_NOTE[language])
    lines.append("")
    for name, thai, english, example in PAPER_FIELDS[paper]:
        meaning = thai if language == "th" else english
        lines.append(f"{name}: {meaning}" + (f" ({example})" if example else ""))
    return "\n".join(lines)
