/**
 * Delivery to transmitter sites: site tokens, signed manifests, resumable downloads, receipts, and the site
 * agent that pulls them.
 */
package org.waveplan.delivery;
