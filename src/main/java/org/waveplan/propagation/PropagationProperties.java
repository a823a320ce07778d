package org.waveplan.propagation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the propagation module.
 *
 * @param cacheMegabytes the predicted circuits kept in memory, by their estimated weight on the heap
 */
@ConfigurationProperties("waveplan.propagation")
public record PropagationProperties(@DefaultValue("32") int cacheMegabytes) {
}
