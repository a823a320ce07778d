/**
 * The site agent: the client program a transmitter site runs to pull its files, started from the same jar with
 * {@code site-agent}. It knows the service only by its HTTP API and the manifest's format.
 */
@ApplicationModule(allowedDependencies = { "delivery :: manifest-format", "shared" })
package org.waveplan.agent;

import org.springframework.modulith.ApplicationModule;
