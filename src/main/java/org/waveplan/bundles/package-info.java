/**
 * Offline bundles of episodes for USB drives and SD cards: each episode rendered clean (no metadata) to a sound
 * for personal players, reusing renditions by content address, packaged as a deterministic, FAT32-safe ZIP with an
 * index page, a playlist and checksums, searched for forbidden strings; built by durable Quartz jobs.
 */
@ApplicationModule(allowedDependencies = { "catalog", "pipeline", "audio", "shared" })
package org.waveplan.bundles;

import org.springframework.modulith.ApplicationModule;
