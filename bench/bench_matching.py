"""Matching a Zoom report against the roster: 1,000 display names, 5,000 people, < 1 s.

The display names are made the way people type them: office and position before the
name, a phone's name, a typing fault, an English spelling, strangers. The floor is
rapidfuzz's own `process.cdist` (every name against every person, in C, one thread)
with the scorers the matcher uses, over the same normalised names: the display names
as the matcher cleans them, the roster's names as it folds them, the English spellings'
consonant skeletons against the Thai names'. Making those names is not in the floor.
"""

from __future__ import annotations

import random
import sys

from rapidfuzz import fuzz, process

from bench.common import Figure, alternating_runs
from desktop.core.models import Organization, Person
from desktop.imports.matching import (
    SKELETON_FLOOR,
    SUGGESTION_FLOOR,
    RosterIndex,
    compact,
    forget_romanized,
    latin_skeleton,
    romanized,
)
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

    scans = floor_scans(RosterIndex.build(roster, expected=expected), report)

    def floor() -> None:
        for queries, choices, cutoff in scans:
            process.cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=cutoff, workers=1)

    # Romanising the English-spelled rows for the report itself is set-up, not timed.
    mine, theirs = alternating_runs(ours, floor, 1 if tiny else 7)
    label = f"match {rows:,} names vs {people:,} people"
    seen = ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
    print(f"  ({label}: {seen})", file=sys.stderr)
    return [Figure(label, mine, theirs, max_ratio=1.3, floor_label="rapidfuzz cdist")]


def floor_scans(index: RosterIndex, report: list[Participant]) -> list[tuple]:
    """The floor's work: (queries, choices, cutoff) for each of its cdist calls.

    Every name variant of every row against the roster's full names (or given names,
    for a one-word variant); an English spelling's skeleton against the Thai names'.
    """
    fulls: list[str] = []
    givens: list[str] = []
    full_sounds: list[str] = []
    given_sounds: list[str] = []
    for participant in report:
        clean = index.clean(participant.name)
        for variant in clean.variants:
            single = " " not in variant
            (givens if single else fulls).append(compact(variant))
            sound = latin_skeleton(variant) if clean.is_latin else ""
            if sound.strip():
                (given_sounds if single else full_sounds).append(sound)
    return [
        (fulls, index._fulls, SUGGESTION_FLOOR),
        (givens, index._givens, SUGGESTION_FLOOR),
        (full_sounds, index._skeletons, SKELETON_FLOOR),
        (given_sounds, index._given_skeletons, SKELETON_FLOOR),
    ]
