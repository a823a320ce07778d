/**
 * Propagation: point-to-point predictions by the VOACAP method (issue 13), from VOACAP's CCIR coefficient maps
 * packaged in the jar.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.waveplan.propagation;

import org.springframework.modulith.ApplicationModule;
