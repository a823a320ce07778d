/**
 * Users, roles and sign-in. Site tokens are checked by whichever module implements
 * {@link org.waveplan.security.SiteCredentials} (delivery).
 */
@ApplicationModule(allowedDependencies = "shared")
package org.waveplan.security;

import org.springframework.modulith.ApplicationModule;
