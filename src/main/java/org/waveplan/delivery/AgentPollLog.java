package org.waveplan.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.waveplan.delivery.AgentPollTable.Poll;

/**
 * The last manifest poll of each site's agent that this instance answered. Polls come by the thousand, so a poll
 * costs no database write: it is kept here, and what changed is written every {@code poll-flush-interval} and when
 * the instance stops. Each instance writes its own (a Quartz job would run on one instance of the cluster only).
 */
@Component
class AgentPollLog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AgentPollLog.class);

	// an interval beyond a week is a mistake, not a plan: the poll counts, the interval does not
	private static final long LONGEST_INTERVAL = Duration.ofDays(7).toSeconds();

	private final Clock clock;

	private final SiteTokens tokens;

	private final AgentPollTable table;

	private final Duration flushInterval;

	private final Map<String, Poll> latest = new ConcurrentHashMap<>();

	// what the last flush wrote, by identity; only flush touches it
	private final Map<String, Poll> written = new HashMap<>();

	private ScheduledExecutorService flusher;

	AgentPollLog(Clock clock, SiteTokens tokens, AgentPollTable table, DeliveryProperties settings) {
		this.clock = clock;
		this.tokens = tokens;
		this.table = table;
		this.flushInterval = settings.pollFlushInterval();
	}

	/** The site's token polled, and was answered with this manifest (or told its copy is unchanged). */
	void polled(HttpServletRequest request, String site, Manifests.Signed manifest) {
		Poll poll = new Poll(clock.instant(), manifest.version(),
				interval(request.getHeader(ManifestFormat.POLL_INTERVAL_HEADER)), tokens.idOf(request).orElse(null));
		latest.merge(site, poll, Poll::newer);
	}

	Optional<Poll> latest(String site) {
		return Optional.ofNullable(latest.get(site));
	}

	Map<String, Poll> latest() {
		return Map.copyOf(latest);
	}

	/** Writes the polls that came since the last flush; one that fails is tried again next time. */
	synchronized void flush() {
		for (Map.Entry<String, Poll> poll : latest.entrySet()) {
			if (written.get(poll.getKey()) != poll.getValue()) {
				table.save(poll.getKey(), poll.getValue());
				written.put(poll.getKey(), poll.getValue());
			}
		}
	}

	private static Integer interval(String header) {
		if (header == null || header.isEmpty() || header.length() > 7 || !header.chars().allMatch(Character::isDigit)) {
			return null;
		}
		int seconds = Integer.parseInt(header);
		return seconds >= 1 && seconds <= LONGEST_INTERVAL ? seconds : null;
	}

	private void flushLogged() {
		try {
			flush();
		}
		catch (RuntimeException e) {
			log.warn("Could not write the agents' last polls, will try again: {}", e.toString());
		}
	}

	@Override
	public synchronized void start() {
		flusher = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "agent-poll-flush");
			thread.setDaemon(true);
			return thread;
		});
		long millis = flushInterval.toMillis();
		flusher.scheduleWithFixedDelay(this::flushLogged, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		flusher.shutdownNow();
		flusher = null;
		flushLogged();
	}

	@Override
	public synchronized boolean isRunning() {
		return flusher != null;
	}

	/** Stopped after the web server, which answers polls until it stops, and before the database goes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
