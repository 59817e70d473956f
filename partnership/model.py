"""The domain's records. Standard library only: no I/O, no streamlit, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from partnership.model_may import May
from partnership.model_term import FundingApplication, Term


class Role(StrEnum):
    """What a link lets its holder do (see docs/architecture.md, "Links and roles")."""

    OWNER = "owner"
    PARTNER = "partner"
    VIEWER = "viewer"
    MEMBER = "member"  # the association's own people: the owner's reach without its powers

    @property
    def sees_internal(self) -> bool:
        """Steps 1-3 and the association's own records: the owner and members."""
        return self in (Role.OWNER, Role.MEMBER)

    @property
    def is_association(self) -> bool:
        """Reads and writes as the association (the owner and members)."""
        return self in (Role.OWNER, Role.MEMBER)

    @property
    def side(self) -> Side | None:
        """The organisation a role speaks for; viewers speak for none."""
        return {Role.OWNER: Side.ASSOCIATION, Role.MEMBER: Side.ASSOCIATION, Role.PARTNER: Side.PARTNER}.get(self)


class Side(StrEnum):
    """Which organisation a person or task belongs to."""

    ASSOCIATION = "association"
    PARTNER = "partner"


class CandidateStatus(StrEnum):
    ACTIVE = "active"
    SET_ASIDE = "set_aside"
    REFUSED = "refused"


class TaskKind(StrEnum):
    ACTIVITY = "activity"
    TASK = "task"
    FOLLOW_UP = "follow_up"
    MILESTONE = "milestone"


class TaskStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class Access:
    """What an opened link grants: one project, one role.

    It carries the token so that every store call re-checks it: a rotated link stops
    working at once, also for sessions that opened it earlier.
    """

    project_id: str
    role: Role
    token: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class FieldValue:
    """One free-text field. A field never written has version 0 and empty value."""

    key: str
    value: str = ""
    version: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Project:
    id: str
    title: str
    our_org: str
    partner_org: str
    website: str
    created_by: str
    created_at: datetime
    version: int
    signed_at: datetime | None = None
    signed_hash: str = ""


@dataclass(frozen=True)
class Candidate:
    """A suggested partner (step 2). Never deleted; set aside or refused instead.

    ``position`` is the order in which it was named (1, 2, ...). Scores are 1-5 or None.
    ``priority`` is 1-3 for the top three, else None.
    """

    id: str
    name: str
    position: int
    status: CandidateStatus = CandidateStatus.ACTIVE
    resources: int | None = None
    competences: int | None = None
    values: int | None = None
    fit: int | None = None
    note: str = ""
    priority: int | None = None
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def score(self) -> int | None:
        marks = [m for m in (self.resources, self.competences, self.values, self.fit) if m]
        return sum(marks) if marks else None


@dataclass(frozen=True)
class Person:
    """Someone from either organisation: contact person, meeting participant, working group.

    ``shared`` (said by the store, never set by a writer): the person reaches the partner,
    the viewer and the agreement - on the partner's side, in the working group, or
    responsible for a joint task. The association's other people stay its own."""

    id: str
    name: str
    side: Side
    title: str = ""
    contact: str = ""
    first_meeting: bool = False
    working_group: bool = False
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None
    shared: bool = True


@dataclass(frozen=True)
class Task:
    """An activity, task, follow-up meeting or milestone.

    ``internal`` tasks (the association's own follow-ups from step 3) are never shown to
    the partner or a viewer. ``responsible`` is a Person id or empty.
    """

    id: str
    title: str
    kind: TaskKind = TaskKind.TASK
    responsible: str = ""
    side: Side = Side.ASSOCIATION
    start: date | None = None
    due: date | None = None
    status: TaskStatus = TaskStatus.PLANNED
    note: str = ""
    internal: bool = False
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Approval:
    """A named person's approval of the agreement text whose hash is ``content_hash``."""

    id: str
    side: Side
    name: str
    content_hash: str
    approved_at: datetime


@dataclass(frozen=True)
class HistoryEntry:
    """One accepted change. ``entity`` is "field", "candidate", "person", "task",
    "project" or "approval"; ``target`` the field key or record id; ``old``/``new`` are
    the value before and after (text for fields, JSON text for records)."""

    id: int
    entity: str
    target: str
    actor: str
    role: Role
    at: datetime
    old: str
    new: str
    version: int


REFLECTION_MS = 180_000
"""Step 2's reflection: 3 minutes each on one's own (the store's default timer)."""


@dataclass(frozen=True)
class Timer:
    """Step 2's shared timer, stored with the project (the association's only).

    While it runs, ``ends_at`` is when it reaches zero (the database's clock); stopped,
    ``left_ms`` is what is left. ``version`` counts the starts, stops and resets."""

    running: bool = False
    left_ms: int = REFLECTION_MS
    duration_ms: int = REFLECTION_MS
    ends_at: datetime | None = None
    version: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None

    def left_at(self, now: datetime) -> int:
        """Milliseconds left at ``now`` (never below zero)."""
        if self.running and self.ends_at is not None:
            return max(0, int((self.ends_at - now).total_seconds() * 1000))
        return self.left_ms

    def is_up(self, now: datetime) -> bool:
        """The time has run out (and nobody has reset it)."""
        return self.left_at(now) == 0


@dataclass(frozen=True)
class Agenda:
    """Møde 1's agenda as the facilitator moved it (the association's only): ``point`` 0
    while the meeting is not under way, else 1..``points``; ``updated_at`` is when the
    current point began. ``version`` counts the moves (compare-and-set)."""

    point: int = 0
    points: int = 0
    version: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class PrivateRound:
    """Step 2's reflection round as one person sees it: whether a round is open, their own
    suggestions kept private until it ends, and how many of others' wait."""

    open: bool = False
    mine: list[Candidate] = field(default_factory=list)
    hidden: int = 0


@dataclass(frozen=True)
class Snapshot:
    """Everything one role may see of a project, read in one round trip.

    For a partner or viewer, ``fields`` holds no internal keys, ``candidates`` is empty
    and internal tasks are left out; ``invitation`` is the idea as sent (s1_idea).
    """

    project: Project
    role: Role
    revision: int
    fields: dict[str, FieldValue]
    candidates: list[Candidate] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    signed_versions: list[AgreementVersion] = field(default_factory=list)
    health_checks: list[HealthCheck] = field(default_factory=list)
    invitation: str = ""
    members_see_links: bool = False  # the owner shows the partner's and viewer's link to members
    timer: Timer = field(default_factory=Timer)  # the association's only: default for others
    funding: list[FundingApplication] = field(default_factory=list)  # every role reads them
    term: Term = field(default_factory=lambda: Term())  # the agreement's period and its end
    agenda: Agenda = field(default_factory=Agenda)  # Møde 1's current point: the association's only
    may_sign: bool = False  # this link approves (and reopens) the agreement for its side: owner, partner
    may: May = field(default_factory=May)  # what this link may do now (the store says; model_may.py)

    def field(self, key: str) -> FieldValue:
        """The field's value, or an empty version-0 value if never written."""
        return self.fields.get(key) or FieldValue(key)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)


@dataclass(frozen=True)
class AgreementVersion:
    """A signed agreement text, kept readable after the agreement is reopened."""

    id: str
    content_hash: str
    markdown: str
    signed_at: datetime


@dataclass(frozen=True)
class HealthCheck:
    """One side's answers at a follow-up: statement key -> (rating, comment).

    Ratings are "green", "amber" or "red".
    """

    id: str
    side: Side
    name: str
    at: datetime
    answers: dict[str, tuple[str, str]]


@dataclass(frozen=True)
class Presence:
    """Someone who has the project open now, and the field they are editing ("" if none).
    ``session_id`` is the presence id (``store.base.presence_id``), not the page's session id."""

    session_id: str
    name: str
    role: Role
    editing: str = ""
