/**
 * What every module uses: RFC 7807 problems, settings, atomic files, content by SHA-256, the clock, the Quartz
 * store. It depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.waveplan.shared;

import org.springframework.modulith.ApplicationModule;
