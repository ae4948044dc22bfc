-- A database as the first migration (0001) made it, with rows in every table.
-- Kept as SQL so that it stays readable; every later migration is tested on it.
PRAGMA foreign_keys = ON;

INSERT INTO organizations (id, name, short_name, kind, district, province, active) VALUES
  (1, 'เทศบาลตำบลบ้านกลาง', 'ทต.บ้านกลาง', 'subdistrict_municipality', 'สันป่าตอง', 'เชียงใหม่', 1),
  (2, 'องค์การบริหารส่วนตำบลทุ่งต้อม', 'อบต.ทุ่งต้อม', 'sao', 'สันป่าตอง', 'เชียงใหม่', 1),
  (3, 'มูลนิธิพัฒนาเมือง', NULL, 'agency', NULL, NULL, 0);

INSERT INTO networks (id, name, description, active) VALUES
  (1, 'เครือข่ายเทศบาลลุ่มน้ำปิง', 'ทดสอบการย้ายโครงสร้าง', 1);

INSERT INTO network_members (network_id, organization_id, sort_order) VALUES (1, 1, 0), (1, 2, 1);

INSERT INTO people (id, honorific, given_name, family_name, position, role, organization_id, email, phone, active) VALUES
  (1, 'นาย', 'สมชาย', 'ใจดี', 'นายกเทศมนตรีตำบลบ้านกลาง', 'executive', 1, NULL, NULL, 1),
  (2, 'นางสาว', 'วิไล', 'ศรีสุข', 'รองปลัดเทศบาล', 'deputy_clerk', 1, NULL, NULL, 1),
  (3, 'นาง', 'มาลี', 'บุญมา', 'นักวิเคราะห์นโยบายและแผน', 'officer', 2, 'malee@example.org', '053-000000', 1);

INSERT INTO meetings (id, network_id, title, title_en, number, date, start_time, end_time, mode, platform, venue,
                      host_id, chair_id, recorder_id, reviewer_id, opening, status, certified_by_id, updated_at) VALUES
  (1, 1, 'การประชุมคณะทำงาน', NULL, 1, '2024-02-14', '09:30:00.000000', '12:00:00.000000', 'online', 'Zoom', NULL,
   1, 1, 3, 2, 'ประธานกล่าวเปิดการประชุม', 'certified', 2, '2024-02-14 12:00:00'),
  (2, 1, 'การประชุมคณะทำงาน', NULL, 2, '2024-05-08', '13:30:00.000000', NULL, 'onsite', NULL, 'ห้องประชุมสภา',
   1, 1, 3, NULL, NULL, 'draft', NULL, '2024-05-08 15:00:00');

INSERT INTO attendance (id, meeting_id, person_id, name, position, organization_name, "group", status, absence_reason,
                        acting_as, joined, left_at, minutes_present, note, source, sort_order) VALUES
  (1, 1, 1, 'นายสมชาย ใจดี', 'นายกเทศมนตรีตำบลบ้านกลาง', 'เทศบาลตำบลบ้านกลาง', 'member', 'present', NULL,
   NULL, '09:20:00.000000', '12:00:00.000000', 160, NULL, 'zoom', 1),
  (2, 1, 2, 'นางสาววิไล ศรีสุข', 'รองปลัดเทศบาล', 'เทศบาลตำบลบ้านกลาง', 'member', 'present', NULL,
   'ปลัดเทศบาลตำบลบ้านกลาง', NULL, NULL, NULL, NULL, 'typed', 2),
  (3, 1, 3, 'นางมาลี บุญมา', 'นักวิเคราะห์นโยบายและแผน', 'องค์การบริหารส่วนตำบลทุ่งต้อม', 'participant', 'absent',
   'ติดราชการ', NULL, NULL, NULL, NULL, NULL, 'typed', 3),
  (4, 2, 1, 'นายสมชาย ใจดี', 'นายกเทศมนตรีตำบลบ้านกลาง', 'เทศบาลตำบลบ้านกลาง', 'member', 'present', NULL,
   NULL, NULL, NULL, NULL, NULL, 'typed', 1);

INSERT INTO agenda_items (id, meeting_id, parent_id, number, category, title, body, resolution, sort_order) VALUES
  (1, 1, NULL, '1', 'announcements', 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ', 'แจ้งกำหนดการลงนาม', 'ที่ประชุมรับทราบ', 1),
  (2, 1, NULL, '2', 'for_consideration', 'เรื่องเสนอเพื่อพิจารณา', NULL, NULL, 2),
  (3, 1, 2, '2.1', 'for_consideration', 'แนวทางการดำเนินงานของเครือข่าย', 'ฝ่ายเลขานุการเสนอแนวทาง',
   'ที่ประชุมเห็นชอบร่วมกันดำเนินงาน ดังนี้', 1),
  (4, 2, NULL, '1', 'confirm_minutes', 'รับรองรายงานการประชุมครั้งที่ 1/2567', NULL, 'รับรอง', 1),
  (5, 2, NULL, '2', 'follow_up', 'เรื่องสืบเนื่อง', NULL, NULL, 2);

INSERT INTO resolution_points (id, agenda_item_id, text, sort_order) VALUES
  (1, 3, 'จัดตั้งคณะทำงานร่วม', 1),
  (2, 3, 'ประชุมทุกไตรมาส', 2);

INSERT INTO actions (id, agenda_item_id, text, owner_organization_id, owner_person_id, due, done, carried_from_id) VALUES
  (1, 3, 'จัดทำร่างคำสั่งคณะทำงาน', 1, NULL, '2024-03-01', 0, NULL),
  (2, 5, 'จัดทำร่างคำสั่งคณะทำงาน', 1, NULL, '2024-03-01', 0, 1),
  (3, 3, 'แจ้งรายชื่อผู้แทน', NULL, 3, NULL, 1, NULL);

INSERT INTO aliases (id, display_name, person_id) VALUES
  (1, 'iphone ของ วิไล', 2),
  (2, 'ทต.บ้านกลาง นายกสมชาย', 1);

INSERT INTO agenda_templates (id, network_id, name) VALUES (1, NULL, 'มาตรฐาน 5 วาระ'), (2, 1, 'ของเครือข่าย');

INSERT INTO agenda_template_items (id, template_id, category, title, sort_order) VALUES
  (1, 1, 'announcements', 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ', 1),
  (2, 2, 'other', 'เรื่องอื่น ๆ', 1);
