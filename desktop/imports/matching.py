"""Who a report's display name is: remembered aliases, then e-mail, then fuzzy names.

The roster is prepared once per report (folded names, place names of the offices,
Latin consonant skeletons), then each display name costs dictionary look-ups and at
most a few rapidfuzz scans in C. Thai text is shifted into the Latin-1 range before
rapidfuzz sees it: every Thai letter keeps its identity, and rapidfuzz compares such
strings with its fast bit-parallel tables (about 2.5 times faster than wide strings).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.core.models import Organization, Person
from desktop.core.services.aliases import alias_key, alias_map
from desktop.core.services.roster import person_display_name
from desktop.imports.names import CleanName, clean_display_name, fold_name, org_place

MATCH_THRESHOLD = 85
"""A candidate this good, with no rival close behind, is matched without asking."""
CLEAR_LEAD = 8
AMBIGUOUS_FLOOR = 60
SUGGESTION_FLOOR = 45
# Called with a person id, a score and how it was found (name, skeleton, romanized).
Offer = Callable[[int, float, str], None]
ORG_BONUS = 10
EXPECTED_BONUS = 2
POSITION_BONUS = 3
POSITION_ONLY = 83
"""A post and an office with no name: clear when one person holds it (with the bonuses)."""
GIVEN_ONLY = 0.95
"""A display name with the given name alone says less than the full name."""
LATIN_CEILING = 95
SKELETON_FLOOR = 60
WORD_FLOOR = 75
"""How close one word must be to a word of the name for the name to be offered at all."""
ROMANIZED_CANDIDATES = 3
"""An English spelling of a Thai name is never as certain as the Thai itself."""

_COMPACT = {code: code - 0x0E00 + 0x80 for code in range(0x0E01, 0x0E60)}

# Royal Institute consonants by sound class; vowels, tones and silent letters dropped.
_THAI_SKELETON = {
    **dict.fromkeys("กขฃคฅฆ", "k"),
    "ง": "N",
    **dict.fromkeys("จฉชฌ", "c"),
    **dict.fromkeys("ซศษส", "s"),
    **dict.fromkeys("ฎดฏตฐฑฒถทธ", "t"),
    **dict.fromkeys("ณน", "n"),
    **dict.fromkeys("บปผพภ", "p"),
    **dict.fromkeys("ฝฟ", "f"),
    "ม": "m",
    **dict.fromkeys("รฤ", "r"),
    **dict.fromkeys("ลฬฦ", "l"),
    "ว": "w",
    " ": " ",
}
_LATIN_DIGRAPHS = (("ng", "N"), ("ph", "p"), ("th", "t"), ("kh", "k"), ("ch", "c"), ("sh", "s"))
_LATIN_SKELETON = {
    **dict.fromkeys("kgq", "k"),
    **dict.fromkeys("cj", "c"),
    **dict.fromkeys("szx", "s"),
    **dict.fromkeys("dt", "t"),
    "n": "n",
    **dict.fromkeys("bp", "p"),
    "f": "f",
    "m": "m",
    "r": "r",
    "l": "l",
    **dict.fromkeys("wv", "w"),
    "N": "N",
    " ": " ",
}


# Abbreviated posts as rosters write them in full.
_POST_ABBREVIATIONS = {
    "ผอ.": "ผู้อำนวยการ",
    "ผอ": "ผู้อำนวยการ",
    "หน.": "หัวหน้า",
    "จนท.": "เจ้าหน้าที่",
    "รก.": "รักษาราชการแทน",
    "ส.ท.": "สมาชิกสภาเทศบาล",
    "ส.อบต.": "สมาชิกสภาองค์การบริหารส่วนตำบล",
    "เลขา": "เลขานุการ",
    "ปลัด อบต.": "ปลัดองค์การบริหารส่วนตำบล",
}
# Posts that begin a roster's position (`ปลัด` is not `รองปลัด…`); the rest may be inside.
_LEADING_POSTS = ("รองนายก", "นายก", "รองปลัด", "ปลัด", "ผู้อำนวยการ", "หัวหน้า", "รองประธาน", "ประธาน")


def holds_position(position: str, words: list[str]) -> bool:
    """Whether a roster position (folded) is the post the display name's words say."""
    if not position:
        return False
    for written in words:
        post = _POST_ABBREVIATIONS.get(written, written)
        if post.startswith(_LEADING_POSTS):
            if not position.startswith(post):
                return False
        elif post not in position:
            return False
    return True


def shares_a_word(query: str, name: str) -> bool:
    """Whether some word of the one is nearly a word of the other: `สมปอง ใจเย็น` shares
    letters with `สมชาย ใจดี` but no word, and a secretary would not offer it."""
    return any(
        fuzz.ratio(a, b, score_cutoff=WORD_FLOOR) for a in query.split() for b in name.split()
    )


def _org_places(organization: Organization) -> set[str]:
    """The words that name an office: its place in the name and the short name, its
    district, and each word of a name written in several (`อบต.แม่ทา อำเภอแม่ออน`)."""
    found = set()
    for name in (organization.name, organization.short_name, organization.district):
        if name:
            place = org_place(name, stored=True)
            if place:
                found.add(place)
                found.update(org_place(w, stored=True) for w in place.split()[1:] if len(w) > 2)
    return found


def _distinct(names: list[str]) -> tuple[list[str], list[list[int]]]:
    """Each name once, and for each the positions where it stands in `names`."""
    where: dict[str, list[int]] = {}
    for position, name in enumerate(names):
        where.setdefault(name, []).append(position)
    return list(where), list(where.values())


def compact(text: str) -> str:
    """Thai letters moved into Latin-1 for rapidfuzz; comparisons are unchanged."""
    return text.translate(_COMPACT)


class _Unsounded(dict[int, str]):
    """A translation table that drops every character it does not name."""

    def __missing__(self, code: int) -> None:
        return None


_SKELETON_TABLE = _Unsounded({ord(k): v for k, v in _THAI_SKELETON.items()})
_SILENT = re.compile(".\u0e4c", re.DOTALL)
"""A letter under the การันต์ is not sounded (the mark itself is not in the table)."""


def thai_skeleton(text: str) -> str:
    return _SILENT.sub("", text).translate(_SKELETON_TABLE)


def latin_skeleton(text: str) -> str:
    text = text.lower()
    for digraph, sound in _LATIN_DIGRAPHS:
        text = text.replace(digraph, sound)
    return "".join(_LATIN_SKELETON.get(c, "") for c in text)


def romanized(text: str) -> str:
    """The Royal Institute spelling of a Thai name (pythainlp's royin: no download)."""
    return " ".join(_romanized_word(word) for word in text.split())


@lru_cache(maxsize=20_000)
def _romanized_word(word: str) -> str:
    # Word by word: given names repeat across a roster, and each costs a tokenisation.
    from desktop.core.thai import keep_pythainlp_data_with_ours

    keep_pythainlp_data_with_ours()
    from pythainlp.transliterate import romanize

    return romanize(word, engine="royin")


def forget_romanized() -> None:
    """Empty the spelling cache (for timing a cold run)."""
    _romanized_word.cache_clear()


@dataclass
class RosterEntry:
    person_id: int
    name: str
    """As shown: honorific, given and family name."""
    label: str
    """Name and organisation, to tell two people of the same name apart."""
    full: str
    given: str
    organization_id: int | None
    email: str | None
    position: str = ""
    """Folded, to find `นายก ทต.ก้อ` among the office's people."""


@dataclass
class Scored:
    person_id: int
    score: float
    via: str


@dataclass
class RosterIndex:
    """Every active person, prepared for matching one report."""

    entries: dict[int, RosterEntry]
    expected: set[int]
    aliases: dict[str, int]
    by_email: dict[str, list[int]] = field(default_factory=dict)
    by_full: dict[str, list[int]] = field(default_factory=dict)
    by_given: dict[str, list[int]] = field(default_factory=dict)
    places: tuple[str, ...] = ()
    place_orgs: dict[str, set[int]] = field(default_factory=dict)
    _ids: list[int] = field(default_factory=list)
    _fulls: list[str] = field(default_factory=list)
    _givens: list[str] = field(default_factory=list)
    _names: dict[bool, tuple[list[str], list[list[int]]]] = field(default_factory=dict)
    """Given names (True) and full names (False) once each, with the positions of their
    people: a roster repeats given names tenfold, the scan need not."""
    _skeletons: list[str] = field(default_factory=list)
    _given_skeletons: list[str] = field(default_factory=list)
    _org_people: dict[int, list[int]] = field(default_factory=dict)
    _position: dict[int, int] = field(default_factory=dict)
    _expected_pool: list[int] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        people: Iterable[Person],
        *,
        expected: Iterable[int] = (),
        aliases: dict[str, int] | None = None,
    ) -> RosterIndex:
        index = cls(entries={}, expected=set(expected), aliases=dict(aliases or {}))
        places: dict[str, set[int]] = {}
        # A roster repeats given names about tenfold and an office's name for each of
        # its people: each distinct text is folded, compacted and sounded out once.
        folded: dict[str, str] = {}
        sounds: dict[str, str] = {}
        offices: dict[int, str] = {}
        for person in people:
            organization = person.organization
            given_name = person.given_name
            # Stored names are normalised on the way in (services.clean): folding is enough.
            full = fold_name(f"{given_name} {person.family_name or ''}", stored=True)
            given = folded.get(given_name)
            if given is None:
                given = folded[given_name] = fold_name(given_name, stored=True)
            name = person_display_name(person)
            label = name
            if organization is not None:
                office = offices.get(organization.id)
                if office is None:
                    office = offices[organization.id] = (
                        f" ({organization.short_name or organization.name})"
                    )
                    for place in _org_places(organization):
                        places.setdefault(place, set()).add(organization.id)
                label += office
            email = person.email
            entry = RosterEntry(
                person_id=person.id,
                name=name,
                label=label,
                full=full,
                given=given,
                organization_id=person.organization_id,
                email=(email or "").strip().casefold() or None if email else None,
                position=fold_name(person.position or "", stored=True),
            )
            index.entries[entry.person_id] = entry
            index._position[entry.person_id] = len(index._ids)
            index._ids.append(entry.person_id)
            compact_full = compact(full)
            compact_given = compact(given)
            index._fulls.append(compact_full)
            index._givens.append(compact_given)
            index._skeletons.append(thai_skeleton(full))
            given_sound = sounds.get(given)
            if given_sound is None:
                given_sound = sounds[given] = thai_skeleton(given)
            index._given_skeletons.append(given_sound)
            index.by_full.setdefault(compact_full, []).append(entry.person_id)
            index.by_given.setdefault(compact_given, []).append(entry.person_id)
            if entry.email:
                index.by_email.setdefault(entry.email, []).append(entry.person_id)
            if organization is not None:
                index._org_people.setdefault(organization.id, []).append(entry.person_id)
        index._expected_pool = index._pool(index.expected)
        index._names = {True: _distinct(index._givens), False: _distinct(index._fulls)}
        index.places = tuple(sorted(places, key=len, reverse=True))
        index.place_orgs = places
        return index

    @classmethod
    def from_session(cls, session: Session, expected: Iterable[int] = ()) -> RosterIndex:
        people = session.scalars(
            select(Person)
            .where(Person.active.is_(True))
            .options(selectinload(Person.organization))
            .order_by(Person.id)
        )
        return cls.build(people, expected=expected, aliases=alias_map(session))

    # --- the steps of a match -------------------------------------------------------

    def clean(self, display_name: str) -> CleanName:
        """The display name taken apart, knowing this roster's offices."""
        return clean_display_name(display_name, self.places)

    def by_alias(self, names: Iterable[str | None]) -> int | None:
        if not self.aliases:
            return None  # nothing remembered yet: no need to fold the names
        for name in names:
            if name:
                person_id = self.aliases.get(alias_key(name))
                if person_id is not None and person_id in self.entries:
                    return person_id
        return None

    def hinted_organizations(self, cleaned: Iterable[CleanName]) -> set[int]:
        found: set[int] = set()
        for clean in cleaned:
            for mention in clean.org_mentions:
                for place in self.places:
                    if mention.startswith(place):
                        found |= self.place_orgs[place]
                        break
        return found

    def score_names(self, cleaned: list[CleanName], hinted: set[int]) -> list[Scored]:
        """Every plausible person for these name variants, best first, bonuses applied."""
        best: dict[int, Scored] = {}

        def offer(person_id: int, score: float, via: str) -> None:
            if person_id in self.expected:
                score += EXPECTED_BONUS
            if self.entries[person_id].organization_id in hinted:
                score += ORG_BONUS
            if person_id not in best or best[person_id].score < score:
                best[person_id] = Scored(person_id, score, via)

        pools = [self._expected_pool]
        if hinted:
            pools.append(self._pool(p for o in hinted for p in self._org_people.get(o, ())))
        positions = [p for clean in cleaned for p in clean.positions]
        for clean in cleaned:
            for variant in clean.variants:
                if clean.is_latin:
                    self._latin_either_way(variant, pools, offer, best)
                else:
                    self._thai(variant, pools, offer)
        if hinted and positions:
            self._by_position(positions, hinted, best, offer)
        return sorted(best.values(), key=lambda s: s.score, reverse=True)

    def _latin_either_way(
        self, variant: str, pools: list[list[int]], offer: Offer, best: dict[int, Scored]
    ) -> None:
        """`Kaya, Deniz`, `Müller Franz`: the surname first is tried too, when the name as
        written found nobody clearly (it costs a second scan and spelling)."""
        self._latin(variant, pools, offer)
        words = variant.split()
        if len(words) > 1 and not any(s.score >= MATCH_THRESHOLD for s in best.values()):
            self._latin(" ".join([*words[1:], words[0]]), pools, offer)

    def _by_position(
        self, positions: list[str], hinted: set[int], best: dict[int, Scored], offer: Offer
    ) -> None:
        """`นายก ทต.ก้อ`, `ผอ.กองสาธารณสุข บ้านกลาง`: the office's people in that post.

        Named candidates holding the post gain a little; with no name at all, the one
        person in the post is the answer, several are offered."""
        holders = [
            p
            for o in hinted
            for p in self._org_people.get(o, ())
            if holds_position(self.entries[p].position, positions)
        ]
        for person_id in holders:
            if person_id in best:
                best[person_id].score += POSITION_BONUS
        if not best:
            for person_id in holders:
                offer(
                    person_id, POSITION_ONLY if len(holders) == 1 else AMBIGUOUS_FLOOR, "position"
                )

    def _pool(self, ids: Iterable[int]) -> list[int]:
        return sorted({self._position[p] for p in ids if p in self._position})

    def _thai(self, variant: str, pools: list[list[int]], offer: Offer) -> None:
        query = compact(variant)
        single = " " not in variant
        exact = (self.by_given if single else self.by_full).get(query)
        factor = GIVEN_ONLY if single else 1.0
        if exact:
            for person_id in exact:
                offer(person_id, 100 * factor, "name")
            return
        choices = self._givens if single else self._fulls
        # The expected people and the hinted offices first: a small scan each, in C;
        # offered in roster order, so that equal scores keep their order among the offers.
        for pool in pools:
            found = process.extract(
                query,
                [choices[position] for position in pool],
                scorer=fuzz.ratio,
                limit=None,
                score_cutoff=SUGGESTION_FLOOR,
            )
            for name, score, which in sorted(found, key=lambda hit: hit[2]):
                if shares_a_word(query, name):
                    offer(self._ids[pool[which]], score * factor, "name")
        names, holders = self._names[single]
        for name, score, which in process.extract(
            query, names, scorer=fuzz.ratio, limit=8, score_cutoff=SUGGESTION_FLOOR
        ):
            if shares_a_word(query, name):
                for position in holders[which]:
                    offer(self._ids[position], score * factor, "name")

    def _latin(self, variant: str, pools: list[list[int]], offer: Offer) -> None:
        """An English spelling against the Thai names: skeletons narrow, royin decides."""
        self._thai(variant, pools, offer)  # a roster may hold English names too
        single = " " not in variant
        query = latin_skeleton(variant)
        if not query.strip():
            return
        skeletons = self._given_skeletons if single else self._skeletons
        positions = {p for pool in pools for p in pool}
        for _choice, _score, position in process.extract(
            query, skeletons, scorer=fuzz.ratio, limit=5, score_cutoff=SKELETON_FLOOR
        ):
            positions.add(position)
        sounding = []
        for position in positions:
            sounded = fuzz.ratio(query, skeletons[position], score_cutoff=SKELETON_FLOOR)
            if sounded:
                sounding.append((sounded, position))
        # Romanising costs a tokenisation: only for the few names that sound closest.
        for sounded, position in sorted(sounding, reverse=True)[:ROMANIZED_CANDIDATES]:
            entry = self.entries[self._ids[position]]
            thai = entry.given if single else entry.full
            if not any("\u0e01" <= c <= "\u0e4e" for c in thai):
                continue  # a Latin name on the roster was compared as it is written
            spelling = romanized(thai)
            if not shares_a_word(variant, spelling):
                continue
            spelled = fuzz.ratio(variant, spelling)
            score = min(LATIN_CEILING, (spelled + sounded) / 2)
            if score >= SUGGESTION_FLOOR:
                offer(entry.person_id, score * (GIVEN_ONLY if single else 1.0), "romanized")
