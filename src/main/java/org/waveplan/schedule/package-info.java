/**
 * Sites, transmitters, slots, collisions and schedule files. It asks the catalog through
 * {@link org.waveplan.schedule.ProgramCheck} and announces changes with {@link org.waveplan.schedule.SlotsChanged};
 * it ranks bands and channels, and finds weak slots, by propagation's predictions, and tells propagation where its
 * sites are ({@link org.waveplan.propagation.TransmitterSites}).
 */
@ApplicationModule(allowedDependencies = { "propagation", "shared" })
package org.waveplan.schedule;

import org.springframework.modulith.ApplicationModule;
