"""An editor's changes applied to a briefing: what the desk shows and exports.

The stored briefing stays as the machine made it; its edits are replayed in the
order they were made, so the last change of a field wins. Events keep their index
(their place in the stored ``events``) whatever is deleted, so an edit always
names the same event.

- ``headline``/``label`` replace the event's own; an export shows the new ones.
- ``deleted`` leaves the event out of exports (``deleted: false`` restores it).
- ``note`` is an editor's note on the event; exports list the notes with the
  briefing's notes ("Editor's note on ..."), so every format carries them.
- ``merged_into`` (another event's index) folds this event into that one: it is
  left out of exports like a deleted one, and the event it joins is reported by
  the sources of both, with this one's date among its conflicting dates when it
  differs (as merging.py merges the same happening told by several articles).
  ``merged_into: None`` separates them again.
- ``pinned`` marks an event the editor wants kept; the desk shows it. It cannot
  bring back an event the selection dropped (--query, --since/--until, the key
  dates): the stored briefing is the CLI's JSON, which holds only what was kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConflictError, InputError, NotFoundError
from ..models import Briefing
from .models import EventEdit


@dataclass(frozen=True)
class EventState:
    """Where an event stands after its edits: None/False/"" where none was made."""

    headline: str | None = None
    label: str | None = None
    deleted: bool = False
    pinned: bool = False
    note: str = ""
    merged_into: int | None = None
    edited: dt.datetime | None = None

    @property
    def left_out(self) -> bool:
        """Whether exports leave the event out (deleted, or merged into another)."""
        return self.deleted or self.merged_into is not None


def event_states(count: int, edits: Sequence[EventEdit]) -> list[EventState]:
    """The state of each of ``count`` events after ``edits``, oldest first."""
    states = [EventState() for _ in range(count)]
    for edit in edits:
        if 0 <= edit.index < count:
            states[edit.index] = dataclasses.replace(states[edit.index], **edit.changes, edited=edit.at)
    return states


def edited_briefing(briefing: Briefing, states: Sequence[EventState]) -> Briefing:
    """``briefing`` with the new headlines and labels and the merged events' sources
    and dates on the events they joined; every event is kept, in place."""
    events = [
        dataclasses.replace(event, headline=state.headline or event.headline, label=state.label or event.label)
        for event, state in zip(briefing.timeline.events, states)
    ]
    for merged, state in zip(list(events), states):
        if state.merged_into is None or not 0 <= state.merged_into < len(events):
            continue
        target = events[state.merged_into]
        sources = tuple(dict.fromkeys((*target.sources, *merged.sources)))
        dates = [value for value in (merged.value, *merged.conflicts)
                 if value != target.value and value not in target.conflicts]
        events[state.merged_into] = dataclasses.replace(target, sources=sources,
                                                        conflicts=(*target.conflicts, *dict.fromkeys(dates)))
    return dataclasses.replace(briefing, timeline=dataclasses.replace(briefing.timeline, events=tuple(events)))


def exported_briefing(briefing: Briefing, states: Sequence[EventState]) -> Briefing:
    """What an export renders: the edited briefing without its deleted events, with
    the editor's notes after the briefing's own."""
    edited = edited_briefing(briefing, states)
    kept = [(event, state) for event, state in zip(edited.timeline.events, states) if not state.left_out]
    notes = tuple(f"Editor's note on {event.label} ({event.headline}): {state.note}"
                  for event, state in kept if state.note)
    return dataclasses.replace(edited, timeline=dataclasses.replace(edited.timeline, events=tuple(e for e, _ in kept)),
                               notes=(*edited.notes, *notes))


def event_fields(state: EventState) -> dict[str, Any]:
    """What the desk's JSON adds to each event: its edit state."""
    return {"deleted": state.deleted, "pinned": state.pinned, "note": state.note, "merged_into": state.merged_into,
            "edited": state.edited.isoformat() if state.edited else None}


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
        raise ConflictError(f"event {into} is merged into event {states[into].merged_into}: "
                            f"merge into event {states[into].merged_into} instead")
    joined = [str(number) for number, state in enumerate(states) if state.merged_into == index]
    if joined:
        raise ConflictError(f"event {', '.join(joined)} {'is' if len(joined) == 1 else 'are'} merged into event "
                            f"{index}: separate {'it' if len(joined) == 1 else 'them'} first")
