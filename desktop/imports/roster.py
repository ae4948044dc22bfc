"""People from a spreadsheet (XLSX or CSV): the `roster` command.

Columns are found by name (Thai or English, any case): honorific, given and family
name or one full-name column (`นางสาวมาลี บุญมา` → นางสาว / มาลี / บุญมา), position,
organisation, e-mail, phone, role. A missing role is guessed from the position and
shown for confirmation. Organisations are reused by name or short name, or created
(`ทต.บ้านกลาง` becomes เทศบาลตำบลบ้านกลาง, short name ทต.บ้านกลาง). The default is a
dry run that lists what would change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.codes import Role
from desktop.core.services.roster import (
    create_network,
    create_organization,
    create_person,
    find_network,
    find_organization,
    find_person,
    set_network_members,
    update_person,
)
from desktop.core.thai import full_name, split_full_name
from desktop.imports.columns import Header, find_headers, table_rows
from desktop.imports.names import ORG_PREFIXES
from desktop.imports.safety import check_cell, refuse
from desktop.imports.sheets import read_table

COLUMNS: dict[str, tuple[str, ...]] = {
    "honorific": ("คำนำหน้า", "คำนำหน้าชื่อ", "คำนำหน้านาม", "Honorific", "Title", "Prefix"),
    "given": ("ชื่อ", "ชื่อจริง", "Given Name", "First Name", "Firstname", "Forename"),
    "family": ("นามสกุล", "สกุล", "Family Name", "Last Name", "Lastname", "Surname"),
    "full": (
        "ชื่อ-นามสกุล",
        "ชื่อ-สกุล",
        "ชื่อและนามสกุล",
        "ชื่อ นามสกุล",
        "ชื่อ-นามสกุล ผู้เข้าประชุม",
        "Full Name",
        "Name",
    ),
    "position": ("ตำแหน่ง", "Position", "Job Title"),
    "organization": (
        "หน่วยงาน",
        "สังกัด",
        "อปท.",
        "องค์กรปกครองส่วนท้องถิ่น",
        "Organization",
        "Organisation",
        "Office",
        "Agency",
    ),
    "email": ("อีเมล", "อีเมล์", "E-mail", "Email"),
    "phone": ("โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "โทร", "มือถือ", "Phone", "Mobile", "Tel"),
    "role": ("บทบาท", "Role"),
}
ROLE_WORDS: dict[str, Role] = {
    "ผู้บริหาร": Role.EXECUTIVE,
    "นายก": Role.EXECUTIVE,
    "ปลัด": Role.CLERK,
    "รองปลัด": Role.DEPUTY_CLERK,
    "เจ้าหน้าที่": Role.OFFICER,
    "สมาชิกสภา": Role.COUNCIL,
    "สภา": Role.COUNCIL,
    "แขก": Role.GUEST,
    "ผู้เข้าร่วม": Role.GUEST,
    **{role.value: role for role in Role},
}
_ABBREVIATIONS = {
    "ทน.": "เทศบาลนคร",
    "ทม.": "เทศบาลเมือง",
    "ทต.": "เทศบาลตำบล",
    "อบต.": "องค์การบริหารส่วนตำบล",
    "อบจ.": "องค์การบริหารส่วนจังหวัด",
}


def guess_role(position: str | None) -> str:
    """The role a position implies: นายก… executive, ปลัด… clerk, รองปลัด… deputy clerk."""
    text = (position or "").strip().casefold()
    if text.startswith(("รองนายก", "นายก", "ผู้ช่วยนายก", "mayor", "deputy mayor")):
        return "executive"
    if text.startswith(("รองปลัด", "deputy clerk")):
        return "deputy_clerk"
    if text.startswith(("ปลัด", "clerk")):
        return "clerk"
    if text.startswith(("ประธานสภา", "รองประธานสภา", "สมาชิกสภา", "เลขานุการสภา", "ส.ท.", "ส.อบต.")):
        return "council"
    return "officer"


def organization_kind(name: str) -> str:
    for prefix, kind in sorted(ORG_PREFIXES.items(), key=lambda p: len(p[0]), reverse=True):
        if name.startswith(prefix):
            return kind
    if name.startswith(("เมืองพัทยา", "กรุงเทพมหานคร")):
        return "special"
    return "agency"


def expand_organization(name: str) -> tuple[str, str | None]:
    """`ทต.บ้านกลาง` → (`เทศบาลตำบลบ้านกลาง`, `ทต.บ้านกลาง`); full names stay as they are."""
    for short, long in _ABBREVIATIONS.items():
        if name.startswith(short):
            return long + name[len(short) :].strip(), name
    return name, None


@dataclass
class RosterLine:
    row: int
    honorific: str | None
    given_name: str
    family_name: str | None
    position: str | None
    role: str
    role_guessed: bool
    organization: str | None
    email: str | None
    phone: str | None
    action: str = "new"
    """new, update, same (already there as it is) or repeat (an earlier row of the file)."""
    person_id: int | None = None
    organization_id: int | None = None
    changes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return full_name(self.honorific, self.given_name, self.family_name)


@dataclass
class RosterPlan:
    file_name: str
    lines: list[RosterLine]
    new_organizations: dict[str, tuple[str, str | None]]
    """As typed → (official name, short name) of each office to be created."""
    network_name: str | None = None
    network_is_new: bool = False
    skipped: list[str] = field(default_factory=list)


def _header(rows: list[list[str]], file_name: str) -> Header:
    for header in find_headers(rows[:30], COLUMNS, set(), at_least=1):
        if header.has("given") or header.has("full"):
            return header
    raise refuse(
        f"ไม่พบหัวตารางรายชื่อในไฟล์ {file_name} (เช่น ชื่อ-นามสกุล ตำแหน่ง หน่วยงาน)",
        f"No roster header (ชื่อ-นามสกุล, ตำแหน่ง, หน่วยงาน …) found in {file_name}.",
    )


def read_roster(path: Path | str) -> tuple[str, list[RosterLine], list[str]]:
    """The people of a roster file, and the rows skipped with the reason."""
    path = Path(path)
    table = read_table(path)
    header = _header(table.rows, path.name)
    # `ชื่อ` alone, with no family-name column, is the whole name.
    full_column = "full" if header.has("full") else None
    if full_column is None and not header.has("family"):
        full_column = "given"
    lines, skipped = [], []
    for offset, values in enumerate(table_rows(table.rows, header, stop_at_blank=False)):
        number = header.row + offset + 2

        def get(key: str, values: list[str] = values) -> str | None:
            return header.get(values, key).strip() or None

        honorific: str | None
        family: str | None
        if full_column:
            text = check_cell(get(full_column) or "", "name", number)
            honorific, given, family = split_full_name(text)
            honorific = get("honorific") or honorific or None
        else:
            honorific = get("honorific")
            given = check_cell(get("given") or "", "name", number)
            family = check_cell(get("family") or "", "name", number) or None
            if given and not honorific:
                honorific, given, _ = split_full_name(given)
                honorific = honorific or None
        if not given:
            if any(v.strip() for v in values):
                skipped.append(f"row {number}: no name")
            continue
        for key in ("position", "organization", "email", "phone"):
            check_cell(get(key) or "", key, number)
        position = get("position")
        typed_role = ROLE_WORDS.get((get("role") or "").casefold())
        lines.append(
            RosterLine(
                row=number,
                honorific=honorific,
                given_name=given,
                family_name=family or None,
                position=position,
                role=typed_role or guess_role(position),
                role_guessed=typed_role is None,
                organization=get("organization"),
                email=get("email"),
                phone=get("phone"),
            )
        )
    return path.name, lines, skipped


def plan_roster(
    session: Session, file_name: str, lines: list[RosterLine], network_name: str | None
) -> RosterPlan:
    """What applying the roster would do, without writing anything."""
    plan = RosterPlan(file_name, lines, {}, network_name)
    seen: dict[tuple[str, str | None, str | None], int] = {}
    for line in lines:
        organization_id = None
        if line.organization:
            existing = find_organization(session, line.organization) or find_organization(
                session, expand_organization(line.organization)[0]
            )
            if existing is not None:
                organization_id = existing.id
            else:
                plan.new_organizations.setdefault(
                    line.organization, expand_organization(line.organization)
                )
        key = (line.given_name, line.family_name, line.organization)
        if key in seen:
            line.action = "repeat"
            line.changes = [f"same as row {seen[key]}"]
            continue
        seen[key] = line.row
        person = (
            find_person(session, line.given_name, line.family_name, organization_id)
            if organization_id is not None or not line.organization
            else None
        )
        if person is None:
            continue
        line.person_id = person.id
        for attribute in ("honorific", "position", "email", "phone"):
            new = getattr(line, attribute)
            if new and new != getattr(person, attribute):
                line.changes.append(f"{attribute}: {getattr(person, attribute) or '-'} → {new}")
        if not line.role_guessed and line.role != person.role:
            line.changes.append(f"role: {person.role} → {line.role}")
        line.action = "update" if line.changes else "same"
    if network_name:
        plan.network_is_new = find_network(session, network_name) is None
    return plan


def apply_roster(session: Session, plan: RosterPlan) -> None:  # noqa: C901 (one branch per outcome of a roster line)
    """Write the plan: new offices, new and changed people, the network's members."""
    organization_ids: dict[str, int] = {}
    for typed, (name, short) in plan.new_organizations.items():
        organization = find_organization(session, name) or create_organization(
            session, name=name, short_name=short, kind=organization_kind(name)
        )
        organization_ids[typed] = organization.id
    for line in plan.lines:
        organization_id = None
        if line.organization:
            organization_id = organization_ids.get(line.organization)
            if organization_id is None:
                found = find_organization(session, line.organization) or find_organization(
                    session, expand_organization(line.organization)[0]
                )
                organization_id = found.id if found else None
        if line.action == "new":
            person = create_person(
                session,
                honorific=line.honorific,
                given_name=line.given_name,
                family_name=line.family_name,
                position=line.position,
                role=line.role,
                organization_id=organization_id,
                email=line.email,
                phone=line.phone,
            )
            line.person_id = person.id
        elif line.action == "update" and line.person_id is not None:
            fields = {
                key: getattr(line, key)
                for key in ("honorific", "position", "email", "phone")
                if getattr(line, key)
            }
            if not line.role_guessed:
                fields["role"] = line.role
            update_person(session, line.person_id, **fields)
        line.organization_id = organization_id
    if plan.network_name:
        network = find_network(session, plan.network_name) or create_network(
            session, name=plan.network_name
        )
        members = [m.organization_id for m in network.memberships]
        for line in plan.lines:
            if line.organization_id is not None and line.organization_id not in members:
                members.append(line.organization_id)
        set_network_members(session, network.id, members)


def roster_text(plan: RosterPlan, applied: bool) -> str:
    counts = {a: sum(1 for line in plan.lines if line.action == a) for a in ("new", "update")}
    lines = [
        f"Roster {plan.file_name}: {len(plan.lines)} people; {counts['new']} new, "
        f"{counts['update']} to update; {len(plan.new_organizations)} new organisations."
    ]
    for typed, (name, short) in plan.new_organizations.items():
        shown = f"{name} ({short})" if short else name
        lines.append(
            f"  new organisation: {shown}" + ("" if typed in (name, short) else f" ← {typed}")
        )
    if plan.network_name:
        state = "new network" if plan.network_is_new else "network"
        lines.append(f"  {state}: {plan.network_name} (their organisations become members)")
    for line in plan.lines:
        role = line.role + ("?" if line.role_guessed else "")
        detail = "; ".join(line.changes)
        lines.append(
            f"  row {line.row:<4} {line.action:<7} {role:<13} {line.name}"
            f" | {line.position or '-'} | {line.organization or '-'}"
            + (f"  ({detail})" if detail else "")
        )
    lines += [f"  skipped {reason}" for reason in plan.skipped]
    lines.append("Roles marked ? are guessed from the position; put a role column to set them.")
    lines.append("Applied." if applied else "Dry run: nothing was written (use --apply).")
    return "\n".join(lines)


def run_roster_import(
    session: Session, path: Path | str, *, network_name: str | None, apply: bool
) -> str:
    """The text the `roster` command prints: what would change, or what changed."""
    file_name, lines, skipped = read_roster(path)
    if not lines:
        raise refuse(f"ไม่พบรายชื่อในไฟล์ {file_name}", f"The roster {file_name} lists nobody.")
    plan = plan_roster(session, file_name, lines, network_name)
    plan.skipped = skipped
    if apply:
        apply_roster(session, plan)
    return roster_text(plan, apply)
