"""Search and the statistics know the resolutions that were voted."""

from datetime import date

from db_arguments import db_argument

from desktop.cli import main
from desktop.core import services


def _decide(session, meeting, network):
    items = meeting.agenda
    services.update_agenda_item(session, items[0].id, resolution="ที่ประชุมรับทราบ")
    services.update_agenda_item(session, items[3].id, resolution="อนุมัติงบประมาณโครงการอบรม")
    services.set_vote(
        session,
        items[3].id,
        votes_for=2,
        votes_against=1,
        ballot="secret",
        mover_id=network["people"]["deputy"].id,
    )
    services.update_agenda_item(session, items[4].id, resolution="อนุมัติให้ดำเนินการ")
    session.flush()
    return items


def test_a_hit_on_a_voted_resolution_says_how_it_was_voted(session, first_meeting, network):
    items = _decide(session, first_meeting, network)
    hits = {hit.item_id: hit for hit in services.search(session, "อนุมัติ")}
    assert hits[items[3].id].vote == (
        "เห็นชอบ 2 เสียง ไม่เห็นชอบ 1 เสียง (ลงคะแนนลับ) ผู้เสนอ นางสาววิไล ศรีสุข"
    )
    assert hits[items[4].id].vote == ""
    voted = services.search(session, "อนุมัติ", voted=True)
    assert [hit.item_id for hit in voted] == [items[3].id]


def test_the_statistics_count_resolutions_and_votes(session, first_meeting, network):
    _decide(session, first_meeting, network)
    counts = services.decision_statistics(session, network_id=network["network"].id)
    assert (counts.resolutions, counts.voted, counts.secret) == (3, 1, 1)
    later = services.decision_statistics(session, date_from=date(2024, 3, 1))
    assert (later.resolutions, later.voted) == (0, 0)


def test_the_search_command_shows_the_vote_and_filters_by_it(
    db, session, first_meeting, network, capsys
):
    _decide(session, first_meeting, network)
    session.commit()
    assert main(["--db", db_argument(db), "search", "อนุมัติ", "--voted"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.endswith("\tเห็นชอบ 2 เสียง ไม่เห็นชอบ 1 เสียง (ลงคะแนนลับ) ผู้เสนอ นางสาววิไล ศรีสุข")
