/**
 * HF propagation by the VOACAP method (IONCAP lineage, as in VOACAP's public-domain Fortran source): path
 * geometry and control points, the sun, the geomagnetic frame, the CCIR ionospheric maps, and the CIRAF test
 * points a target zone is predicted at. It depends on no module but {@code shared}.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.waveplan.propagation;

import org.springframework.modulith.ApplicationModule;
