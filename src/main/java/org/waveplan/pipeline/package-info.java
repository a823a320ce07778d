/**
 * Delivery profiles per site and a render per coming airing, as Quartz jobs.
 */
@ApplicationModule(allowedDependencies = { "catalog", "schedule", "audio", "shared" })
package org.waveplan.pipeline;

import org.springframework.modulith.ApplicationModule;
