/**
 * Programs, episodes, queues and the airings planned from the schedule's slots. It asks the pipeline through
 * {@link org.waveplan.catalog.RenderedAirings} and announces planner runs with {@link org.waveplan.catalog.AiringsChanged}.
 */
@ApplicationModule(allowedDependencies = { "schedule", "audio", "security", "shared" })
package org.waveplan.catalog;

import org.springframework.modulith.ApplicationModule;
