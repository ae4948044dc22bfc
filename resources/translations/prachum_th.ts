<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>ActionsEditor</name>
    <message>
        <source>New action</source>
        <translation>งานใหม่</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>ลบงาน</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>สิ่งที่ต้องดำเนินการ</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>กำหนดเสร็จ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>งาน</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>(no one named)</source>
        <translation>(ยังไม่ระบุ)</translation>
    </message>
    <message>
        <source>no due date yet</source>
        <translation>ยังไม่กำหนดวันเสร็จ</translation>
    </message>
</context>
<context>
    <name>AgendaCommands</name>
    <message>
        <source>Nothing undone: {0} has changed this text since your edit.</source>
        <translation>ไม่ได้ย้อนกลับ: {0} แก้ไขข้อความนี้หลังจากที่คุณแก้แล้ว</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>ผู้อื่น</translation>
    </message>
    <message>
        <source>add an item</source>
        <translation>เพิ่มวาระ</translation>
    </message>
    <message>
        <source>delete an item</source>
        <translation>ลบวาระ</translation>
    </message>
    <message>
        <source>move an item</source>
        <translation>ย้ายวาระ</translation>
    </message>
    <message>
        <source>indent an item</source>
        <translation>ย่อวาระเป็นวาระย่อย</translation>
    </message>
    <message>
        <source>outdent an item</source>
        <translation>เลื่อนวาระออกหนึ่งระดับ</translation>
    </message>
    <message>
        <source>edit an item</source>
        <translation>แก้ไขวาระ</translation>
    </message>
    <message>
        <source>add an action</source>
        <translation>เพิ่มงานที่ต้องติดตาม</translation>
    </message>
    <message>
        <source>delete an action</source>
        <translation>ลบงานที่ต้องติดตาม</translation>
    </message>
    <message>
        <source>edit an action</source>
        <translation>แก้ไขงานที่ต้องติดตาม</translation>
    </message>
</context>
<context>
    <name>AgendaLabels</name>
    <message>
        <source>Announcements from the chair</source>
        <translation>เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ</translation>
    </message>
    <message>
        <source>Confirming the last minutes</source>
        <translation>รับรองรายงานการประชุมครั้งที่แล้ว</translation>
    </message>
    <message>
        <source>Follow-up from the last meeting</source>
        <translation>เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว</translation>
    </message>
    <message>
        <source>For consideration</source>
        <translation>เรื่องเสนอเพื่อพิจารณา</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>เรื่องเพื่อทราบ</translation>
    </message>
    <message>
        <source>Other matters</source>
        <translation>เรื่องอื่น ๆ</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Templates</source>
        <translation>แม่แบบ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <source>Show or hide the minutes preview</source>
        <translation>แสดงหรือซ่อนตัวอย่างรายงานการประชุม</translation>
    </message>
    <message>
        <source>+ Item</source>
        <translation>+ วาระ</translation>
    </message>
    <message>
        <source>New item after this one (Ctrl+Enter)</source>
        <translation>เพิ่มวาระต่อจากวาระนี้ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>+ Sub-item</source>
        <translation>+ วาระย่อย</translation>
    </message>
    <message>
        <source>New sub-item (Ctrl+Shift+Enter)</source>
        <translation>เพิ่มวาระย่อย (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Move up (Alt+Shift+Up)</source>
        <translation>เลื่อนขึ้น (Alt+Shift+↑)</translation>
    </message>
    <message>
        <source>Move down (Alt+Shift+Down)</source>
        <translation>เลื่อนลง (Alt+Shift+↓)</translation>
    </message>
    <message>
        <source>Outdent (Shift+Tab in the list)</source>
        <translation>เลื่อนออกหนึ่งระดับ (Shift+Tab ในรายการ)</translation>
    </message>
    <message>
        <source>Indent (Tab in the list)</source>
        <translation>ย่อเป็นวาระย่อย (Tab ในรายการ)</translation>
    </message>
    <message>
        <source>Delete the item (Delete in the list; Ctrl+Z brings it back)</source>
        <translation>ลบวาระ (Delete ในรายการ; Ctrl+Z เพื่อเรียกคืน)</translation>
    </message>
    <message>
        <source>Deleted {0} {1} (Ctrl+Z brings it back)</source>
        <translation>ลบวาระ {0} {1} แล้ว (Ctrl+Z เพื่อเรียกคืน)</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>With each item&apos;s prepared &amp;text</source>
        <translation>พร้อมข้อความที่เตรียมไว้ของแต่ละวาระ (&amp;T)</translation>
    </message>
</context>
<context>
    <name>AgendaTreeModel</name>
    <message>
        <source>{0} is editing</source>
        <translation>{0} กำลังแก้ไข</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>ระเบียบวาระ</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Text not stored</source>
        <translation>ข้อความยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>{0} of your texts are not stored: someone else stored the same field first, and they wait for your choice (keep mine, take theirs, merge).

Cancel to go back and choose; Discard closes Prachum without them.</source>
        <translation>ข้อความของคุณ {0} รายการยังไม่ได้บันทึก เพราะผู้อื่นบันทึกช่องเดียวกันไว้ก่อน และรอให้คุณเลือก (ใช้ของฉัน ใช้ของเขา หรือรวมเอง)

กด ยกเลิก เพื่อกลับไปเลือก ถ้ากด ไม่บันทึก โปรแกรมจะปิดและข้อความเหล่านี้จะหายไป</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>เปิดฐานข้อมูลไม่ได้</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>อ่านอย่างเดียว</translation>
    </message>
    <message>
        <source>Everything you typed is saved again.</source>
        <translation>บันทึกทุกอย่างที่พิมพ์ไว้เรียบร้อยแล้ว</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>ยังมีข้อความที่ไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>{0} typed changes could not be saved ({1}).

Free some disk space and choose Retry, or Cancel to keep working. Discard closes Prachum and loses these changes.</source>
        <translation>ข้อความที่พิมพ์ไว้ {0} รายการยังบันทึกไม่ได้ ({1})

กรุณาทำให้ดิสก์มีที่ว่างแล้วกด ลองใหม่ หรือกด ยกเลิก เพื่อทำงานต่อ ถ้ากด ไม่บันทึก โปรแกรมจะปิดและข้อความเหล่านี้จะหายไป</translation>
    </message>
    <message>
        <source>The backup is restored. The data from before is kept as {0}.</source>
        <translation>กู้คืนข้อมูลจากไฟล์สำรองแล้ว ข้อมูลก่อนกู้คืนเก็บไว้เป็นไฟล์ {0}</translation>
    </message>
</context>
<context>
    <name>AttendanceChart</name>
    <message>
        <source>No meetings in this period.</source>
        <translation>ไม่มีการประชุมในช่วงเวลานี้</translation>
    </message>
</context>
<context>
    <name>AttendanceDelegate</name>
    <message>
        <source>Capacity: ↓ to choose, or type</source>
        <translation>ตำแหน่งในที่ประชุม: กด ↓ เพื่อเลือก หรือพิมพ์</translation>
    </message>
    <message>
        <source>Reason: ↓ to choose, or type</source>
        <translation>เหตุผล: กด ↓ เพื่อเลือก หรือพิมพ์เอง</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ–สกุล</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Acting as</source>
        <translation>รักษาราชการแทน</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>เข้า</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>ออก</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>ตำแหน่งในที่ประชุม</translation>
    </message>
    <message>
        <source>Identity checked by</source>
        <translation>การยืนยันตัวตน</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>เปิดกล้อง</translation>
    </message>
    <message>
        <source>One-time code (OTP)</source>
        <translation>รหัส OTP</translation>
    </message>
    <message>
        <source>Known to the meeting</source>
        <translation>ผู้เข้าประชุมรับรอง</translation>
    </message>
    <message>
        <source>Signed the sheet</source>
        <translation>ลงลายมือชื่อ</translation>
    </message>
    <message>
        <source>This meeting keeps its own copy of each person as she was at the meeting. Double-click (or F2) to correct it here; the roster is not changed.</source>
        <translation>การประชุมนี้เก็บชื่อ ตำแหน่ง และหน่วยงานของแต่ละคนไว้ตามที่เป็นในวันประชุม ดับเบิลคลิก (หรือ F2) เพื่อแก้ไขเฉพาะในการประชุมนี้ ทะเบียนบุคคลไม่เปลี่ยน</translation>
    </message>
    <message>
        <source>Space: present / absent. Type a name to find someone.</source>
        <translation>เว้นวรรค: มา / ไม่มา  พิมพ์ชื่อเพื่อค้นหา</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Type a few letters of a name to find or add someone (Ctrl+L)</source>
        <translation>พิมพ์ชื่อบางส่วนเพื่อค้นหาหรือเพิ่มผู้เข้าประชุม (Ctrl+L)</translation>
    </message>
    <message>
        <source>Copy from last meeting</source>
        <translation>คัดลอกจากการประชุมครั้งก่อน</translation>
    </message>
    <message>
        <source>Add the whole network</source>
        <translation>เพิ่มทั้งเครือข่าย</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ไม่กำหนด</translation>
    </message>
    <message>
        <source>How many members must be present to decide</source>
        <translation>จำนวนสมาชิกที่ต้องมาประชุมจึงจะครบองค์ประชุม</translation>
    </message>
    <message>
        <source>&amp;Quorum</source>
        <translation>องค์ประชุม (&amp;Q)</translation>
    </message>
    <message>
        <source>More than half</source>
        <translation>เกินกึ่งหนึ่ง</translation>
    </message>
    <message>
        <source>Set the quorum to more than half of the members expected</source>
        <translation>กำหนดองค์ประชุมเป็นเกินกึ่งหนึ่งของจำนวนสมาชิก</translation>
    </message>
    <message>
        <source>Present: {0}   ·   Absent: {1}   ·   Participants: {2}   ·   Listed: {3}</source>
        <translation>มาประชุม {0} คน   ·   ไม่มาประชุม {1} คน   ·   ผู้เข้าร่วมประชุม {2} คน   ·   ในรายชื่อ {3} คน</translation>
    </message>
    <message>
        <source>No quorum set: the minutes will not say it was reached.</source>
        <translation>ยังไม่กำหนดองค์ประชุม: รายงานการประชุมจะไม่ระบุว่าครบองค์ประชุม</translation>
    </message>
    <message>
        <source>Quorum reached: {0} members present, {1} needed.</source>
        <translation>ครบองค์ประชุม: มาประชุม {0} คน องค์ประชุม {1} คน</translation>
    </message>
    <message>
        <source>No quorum: {0} members present, {1} needed. The meeting cannot decide, and the minutes will not say the quorum was reached.</source>
        <translation>ไม่ครบองค์ประชุม: มาประชุม {0} คน องค์ประชุม {1} คน ที่ประชุมยังลงมติไม่ได้ และรายงานการประชุมจะไม่ระบุว่าครบองค์ประชุม</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>นำออกจากรายชื่อ</translation>
    </message>
    <message>
        <source>Take {0} off this meeting&apos;s list?</source>
        <translation>นำ {0} ออกจากรายชื่อการประชุมนี้หรือไม่?</translation>
    </message>
    <message>
        <source>{0} people copied from the last meeting</source>
        <translation>คัดลอกรายชื่อจากการประชุมครั้งก่อน {0} คน</translation>
    </message>
    <message>
        <source>{0} people of the network added</source>
        <translation>เพิ่มรายชื่อจากเครือข่าย {0} คน</translation>
    </message>
    <message>
        <source>{0}: present</source>
        <translation>{0}: มาประชุม</translation>
    </message>
    <message>
        <source>{0}: absent</source>
        <translation>{0}: ไม่มาประชุม</translation>
    </message>
    <message>
        <source>New person “{0}”…</source>
        <translation>เพิ่มบุคคลใหม่ “{0}”…</translation>
    </message>
    <message>
        <source>Add: {0}</source>
        <translation>เพิ่ม: {0}</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>The attendance workbook: who was expected, who came and who did not (with the reasons), joins and leaves, one line each.</source>
        <translation>สมุดงานรายชื่อผู้เข้าประชุม: ผู้ที่ได้รับเชิญ ผู้มาประชุมและผู้ไม่มาประชุม (พร้อมเหตุผล) เวลาเข้าและออก คนละหนึ่งบรรทัด</translation>
    </message>
</context>
<context>
    <name>AuthorityModel</name>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Meetings expected</source>
        <translation>การประชุมที่เชิญ</translation>
    </message>
    <message>
        <source>Meetings attended</source>
        <translation>การประชุมที่มา</translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation>อัตราการเข้าประชุม</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้… (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>กู้คืนจากไฟล์สำรอง… (&amp;R)</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>สำรองฐานข้อมูล</translation>
    </message>
    <message>
        <source>Prachum database (*.db)</source>
        <translation>ฐานข้อมูลประชุม (*.db)</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>สำรองข้อมูลไว้ที่ {0} แล้ว</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>กู้คืนจากไฟล์สำรอง</translation>
    </message>
    <message>
        <source>Some typed changes are still waiting to be saved. Free some disk space first, then restore.</source>
        <translation>ยังมีข้อความที่พิมพ์ไว้รอบันทึกอยู่ กรุณาทำให้ดิสก์มีที่ว่างก่อน แล้วจึงกู้คืน</translation>
    </message>
    <message>
        <source>Replace all of Prachum&apos;s data with the backup of {0}?

What is in Prachum now is kept as a copy beside the database, so this can be undone.</source>
        <translation>แทนที่ข้อมูลทั้งหมดในโปรแกรมด้วยไฟล์สำรองของ {0} หรือไม่

ข้อมูลที่มีอยู่ตอนนี้จะเก็บสำเนาไว้ข้างไฟล์ฐานข้อมูล จึงย้อนกลับได้</translation>
    </message>
</context>
<context>
    <name>CarryOverDialog</name>
    <message>
        <source>Carry over open actions</source>
        <translation>ยกงานที่ค้างมาติดตาม</translation>
    </message>
    <message>
        <source>Open actions of the meeting {0}. The ticked ones become sub-items of the follow-up item, each with its action.</source>
        <translation>งานที่ยังไม่แล้วเสร็จจากการประชุม{0} รายการที่เลือกจะเป็นวาระย่อยของเรื่องสืบเนื่อง พร้อมงานที่ต้องติดตาม</translation>
    </message>
    <message>
        <source>Carry over</source>
        <translation>ยกมาติดตาม</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>ChecksDialog</name>
    <message>
        <source>Before finalising</source>
        <translation>ก่อนปิดรายงานการประชุม</translation>
    </message>
    <message>
        <source>These look wrong in the minutes. Click one to go to its place and fix it, or finalise anyway.</source>
        <translation>รายการเหล่านี้น่าจะยังไม่ถูกต้อง คลิกรายการเพื่อไปแก้ไขที่จุดนั้น หรือปิดรายงานการประชุมต่อไปเลย</translation>
    </message>
    <message>
        <source>Click to go there</source>
        <translation>คลิกเพื่อไปยังจุดนั้น</translation>
    </message>
    <message>
        <source>&amp;Finalise anyway</source>
        <translation>ปิดรายงานต่อไป (&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a shared database</source>
        <translation>เชื่อมต่อฐานข้อมูลร่วม</translation>
    </message>
    <message>
        <source>(a new connection)</source>
        <translation>(การเชื่อมต่อใหม่)</translation>
    </message>
    <message>
        <source>e.g. office-server or 192.168.1.10</source>
        <translation>เช่น office-server หรือ 192.168.1.10</translation>
    </message>
    <message>
        <source>optional: the office&apos;s CA certificate</source>
        <translation>ไม่บังคับ: ใบรับรอง CA ของสำนักงาน</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>จำรหัสผ่านไว้ในเครื่องนี้ (&amp;R)</translation>
    </message>
    <message>
        <source>The password cannot be remembered here: this computer has no password store (keyring). You will be asked for it each time.</source>
        <translation>จำรหัสผ่านในเครื่องนี้ไม่ได้ เพราะเครื่องนี้ไม่มีที่เก็บรหัสผ่าน (keyring) จะถามรหัสผ่านทุกครั้งที่เชื่อมต่อ</translation>
    </message>
    <message>
        <source>It is kept in the computer&apos;s own password store, not in Prachum.</source>
        <translation>รหัสผ่านเก็บในที่เก็บรหัสผ่านของระบบปฏิบัติการ ไม่ได้เก็บในโปรแกรมประชุม</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>ที่เคยเชื่อมต่อ:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>เซิร์ฟเวอร์ (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>พอร์ต (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>ฐานข้อมูล (&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ชื่อผู้ใช้ (&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>รหัสผ่าน (&amp;W):</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>ใบรับรอง CA:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>เชื่อมต่อ (&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>The office&apos;s CA certificate</source>
        <translation>ใบรับรอง CA ของสำนักงาน</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>ใบรับรอง (*.crt *.pem *.cer);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>ชื่อเซิร์ฟเวอร์</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>ชื่อฐานข้อมูล</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <source>Please fill in {0}.</source>
        <translation>กรุณากรอก{0}</translation>
    </message>
    <message>
        <source>The CA certificate {0} is not a file.</source>
        <translation>ไม่พบไฟล์ใบรับรอง CA {0}</translation>
    </message>
</context>
<context>
    <name>Deleting</name>
    <message>
        <source>Delete {0}?</source>
        <translation>ลบ{0}หรือไม่</translation>
    </message>
    <message>
        <source>With it:</source>
        <translation>สิ่งที่เกี่ยวข้อง:</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>Title</source>
        <translation>ชื่อการประชุม</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>Opening text</source>
        <translation>ข้อความเปิดประชุม</translation>
    </message>
    <message>
        <source>Online link</source>
        <translation>ลิงก์ประชุมออนไลน์</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>ที่เก็บบันทึกการประชุม</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>Where the recording is kept (a folder, a drive, a link)</source>
        <translation>สถานที่เก็บบันทึกการประชุม (โฟลเดอร์ ไดรฟ์ หรือลิงก์)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>เครือข่าย</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>ชื่อการประชุม (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>ครั้งที่ (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>วันที่ (&amp;D)</translation>
    </message>
    <message>
        <source>Ti&amp;me</source>
        <translation>เวลา (&amp;M)</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>รูปแบบ (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>ระบบประชุมออนไลน์ (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>สถานที่ (&amp;V)</translation>
    </message>
    <message>
        <source>Meeting ID</source>
        <translation>Meeting ID</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>Online &amp;link</source>
        <translation>ลิงก์ประชุมออนไลน์ (&amp;L)</translation>
    </message>
    <message>
        <source>Recordin&amp;g</source>
        <translation>ที่เก็บบันทึกการประชุม (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>หน่วยงานเจ้าภาพ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Chair</source>
        <translation>ประธาน (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Recorder</source>
        <translation>ผู้จดรายงาน (&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;viewer</source>
        <translation>ผู้ตรวจรายงาน (&amp;W)</translation>
    </message>
    <message>
        <source>Opening &amp;text</source>
        <translation>ข้อความเปิดประชุม (&amp;E)</translation>
    </message>
    <message>
        <source>These minutes are final: reopen them to edit (Meeting menu).</source>
        <translation>รายงานการประชุมนี้ปิดแล้ว หากต้องการแก้ไขให้เปิดแก้ไขอีกครั้ง (เมนูการประชุม)</translation>
    </message>
    <message>
        <source>(no network)</source>
        <translation>(ไม่สังกัดเครือข่าย)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Cannot do that</source>
        <translation>ทำรายการนี้ไม่ได้</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>เกิดปัญหาที่ไม่คาดคิด</translation>
    </message>
    <message>
        <source>Something went wrong inside the program ({0}).

Everything you entered before this is saved, and you can carry on. The details are written to:
{1}</source>
        <translation>เกิดข้อผิดพลาดภายในโปรแกรม ({0})

ข้อมูลทั้งหมดที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ ท่านทำงานต่อได้ตามปกติ รายละเอียดของปัญหาบันทึกไว้ที่:
{1}</translation>
    </message>
</context>
<context>
    <name>ExportDoneDialog</name>
    <message>
        <source>Export finished</source>
        <translation>ส่งออกเสร็จแล้ว</translation>
    </message>
    <message>
        <source>The file is written:
{0}</source>
        <translation>บันทึกไฟล์แล้ว:
{0}</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>เปิดไฟล์ (&amp;O)</translation>
    </message>
    <message>
        <source>Show the &amp;folder</source>
        <translation>เปิดโฟลเดอร์ (&amp;F)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Export the minutes</source>
        <translation>ส่งออกรายงานการประชุม</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>เอกสาร Word (*.docx)</translation>
    </message>
    <message>
        <source>Export the attendance</source>
        <translation>ส่งออกรายชื่อผู้เข้าประชุม</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>สมุดงาน Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the sign-in sheet</source>
        <translation>ส่งออกใบลงชื่อเข้าประชุม</translation>
    </message>
    <message>
        <source>Export the meeting file</source>
        <translation>ส่งออกไฟล์การประชุม</translation>
    </message>
    <message>
        <source>Meeting files (*.meeting.json *.json)</source>
        <translation>ไฟล์การประชุม (*.meeting.json *.json)</translation>
    </message>
    <message>
        <source>Export the e-meeting evidence</source>
        <translation>ส่งออกหลักฐานการประชุมผ่านสื่ออิเล็กทรอนิกส์</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ไฟล์ ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Export the network&apos;s attendance summary</source>
        <translation>ส่งออกสรุปการเข้าประชุมของเครือข่าย</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>กำลังบันทึก {0}…</translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message>
        <source>Fields a template can use</source>
        <translation>ช่องข้อมูลที่ใช้ในแม่แบบได้</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>Finalising</name>
    <message>
        <source>Finalise the minutes</source>
        <translation>ปิดรายงานการประชุม</translation>
    </message>
    <message>
        <source>Finalise these minutes? Every field becomes read-only until they are reopened (Meeting menu). Actions can still be ticked off as done.</source>
        <translation>ปิดรายงานการประชุมนี้หรือไม่? ทุกช่องจะแก้ไขไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้ง (เมนูการประชุม) ยังทำเครื่องหมายงานที่เสร็จแล้วได้ตามปกติ</translation>
    </message>
    <message>
        <source>Reopen these minutes for editing? They were final: what is changed now will differ from copies already sent or signed.</source>
        <translation>เปิดรายงานการประชุมนี้เพื่อแก้ไขหรือไม่? รายงานนี้ปิดแล้ว สิ่งที่แก้ไขจากนี้จะต่างจากฉบับที่ส่งหรือลงนามไปแล้ว</translation>
    </message>
    <message>
        <source>They are certified by a later meeting: reopening takes the certification away.</source>
        <translation>รายงานนี้ได้รับการรับรองจากการประชุมครั้งต่อมาแล้ว การเปิดแก้ไขจะยกเลิกการรับรองนั้น</translation>
    </message>
    <message>
        <source>Reopen the minutes</source>
        <translation>เปิดรายงานการประชุมเพื่อแก้ไข</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Import a meeting file</source>
        <translation>นำเข้าไฟล์การประชุม</translation>
    </message>
    <message>
        <source>Meeting files (*.meeting.json *.json)</source>
        <translation>ไฟล์การประชุม (*.meeting.json *.json)</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>ทำรายการนี้ไม่ได้</translation>
    </message>
    <message>
        <source>Importing meeting files is not available yet.</source>
        <translation>ยังนำเข้าไฟล์การประชุมไม่ได้ในรุ่นนี้</translation>
    </message>
    <message>
        <source>The demo data is not available.</source>
        <translation>ไม่มีข้อมูลตัวอย่างในรุ่นนี้</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Save and &amp;add another</source>
        <translation>บันทึกแล้วเพิ่มอีก (&amp;A)</translation>
    </message>
    <message>
        <source>Throw away what you typed in this window?</source>
        <translation>ทิ้งสิ่งที่พิมพ์ไว้ในหน้าต่างนี้หรือไม่</translation>
    </message>
    <message>
        <source>Discard?</source>
        <translation>ทิ้งหรือไม่</translation>
    </message>
    <message>
        <source>Saved: {0}. Type the next one.</source>
        <translation>บันทึกแล้ว: {0} พิมพ์รายการถัดไปได้เลย</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>The agenda of the open meeting</source>
        <translation>ระเบียบวาระของการประชุมที่เปิดอยู่</translation>
    </message>
    <message>
        <source>In the agenda: a new item after this one</source>
        <translation>ในระเบียบวาระ: เพิ่มวาระใหม่ต่อจากวาระนี้</translation>
    </message>
    <message>
        <source>In the agenda: a new sub-item</source>
        <translation>ในระเบียบวาระ: เพิ่มวาระย่อย</translation>
    </message>
    <message>
        <source>In the agenda tree: indent / outdent the item</source>
        <translation>ในรายการวาระ: ย่อเข้า / ดึงออก</translation>
    </message>
    <message>
        <source>In the agenda: the item above / below</source>
        <translation>ในระเบียบวาระ: ไปวาระก่อนหน้า / ถัดไป</translation>
    </message>
    <message>
        <source>Write the time now (10.35 น.) where you are typing</source>
        <translation>ใส่เวลาปัจจุบัน (10.35 น.) ตรงที่กำลังพิมพ์</translation>
    </message>
    <message>
        <source>Export the minutes (DOCX)</source>
        <translation>ส่งออกรายงานการประชุม (DOCX)</translation>
    </message>
    <message>
        <source>Search all meetings</source>
        <translation>ค้นหาในทุกการประชุม</translation>
    </message>
    <message>
        <source>Prachum help</source>
        <translation>วิธีใช้โปรแกรมประชุม</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>สร้างการประชุมใหม่</translation>
    </message>
    <message>
        <source>Search the meetings</source>
        <translation>ค้นหาการประชุม</translation>
    </message>
    <message>
        <source>Find a person in the attendance</source>
        <translation>ค้นหาชื่อในรายชื่อผู้เข้าประชุม</translation>
    </message>
    <message>
        <source>Present / absent for the chosen person</source>
        <translation>สลับ มา / ไม่มา ของผู้ที่เลือก</translation>
    </message>
    <message>
        <source>In the finder: mark present, or add the chosen person</source>
        <translation>ในช่องค้นหา: บันทึกว่ามาประชุม หรือเพิ่มผู้ที่เลือก</translation>
    </message>
    <message>
        <source>Leave the finder</source>
        <translation>ออกจากช่องค้นหา</translation>
    </message>
    <message>
        <source>Take the chosen person off the list</source>
        <translation>นำผู้ที่เลือกออกจากรายชื่อ</translation>
    </message>
    <message>
        <source>Open the calendar of a date field</source>
        <translation>เปิดปฏิทินของช่องวันที่</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>เริ่มต้นใช้งาน</translation>
    </message>
    <message>
        <source>Create your network (Roster menu) with its member organisations.</source>
        <translation>สร้างเครือข่าย (เมนูทะเบียน) พร้อมหน่วยงานสมาชิก</translation>
    </message>
    <message>
        <source>Add the people of each organisation (Roster → Organisations and people).</source>
        <translation>เพิ่มรายชื่อบุคคลของแต่ละหน่วยงาน (เมนูทะเบียน → บุคคล)</translation>
    </message>
    <message>
        <source>Create a meeting (Ctrl+N); it can copy the people of the last meeting.</source>
        <translation>สร้างการประชุม (Ctrl+N) โดยคัดลอกรายชื่อผู้เข้าประชุมจากครั้งก่อนได้</translation>
    </message>
    <message>
        <source>During the meeting, open the Attendance tab and type a few letters of each name you hear.</source>
        <translation>ระหว่างประชุม เปิดแท็บผู้เข้าประชุม แล้วพิมพ์ชื่อบางส่วนของผู้ที่แนะนำตัว</translation>
    </message>
    <message>
        <source>Everything is saved as you go; there is no Save button.</source>
        <translation>ทุกอย่างบันทึกทันทีที่พิมพ์ ไม่ต้องกดปุ่มบันทึก</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>ปุ่มลัด</translation>
    </message>
</context>
<context>
    <name>HonorificsDialog</name>
    <message>
        <source>Honorifics</source>
        <translation>คำนำหน้าชื่อ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Restore the usual list</source>
        <translation>คืนค่ารายการมาตรฐาน</translation>
    </message>
    <message>
        <source>One honorific per line, in the order offered:</source>
        <translation>คำนำหน้าชื่อบรรทัดละหนึ่งรายการ ตามลำดับที่ต้องการให้แสดง:</translation>
    </message>
</context>
<context>
    <name>InvitationsTab</name>
    <message>
        <source>Each member organisation of the network</source>
        <translation>หน่วยงานสมาชิกของเครือข่าย แห่งละฉบับ</translation>
    </message>
    <message>
        <source>Each expected person&apos;s organisation</source>
        <translation>หน่วยงานของผู้ที่ได้รับเชิญแต่ละคน</translation>
    </message>
    <message>
        <source>One file, a letter per page</source>
        <translation>ไฟล์เดียว หน้าละหนึ่งฉบับ</translation>
    </message>
    <message>
        <source>A file for each organisation (in a folder)</source>
        <translation>แยกไฟล์ หน่วยงานละหนึ่งไฟล์ (ในโฟลเดอร์)</translation>
    </message>
    <message>
        <source>ปฏิบัติราชการแทน (signing for the head)</source>
        <translation>ปฏิบัติราชการแทน</translation>
    </message>
    <message>
        <source>รักษาราชการแทน (acting for the head)</source>
        <translation>รักษาราชการแทน</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>ถึง (&amp;T)</translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation>ไฟล์ (&amp;I)</translation>
    </message>
    <message>
        <source>Si&amp;gned by</source>
        <translation>ผู้ลงนาม (&amp;G)</translation>
    </message>
    <message>
        <source>Signing &amp;as</source>
        <translation>ลงนามในฐานะ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save the letters…</source>
        <translation>บันทึกหนังสือเชิญ… (&amp;S)</translation>
    </message>
    <message>
        <source>Save the outgoing &amp;register (XLSX)…</source>
        <translation>บันทึกทะเบียนหนังสือส่ง (XLSX)… (&amp;R)</translation>
    </message>
    <message>
        <source>The head himself</source>
        <translation>หัวหน้าหน่วยงานลงนามเอง</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>{0} is editing</source>
        <translation>{0} กำลังแก้ไข</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>สาระที่ประชุม</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>มติที่ประชุม</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>ข้อย่อยของมติ</translation>
    </message>
    <message>
        <source>What was said: one paragraph per line. Ctrl+T writes the time.</source>
        <translation>สาระที่ประชุม: บรรทัดละหนึ่งย่อหน้า กด Ctrl+T เพื่อใส่เวลาปัจจุบัน</translation>
    </message>
    <message>
        <source>Quick pick…</source>
        <translation>เลือกมติ…</translation>
    </message>
    <message>
        <source>What the meeting decided</source>
        <translation>ที่ประชุมมีมติอย่างไร</translation>
    </message>
    <message>
        <source>Numbered points of the resolution, one per line</source>
        <translation>ข้อย่อยของมติ บรรทัดละหนึ่งข้อ (ใส่เลขข้อให้เอง)</translation>
    </message>
    <message>
        <source>&amp;Quick pick</source>
        <translation>มติสำเร็จรูป (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>เรื่อง (&amp;T)</translation>
    </message>
    <message>
        <source>Categor&amp;y</source>
        <translation>ประเภทวาระ (&amp;Y)</translation>
    </message>
    <message>
        <source>What was &amp;said</source>
        <translation>สาระที่ประชุม (&amp;S)</translation>
    </message>
    <message>
        <source>Resol&amp;ution</source>
        <translation>มติที่ประชุม (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>ข้อย่อยของมติ (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Vote</source>
        <translation>การลงคะแนน (&amp;V)</translation>
    </message>
    <message>
        <source>Actio&amp;ns</source>
        <translation>งานที่ต้องติดตาม (&amp;N)</translation>
    </message>
    <message>
        <source>No item chosen: Ctrl+Enter adds one.</source>
        <translation>ยังไม่ได้เลือกวาระ: กด Ctrl+Enter เพื่อเพิ่มวาระ</translation>
    </message>
    <message>
        <source>Agenda item {0}</source>
        <translation>ระเบียบวาระที่ {0}</translation>
    </message>
    <message>
        <source>Sub-item {0}</source>
        <translation>วาระย่อย {0}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>City municipality</source>
        <translation>เทศบาลนคร</translation>
    </message>
    <message>
        <source>Town municipality</source>
        <translation>เทศบาลเมือง</translation>
    </message>
    <message>
        <source>Subdistrict municipality</source>
        <translation>เทศบาลตำบล</translation>
    </message>
    <message>
        <source>Subdistrict administrative organisation</source>
        <translation>องค์การบริหารส่วนตำบล</translation>
    </message>
    <message>
        <source>Provincial administrative organisation</source>
        <translation>องค์การบริหารส่วนจังหวัด</translation>
    </message>
    <message>
        <source>Special local government</source>
        <translation>องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ</translation>
    </message>
    <message>
        <source>Other agency</source>
        <translation>หน่วยงานอื่น</translation>
    </message>
    <message>
        <source>Executive (mayor, deputy)</source>
        <translation>ผู้บริหาร (นายก รองนายก)</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>ปลัด</translation>
    </message>
    <message>
        <source>Deputy clerk</source>
        <translation>รองปลัด</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <source>Council member</source>
        <translation>สมาชิกสภา</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>แขกรับเชิญ</translation>
    </message>
    <message>
        <source>At a venue</source>
        <translation>ประชุม ณ สถานที่</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ประชุมออนไลน์</translation>
    </message>
    <message>
        <source>Venue and online</source>
        <translation>ประชุมแบบผสม (สถานที่และออนไลน์)</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>ผู้เข้าร่วมประชุม</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>มาประชุม</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>ไม่มาประชุม</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>ฉบับร่าง</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>ปิดรายงานแล้ว</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>รับรองแล้ว</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This meeting was deleted on another computer.</source>
        <translation>การประชุมนี้ถูกลบจากเครื่องอื่นแล้ว</translation>
    </message>
    <message>
        <source>Prachum — meetings and minutes</source>
        <translation>ประชุม — การประชุมและรายงานการประชุม</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>กำลังเปิดฐานข้อมูล…</translation>
    </message>
    <message>
        <source>Choose a meeting on the left, or create one (Ctrl+N).</source>
        <translation>เลือกการประชุมทางซ้าย หรือสร้างการประชุมใหม่ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>พร้อมใช้งาน</translation>
    </message>
    <message>
        <source>&amp;New meeting…</source>
        <translation>การประชุมใหม่… (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import a meeting file…</source>
        <translation>นำเข้าไฟล์การประชุม… (&amp;I)</translation>
    </message>
    <message>
        <source>Open the &amp;demo data</source>
        <translation>เปิดข้อมูลตัวอย่าง (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Leave the demo (back to your file)</source>
        <translation>ออกจากข้อมูลตัวอย่าง (กลับไปไฟล์ของคุณ) (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Connect to a shared database…</source>
        <translation>เชื่อมต่อฐานข้อมูลร่วม… (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open a database file…</source>
        <translation>เปิดไฟล์ฐานข้อมูล… (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Search meetings</source>
        <translation>ค้นหาการประชุม (&amp;S)</translation>
    </message>
    <message>
        <source>New &amp;network…</source>
        <translation>เครือข่ายใหม่… (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Networks</source>
        <translation>เครือข่าย (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Organisations</source>
        <translation>หน่วยงาน (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>บุคคล (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>รายละเอียด (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>ผู้เข้าประชุม (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Copy people from the last meeting</source>
        <translation>คัดลอกรายชื่อจากการประชุมครั้งก่อน (&amp;C)</translation>
    </message>
    <message>
        <source>De&amp;lete this meeting…</source>
        <translation>ลบการประชุมนี้… (&amp;L)</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>ระเบียบวาระ (&amp;G)</translation>
    </message>
    <message>
        <source>Attendance &amp;statistics</source>
        <translation>สถิติการเข้าประชุม (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Prachum</source>
        <translation>เกี่ยวกับโปรแกรมประชุม (&amp;A)</translation>
    </message>
    <message>
        <source>Prachum — the DEMO (made-up data, not your file)</source>
        <translation>ประชุม — ข้อมูลตัวอย่าง (ข้อมูลสมมติ ไม่ใช่ไฟล์ของคุณ)</translation>
    </message>
    <message>
        <source>Leave the demo</source>
        <translation>ออกจากข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>แก้ไข (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>การประชุม (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>ทะเบียน (&amp;R)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>แถบเครื่องมือหลัก</translation>
    </message>
    <message>
        <source>Filling in the demo data…</source>
        <translation>กำลังสร้างข้อมูลตัวอย่าง…</translation>
    </message>
    <message>
        <source>The demo data is ready.</source>
        <translation>สร้างข้อมูลตัวอย่างเรียบร้อยแล้ว</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <source>Kept on this computer</source>
        <translation>เก็บไว้ในเครื่องนี้</translation>
    </message>
    <message>
        <source>About Prachum</source>
        <translation>เกี่ยวกับโปรแกรมประชุม</translation>
    </message>
    <message>
        <source>Prachum {0}
Meetings, attendance and minutes for Thai local-authority networks.
Database: {1}</source>
        <translation>ประชุม รุ่น {0}
บันทึกการประชุม ผู้เข้าประชุม และรายงานการประชุม สำหรับเครือข่ายองค์กรปกครองส่วนท้องถิ่น
ฐานข้อมูล: {1}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Prachum.</source>
        <translation>ภาษาใหม่จะใช้เมื่อเปิดโปรแกรมครั้งถัดไป</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>&amp;Details</source>
        <translation>รายละเอียด (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>ผู้เข้าประชุม (&amp;A)</translation>
    </message>
</context>
<context>
    <name>MinutesPreview</name>
    <message>
        <source>Minutes preview</source>
        <translation>ตัวอย่างรายงานการประชุม</translation>
    </message>
</context>
<context>
    <name>MinutesTools</name>
    <message>
        <source>&amp;History of this item…</source>
        <translation>ประวัติการแก้ไขวาระนี้… (&amp;H)</translation>
    </message>
    <message>
        <source>History of this &amp;meeting…</source>
        <translation>ประวัติการแก้ไขการประชุมนี้… (&amp;M)</translation>
    </message>
    <message>
        <source>History of this meeting</source>
        <translation>ประวัติการแก้ไขการประชุมนี้</translation>
    </message>
    <message>
        <source>History of agenda item {0}</source>
        <translation>ประวัติการแก้ไขระเบียบวาระที่ {0}</translation>
    </message>
    <message>
        <source>Choose an agenda item first.</source>
        <translation>กรุณาเลือกระเบียบวาระก่อน</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>ระเบียบวาระ (&amp;G)</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation>บันทึกไฟล์แล้ว: {0}</translation>
    </message>
    <message>
        <source>&amp;Finalise the minutes…</source>
        <translation>ปิดรายงานการประชุม… (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reopen the minutes…</source>
        <translation>เปิดรายงานการประชุมเพื่อแก้ไข… (&amp;R)</translation>
    </message>
    <message>
        <source>Import a &amp;Zoom or Teams report…</source>
        <translation>นำเข้ารายงานผู้เข้าร่วมจาก Zoom หรือ Teams… (&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Minutes (DOCX or PDF)…</source>
        <translation>รายงานการประชุม (DOCX หรือ PDF)… (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Attendance (XLSX)…</source>
        <translation>รายชื่อผู้เข้าประชุม (XLSX)… (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Sign-in sheet (XLSX)…</source>
        <translation>ใบลงชื่อเข้าประชุม (XLSX)… (&amp;S)</translation>
    </message>
    <message>
        <source>Meeting &amp;file (JSON)…</source>
        <translation>ไฟล์การประชุม (JSON)… (&amp;F)</translation>
    </message>
    <message>
        <source>E-meeting &amp;evidence (ZIP)…</source>
        <translation>หลักฐานการประชุมออนไลน์ (ZIP) (&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Papers for this meeting…</source>
        <translation>เอกสารของการประชุมนี้… (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Network attendance summary…</source>
        <translation>สรุปการเข้าประชุมของเครือข่าย… (&amp;N)</translation>
    </message>
    <message>
        <source>Search &amp;all meetings…</source>
        <translation>ค้นหาในทุกการประชุม… (&amp;A)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ทำซ้ำ</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>ส่งออก (&amp;E)</translation>
    </message>
    <message>
        <source>Report applied: {0} marked present, {1} added, {2} new people, {3} marked absent, {4} names remembered</source>
        <translation>บันทึกจากรายงานแล้ว: มาประชุม {0} คน เพิ่มในรายชื่อ {1} คน บุคคลใหม่ {2} คน ไม่มาประชุม {3} คน จำชื่อที่แสดงไว้ {4} ชื่อ</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Networks</source>
        <translation>เครือข่าย</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>การประชุมทั้งหมด</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>Search meetings (Ctrl+F)</source>
        <translation>ค้นหาการประชุม (Ctrl+F)</translation>
    </message>
    <message>
        <source>No meeting matches “{0}”.</source>
        <translation>ไม่พบการประชุมที่ตรงกับ “{0}”</translation>
    </message>
    <message>
        <source>No meetings yet: Ctrl+N creates one.</source>
        <translation>ยังไม่มีการประชุม กด Ctrl+N เพื่อสร้าง</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Edit network</source>
        <translation>แก้ไขเครือข่าย</translation>
    </message>
    <message>
        <source>New network</source>
        <translation>เครือข่ายใหม่</translation>
    </message>
    <message>
        <source>Filter organisations</source>
        <translation>กรองรายชื่อหน่วยงาน</translation>
    </message>
    <message>
        <source>New organisation…</source>
        <translation>หน่วยงานใหม่… (&amp;O)</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>เลือกทั้งหมดที่แสดง</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>ไม่เลือกทั้งหมด</translation>
    </message>
    <message>
        <source>Active (shown in the list of networks)</source>
        <translation>ใช้งานอยู่ (แสดงในรายการเครือข่าย)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>ชื่อ (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>รายละเอียด (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>หน่วยงานสมาชิก (&amp;M)</translation>
    </message>
    <message>
        <source>The organisations you created here stay in the roster: {0}. Delete them on the Organisations tab if they were a mistake.</source>
        <translation>หน่วยงานที่สร้างจากหน้าต่างนี้ยังคงอยู่ในทะเบียน: {0} หากสร้างผิดให้ลบได้ที่แท็บหน่วยงาน</translation>
    </message>
</context>
<context>
    <name>NewMeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>การประชุมใหม่</translation>
    </message>
    <message>
        <source>(no network)</source>
        <translation>(ไม่สังกัดเครือข่าย)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>e.g. the council meeting room</source>
        <translation>เช่น ห้องประชุมสภาเทศบาล</translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <translation>เครือข่าย (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>ชื่อการประชุม (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>วันที่ (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>ครั้งที่ (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;until</source>
        <translation>ถึง (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>เวลาเริ่ม (&amp;S)</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>รูปแบบ (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>สถานที่ (&amp;P)</translation>
    </message>
    <message>
        <source>Plat&amp;form</source>
        <translation>ระบบประชุมออนไลน์ (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>ระเบียบวาระ (&amp;A)</translation>
    </message>
    <message>
        <source>(empty agenda)</source>
        <translation>(ไม่มีระเบียบวาระ)</translation>
    </message>
    <message>
        <source>Expect the people of the last meeting</source>
        <translation>ใช้รายชื่อผู้เข้าประชุมจากครั้งก่อน</translation>
    </message>
    <message>
        <source>Meeting of {0}</source>
        <translation>การประชุม{0}</translation>
    </message>
    <message>
        <source>Expect the people of the last meeting (none yet)</source>
        <translation>ใช้รายชื่อผู้เข้าประชุมจากครั้งก่อน (ยังไม่มีการประชุมก่อนหน้า)</translation>
    </message>
</context>
<context>
    <name>NewsTab</name>
    <message>
        <source>The press release is drafted from the meeting…</source>
        <translation>กำลังร่างข่าวประชาสัมพันธ์จากการประชุม…</translation>
    </message>
    <message>
        <source>&amp;Copy the text</source>
        <translation>คัดลอกข้อความ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Draft it again from the meeting</source>
        <translation>ร่างใหม่จากการประชุม (&amp;D)</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>Edit organisation</source>
        <translation>แก้ไขหน่วยงาน</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>หน่วยงานใหม่</translation>
    </message>
    <message>
        <source>Active (shown in lists)</source>
        <translation>ใช้งานอยู่ (แสดงในรายการ)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>ชื่อ (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Short name</source>
        <translation>ชื่อย่อ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>ประเภท (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>อำเภอ (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>จังหวัด (&amp;P)</translation>
    </message>
    <message>
        <source>Letters from this organisation</source>
        <translation>หนังสือออกจากหน่วยงานนี้</translation>
    </message>
    <message>
        <source>This is our organisation (it sends the letters and the news)</source>
        <translation>เป็นหน่วยงานของเรา (ผู้ส่งหนังสือเชิญและข่าวประชาสัมพันธ์)</translation>
    </message>
    <message>
        <source>Letter &amp;code</source>
        <translation>รหัสหนังสือ (ที่) (&amp;C)</translation>
    </message>
    <message>
        <source>Addr&amp;ess</source>
        <translation>ที่อยู่ (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Unit in charge</source>
        <translation>ส่วนราชการเจ้าของเรื่อง (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Telephone</source>
        <translation>โทรศัพท์ (&amp;T)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>ไปรษณีย์อิเล็กทรอนิกส์ (&amp;M)</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>อาจซ้ำกับที่มีอยู่</translation>
    </message>
    <message>
        <source>These organisations look the same:
{0}

Create a new one anyway?</source>
        <translation>หน่วยงานเหล่านี้มีชื่อใกล้เคียงกัน:
{0}

ยังต้องการเพิ่มหน่วยงานใหม่หรือไม่?</translation>
    </message>
</context>
<context>
    <name>PaperJobs</name>
    <message>
        <source>Save a letter for each organisation in a folder</source>
        <translation>บันทึกหนังสือเชิญแยกหน่วยงานลงในโฟลเดอร์</translation>
    </message>
    <message>
        <source>Save the invitation letters</source>
        <translation>บันทึกหนังสือเชิญประชุม</translation>
    </message>
    <message>
        <source>Save the outgoing register</source>
        <translation>บันทึกทะเบียนหนังสือส่ง</translation>
    </message>
    <message>
        <source>Save the agenda</source>
        <translation>บันทึกระเบียบวาระการประชุม</translation>
    </message>
    <message>
        <source>Save the press release</source>
        <translation>บันทึกข่าวประชาสัมพันธ์</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>บันทึกรายงานการประชุม</translation>
    </message>
    <message>
        <source>Save the attendance</source>
        <translation>บันทึกรายชื่อผู้เข้าประชุม</translation>
    </message>
</context>
<context>
    <name>PaperTab</name>
    <message>
        <source>&amp;Save…</source>
        <translation>บันทึก… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>รูปแบบไฟล์ (&amp;F)</translation>
    </message>
    <message>
        <source>Cannot be written yet:</source>
        <translation>ยังทำเอกสารนี้ไม่ได้:</translation>
    </message>
    <message>
        <source>Written from your office&apos;s own template.</source>
        <translation>ใช้แม่แบบของหน่วยงาน</translation>
    </message>
    <message>
        <source>A paper from your template becomes PDF only where LibreOffice is installed: choose Word (DOCX).</source>
        <translation>เอกสารจากแม่แบบของหน่วยงานเป็น PDF ได้เมื่อติดตั้ง LibreOffice เท่านั้น: เลือก Word (DOCX)</translation>
    </message>
</context>
<context>
    <name>PapersDialog</name>
    <message>
        <source>Papers for this meeting</source>
        <translation>เอกสารของการประชุมนี้</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <source>Text to paste (TXT)</source>
        <translation>ข้อความสำหรับวาง (TXT)</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>&amp;Invitation letters</source>
        <translation>หนังสือเชิญประชุม (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>ระเบียบวาระ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Press release</source>
        <translation>ข่าวประชาสัมพันธ์ (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>รายงานการประชุม (&amp;M)</translation>
    </message>
    <message>
        <source>Attendan&amp;ce</source>
        <translation>รายชื่อผู้เข้าประชุม (&amp;C)</translation>
    </message>
    <message>
        <source>Fill in the meeting &amp;details</source>
        <translation>กรอกรายละเอียดการประชุม (&amp;D)</translation>
    </message>
    <message>
        <source>Open the a&amp;genda</source>
        <translation>เปิดระเบียบวาระ (&amp;G)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>{0} letters. The number after ว is the outgoing register&apos;s: taken when they are saved, and kept when they are saved again.</source>
        <translation>หนังสือ {0} ฉบับ เลขที่หลัง ว เป็นเลขทะเบียนหนังสือส่ง: ได้เลขเมื่อบันทึก และคงเลขเดิมเมื่อบันทึกอีกครั้ง</translation>
    </message>
    <message>
        <source>These papers need what is not filled in yet:</source>
        <translation>เอกสารเหล่านี้ต้องใช้ข้อมูลที่ยังไม่ได้กรอก:</translation>
    </message>
    <message>
        <source>Fill in {0}…</source>
        <translation>กรอกข้อมูล {0}…</translation>
    </message>
    <message>
        <source>Draft again</source>
        <translation>ร่างใหม่</translation>
    </message>
    <message>
        <source>Replace your changes to the press release with a new draft?</source>
        <translation>แทนที่ข้อความที่แก้ไขไว้ด้วยร่างใหม่หรือไม่?</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Attendance summary of a network</source>
        <translation>สรุปการเข้าประชุมของเครือข่าย</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>เครือข่าย</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ตั้งแต่วันที่</translation>
    </message>
    <message>
        <source>To</source>
        <translation>ถึงวันที่</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ส่งออก…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>แก้ไขข้อมูลบุคคล</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>บุคคลใหม่</translation>
    </message>
    <message>
        <source>Active (shown in lists)</source>
        <translation>ใช้งานอยู่ (แสดงในรายการ)</translation>
    </message>
    <message>
        <source>&amp;Honorific</source>
        <translation>คำนำหน้าชื่อ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>ชื่อ (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>นามสกุล (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>ตำแหน่ง (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>บทบาท (&amp;R)</translation>
    </message>
    <message>
        <source>A&amp;cting for</source>
        <translation>รักษาราชการแทน (&amp;C)</translation>
    </message>
    <message>
        <source>Only when she acts for another office</source>
        <translation>เฉพาะเมื่อรักษาราชการแทนตำแหน่งอื่น</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>หน่วยงาน (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>อีเมล (&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>โทรศัพท์ (&amp;T)</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>ทำรายการนี้ไม่ได้</translation>
    </message>
    <message>
        <source>There is no organisation named “{0}”. Add it first, or choose one from the list.</source>
        <translation>ไม่พบหน่วยงานชื่อ “{0}” กรุณาเพิ่มหน่วยงานก่อน หรือเลือกจากรายการ</translation>
    </message>
    <message>
        <source>Update the draft meetings?</source>
        <translation>ปรับข้อมูลในร่างการประชุมด้วยหรือไม่</translation>
    </message>
    <message>
        <source>Each meeting keeps its own copy of a person as she was then. These draft meetings still have the old name, position, acting office or organisation:
{0}

Update them too? (Finalised minutes keep theirs.)</source>
        <translation>การประชุมแต่ละครั้งเก็บชื่อและตำแหน่งของบุคคลตามที่เป็นในวันนั้น ร่างการประชุมต่อไปนี้ยังมีชื่อ ตำแหน่ง การรักษาราชการแทน หรือหน่วยงานเดิม:
{0}

ปรับให้เป็นข้อมูลใหม่ด้วยหรือไม่ (รายงานการประชุมที่ปิดแล้วคงเดิม)</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>อาจซ้ำกับที่มีอยู่</translation>
    </message>
    <message>
        <source>The roster already has:
{0}

Add another person with this name?</source>
        <translation>ในทะเบียนมีบุคคลชื่อนี้อยู่แล้ว:
{0}

ยังต้องการเพิ่มบุคคลใหม่ชื่อนี้หรือไม่?</translation>
    </message>
</context>
<context>
    <name>PersonModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>เชิญ</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>มา</translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation>อัตราการเข้าประชุม</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Name in the report</source>
        <translation>ชื่อในรายงาน</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>เข้า</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>ออก</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>นาที</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>การจับคู่</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>บันทึกเป็น</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>ตรงกัน</translation>
    </message>
    <message>
        <source>which one?</source>
        <translation>คนไหน?</translation>
    </message>
    <message>
        <source>not on the roster</source>
        <translation>ไม่มีในทะเบียน</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(ไม่นำมาใช้)</translation>
    </message>
    <message>
        <source>New person: {0}</source>
        <translation>บุคคลใหม่: {0}</translation>
    </message>
    <message>
        <source>Choose among {0}</source>
        <translation>เลือกจาก {0} คน</translation>
    </message>
    <message>
        <source>Choose someone, add a new person, or ignore</source>
        <translation>เลือกบุคคล เพิ่มบุคคลใหม่ หรือไม่นำมาใช้</translation>
    </message>
</context>
<context>
    <name>ReportImport</name>
    <message>
        <source>Import a report, a chat or a sign-in form</source>
        <translation>นำเข้ารายงานผู้เข้าร่วม แชท หรือแบบฟอร์มลงชื่อ</translation>
    </message>
    <message>
        <source>Reports, chats and forms (*.csv *.xlsx *.txt *.json);;All files (*)</source>
        <translation>รายงาน แชท และแบบฟอร์ม (*.csv *.xlsx *.txt *.json);;ทุกไฟล์ (*)</translation>
    </message>
</context>
<context>
    <name>ReportReviewDialog</name>
    <message>
        <source>Review the {0} report</source>
        <translation>ตรวจรายงานผู้เข้าร่วมจาก {0}</translation>
    </message>
    <message>
        <source>Choose a candidate, a new person or Ignore; or type a few letters of a name to find anyone on the roster.</source>
        <translation>เลือกจากรายชื่อที่ใกล้เคียง เพิ่มเป็นบุคคลใหม่ หรือไม่นำมาใช้ หรือพิมพ์ชื่อบางส่วนเพื่อค้นหาจากทะเบียน</translation>
    </message>
    <message>
        <source>Mark as absent the expected people no row could be ({0})</source>
        <translation>บันทึกว่าไม่มาประชุม ผู้ที่อยู่ในรายชื่อซึ่งไม่มีแถวใดอาจเป็นได้ ({0} คน):</translation>
    </message>
    <message>
        <source>Remember these display names for the next report</source>
        <translation>จำชื่อที่แสดงเหล่านี้ไว้ใช้กับรายงานครั้งต่อไป</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>(not decided)</source>
        <translation>(ยังไม่ได้เลือก)</translation>
    </message>
    <message>
        <source>Add as a new person: {0}</source>
        <translation>เพิ่มเป็นบุคคลใหม่: {0}</translation>
    </message>
    <message>
        <source>Ignore this row</source>
        <translation>ไม่นำแถวนี้มาใช้</translation>
    </message>
    <message>
        <source>“{0}” is</source>
        <translation>“{0}” คือ</translation>
    </message>
    <message>
        <source>{0}: {1} rows — {2} matched, {3} to choose among candidates, {4} not on the roster. {5} of {1} settled; rows left unsettled are not stored.</source>
        <translation>{0}: {1} แถว — ตรงกัน {2} แถว ต้องเลือกคน {3} แถว ไม่มีในทะเบียน {4} แถว ตัดสินแล้ว {5} จาก {1} แถว แถวที่ยังไม่ได้ตัดสินจะไม่ถูกบันทึก</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>กู้คืนจากไฟล์สำรอง</translation>
    </message>
    <message>
        <source>{0}   ({1} MB, {2})</source>
        <translation>{0}   ({1} MB, {2})</translation>
    </message>
    <message>
        <source>Daily backups are kept in {0}</source>
        <translation>ไฟล์สำรองรายวันเก็บไว้ที่ {0}</translation>
    </message>
    <message>
        <source>&amp;Keep the newest</source>
        <translation>เก็บไฟล์สำรองรายวันล่าสุด (&amp;K)</translation>
    </message>
    <message>
        <source>daily backups</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>กู้คืน (&amp;R)</translation>
    </message>
    <message>
        <source>Choose another &amp;file…</source>
        <translation>เลือกไฟล์อื่น… (&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Choose the backup to go back to:</source>
        <translation>เลือกไฟล์สำรองที่ต้องการย้อนกลับไปใช้:</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>เลือกไฟล์สำรอง</translation>
    </message>
    <message>
        <source>Prachum database (*.db);;All files (*)</source>
        <translation>ฐานข้อมูลประชุม (*.db);;ทุกไฟล์ (*)</translation>
    </message>
</context>
<context>
    <name>RosterModels</name>
    <message>
        <source>{0} member organisations, {1} meetings</source>
        <translation>หน่วยงานสมาชิก {0} แห่ง การประชุม {1} ครั้ง</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>ชื่อย่อ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>People</source>
        <translation>จำนวนบุคคล</translation>
    </message>
    <message>
        <source>{0} (inactive)</source>
        <translation>{0} (เลิกใช้งาน)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ติดต่อ</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Filter organisations</source>
        <translation>กรองรายชื่อหน่วยงาน</translation>
    </message>
    <message>
        <source>Filter people by name, position or organisation</source>
        <translation>กรองรายชื่อตามชื่อ ตำแหน่ง หรือหน่วยงาน</translation>
    </message>
    <message>
        <source>Honorifics…</source>
        <translation>คำนำหน้าชื่อ…</translation>
    </message>
    <message>
        <source>&amp;Networks</source>
        <translation>เครือข่าย (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Organisations</source>
        <translation>หน่วยงาน (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>บุคคล (&amp;P)</translation>
    </message>
    <message>
        <source>{0} networks</source>
        <translation>เครือข่าย {0} เครือข่าย</translation>
    </message>
    <message>
        <source>{0} organisations</source>
        <translation>หน่วยงาน {0} แห่ง</translation>
    </message>
    <message>
        <source>{0} of {1} people</source>
        <translation>แสดง {0} จาก {1} คน</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>เลิกใช้งาน (&amp;T)</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>กลับมาใช้งาน (&amp;T)</translation>
    </message>
</context>
<context>
    <name>RosterSection</name>
    <message>
        <source>&amp;Add…</source>
        <translation>เพิ่ม… (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>แก้ไข… (&amp;E)</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>เลิกใช้งาน (&amp;T)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>ลบ… (&amp;L)</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>แสดงที่เลิกใช้งาน</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all meetings</source>
        <translation>ค้นหาในทุกการประชุม</translation>
    </message>
    <message>
        <source>A word of a title, of what was said, of a resolution, or a person&apos;s name</source>
        <translation>คำในชื่อการประชุม สาระที่ประชุม มติ หรือชื่อบุคคล</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>ไม่พบ “{0}”</translation>
    </message>
    <message>
        <source>The first {0} places; add a word to narrow.</source>
        <translation>แสดง {0} รายการแรก เพิ่มคำค้นเพื่อให้แคบลง</translation>
    </message>
    <message>
        <source>Found in {0} places.</source>
        <translation>พบ {0} รายการ</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>ระเบียบวาระ</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>ข้อความที่พบ</translation>
    </message>
    <message>
        <source>(the meeting)</source>
        <translation>(ตัวการประชุม)</translation>
    </message>
</context>
<context>
    <name>ServerAway</name>
    <message>
        <source>  Your text: {0}</source>
        <translation>  ข้อความของคุณ: {0}</translation>
    </message>
    <message>
        <source>The server cannot be reached: what is shown may not be up to date</source>
        <translation>ติดต่อเซิร์ฟเวอร์ไม่ได้: ข้อมูลที่แสดงอาจยังไม่เป็นปัจจุบัน</translation>
    </message>
    <message>
        <source>Changes waiting to be stored</source>
        <translation>การแก้ไขที่รอบันทึกลงเซิร์ฟเวอร์</translation>
    </message>
    <message>
        <source>The server cannot be reached: {0} changes kept on this computer, stored as soon as it is back</source>
        <translation>ติดต่อเซิร์ฟเวอร์ไม่ได้: เก็บการแก้ไขไว้ในเครื่องนี้ {0} รายการ จะบันทึกลงเซิร์ฟเวอร์ทันทีที่กลับมา</translation>
    </message>
    <message>
        <source>Not everything could be stored</source>
        <translation>บันทึกไม่ได้ทุกรายการ</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>The server is back: {0} changes kept on this computer are stored.</source>
        <translation>เซิร์ฟเวอร์กลับมาแล้ว: บันทึกการแก้ไขที่เก็บไว้ในเครื่องนี้ {0} รายการเรียบร้อยแล้ว</translation>
    </message>
    <message>
        <source>{0} changes made while the server could not be reached were kept on this computer and are not on the server yet.

Store them on the server now?</source>
        <translation>มีการแก้ไข {0} รายการที่ทำไว้ขณะติดต่อเซิร์ฟเวอร์ไม่ได้ เก็บไว้ในเครื่องนี้และยังไม่ได้บันทึกลงเซิร์ฟเวอร์

บันทึกลงเซิร์ฟเวอร์ตอนนี้หรือไม่</translation>
    </message>
    <message>
        <source>The server cannot be reached: this could not be done now; do it again once the server is back. {0} changes are kept on this computer.</source>
        <translation>ติดต่อเซิร์ฟเวอร์ไม่ได้: ทำรายการนี้ตอนนี้ไม่ได้ ให้ทำอีกครั้งเมื่อเซิร์ฟเวอร์กลับมา ขณะนี้เก็บการแก้ไขไว้ในเครื่องนี้ {0} รายการ</translation>
    </message>
    <message>
        <source>The server is back, but it refused {0} of the changes kept while it was away (someone changed the meeting meanwhile):

{1}</source>
        <translation>เซิร์ฟเวอร์กลับมาแล้ว แต่ไม่รับการแก้ไข {0} รายการที่เก็บไว้ระหว่างติดต่อไม่ได้ (มีผู้อื่นแก้ไขการประชุมในระหว่างนั้น):

{1}</translation>
    </message>
    <message>
        <source>The server cannot be reached and this computer&apos;s disk cannot be written either, so your last change could not be kept ({0}).</source>
        <translation>ติดต่อเซิร์ฟเวอร์ไม่ได้ และเขียนลงดิสก์ของเครื่องนี้ก็ไม่ได้ จึงเก็บการแก้ไขล่าสุดไว้ไม่ได้ ({0})</translation>
    </message>
</context>
<context>
    <name>SharedDatabase</name>
    <message>
        <source>Open a Prachum database</source>
        <translation>เปิดฐานข้อมูลประชุม</translation>
    </message>
    <message>
        <source>Prachum database (*.db);;All files (*)</source>
        <translation>ฐานข้อมูลประชุม (*.db);;ทุกไฟล์ (*)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The backup of {0} was restored. The file that could not be opened is kept, unchanged, as {1}.</source>
        <translation>กู้คืนไฟล์สำรองของ {0} แล้ว ไฟล์ที่เปิดไม่ได้ยังเก็บไว้ตามเดิมในชื่อ {1}</translation>
    </message>
    <message>
        <source>The backup of {0} was restored.</source>
        <translation>กู้คืนไฟล์สำรองของ {0} แล้ว</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be written ({0}). Your work is saved as usual.</source>
        <translation>สำรองข้อมูลประจำวันนี้ไม่สำเร็จ ({0}) งานที่ทำยังบันทึกตามปกติ</translation>
    </message>
    <message>
        <source>The database is already open</source>
        <translation>ฐานข้อมูลเปิดอยู่แล้ว</translation>
    </message>
    <message>
        <source>{0} is already open in another Prachum window (PID {1}).

Open it here read-only to look things up, or quit and work in the other window.</source>
        <translation>ฐานข้อมูล {0} เปิดอยู่ในโปรแกรมประชุมอีกหน้าต่างหนึ่ง (PID {1})

เปิดที่นี่แบบอ่านอย่างเดียวเพื่อดูข้อมูล หรือออกจากโปรแกรมแล้วทำงานในหน้าต่างเดิม</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>เปิดแบบอ่านอย่างเดียว (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม (&amp;Q)</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>เปิดฐานข้อมูลไม่ได้</translation>
    </message>
    <message>
        <source>The latest backup is from {0}. Restoring it keeps this file aside, unchanged.</source>
        <translation>ไฟล์สำรองล่าสุดเมื่อ {0} การกู้คืนจะเก็บไฟล์นี้แยกไว้โดยไม่แก้ไข</translation>
    </message>
    <message>
        <source>There is no backup of this database in {0}.</source>
        <translation>ไม่พบไฟล์สำรองของฐานข้อมูลนี้ใน {0}</translation>
    </message>
    <message>
        <source>Prachum has not changed the file {0}.</source>
        <translation>โปรแกรมไม่ได้แก้ไขไฟล์ {0}</translation>
    </message>
    <message>
        <source>Restore the &amp;latest backup</source>
        <translation>กู้คืนไฟล์สำรองล่าสุด (&amp;L)</translation>
    </message>
    <message>
        <source>Open &amp;another file…</source>
        <translation>เปิดไฟล์อื่น… (&amp;A)</translation>
    </message>
    <message>
        <source>The shared database cannot be opened</source>
        <translation>เปิดฐานข้อมูลร่วมไม่ได้</translation>
    </message>
    <message>
        <source>You can work in your own file on this computer ({0}) meanwhile.</source>
        <translation>ระหว่างนี้ทำงานในไฟล์ของคุณเองในเครื่องนี้ ({0}) ได้</translation>
    </message>
    <message>
        <source>Open &amp;my file on this computer</source>
        <translation>เปิดไฟล์ของฉันในเครื่องนี้ (&amp;M)</translation>
    </message>
    <message>
        <source>The database is on a network share</source>
        <translation>ฐานข้อมูลอยู่บนที่เก็บร่วมทางเครือข่าย</translation>
    </message>
    <message>
        <source>&amp;Copy it to this computer</source>
        <translation>คัดลอกมาไว้ในเครื่องนี้ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Move it to a shared database…</source>
        <translation>ย้ายไปฐานข้อมูลร่วม… (&amp;M)</translation>
    </message>
    <message>
        <source>Open a Prachum database</source>
        <translation>เปิดฐานข้อมูลประชุม</translation>
    </message>
    <message>
        <source>Prachum database (*.db);;All files (*)</source>
        <translation>ฐานข้อมูลประชุม (*.db);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>{0} was copied to {1}; the file on the share is unchanged.</source>
        <translation>คัดลอก {0} ไปที่ {1} แล้ว ไฟล์บนที่เก็บร่วมไม่ได้เปลี่ยนแปลง</translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>เชิญ (ครั้ง)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>มา (ครั้ง)</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>ไม่มา (ครั้ง)</translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation>อัตราการเข้าประชุม</translation>
    </message>
    <message>
        <source>Others who came</source>
        <translation>ผู้เข้าร่วมอื่น</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Attendance by organisation</source>
        <translation>การเข้าประชุมของแต่ละหน่วยงาน</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>ปีนี้</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>ปีที่แล้ว</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>ทุกการประชุม</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>ส่งออกเป็น Excel…</translation>
    </message>
    <message>
        <source>Save the chart as an image…</source>
        <translation>บันทึกแผนภูมิเป็นภาพ…</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>เครือข่าย</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>People invited, by organisation</source>
        <translation>ผู้ได้รับเชิญ รายหน่วยงาน</translation>
    </message>
    <message>
        <source>Organisations: meetings attended</source>
        <translation>หน่วยงาน: จำนวนครั้งที่มาประชุม</translation>
    </message>
    <message>
        <source>Each person</source>
        <translation>รายบุคคล</translation>
    </message>
    <message>
        <source>All networks</source>
        <translation>ทุกเครือข่าย</translation>
    </message>
    <message>
        <source>Export the statistics</source>
        <translation>ส่งออกสถิติ</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation>บันทึกแล้ว: {0}</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>บันทึกแผนภูมิ</translation>
    </message>
    <message>
        <source>Images (*.png)</source>
        <translation>ภาพ (*.png)</translation>
    </message>
    <message>
        <source>{0} organisations; members invited {1} times, present {2} times: {3} overall.</source>
        <translation>{0} หน่วยงาน เชิญสมาชิกรวม {1} ครั้ง มาประชุม {2} ครั้ง คิดเป็น {3}</translation>
    </message>
    <message>
        <source>No attendance was taken in this period.</source>
        <translation>ไม่มีการบันทึกการเข้าประชุมในช่วงเวลานี้</translation>
    </message>
    <message>
        <source>Resolutions: {0}, of which {1} voted ({2} by secret ballot).</source>
        <translation>มติ {0} เรื่อง ลงคะแนน {1} เรื่อง (ลงคะแนนลับ {2} เรื่อง)</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Not saved</source>
        <translation>ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>Read-only: changes are not saved</source>
        <translation>อ่านอย่างเดียว: การแก้ไขจะไม่ถูกบันทึก</translation>
    </message>
    <message>
        <source>Not saved: {0} — {1} typed changes kept, saved as soon as possible</source>
        <translation>ยังไม่ได้บันทึก: {0} — เก็บข้อความที่พิมพ์ไว้ {1} รายการ จะบันทึกทันทีที่ทำได้</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ดิสก์เต็ม</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>โฟลเดอร์เป็นแบบอ่านอย่างเดียว</translation>
    </message>
    <message>
        <source>the database is busy</source>
        <translation>ฐานข้อมูลถูกใช้งานอยู่</translation>
    </message>
    <message>
        <source>the disk cannot be written</source>
        <translation>เขียนลงดิสก์ไม่ได้</translation>
    </message>
    <message>
        <source>The disk is full, so your last change could not be saved.</source>
        <translation>ดิสก์เต็ม จึงบันทึกการแก้ไขล่าสุดไม่ได้</translation>
    </message>
    <message>
        <source>The database&apos;s folder cannot be written (read-only, or a removed drive), so your last change could not be saved.</source>
        <translation>เขียนลงโฟลเดอร์ของฐานข้อมูลไม่ได้ (เป็นแบบอ่านอย่างเดียว หรือถอดไดรฟ์ออกไปแล้ว) จึงบันทึกการแก้ไขล่าสุดไม่ได้</translation>
    </message>
    <message>
        <source>Another program is holding the database, so your last change could not be saved.</source>
        <translation>มีโปรแกรมอื่นใช้ฐานข้อมูลอยู่ จึงบันทึกการแก้ไขล่าสุดไม่ได้</translation>
    </message>
    <message>
        <source>The disk could not be written, so your last change could not be saved.</source>
        <translation>เขียนลงดิสก์ไม่ได้ จึงบันทึกการแก้ไขล่าสุดไม่ได้</translation>
    </message>
    <message>
        <source>Text you typed stays on screen and is saved by itself as soon as the disk takes it again: free some space (empty the recycle bin, move large files) and keep Prachum open until the status bar says it is saved. A click or a form that could not be saved can simply be done again. Everything saved before is safe.</source>
        <translation>ข้อความที่พิมพ์ไว้ยังอยู่บนหน้าจอครบ และจะบันทึกเองทันทีที่เขียนลงดิสก์ได้อีก กรุณาทำให้มีที่ว่าง (ล้างถังขยะ ย้ายไฟล์ขนาดใหญ่ออก) และอย่าเพิ่งปิดโปรแกรมจนกว่าแถบสถานะจะแจ้งว่าบันทึกแล้ว ส่วนการคลิกหรือแบบฟอร์มที่บันทึกไม่ได้ให้ทำซ้ำอีกครั้ง ข้อมูลที่บันทึกไว้ก่อนหน้านี้ปลอดภัยทั้งหมด</translation>
    </message>
</context>
<context>
    <name>Structure</name>
    <message>
        <source>New item</source>
        <translation>เรื่องใหม่</translation>
    </message>
    <message>
        <source>There is no item above to move this one under.</source>
        <translation>ไม่มีวาระด้านบนให้ย่อเข้าไป</translation>
    </message>
    <message>
        <source>Add “{0}” ({1} items)</source>
        <translation>เพิ่มวาระตามแม่แบบ “{0}” ({1} วาระ)</translation>
    </message>
    <message>
        <source>Save this agenda as a template…</source>
        <translation>บันทึกระเบียบวาระนี้เป็นแม่แบบ…</translation>
    </message>
    <message>
        <source>add a template&apos;s items</source>
        <translation>เพิ่มวาระตามแม่แบบ</translation>
    </message>
    <message>
        <source>Agenda of my network</source>
        <translation>ระเบียบวาระของเครือข่าย</translation>
    </message>
    <message>
        <source>Saved as the template “{0}”</source>
        <translation>บันทึกเป็นแม่แบบ “{0}” แล้ว</translation>
    </message>
    <message>
        <source>These minutes are final: every field is read-only until reopened.</source>
        <translation>รายงานการประชุมนี้ปิดแล้ว ทุกช่องแก้ไขไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้ง</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>เปิดแก้ไข…</translation>
    </message>
    <message>
        <source>The minutes of the meeting {0} are certified by this meeting.</source>
        <translation>รายงานการประชุม{0} ได้รับการรับรองในการประชุมครั้งนี้แล้ว</translation>
    </message>
    <message>
        <source>The minutes of the meeting {0} are not certified yet. Certified minutes become read-only.</source>
        <translation>รายงานการประชุม{0} ยังไม่ได้รับการรับรอง เมื่อรับรองแล้วจะแก้ไขรายงานนั้นไม่ได้</translation>
    </message>
    <message>
        <source>Certify them</source>
        <translation>รับรองรายงาน</translation>
    </message>
    <message>
        <source>{0} open actions of the meeting {1} are not carried over yet.</source>
        <translation>{0} งานจากการประชุม{1} ยังไม่แล้วเสร็จและยังไม่ได้ยกมาติดตาม</translation>
    </message>
    <message>
        <source>Choose which to carry…</source>
        <translation>เลือกงานที่จะยกมา…</translation>
    </message>
    <message>
        <source>carry over actions</source>
        <translation>ยกงานที่ค้างมาติดตาม</translation>
    </message>
    <message>
        <source>{0} actions carried over</source>
        <translation>ยกงานมาติดตาม {0} งาน</translation>
    </message>
    <message>
        <source>The earlier minutes are certified</source>
        <translation>รับรองรายงานการประชุมครั้งก่อนแล้ว</translation>
    </message>
</context>
<context>
    <name>TemplateMenu</name>
    <message>
        <source>Your &amp;office&apos;s template</source>
        <translation>แม่แบบของหน่วยงาน (&amp;O)</translation>
    </message>
    <message>
        <source>Use a template of my own (DOCX)…</source>
        <translation>ใช้แม่แบบของหน่วยงาน (DOCX)…</translation>
    </message>
    <message>
        <source>Save the built-in layout as a template to start from…</source>
        <translation>บันทึกรูปแบบมาตรฐานเป็นแม่แบบเพื่อปรับใช้…</translation>
    </message>
    <message>
        <source>Back to the built-in layout</source>
        <translation>กลับไปใช้รูปแบบมาตรฐาน</translation>
    </message>
    <message>
        <source>Fields a template can use…</source>
        <translation>ช่องข้อมูลที่ใช้ในแม่แบบได้…</translation>
    </message>
    <message>
        <source>Your office&apos;s template</source>
        <translation>แม่แบบของหน่วยงาน</translation>
    </message>
    <message>
        <source>Save the built-in layout as a template</source>
        <translation>บันทึกรูปแบบมาตรฐานเป็นแม่แบบ</translation>
    </message>
</context>
<context>
    <name>TemplateNameDialog</name>
    <message>
        <source>Save the agenda as a template</source>
        <translation>บันทึกระเบียบวาระเป็นแม่แบบ</translation>
    </message>
    <message>
        <source>The top-level items of this agenda, kept for the network&apos;s next meetings.</source>
        <translation>วาระหลักของระเบียบวาระนี้ เก็บไว้ใช้กับการประชุมครั้งต่อไปของเครือข่าย</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>ชื่อแม่แบบ</translation>
    </message>
</context>
<context>
    <name>VoteEditor</name>
    <message>
        <source>for</source>
        <translation>เห็นชอบ</translation>
    </message>
    <message>
        <source>against</source>
        <translation>ไม่เห็นชอบ</translation>
    </message>
    <message>
        <source>abstain</source>
        <translation>งดออกเสียง</translation>
    </message>
    <message>
        <source>Open ballot</source>
        <translation>ลงคะแนนโดยเปิดเผย</translation>
    </message>
    <message>
        <source>Secret ballot</source>
        <translation>ลงคะแนนลับ</translation>
    </message>
    <message>
        <source>For</source>
        <translation>เห็นชอบ</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>ไม่เห็นชอบ</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>งดออกเสียง</translation>
    </message>
    <message>
        <source>Ballot</source>
        <translation>วิธีลงคะแนน</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>ผู้เสนอ</translation>
    </message>
    <message>
        <source>Seconded by</source>
        <translation>ผู้รับรอง</translation>
    </message>
    <message>
        <source>The votes add up to {0}, more than the {1} members present. Finalising will list it.</source>
        <translation>ผลการลงคะแนนรวม {0} เสียง มากกว่าผู้มาประชุม {1} คน (จะแสดงในรายการตรวจก่อนปิดรายงาน)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Prachum</source>
        <translation>ยินดีต้อนรับสู่โปรแกรมประชุม</translation>
    </message>
    <message>
        <source>Prachum keeps your network&apos;s members, meetings, attendance and minutes on this computer. Everything you type is saved at once. How would you like to start?</source>
        <translation>โปรแกรมประชุมเก็บรายชื่อสมาชิกเครือข่าย การประชุม ผู้เข้าประชุม และรายงานการประชุมไว้ในเครื่องนี้ ทุกอย่างที่พิมพ์จะบันทึกทันที ท่านต้องการเริ่มต้นอย่างไร</translation>
    </message>
    <message>
        <source>Create a network</source>
        <translation>สร้างเครือข่าย</translation>
    </message>
    <message>
        <source>Name your network and add its member organisations and people.</source>
        <translation>ตั้งชื่อเครือข่าย แล้วเพิ่มหน่วยงานสมาชิกและรายชื่อบุคคล</translation>
    </message>
    <message>
        <source>Import a meeting file</source>
        <translation>นำเข้าไฟล์การประชุม</translation>
    </message>
    <message>
        <source>Open a .meeting.json file that another office sent you.</source>
        <translation>เปิดไฟล์ .meeting.json ที่ได้รับจากหน่วยงานอื่น</translation>
    </message>
    <message>
        <source>Open the demo data</source>
        <translation>เปิดข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <source>Look around with an example network, its people and three meetings.</source>
        <translation>ทดลองใช้กับเครือข่ายตัวอย่าง พร้อมรายชื่อบุคคลและการประชุมสามครั้ง</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>Keep mine</source>
        <translation>ใช้ข้อความของฉัน</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>ใช้ข้อความของเขา</translation>
    </message>
    <message>
        <source>Merge by hand</source>
        <translation>รวมสองข้อความเอง</translation>
    </message>
    <message>
        <source>Store your text over theirs</source>
        <translation>บันทึกข้อความของคุณแทนข้อความของเขา</translation>
    </message>
    <message>
        <source>Show their text and drop yours</source>
        <translation>แสดงข้อความของเขา และไม่ใช้ข้อความของคุณ</translation>
    </message>
    <message>
        <source>Put their text after yours in the field, to make one of both</source>
        <translation>นำข้อความของเขามาต่อท้ายข้อความของคุณในช่อง เพื่อรวมเป็นข้อความเดียว</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>ผู้อื่น</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>เมื่อ {0} เวลา {1}</translation>
    </message>
    <message>
        <source>{0} stored “{1}” {2} while you were typing it. Your text is in the field, not stored yet; theirs is below.</source>
        <translation>{0} บันทึก “{1}” {2} ระหว่างที่คุณกำลังพิมพ์ ข้อความของคุณยังอยู่ในช่องและยังไม่ได้บันทึก ข้อความของเขาอยู่ด้านล่าง</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>โหลดใหม่ (&amp;R)</translation>
    </message>
    <message>
        <source>{0} changes, the newest first.</source>
        <translation>{0} รายการ เรียงจากล่าสุด</translation>
    </message>
    <message>
        <source>No change has been stored yet.</source>
        <translation>ยังไม่มีการแก้ไขที่บันทึกไว้</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>ผู้แก้ไข</translation>
    </message>
    <message>
        <source>What</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>ช่อง</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>ก่อนแก้ไข</translation>
    </message>
    <message>
        <source>After</source>
        <translation>หลังแก้ไข</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>ลบ</translation>
    </message>
</context>
</TS>
