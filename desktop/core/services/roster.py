"""Organisations, people and networks: the rosters a secretary keeps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.core.errors import PrachumError
from desktop.core.models import (
    ORGANIZATION_KINDS,
    ROLES,
    Action,
    Network,
    NetworkMember,
    Organization,
    Person,
)
from desktop.core.services.common import (
    choice,
    clean,
    get,
    no_unknown_fields,
    optional_text,
    required,
)
from desktop.core.thai import full_name, split_acting, thai_sort_key

ROLE_ORDER: dict[str, int] = {role: rank for rank, role in enumerate(ROLES)}


# --- organisations ------------------------------------------------------------------


def find_organization(session: Session, name: str) -> Organization | None:
    """The organisation with exactly this (normalised) name or short name."""
    value = clean(name)
    if not value:
        return None
    found = session.scalars(select(Organization).where(Organization.name == value)).first()
    if found is None:
        found = session.scalars(
            select(Organization).where(Organization.short_name == value)
        ).first()
    return found


def create_organization(
    session: Session,
    *,
    name: str,
    short_name: str | None = None,
    kind: str | None = None,
    district: str | None = None,
    province: str | None = None,
) -> Organization:
    """A new organisation; its name must not be taken."""
    value = required(name, "ชื่อหน่วยงาน", "Organisation name", 300)
    if session.scalars(select(Organization).where(Organization.name == value)).first():
        raise PrachumError(f"มีหน่วยงาน {value} อยู่แล้ว", f"Organisation {value} already exists.")
    organization = Organization(
        name=value,
        short_name=optional_text(short_name, "ชื่อย่อ", "Short name", 100),
        kind=choice(kind, ORGANIZATION_KINDS, "kind", "agency"),
        district=optional_text(district, "อำเภอ", "District", 100),
        province=optional_text(province, "จังหวัด", "Province", 100),
        active=True,
    )
    session.add(organization)
    session.flush()
    return organization


def update_organization(session: Session, organization_id: int, **fields: Any) -> Organization:
    """Change an organisation's name, short name, kind, district, province, active flag,
    or what its letters print (LETTER_FIELDS)."""
    organization = get(session, Organization, organization_id)
    if "name" in fields:
        value = required(fields.pop("name"), "ชื่อหน่วยงาน", "Organisation name", 300)
        clash = session.scalars(
            select(Organization).where(
                Organization.name == value, Organization.id != organization_id
            )
        ).first()
        if clash:
            raise PrachumError(f"มีหน่วยงาน {value} อยู่แล้ว", f"Organisation {value} already exists.")
        organization.name = value
    if "kind" in fields:
        organization.kind = choice(fields.pop("kind"), ORGANIZATION_KINDS, "kind", "agency")
    if "active" in fields:
        organization.active = bool(fields.pop("active"))
    for key, limit in (("short_name", 100), ("district", 100), ("province", 100)):
        if key in fields:
            setattr(organization, key, optional_text(fields.pop(key), key, key, limit))
    for key, (thai, english, limit) in LETTER_FIELDS.items():
        if key in fields:
            setattr(organization, key, letter_text(fields.pop(key), thai, english, limit))
    no_unknown_fields(fields)
    session.flush()
    return organization


# How a Thai local authority's name begins: its kind, and the abbreviation people write.
_NAME_PREFIXES = (
    ("องค์การบริหารส่วนตำบล", "sao", "อบต."),
    ("องค์การบริหารส่วนจังหวัด", "pao", "อบจ."),
    ("เทศบาลนคร", "city_municipality", "ทน."),
    ("เทศบาลเมือง", "town_municipality", "ทม."),
    ("เทศบาลตำบล", "subdistrict_municipality", "ทต."),
    ("อบต.", "sao", "อบต."),
    ("อบจ.", "pao", "อบจ."),
    ("ทน.", "city_municipality", "ทน."),
    ("ทม.", "town_municipality", "ทม."),
    ("ทต.", "subdistrict_municipality", "ทต."),
    ("กรุงเทพมหานคร", "special", None),
    ("เมืองพัทยา", "special", None),
)


def guess_organization(name: str | None) -> tuple[str | None, str | None]:
    """The kind and the short name a name implies: `เทศบาลตำบลบ้านกลาง` ->
    (`subdistrict_municipality`, `ทต.บ้านกลาง`); (None, None) when it says nothing."""
    value = (clean(name) or "").replace(" ", "")
    for prefix, kind, short in _NAME_PREFIXES:
        if value.startswith(prefix):
            place = value[len(prefix) :]
            if short is None or not place:
                return kind, None
            return kind, f"{short}{place}"
    return None, None


# How a position in a Thai local authority begins, and the role it holds (the order the
# lists show people in). Deputies first: `รองปลัด…` begins with `รอง`, not `ปลัด`.
_POSITION_ROLES = (
    ("รองนายกเทศมนตรี", "executive"),
    ("รองนายกองค์การบริหารส่วน", "executive"),
    ("รองนายกอบ", "executive"),  # รองนายก อบต. / อบจ.
    ("นายกเทศมนตรี", "executive"),
    ("นายกองค์การบริหารส่วน", "executive"),
    ("นายกอบ", "executive"),
    ("นายกเมืองพัทยา", "executive"),
    ("รองปลัด", "deputy_clerk"),
    ("ปลัดอำเภอ", None),  # the district's officer, not the authority's clerk
    ("ปลัดจังหวัด", None),
    ("ปลัด", "clerk"),
    ("ประธานสภา", "council"),
    ("รองประธานสภา", "council"),
    ("เลขานุการสภา", "council"),
    ("สมาชิกสภา", "council"),
    ("ส.อบต.", "council"),
    ("ส.อบจ.", "council"),
    ("ส.ท.", "council"),
)


def guess_role(position: str | None) -> str | None:
    """The role a position implies: `นายกเทศมนตรี…` -> executive, `ปลัดเทศบาล…` -> clerk,
    `รองปลัด…` -> deputy clerk, `สมาชิกสภา…` -> council; None when it says nothing. An
    acting office typed after it (`… รักษาราชการแทน…`) does not change the held one."""
    held, _acting = split_acting(clean(position))
    value = (held or "").replace(" ", "")
    for prefix, role in _POSITION_ROLES:
        if value.startswith(prefix):
            return role
    return None


# What a letter from the office prints, asked for once on the organisation.
LETTER_FIELDS = {
    "letter_code": ("รหัสหนังสือ (ที่)", "Letter code", 50),
    "address": ("ที่อยู่", "Address", 500),
    "letter_office": ("ส่วนราชการเจ้าของเรื่อง", "Office that owns the letter", 200),
    "phone": ("โทรศัพท์", "Telephone", 100),
    "email": ("ไปรษณีย์อิเล็กทรอนิกส์", "E-mail", 200),
}


def letter_text(text: str | None, thai: str, english: str, limit: int) -> str | None:
    """A letter field: normalised, line breaks kept (an address has lines), no control
    characters, not absurdly long."""
    if text is None:
        return None
    text = str(text).replace("\r\n", "\n")
    if any((ord(c) < 32 and c not in "\n\t") or ord(c) == 127 for c in text):
        raise PrachumError(f"{thai}มีอักขระควบคุม", f"{english} holds control characters.")
    lines = [optional_text(line, thai, english, limit) for line in text.split("\n")]
    value = "\n".join(line for line in lines if line)
    if len(value) > limit:
        raise PrachumError(
            f"{thai}ยาวเกิน {limit} ตัวอักษร", f"{english} is longer than {limit} characters."
        )
    return value or None


def list_organizations(session: Session, *, include_inactive: bool = False) -> list[Organization]:
    """Organisations in Thai dictionary order."""
    query = select(Organization)
    if not include_inactive:
        query = query.where(Organization.active.is_(True))
    return sorted(session.scalars(query), key=lambda o: thai_sort_key(o.name))


# --- people --------------------------------------------------------------------------


def find_person(
    session: Session, given_name: str, family_name: str | None, organization_id: int | None
) -> Person | None:
    """The person with this name in this organisation (the meeting file's reuse rule)."""
    found = people_named(session, given_name, family_name, organization_id)
    return found[0] if found else None


def people_named(
    session: Session, given_name: str, family_name: str | None, organization_id: int | None
) -> list[Person]:
    """Everyone with exactly this name in this organisation, oldest first.

    The names alone go to the database, where their index finds the few namesakes; the
    office is checked here. Asked in SQL too, SQLite's planner took the office's index
    and read every person of the office for each lookup: an import of a big office's
    attendees grew with the square of their number.
    """
    query = select(Person).where(
        Person.given_name == clean(given_name),
        Person.family_name.is_(None)
        if clean(family_name) is None
        else Person.family_name == clean(family_name),
    )
    return [
        person
        for person in session.scalars(query.order_by(Person.id))
        if person.organization_id == organization_id
    ]


def similar_people(
    session: Session, given_name: str, family_name: str | None = None
) -> list[Person]:
    """People who may be the same as a new one: same given and family name anywhere."""
    query = select(Person).where(Person.given_name == clean(given_name))
    if clean(family_name):
        query = query.where(Person.family_name == clean(family_name))
    return list(session.scalars(query.options(selectinload(Person.organization))))


def _person_fields(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "given_name" in fields:
        out["given_name"] = required(fields["given_name"], "ชื่อ", "Given name", 200)
    limits = {
        "honorific": 60,
        "family_name": 200,
        "position": 300,
        "acting_as": 300,
        "email": 200,
        "phone": 60,
    }
    for key, limit in limits.items():
        if key in fields:
            out[key] = optional_text(fields[key], key, key, limit)
    _split_acting_office(out, given_acting="acting_as" in fields)
    if "role" in fields:
        out["role"] = choice(fields["role"], ROLES, "role", "officer")
    if "organization_id" in fields:
        organization_id = fields["organization_id"]
        if organization_id is not None:
            get(session, Organization, organization_id)
        out["organization_id"] = organization_id
    if "active" in fields:
        out["active"] = bool(fields["active"])
    unknown = (
        set(fields)
        - set(limits)
        - {
            "given_name",
            "role",
            "organization_id",
            "active",
        }
    )
    no_unknown_fields(dict.fromkeys(unknown))
    return out


def _split_acting_office(out: dict[str, Any], *, given_acting: bool) -> None:
    """`รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล…` typed as the position: the office held
    stays the position, the one acted for goes to `acting_as` (as each meeting's line
    keeps them). A position given without an acting office says she acts for none."""
    if out.get("acting_as"):
        held, acting = split_acting(out["acting_as"])
        if held is None and acting:  # typed with the word in front: the office alone
            out["acting_as"] = acting
    if "position" not in out:
        return
    held, acting = split_acting(out["position"])
    out["position"] = held
    if (acting and not out.get("acting_as")) or not given_acting:
        out["acting_as"] = acting


def create_person(
    session: Session,
    *,
    given_name: str,
    honorific: str | None = None,
    family_name: str | None = None,
    position: str | None = None,
    role: str | None = None,
    organization_id: int | None = None,
    email: str | None = None,
    phone: str | None = None,
    allow_duplicate: bool = True,
    acting_as: str | None = None,
) -> Person:
    """A new person. With allow_duplicate=False a same-name person in the same
    organisation is refused (the GUI warns first, then lets her insist)."""
    values = _person_fields(
        session,
        {
            "given_name": given_name,
            "honorific": honorific,
            "family_name": family_name,
            "position": position,
            "acting_as": acting_as,
            "role": role,
            "organization_id": organization_id,
            "email": email,
            "phone": phone,
        },
    )
    if not allow_duplicate:
        existing = find_person(
            session, values["given_name"], values["family_name"], organization_id
        )
        if existing is not None:
            raise PrachumError(
                f"มี {person_display_name(existing)} ในหน่วยงานนี้อยู่แล้ว",
                f"{person_display_name(existing)} already exists in this organisation.",
            )
    person = Person(active=True, **values)
    session.add(person)
    session.flush()
    return person


def update_person(session: Session, person_id: int, **fields: Any) -> Person:
    """Change any of a person's fields (the past meetings keep their snapshot)."""
    person = get(session, Person, person_id)
    for key, value in _person_fields(session, fields).items():
        setattr(person, key, value)
    session.flush()
    return person


def person_display_name(person: Person) -> str:
    return full_name(person.honorific, person.given_name, person.family_name)


def action_owner_name(action: Action) -> str:
    """Who is to carry an action out, as the minutes and the agenda show it."""
    if action.owner_organization is not None:
        return action.owner_organization.short_name or action.owner_organization.name
    if action.owner_person is not None:
        return person_display_name(action.owner_person)
    return ""


def person_sort_key(person: Person) -> tuple[Any, ...]:
    return (thai_sort_key(person.given_name), thai_sort_key(person.family_name))


def list_people(
    session: Session,
    *,
    organization_id: int | None = None,
    network_id: int | None = None,
    include_inactive: bool = False,
) -> list[Person]:
    """People in Thai dictionary order of their names, with their organisation loaded."""
    query = select(Person).options(selectinload(Person.organization))
    if organization_id is not None:
        query = query.where(Person.organization_id == organization_id)
    if network_id is not None:
        members = select(NetworkMember.organization_id).where(
            NetworkMember.network_id == network_id
        )
        query = query.where(Person.organization_id.in_(members))
    if not include_inactive:
        query = query.where(Person.active.is_(True))
    return sorted(session.scalars(query), key=person_sort_key)


# --- networks ------------------------------------------------------------------------


def create_network(
    session: Session,
    *,
    name: str,
    description: str | None = None,
    member_ids: list[int] | tuple[int, ...] = (),
) -> Network:
    """A new network with its member organisations in the given order."""
    value = required(name, "ชื่อเครือข่าย", "Network name", 300)
    if session.scalars(select(Network).where(Network.name == value)).first():
        raise PrachumError(f"มีเครือข่าย {value} อยู่แล้ว", f"Network {value} already exists.")
    network = Network(name=value, description=clean(description), active=True)
    session.add(network)
    session.flush()
    set_network_members(session, network.id, member_ids)
    return network


def update_network(session: Session, network_id: int, **fields: Any) -> Network:
    network = get(session, Network, network_id)
    if "name" in fields:
        value = required(fields.pop("name"), "ชื่อเครือข่าย", "Network name", 300)
        clash = session.scalars(
            select(Network).where(Network.name == value, Network.id != network_id)
        ).first()
        if clash:
            raise PrachumError(f"มีเครือข่าย {value} อยู่แล้ว", f"Network {value} already exists.")
        network.name = value
    if "description" in fields:
        network.description = clean(fields.pop("description"))
    if "active" in fields:
        network.active = bool(fields.pop("active"))
    if "member_ids" in fields:
        set_network_members(session, network_id, fields.pop("member_ids"))
    no_unknown_fields(fields)
    session.flush()
    return network


def set_network_members(session: Session, network_id: int, member_ids: Iterable[int]) -> Network:
    """Replace the network's members with these organisations, in this order."""
    network = get(session, Network, network_id)
    ids = list(dict.fromkeys(member_ids))
    for organization_id in ids:
        get(session, Organization, organization_id)
    network.memberships.clear()
    session.flush()
    for order, organization_id in enumerate(ids):
        network.memberships.append(NetworkMember(organization_id=organization_id, sort_order=order))
    session.flush()
    return network


def find_network(session: Session, name: str) -> Network | None:
    return session.scalars(select(Network).where(Network.name == clean(name))).first()


def list_networks(session: Session, *, include_inactive: bool = False) -> list[Network]:
    query = select(Network).options(
        selectinload(Network.memberships).selectinload(NetworkMember.organization)
    )
    if not include_inactive:
        query = query.where(Network.active.is_(True))
    return sorted(session.scalars(query), key=lambda n: thai_sort_key(n.name))
