/**
 * Delivery to transmitter sites: site tokens, signed manifests, resumable downloads, receipts, and the site
 * agent that pulls them.
 */
@ApplicationModule(allowedDependencies = { "pipeline", "catalog", "schedule", "security", "shared" })
package org.waveplan.delivery;

import org.springframework.modulith.ApplicationModule;
