/**
 * FFmpeg: probing, loudness, rendering an airing for its sites.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.waveplan.audio;

import org.springframework.modulith.ApplicationModule;
