package org.waveplan.catalog;

/** The planner has run and committed: airings may have come, gone, or changed episode or length. */
public record AiringsChanged() {
}
