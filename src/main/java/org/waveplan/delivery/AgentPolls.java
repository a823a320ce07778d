package org.waveplan.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.waveplan.delivery.AgentPollTable.Poll;
import org.waveplan.schedule.SiteDirectory;

/**
 * Each site's agent's last manifest poll, and whether it has gone silent: the newest of what the instances wrote
 * and what this one answered since. Only a site's own token polling counts, not a person reading the manifest.
 */
@Service
public class AgentPolls {

	/** What an agent that does not say its interval waits between polls: the agent's default. */
	static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

	private final AgentPollLog log;

	private final AgentPollTable table;

	private final SiteTokenRepository tokens;

	private final SiteDirectory sites;

	private final Clock clock;

	AgentPolls(AgentPollLog log, AgentPollTable table, SiteTokenRepository tokens, SiteDirectory sites, Clock clock) {
		this.log = log;
		this.table = table;
		this.tokens = tokens;
		this.sites = sites;
		this.clock = clock;
	}

	/** Every site whose agent has polled or has a live token, by code. */
	public List<AgentPoll> all() {
		Map<String, Poll> polls = new TreeMap<>();
		table.all().forEach(row -> polls.put(row.site(), row.poll()));
		log.latest().forEach((site, poll) -> polls.merge(site, poll, Poll::newer));
		tokens.sitesWithLiveTokens().forEach(site -> polls.putIfAbsent(site, null)); // never polled
		Instant now = clock.instant();
		return polls.entrySet().stream().map(e -> view(e.getKey(), e.getValue(), true, now)).toList();
	}

	/** The site's agent; empty for an unknown site. */
	public Optional<AgentPoll> of(String site) {
		if (!sites.exists(site)) {
			return Optional.empty();
		}
		Optional<Poll> here = log.latest(site);
		Poll poll = table.of(site).map(written -> here.map(written::newer).orElse(written)).or(() -> here).orElse(null);
		return Optional.of(view(site, poll, poll == null && tokens.existsBySiteAndRevokedAtIsNull(site), clock.instant()));
	}

	private static AgentPoll view(String site, Poll poll, boolean hasToken, Instant now) {
		if (poll == null) {
			return new AgentPoll(site, null, null, null, null, hasToken);
		}
		Duration interval = poll.intervalSeconds() == null ? DEFAULT_INTERVAL
				: Duration.ofSeconds(poll.intervalSeconds());
		boolean silent = now.isAfter(poll.at().plus(interval.multipliedBy(2)));
		return new AgentPoll(site, poll.at(), poll.version(), poll.intervalSeconds(), poll.tokenId(), silent);
	}

}
