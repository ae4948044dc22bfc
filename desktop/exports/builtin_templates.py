"""The built-in layouts of the papers as templates, their fields marked: what she saves
to start her own from (File → Papers → Your office's template, `template PAPER --builtin`).
"""

from __future__ import annotations

import io

from desktop.exports.paper_templates import checked_paper

_BUILTIN = {
    "agenda": [
        ("MinutesTitle", "ระเบียบวาระการประชุม {{ meeting.title }}"),
        ("MinutesTitle", "{{ meeting.number }}"),
        ("MinutesTitle", "{{ meeting.date_long }} เวลา {{ meeting.start }}"),
        ("MinutesTitle", "{{ meeting.place }}"),
        ("MinutesLine", "{%p for item in items %}"),
        ("MinutesItemTitle", "ระเบียบวาระที่ {{ item.number }}\t{{ item.title }}"),
        ("MinutesLine", "{%p for sub in item.subitems %}"),
        ("MinutesBody", "{{ sub.number }} {{ sub.title }}"),
        ("MinutesLine", "{%p endfor %}"),
        ("MinutesLine", "{%p endfor %}"),
    ],
    "news": [
        ("MinutesTitle", "ข่าวประชาสัมพันธ์"),
        ("MinutesLine", "{%p for paragraph in paragraphs %}"),
        ("MinutesBody", "{{ paragraph }}"),
        ("MinutesLine", "{%p endfor %}"),
    ],
    "minutes": [
        ("MinutesTitle", "รายงานการประชุม{{ meeting.title }}"),
        ("MinutesTitle", "{{ meeting.number }}"),
        ("MinutesTitle", "เมื่อ{{ meeting.date_long }}"),
        ("MinutesTitle", "{{ meeting.place }}"),
        ("MinutesHeading", "ผู้มาประชุม"),
        ("MinutesLine", "{%p for person in attendees if person.present %}"),
        ("MinutesLine", "{{ loop.index }}. {{ person.name }}\t{{ person.position }}"),
        ("MinutesLine", "{%p endfor %}"),
        ("MinutesLine", "เริ่มประชุมเวลา {{ meeting.start }}"),
        ("MinutesLine", "{%p for item in items %}"),
        ("MinutesItemTitle", "ระเบียบวาระที่ {{ item.number }}\t{{ item.title }}"),
        ("MinutesBody", "{{ item.body }}"),
        ("MinutesResolution", "มติที่ประชุม\t{{ item.resolution }}"),
        ("MinutesLine", "{%p endfor %}"),
        ("MinutesLine", "เลิกประชุมเวลา {{ meeting.end }}"),
    ],
}


def builtin_template(paper: str, font: str | None = None) -> bytes:
    """The built-in layout of a paper as a template (fields marked), to start hers from."""
    import docx

    from desktop.exports import docx_typography as typo
    from desktop.exports.font_setting import checked_font

    if checked_paper(paper) == "invitation":
        from desktop.exports.invitation_letters import builtin_letter_template

        return builtin_letter_template(font)
    document = docx.Document()
    typo.apply_typography(document, checked_font(font), "thaiDistribute")
    typo.set_a4_page(document, thai_digits=False)
    names = {style.style_id: style.name for style in document.styles}
    for style, text in _BUILTIN[paper]:
        document.add_paragraph(text, style=names[style])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
