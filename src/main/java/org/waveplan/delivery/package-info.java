/**
 * Delivery to transmitter sites: site tokens, signed manifests, resumable downloads, receipts and delivery
 * states. The site agent, a module of its own, shares only the manifest's format.
 */
@ApplicationModule(allowedDependencies = { "pipeline", "catalog", "schedule", "security", "shared" })
package org.waveplan.delivery;

import org.springframework.modulith.ApplicationModule;
