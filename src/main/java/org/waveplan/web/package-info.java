/**
 * The web UI: server-rendered pages (Thymeleaf, htmx) in Korean and English, on top of the other modules' public
 * services, the same ones the API controllers call. It is used by none.
 */
@ApplicationModule(allowedDependencies = { "delivery", "pipeline", "catalog", "schedule", "security", "shared" })
package org.waveplan.web;

import org.springframework.modulith.ApplicationModule;
