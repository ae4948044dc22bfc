"""The data: SQLAlchemy 2.0 typed models.

Stored values are language-neutral (ISO dates, times, enum codes); the Thai words a
user sees are translations made by `thai.py` and the UI. Rules that must hold whatever
writes to the file (a person once per meeting, positive numbers, end not before start)
are constraints in the schema, not only checks in Python.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.core.codes import (
    AgendaCategory,
    AttendanceGroup,
    AttendanceSource,
    AttendanceStatus,
    Ballot,
    IdentityCheck,
    MeetingMode,
    MeetingStatus,
    OrganizationKind,
    ReportPlatform,
    Role,
)
from desktop.core.damage import TolerantDate, TolerantDateTime, TolerantTime

# Enum codes, exactly as the meeting file spells them (desktop.core.codes names them).
ORGANIZATION_KINDS = tuple(OrganizationKind)
ROLES = tuple(Role)
MEETING_MODES = tuple(MeetingMode)
MEETING_STATUSES = tuple(MeetingStatus)
ATTENDANCE_GROUPS = tuple(AttendanceGroup)
ATTENDANCE_STATUSES = tuple(AttendanceStatus)
ATTENDANCE_SOURCES = tuple(AttendanceSource)
IDENTITY_CHECKS = tuple(IdentityCheck)
BALLOTS = tuple(Ballot)
REPORT_PLATFORMS = tuple(ReportPlatform)
AGENDA_CATEGORIES = tuple(AgendaCategory)

# Stable constraint names, so that Alembic batch migrations can find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Written:
    """Text that people write carries a version, and who stored it last and when.

    An edit names the version it was made on; the UPDATE that stores it asks for that
    version in its WHERE, so an edit made on text someone else has changed since is
    refused by the database itself (desktop.core.versions). `last_changed_by` is the
    database user on a server and the operating-system user on a file.
    """

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    last_changed_by: Mapped[str | None] = mapped_column(String(200))
    last_changed_at: Mapped[datetime | None] = mapped_column(TolerantDateTime)


class Organization(Base):
    """A member authority or any other office that sends people to meetings."""

    __tablename__ = "organizations"
    __table_args__ = (CheckConstraint(_in("kind", ORGANIZATION_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    """Full official name, e.g. เทศบาลตำบลบ้านกลาง."""
    short_name: Mapped[str | None] = mapped_column(String(100))
    """As people write it in a display name: ทต.บ้านกลาง."""
    kind: Mapped[str] = mapped_column(String(30), default="agency")
    district: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # What a letter from this office prints: `ที่ ลพ 52001/ว 123`, the address at the
    # right, and the unit, telephone and e-mail at the bottom left.
    letter_code: Mapped[str | None] = mapped_column(String(50))
    address: Mapped[str | None] = mapped_column(Text)
    letter_office: Mapped[str | None] = mapped_column(String(200))
    """The unit that owns the letter (ส่วนราชการเจ้าของเรื่อง): สำนักปลัดเทศบาล."""
    phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))

    people: Mapped[list[Person]] = relationship(back_populates="organization")


class NetworkMember(Base):
    """An organisation's place in a network, in the order the secretary lists them."""

    __tablename__ = "network_members"

    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    organization: Mapped[Organization] = relationship()


class Network(Base):
    """A group of authorities that meets together."""

    __tablename__ = "networks"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    memberships: Mapped[list[NetworkMember]] = relationship(
        cascade="all, delete-orphan", order_by="NetworkMember.sort_order"
    )
    meetings: Mapped[list[Meeting]] = relationship(back_populates="network")

    @property
    def members(self) -> list[Organization]:
        return [m.organization for m in self.memberships]


class Person(Base):
    """Someone who is invited to meetings; the position is today's, attendance keeps a copy."""

    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint(_in("role", ROLES), name="role"),
        # Reports and meeting files look people up by name: keep that quick on big rosters.
        Index("ix_people_names", "given_name", "family_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    honorific: Mapped[str | None] = mapped_column(String(60))
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(300))
    acting_as: Mapped[str | None] = mapped_column(String(300))
    """The office she acts for (`ปลัดเทศบาล…`: รักษาราชการแทน), apart from the one held."""
    role: Mapped[str] = mapped_column(String(20), default="officer")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    organization: Mapped[Organization | None] = relationship(back_populates="people")


class Meeting(Written, Base):
    """One meeting of a network (or of no network), with its minutes."""

    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint("number IS NULL OR number > 0", name="number_positive"),
        CheckConstraint(
            "start_time IS NULL OR end_time IS NULL OR end_time >= start_time",
            name="end_after_start",
        ),
        CheckConstraint(_in("mode", MEETING_MODES), name="mode"),
        CheckConstraint(_in("status", MEETING_STATUSES), name="status"),
        CheckConstraint(
            "certified_by_id IS NULL OR certified_by_id <> id", name="not_self_certified"
        ),
        CheckConstraint("quorum IS NULL OR quorum > 0", name="quorum_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int | None] = mapped_column(
        ForeignKey("networks.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    title_en: Mapped[str | None] = mapped_column(String(500))
    number: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[date] = mapped_column(TolerantDate, index=True)
    start_time: Mapped[time | None] = mapped_column(TolerantTime)
    end_time: Mapped[time | None] = mapped_column(TolerantTime)
    mode: Mapped[str] = mapped_column(String(10), default="onsite")
    platform: Mapped[str | None] = mapped_column(String(100))
    venue: Mapped[str | None] = mapped_column(String(500))
    host_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    recorder_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    opening: Mapped[str | None] = mapped_column(Text)
    quorum: Mapped[int | None] = mapped_column(Integer)
    """How many members must be present for the meeting to decide (องค์ประชุม)."""
    recording: Mapped[str | None] = mapped_column(String(1000))
    """Where the recording of an online meeting is kept (evidence under the 2563 decree)."""
    online_link: Mapped[str | None] = mapped_column(String(2000))
    online_meeting_id: Mapped[str | None] = mapped_column(String(100))
    online_passcode: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    certified_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    """The later meeting whose confirm-minutes item certified these minutes."""
    updated_at: Mapped[datetime] = mapped_column(
        TolerantDateTime,
        server_default=func.current_timestamp(),
        onupdate=func.current_timestamp(),
    )

    network: Mapped[Network | None] = relationship(back_populates="meetings")
    host: Mapped[Organization | None] = relationship(foreign_keys=[host_id])
    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id])
    recorder: Mapped[Person | None] = relationship(foreign_keys=[recorder_id])
    reviewer: Mapped[Person | None] = relationship(foreign_keys=[reviewer_id])
    certified_by: Mapped[Meeting | None] = relationship(remote_side=[id])
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Attendance.sort_order"
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    """Every item at every depth; `agenda` gives the top level in order."""
    agenda: Mapped[list[AgendaItem]] = relationship(
        primaryjoin="and_(Meeting.id == AgendaItem.meeting_id, AgendaItem.parent_id.is_(None))",
        order_by="AgendaItem.sort_order",
        viewonly=True,
    )


class Attendance(Base):
    """A person's place at one meeting, with their name and position as they were then."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", name="uq_attendance_meeting_person"),
        CheckConstraint(_in('"group"', ATTENDANCE_GROUPS), name="group"),
        CheckConstraint(_in("status", ATTENDANCE_STATUSES), name="status"),
        CheckConstraint(_in("source", ATTENDANCE_SOURCES), name="source"),
        CheckConstraint(
            "joined IS NULL OR left_at IS NULL OR left_at >= joined", name="left_after_joined"
        ),
        CheckConstraint(f"identity IS NULL OR {_in('identity', IDENTITY_CHECKS)}", name="identity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    """Empty once the person is deleted: the line keeps her name as it was."""
    name: Mapped[str] = mapped_column(String(400))
    """The full name with honorific, as it was at the meeting."""
    position: Mapped[str | None] = mapped_column(String(300))
    organization_name: Mapped[str | None] = mapped_column(String(300))
    group: Mapped[str] = mapped_column(String(12), default="member")
    status: Mapped[str] = mapped_column(String(8), default="present")
    absence_reason: Mapped[str | None] = mapped_column(String(300))
    acting_as: Mapped[str | None] = mapped_column(String(300))
    """The office this person holds for the meeting: รักษาราชการแทน …"""
    joined: Mapped[time | None] = mapped_column(TolerantTime)
    left_at: Mapped[time | None] = mapped_column("left_at", TolerantTime)
    minutes_present: Mapped[int | None] = mapped_column(Integer)
    """Minutes in the meeting as a report counted them (rejoins not counted twice)."""
    note: Mapped[str | None] = mapped_column(Text)
    capacity: Mapped[str | None] = mapped_column(String(100))
    """The person's capacity in this meeting as the minutes print it: ประธาน, กรรมการ …"""
    identity: Mapped[str | None] = mapped_column(String(10))
    """How an online attendee's identity was checked: one of IDENTITY_CHECKS."""
    source: Mapped[str] = mapped_column(String(8), default="typed")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person | None] = relationship()


class AgendaItem(Written, Base):
    """A ระเบียบวาระ or one of its sub-items, with what was said and decided."""

    __tablename__ = "agenda_items"
    __table_args__ = (CheckConstraint(_in("category", AGENDA_CATEGORIES), name="category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(20))
    """`2` or `2.1`: kept in step with the order by services.renumber_agenda."""
    category: Mapped[str] = mapped_column(String(20), default="other")
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    parent: Mapped[AgendaItem | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[AgendaItem]] = relationship(
        back_populates="parent", cascade="all, delete-orphan", order_by="AgendaItem.sort_order"
    )
    points: Mapped[list[ResolutionPoint]] = relationship(
        cascade="all, delete-orphan", order_by="ResolutionPoint.sort_order"
    )
    actions: Mapped[list[Action]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="Action.id"
    )
    vote: Mapped[Vote | None] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Vote(Base):
    """How an item was voted on: the counts, open or secret ballot, mover and seconder.

    Every part is optional. The counts may not add up to the members present while she
    is still typing them; the finalise check says so, and a meeting file refuses it.
    """

    __tablename__ = "votes"
    __table_args__ = (
        CheckConstraint("votes_for IS NULL OR votes_for >= 0", name="for_not_negative"),
        CheckConstraint("votes_against IS NULL OR votes_against >= 0", name="against_not_negative"),
        CheckConstraint("votes_abstain IS NULL OR votes_abstain >= 0", name="abstain_not_negative"),
        CheckConstraint(f"ballot IS NULL OR {_in('ballot', BALLOTS)}", name="ballot"),
    )

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True
    )
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    ballot: Mapped[str | None] = mapped_column(String(6))
    mover_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    seconder_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))

    mover: Mapped[Person | None] = relationship(foreign_keys=[mover_id])
    seconder: Mapped[Person | None] = relationship(foreign_keys=[seconder_id])

    @property
    def total(self) -> int:
        return (self.votes_for or 0) + (self.votes_against or 0) + (self.votes_abstain or 0)

    @property
    def has_counts(self) -> bool:
        return any(v is not None for v in (self.votes_for, self.votes_against, self.votes_abstain))


class ResolutionPoint(Base):
    """One numbered point of a resolution (the seven points of an MOU)."""

    __tablename__ = "resolution_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Action(Written, Base):
    """A follow-up action decided under an agenda item."""

    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint(
            "owner_organization_id IS NULL OR owner_person_id IS NULL", name="one_owner"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    due: Mapped[date | None] = mapped_column(TolerantDate)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL")
    )
    """The earlier meeting's action this one continues (เรื่องสืบเนื่อง)."""

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="actions")
    owner_organization: Mapped[Organization | None] = relationship()
    owner_person: Mapped[Person | None] = relationship()


class Alias(Base):
    """A display name seen in a Zoom or Teams report, and the person it was confirmed as."""

    __tablename__ = "aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(400), unique=True)
    """Normalised (NFC, case-folded, spaces collapsed) so that the next report finds it."""
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))

    person: Mapped[Person] = relationship()


class AgendaTemplate(Base):
    """A named agenda layout: the standard ones, or a network's own."""

    __tablename__ = "agenda_templates"
    __table_args__ = (UniqueConstraint("network_id", "name", name="uq_agenda_templates_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    items: Mapped[list[AgendaTemplateItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaTemplateItem.sort_order"
    )


class AgendaTemplateItem(Base):
    __tablename__ = "agenda_template_items"
    __table_args__ = (CheckConstraint(_in("category", AGENDA_CATEGORIES), name="category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_templates.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ReportFile(Base):
    """A Zoom or Teams report as it was imported for a meeting: its bytes and SHA-256.

    Kept unchanged as evidence of who attended an electronic meeting and when.
    """

    __tablename__ = "report_files"
    __table_args__ = (CheckConstraint(_in("platform", REPORT_PLATFORMS), name="platform"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(500))
    platform: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    imported_at: Mapped[datetime] = mapped_column(
        TolerantDateTime, server_default=func.current_timestamp()
    )


class Setting(Base):
    """A setting kept in the database, so it travels with backups and a shared file:
    "our organisation", the Garuda image for letters."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    text: Mapped[str | None] = mapped_column(Text)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class OutgoingLetter(Base):
    """A line of the outgoing register (ทะเบียนหนังสือส่ง): one number for a batch of the
    same letter to many (a circular, `ว`), numbered without gaps within a Buddhist year."""

    __tablename__ = "outgoing_letters"
    __table_args__ = (
        UniqueConstraint("be_year", "number", name="uq_outgoing_letters_number"),
        UniqueConstraint("meeting_id", "kind", name="uq_outgoing_letters_batch"),
        CheckConstraint("number > 0", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    be_year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="invitation")
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    letter_date: Mapped[date] = mapped_column(TolerantDate)
    code: Mapped[str] = mapped_column(String(80))
    """The whole `ที่` as printed: ลพ 52001/ว 123."""
    sender: Mapped[str] = mapped_column(String(300))
    recipients: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        TolerantDateTime, server_default=func.current_timestamp()
    )


class HistoryEntry(Base):
    """One stored change, written by the database's own triggers (desktop.core.history),
    never by the app: who, when, which row and field, the value before and after.

    No foreign keys: the history outlives the meeting, item or person it tells of. A row
    added or deleted is one entry without a field, its values as JSON; an edit is one
    entry per field, and one person's quick edits of a field are kept as one entry.
    """

    __tablename__ = "history"
    __table_args__ = (
        Index("ix_history_row_field", "table_name", "row_key", "field"),
        CheckConstraint(_in("action", ("insert", "update", "delete")), name="action"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(TolerantDateTime)
    """When, in UTC (a server's clock, or the PC's for a file)."""
    user_name: Mapped[str] = mapped_column(String(200))
    """The database user on a server, the operating-system user on a file."""
    table_name: Mapped[str] = mapped_column(String(60))
    row_key: Mapped[str] = mapped_column(String(100))
    """The row's primary key as text (two keys joined by `:`)."""
    meeting_id: Mapped[int | None] = mapped_column(Integer, index=True)
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """The agenda item, for the item itself, its vote, points and actions."""
    field: Mapped[str | None] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(6))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
