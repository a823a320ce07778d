package org.waveplan.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the schedule module.
 *
 * @param administration ITU administration code written into exported HFCC files
 * @param broadcaster broadcaster code written into exported HFCC files
 * @param demoSchedule Waveplan schedule file the demo profile loads at start (none by default)
 * @param reportLimit most conflicts listed in one answer (all are counted)
 * @param reachBudget how long one conflicts answer predicts slots' reach; past it, only the slots predicted before
 * are checked, the others told "not predicted yet" (they are predicted in the background)
 */
@ConfigurationProperties("waveplan.schedule")
record ScheduleProperties(@DefaultValue("XXX") String administration, @DefaultValue("WPL") String broadcaster,
		Resource demoSchedule, @DefaultValue("1000") int reportLimit, @DefaultValue("2s") Duration reachBudget) {
}
