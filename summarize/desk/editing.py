"""An editor's changes applied to a stored briefing: what the desk shows and exports.

The stored briefing stays as the machine made it; its edits are replayed in the
order they were made, so the last change of a field wins. An edit names what it
changes by an index that never moves, whatever is deleted or pinned (``Layout``):

- in a briefing of events, 0 to n-1 are the events of its timeline (the stored
  document's ``events``, in timeline order) and n to n+d-1 the d events its
  selection dropped (``StoredBriefing.dropped``, in timeline order): a briefing of
  5 events that --since left 2 out of has events 0-4 and dropped events 5 and 6;
- in a key-date briefing (many articles, --max-dates), 0 to k-1 are its key dates.

What an edit changes:

- ``headline``/``label`` replace the event's own; an export shows the new ones.
- ``deleted`` leaves it out of exports (``deleted: false`` restores it).
- ``note`` is an editor's note on it; exports list the notes with the briefing's
  notes ("Editor's note on ..."), so every format carries them.
- ``merged_into`` (another event's index) folds this event into that one: it is
  left out of exports like a deleted one, and the event it joins is reported by
  the sources of both, with this one's date among its conflicting dates when it
  differs (as merging.py merges the same happening told by several articles).
  ``merged_into: None`` separates them again. Only events of the timeline as it was
  made merge: a dropped event is pinned or left alone.
- ``pinned`` on a dropped event brings it back: it takes its place in the timeline
  by its date, as the pipeline orders a timeline, and every export shows it
  (unpinned, it is dropped again). On any other event or a key date it marks what
  the editor wants kept; the desk shows it.

A key date takes a new label, is deleted or restored, pinned and noted, but its
headline is not edited and it is not merged (``check_edit`` says why): its
sentences are quoted from the articles they cite, and two key dates are two days.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConflictError, InputError, NotFoundError
from ..models import Briefing, Event
from ..rendering import render
from ..rendering.briefing_json import briefing_from_json
from ..timeline import build_timeline
from .models import EventEdit, StoredBriefing

# Why a key date's sentences are not edited, and why key dates do not merge: the
# page shows these too.
KEY_DATE_HEADLINE = (
    "a key date has no headline to edit: its sentences are quoted from the articles they cite; "
    "change its label, delete it or add a note"
)
KEY_DATE_MERGE = "key dates are not merged: each is a day of its own; delete one and add a note to the other"


@dataclass(frozen=True)
class Layout:
    """What the indexes of a finished briefing address (see the module's docstring)."""

    events: int
    dropped: int = 0
    key_dates: int | None = None

    @classmethod
    def of(cls, document: dict[str, Any], dropped: Sequence[Any] = ()) -> Layout:
        if document.get("key_dates") is not None:
            return cls(events=0, key_dates=len(document["key_dates"]))
        return cls(events=len(document.get("events") or ()), dropped=len(dropped))

    @property
    def count(self) -> int:
        """How many indexes there are, from 0."""
        return self.key_dates if self.key_dates is not None else self.events + self.dropped

    def is_dropped(self, index: int) -> bool:
        return self.key_dates is None and self.events <= index < self.count

    def missing(self, id: int, index: int) -> NotFoundError:
        """The error for an index that addresses nothing, saying which there are."""
        if self.key_dates is not None:
            return NotFoundError(f"briefing {id} has no key date {index} (it has {self.key_dates}, from 0)")
        if not self.dropped:
            return NotFoundError(f"briefing {id} has no event {index} (it has {self.events}, from 0)")
        return NotFoundError(
            f"briefing {id} has no event {index} (it has {self.events} in its timeline, from 0, "
            f"and {self.dropped} its selection dropped, {self.events} to {self.count - 1})"
        )


@dataclass(frozen=True)
class EventState:
    """Where an event (or key date) stands after its edits: None/False/"" where none was made."""

    headline: str | None = None
    label: str | None = None
    deleted: bool = False
    pinned: bool = False
    note: str = ""
    merged_into: int | None = None
    edited: dt.datetime | None = None

    @property
    def left_out(self) -> bool:
        """Whether exports leave it out (deleted, or merged into another)."""
        return self.deleted or self.merged_into is not None


def event_states(count: int, edits: Sequence[EventEdit]) -> list[EventState]:
    """The state of each of ``count`` indexes after ``edits``, oldest first."""
    states = [EventState() for _ in range(count)]
    for edit in edits:
        if 0 <= edit.index < count:
            states[edit.index] = dataclasses.replace(states[edit.index], **edit.changes, edited=edit.at)
    return states


@dataclass(frozen=True)
class EditedBriefing:
    """A finished briefing with its edits applied, as the desk shows it.

    ``briefing``'s timeline holds the events of the timeline and the pinned dropped
    ones, in timeline order, with their new headlines and labels, the deleted and
    merged ones included; ``order`` is the index of each. Its key dates carry their
    new labels, the deleted ones included. ``dropped`` are the dropped events not
    pinned, (index, event), in timeline order. ``states`` are by index.
    """

    briefing: Briefing
    order: tuple[int, ...]
    dropped: tuple[tuple[int, Event], ...]
    states: tuple[EventState, ...]
    layout: Layout

    def exported(self) -> Briefing:
        """What an export renders: what is deleted or merged left out, dropped events
        only when pinned, the editor's notes after the briefing's own."""
        briefing = self.briefing
        if briefing.key_dates is not None:
            kept_dates = [
                (key_date, state) for key_date, state in zip(briefing.key_dates, self.states) if not state.left_out
            ]
            notes = tuple(
                f"Editor's note on {key_date.label}: {state.note}" for key_date, state in kept_dates if state.note
            )
            return dataclasses.replace(
                briefing, key_dates=tuple(key_date for key_date, _ in kept_dates), notes=(*briefing.notes, *notes)
            )
        kept = [
            (event, self.states[index])
            for event, index in zip(briefing.timeline.events, self.order)
            if not self.states[index].left_out
        ]
        notes = tuple(
            f"Editor's note on {event.label} ({event.headline}): {state.note}" for event, state in kept if state.note
        )
        timeline = dataclasses.replace(briefing.timeline, events=tuple(event for event, _ in kept))
        return dataclasses.replace(briefing, timeline=timeline, notes=(*briefing.notes, *notes))

    def dropped_briefing(self) -> Briefing:
        """The briefing with the dropped events (not pinned) as its timeline: what
        the renderers make their JSON and page context of."""
        timeline = dataclasses.replace(self.briefing.timeline, events=tuple(event for _, event in self.dropped))
        return dataclasses.replace(self.briefing, timeline=timeline)


def edit(stored: StoredBriefing) -> EditedBriefing:
    """``stored`` (finished) with its edits applied."""
    assert stored.document is not None, "only a finished briefing has something to edit"
    briefing = briefing_from_json(stored.document)
    layout = Layout.of(stored.document, stored.dropped)
    states = event_states(layout.count, stored.edits)
    if briefing.key_dates is not None:
        key_dates = tuple(
            dataclasses.replace(key_date, label=state.label or key_date.label)
            for key_date, state in zip(briefing.key_dates, states)
        )
        return EditedBriefing(
            briefing=dataclasses.replace(briefing, key_dates=key_dates),
            order=(),
            dropped=(),
            states=tuple(states),
            layout=layout,
        )
    events = [
        dataclasses.replace(event, headline=state.headline or event.headline, label=state.label or event.label)
        for event, state in zip((*briefing.timeline.events, *dropped_events(stored)), states)
    ]
    for merged, state in zip(list(events), states):
        if state.merged_into is None or not 0 <= state.merged_into < layout.events:
            continue
        target = events[state.merged_into]
        sources = tuple(dict.fromkeys((*target.sources, *merged.sources)))
        dates = [
            value
            for value in (merged.value, *merged.conflicts)
            if value != target.value and value not in target.conflicts
        ]
        events[state.merged_into] = dataclasses.replace(
            target, sources=sources, conflicts=(*target.conflicts, *dict.fromkeys(dates))
        )
    pinned = [index for index in range(layout.events, layout.count) if states[index].pinned]
    order = list(range(layout.events))
    if pinned:
        # Ordered again as the pipeline orders a timeline, so that a pinned event
        # stands at its date (sorted is stable: the others keep their order).
        shown = {id(events[index]): index for index in (*order, *pinned)}
        order = [
            shown[id(event)]
            for event in build_timeline(
                [events[index] for index in shown.values()], anchored=briefing.timeline.anchored
            ).events
        ]
    timeline = dataclasses.replace(briefing.timeline, events=tuple(events[index] for index in order))
    dropped = tuple((index, events[index]) for index in range(layout.events, layout.count) if index not in pinned)
    return EditedBriefing(
        briefing=dataclasses.replace(briefing, timeline=timeline),
        order=tuple(order),
        dropped=dropped,
        states=tuple(states),
        layout=layout,
    )


def dropped_events(stored: StoredBriefing) -> tuple[Event, ...]:
    """The events ``stored``'s selection dropped, read as its events are."""
    if not stored.dropped or stored.document is None:
        return ()
    return briefing_from_json({**stored.document, "events": list(stored.dropped)}).timeline.events


def dropped_json(briefing: Briefing) -> list[dict[str, Any]]:
    """The events ``briefing``'s selection dropped, each as the JSON output writes
    an event: what the desk stores beside the document."""
    if not briefing.timeline.dropped:
        return []
    timeline = dataclasses.replace(briefing.timeline, events=briefing.timeline.dropped)
    return json.loads(render(dataclasses.replace(briefing, timeline=timeline), "json"))["events"]


def edited_document(stored: StoredBriefing) -> dict[str, Any]:
    """The CLI's JSON of the finished ``stored`` with its edits applied, each event
    and key date with its ``index`` and edit state, and ``dropped``: the dropped
    events not pinned, likewise (a pinned one is among ``events``, at its date)."""
    edited = edit(stored)
    body = json.loads(render(edited.briefing, "json"))
    for event, index in zip(body["events"], edited.order):
        event.update(index=index, **event_fields(edited.states[index]))
    for index, key_date in enumerate(body["key_dates"] or ()):
        key_date.update(index=index, **event_fields(edited.states[index]))
    dropped = json.loads(render(edited.dropped_briefing(), "json"))["events"] if edited.dropped else []
    for event, (index, _) in zip(dropped, edited.dropped):
        event.update(index=index, **event_fields(edited.states[index]))
    body["dropped"] = dropped
    return body


def event_fields(state: EventState) -> dict[str, Any]:
    """What the desk's JSON adds to each event: its edit state."""
    return {
        "deleted": state.deleted,
        "pinned": state.pinned,
        "note": state.note,
        "merged_into": state.merged_into,
        "edited": state.edited.isoformat() if state.edited else None,
    }


def check_edit(id: int, layout: Layout, edits: Sequence[EventEdit], index: int, changes: dict[str, Any]) -> None:
    """Whether ``changes`` may be made to ``index`` of briefing ``id``, after ``edits``."""
    if not 0 <= index < layout.count:
        raise layout.missing(id, index)
    if layout.key_dates is not None:
        if "headline" in changes:
            raise InputError(KEY_DATE_HEADLINE)
        if "merged_into" in changes:
            raise InputError(KEY_DATE_MERGE)
        return
    if "merged_into" in changes:
        into = changes["merged_into"]
        for number in (index, into):
            if number is not None and layout.is_dropped(number):
                raise InputError(
                    f"event {number} was dropped by the selection: only events of the timeline as "
                    f"it was made are merged (pin a dropped event to show it)"
                )
        check_merge(event_states(layout.events, edits), index, into)


def check_merge(states: Sequence[EventState], index: int, into: int | None) -> None:
    """Whether event ``index`` may be merged into event ``into`` (None: separated
    again): one level only, so that what an event joined is always one event."""
    if not 0 <= index < len(states):
        raise NotFoundError(f"there is no event {index} (there are {len(states)}, from 0)")
    if into is None:
        return
    if into == index:
        raise InputError(f"event {index} cannot be merged into itself")
    if not 0 <= into < len(states):
        raise NotFoundError(f"there is no event {into} to merge into (there are {len(states)}, from 0)")
    if states[into].merged_into is not None:
        raise ConflictError(
            f"event {into} is merged into event {states[into].merged_into}: "
            f"merge into event {states[into].merged_into} instead"
        )
    joined = [str(number) for number, state in enumerate(states) if state.merged_into == index]
    if joined:
        raise ConflictError(
            f"event {', '.join(joined)} {'is' if len(joined) == 1 else 'are'} merged into event "
            f"{index}: separate {'it' if len(joined) == 1 else 'them'} first"
        )
