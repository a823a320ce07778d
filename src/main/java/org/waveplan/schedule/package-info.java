/**
 * Sites, transmitters, slots, collisions and schedule files. It knows no other module: it asks through
 * {@link org.waveplan.schedule.ProgramCheck} and announces changes with {@link org.waveplan.schedule.SlotsChanged}.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.waveplan.schedule;

import org.springframework.modulith.ApplicationModule;
