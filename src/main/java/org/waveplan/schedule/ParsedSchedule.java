package org.waveplan.schedule;

import java.util.List;

/** A schedule file as read: the good entries and every bad line, both in file order. */
record ParsedSchedule(List<ScheduleEntry> entries, List<LineError> errors) {
}
