package org.waveplan.schedule;

import java.util.Set;

/**
 * Published after a change to our slots commits: the programs whose slots changed (before or
 * after), so that their airings can be planned again.
 */
public record SlotsChanged(Set<String> programs) {
}
