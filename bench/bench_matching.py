"""Matching a Zoom report against the roster: 1,000 display names, 5,000 people, < 1 s.

The display names are made the way people type them: office and position before the
name, a phone's name, a typing fault, an English spelling, strangers. The floor is one
plain rapidfuzz scan of the roster per row, the least any fuzzy matcher must do.
"""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from bench.common import Figure, alternating_medians
from desktop.core.models import Organization, Person
from desktop.imports.matching import RosterIndex, forget_romanized, romanized
from desktop.imports.proposal import propose_row
from desktop.imports.reports import Participant

CONSONANTS = "กขคงจชซดตทนบปพฟมยรลวสหอ"
VOWELS = ("า", "ิ", "ี", "ุ", "ู", "ั", "เ", "แ", "โ", "")
FINALS = ("", "", "น", "ม", "ง", "ย", "ก", "ด")
PLACES_PREFIX = ("ทต.", "ทม.", "อบต.")
POSITIONS = ("นายก", "ปลัด", "รองปลัด", "ผอ.กองคลัง", "หัวหน้าสำนักปลัด", "")
DEVICES = ("iPhone ของ ", "Galaxy A52 ", "iPad ของ ")


def _word(rng: random.Random, syllables: int) -> str:
    out = ""
    for _ in range(syllables):
        vowel = rng.choice(VOWELS)
        consonant = rng.choice(CONSONANTS)
        out += (vowel + consonant if vowel in "เแโ" else consonant + vowel) + rng.choice(FINALS)
    return out


def make_roster(rng: random.Random, people: int) -> tuple[list[Person], list[Organization]]:
    organizations = []
    for number in range(1, people // 15 + 1):
        place = _word(rng, 2)
        prefix = rng.choice(PLACES_PREFIX)
        long = {"ทต.": "เทศบาลตำบล", "ทม.": "เทศบาลเมือง", "อบต.": "องค์การบริหารส่วนตำบล"}
        organizations.append(
            Organization(id=number, name=long[prefix] + place, short_name=prefix + place)
        )
    givens = [_word(rng, rng.choice((1, 2, 2, 3))) for _ in range(people // 10)]
    roster = []
    for number in range(1, people + 1):
        organization = rng.choice(organizations)
        roster.append(
            Person(
                id=number,
                honorific=rng.choice(("นาย", "นาง", "นางสาว")),
                given_name=rng.choice(givens),
                family_name=_word(rng, rng.choice((2, 3, 4))),
                organization_id=organization.id,
                organization=organization,
                email=f"p{number}@example.org" if rng.random() < 0.2 else None,
            )
        )
    return roster, organizations


def _typo(rng: random.Random, text: str) -> str:
    index = rng.randrange(len(text))
    return text[:index] + text[index + 1 :]


def make_report(rng: random.Random, roster: list[Person], rows: int) -> list[Participant]:
    participants = []
    for _ in range(rows):
        person = rng.choice(roster)
        organization = person.organization
        kind = rng.random()
        full = f"{person.given_name} {person.family_name}"
        if kind < 0.35:
            name = f"{organization.short_name} {rng.choice(POSITIONS)}{person.given_name}"
        elif kind < 0.5:
            name = rng.choice(DEVICES) + person.given_name
        elif kind < 0.65:
            name = _typo(rng, full)
        elif kind < 0.75:
            name = romanized(full).title()
        elif kind < 0.8:
            name = f"{full} ({organization.short_name})"
        else:
            name = f"{_word(rng, 2)} {_word(rng, 3)}"  # a stranger
        participants.append(Participant(name, None, None, None, None, 60))
    return participants


def run(tiny: bool) -> list[Figure]:
    rng = random.Random(20240214)
    people, rows = (500, 100) if tiny else (5_000, 1_000)
    roster, _ = make_roster(rng, people)
    report = make_report(rng, roster, rows)
    expected = [p.id for p in rng.sample(roster, 60)]
    statuses: dict[str, int] = {}

    def ours() -> None:
        forget_romanized()
        index = RosterIndex.build(roster, expected=expected)
        statuses.clear()
        for participant in report:
            row = propose_row(participant, index, {})
            statuses[row.status] = statuses.get(row.status, 0) + 1

    choices = [f"{p.given_name} {p.family_name}" for p in roster]

    def floor() -> None:
        for participant in report:
            process.extractOne(participant.name, choices, scorer=fuzz.ratio)

    # Romanising the English-spelled rows for the report itself is set-up, not timed.
    mine, theirs = alternating_medians(ours, floor, 1 if tiny else 3)
    label = f"match {rows:,} names vs {people:,} people"
    seen = ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
    print(f"  ({label}: {seen})")
    return [Figure(label, mine, floor=theirs, max_seconds=1.0)]
