package org.waveplan.delivery;

import java.time.Instant;

/**
 * A site's agent as its manifest polls show it.
 *
 * @param site the site's code
 * @param lastPollAt when the site's token last asked for its manifest ({@code null}: never)
 * @param version the manifest version that poll was answered with (also when unchanged: 304)
 * @param intervalSeconds the seconds between polls the agent declared ({@code null}: an agent that does not say)
 * @param tokenId the site token that polled
 * @param silent no poll for more than two intervals (the agent's default, 60 s, when it declared none), or never
 * a poll while the site has a live token
 */
public record AgentPoll(String site, Instant lastPollAt, Long version, Integer intervalSeconds, Long tokenId,
		boolean silent) {
}
