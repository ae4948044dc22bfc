"""The review of a Zoom or Teams report before anything is stored.

Every row of the report with the person it seems to be: matched rows with their score,
ambiguous rows to settle among their candidates, unknown rows to give a person from the
roster, add as a new person, or ignore. One box per row settles it: the candidates, then
"new person" and "ignore", then the whole roster, narrowed by what she types. Apply
stores the attendance and remembers the display names she confirmed.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.views import PersonRow
from desktop.imports.proposal import ApplyResult, Proposal, ProposalRow, apply_proposal
from desktop.imports.report_cli import PLATFORM_NAMES
from desktop.ui.base.present import present
from desktop.ui.base.store import Store
from desktop.ui.base.table import Column, RowModel
from desktop.ui.reports.model import ProposalModel

CHOICE_ROLE = Qt.ItemDataRole.UserRole


def person_label(person: PersonRow) -> str:
    extra = ", ".join(p for p in (person.position, person.organization_label) if p)
    return f"{person.display_name} — {extra}" if extra else person.display_name


class ChoiceModel(RowModel[tuple[str, str]]):
    """What a row may be stored as: its candidates, new, ignore, then the roster.

    A row is `(code, text)`; the combo box types into the text (EditRole) to narrow it.
    """

    def __init__(self, roster: list[tuple[str, str]], parent=None):
        choice = Column[tuple[str, str]](
            "", lambda c: c[1], roles={Qt.ItemDataRole.EditRole: lambda c: c[1]}
        )
        super().__init__(
            [choice], parent, ident=lambda c: c[0], row_roles={CHOICE_ROLE: lambda c: c[0]}
        )
        self.roster = roster
        self.head: list[tuple[str, str]] = []
        self.rows = list(roster)

    def set_head(self, head: list[tuple[str, str]]) -> None:
        self.head = head
        self.set_rows([*head, *self.roster])

    def choice(self, row: int) -> tuple[str, str]:
        return self.rows[row]


class ReportReviewDialog(QDialog):
    applied = Signal(int)
    """The meeting id, after the attendance was stored."""

    def __init__(
        self,
        store: Store,
        proposal: Proposal,
        people: list[PersonRow],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.proposal = proposal
        self.outcome: ApplyResult | None = None
        names = {p.id: person_label(p) for p in people}
        for person_id, label in proposal.labels.items():
            names.setdefault(person_id, label)
        self.names = names
        platform = PLATFORM_NAMES.get(proposal.platform, proposal.platform)
        self.setWindowTitle(self.tr("Review the {0} report").format(platform))
        self.resize(1100, 640)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        from desktop.imports.reports import note_text

        language = store.reporter.language
        self.notes = QLabel("\n".join(note_text(n, language) for n in proposal.notes), self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #8a5a00;")
        self.notes.setVisible(bool(proposal.notes))
        self.model = ProposalModel(proposal, names, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((36, 300, 60, 60, 60, 140)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.choices = ChoiceModel([(f"p:{p.id}", person_label(p)) for p in people], self)
        self.choice = QComboBox(self)
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.setModel(self.choices)
        self.choice.setMaxVisibleItems(15)
        self.choice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.choice.setToolTip(
            self.tr(
                "Choose a candidate, a new person or Ignore; or type a few letters of a name "
                "to find anyone on the roster."
            )
        )
        completer = present(self.choice.completer())
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.row_label = QLabel(self)
        self.absent = QCheckBox(self)
        # Who they are, in full and wrapped under the box: a long list never runs off the
        # dialog's edge, however narrow the screen.
        self.absent_names = QLabel(self)
        self.absent_names.setWordWrap(True)
        self.absent_names.setIndent(24)
        self.remember = QCheckBox(self.tr("Remember these display names for the next report"), self)
        self.remember.setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.row_label, self.choice)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.absent)
        layout.addWidget(self.absent_names)
        layout.addWidget(self.remember)
        layout.addWidget(self.buttons)

        self.table.selectionModel().currentChanged.connect(self._row_changed)
        self.choice.activated.connect(self._chosen)
        self.model.dataChanged.connect(self._show_counts)
        self._show_counts()
        first = next(
            (n for n, r in enumerate(proposal.rows) if r.person_id is None and not r.ignore), 0
        )
        if proposal.rows:
            self.table.setCurrentIndex(self.model.index(first, ProposalModel.NAME))

    # --- the chosen row --------------------------------------------------------------------

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def _head(self, row: ProposalRow) -> list[tuple[str, str]]:
        head = [("none", self.tr("(not decided)"))]
        for candidate in row.candidates:
            label = self.names.get(candidate.person_id, candidate.name)
            head.append((f"c:{candidate.person_id}", f"{label}  ({candidate.score:.0f})"))
        head.append(
            (
                "new",
                self.tr("Add as a new person: {0}").format(row.original_name or row.display_name),
            )
        )
        head.append(("ignore", self.tr("Ignore this row")))
        return head

    def _code(self, row: ProposalRow) -> str:
        if row.ignore:
            return "ignore"
        if row.new_person:
            return "new"
        if row.person_id is None:
            return "none"
        if any(c.person_id == row.person_id for c in row.candidates):
            return f"c:{row.person_id}"
        return f"p:{row.person_id}"

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row(current.row())
        self.row_label.setText(self.tr("“{0}” is").format(row.report_name))
        self.choices.set_head(self._head(row))
        self.choice.setCurrentIndex(max(0, self.choices.row_of(self._code(row))))

    def _chosen(self, index: int) -> None:
        number = self.current_row()
        if number < 0 or index < 0:
            return
        self.decide(number, self.choices.choice(index)[0])

    def decide(self, number: int, code: str) -> None:
        """Settle row `number`: `none`, `ignore`, `new`, `c:<id>` or `p:<id>`."""
        row = self.model.row(number)
        kind, _colon, ident = code.partition(":")
        if kind == "ignore":
            row.choose(None)
            row.ignore = True
        elif kind == "new":
            row.choose(None)
            row.new_person = True
        elif kind in ("c", "p"):
            row.choose(int(ident))
        else:
            row.choose(None)
        self.model.row_changed(number)

    def _show_counts(self, *_args) -> None:
        # Who would be marked absent, named before it is done (changes as rows are settled).
        missing = [self.proposal.expected[p] for p in self.proposal.missing()]
        self.absent.setText(
            self.tr("Mark as absent the expected people no row could be ({0})").format(len(missing))
        )
        self.absent_names.setText(", ".join(missing))
        self.absent_names.setVisible(bool(missing))
        rows = self.proposal.rows
        settled = sum(1 for r in rows if r.ignore or r.new_person or r.person_id is not None)
        self.heading.setText(
            self.tr(
                "{0}: {1} rows — {2} matched, {3} to choose among candidates, {4} not on "
                "the roster. {5} of {1} settled; rows left unsettled are not stored."
            ).format(
                self.proposal.file_name,
                len(rows),
                sum(1 for r in rows if r.status == "matched"),
                sum(1 for r in rows if r.status == "ambiguous"),
                sum(1 for r in rows if r.status == "unknown"),
                settled,
            )
        )

    # --- applying --------------------------------------------------------------------------

    def apply(self) -> None:
        # A copy is applied: a refused apply (the minutes finalised meanwhile) must not
        # leave the rows pointing at people whose creation was rolled back.
        proposal = copy.deepcopy(self.proposal)
        meeting_id = proposal.meeting_id
        mark_absent, remember = self.absent.isChecked(), self.remember.isChecked()
        # New people it creates reach the roster through the change itself.
        stored = self.store.change(
            lambda s: apply_proposal(
                s,
                meeting_id,
                proposal,
                mark_missing_absent=mark_absent,
                remember_aliases=remember,
            ),
            parent=self,
        )
        if stored is None:
            return
        self.outcome = stored.value
        self.accept()
        self.applied.emit(meeting_id)
