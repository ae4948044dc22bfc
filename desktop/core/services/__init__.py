"""What a user does, as functions over a Session. The GUI and the command line call these.

Each function validates its input and raises PrachumError (Thai message, English twin)
when something is wrong; it flushes but does not commit: the caller's session decides.
"""

from desktop.core.services.agenda import (
    STANDARD_TEMPLATES,
    add_action,
    add_agenda_item,
    apply_template,
    delete_action,
    delete_agenda_item,
    delete_template,
    ensure_standard_templates,
    indent_agenda_item,
    list_templates,
    move_agenda_item,
    outdent_agenda_item,
    rename_template,
    renumber_agenda,
    save_agenda_as_template,
    set_resolution_points,
    set_template_items,
    standard_template_id,
    update_action,
    update_agenda_item,
)
from desktop.core.services.aliases import alias_map, forget_alias, lookup_alias, remember_alias
from desktop.core.services.attendance import (
    ABSENCE_REASONS,
    CAPACITIES,
    CHAIR_CAPACITY,
    AttendanceCounts,
    add_attendee,
    attendance_counts,
    attendance_order_key,
    copy_expected_attendance,
    effective_capacity,
    mark_absent,
    mark_present,
    move_attendee,
    ordered_attendance,
    proposed_quorum,
    quorum_met,
    remove_attendee,
    reorder_attendance,
    toggle_attendance,
    update_attendance,
)
from desktop.core.services.followup import (
    carry_over_actions,
    certify_previous_minutes,
    open_actions,
    proposed_carry_over,
)
from desktop.core.services.meetings import (
    create_meeting,
    delete_meeting,
    ensure_editable,
    finalise_meeting,
    list_meetings,
    load_meeting,
    meeting_label,
    previous_meeting,
    propose_meeting_number,
    reopen_meeting,
    update_meeting,
)
from desktop.core.services.report_files import keep_report_file, report_files, sha256_hex
from desktop.core.services.roster import (
    ROLE_ORDER,
    create_network,
    create_organization,
    create_person,
    find_network,
    find_organization,
    find_person,
    list_networks,
    list_organizations,
    list_people,
    people_named,
    person_display_name,
    set_network_members,
    similar_people,
    update_network,
    update_organization,
    update_person,
)
from desktop.core.services.search import (
    DecisionCounts,
    OrganizationAttendance,
    SearchHit,
    attendance_statistics,
    decision_statistics,
    matching_meeting_ids,
    search,
)
from desktop.core.services.votes import VoteTally, clear_vote, set_vote, tally, vote_lines

__all__ = [name for name in dir() if not name.startswith("_")]
