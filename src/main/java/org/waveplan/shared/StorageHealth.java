package org.waveplan.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness's {@code storage} (the bean name less its suffix): down while any {@link StorageProbe} fails, naming the
 * store and why. The probes run in the background every {@link #EVERY}, and a health check answers their last
 * findings at once: a slow object store must not make every instance's check time out together at the load balancer
 * (whose check waits 3 s), when the stores answer at all. Findings older than three rounds (a probe that hangs) are
 * down.
 */
@Component("storageHealthIndicator")
class StorageHealth extends AbstractHealthIndicator {

	static final Duration EVERY = Duration.ofSeconds(2);

	private final List<StorageProbe> probes;

	private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "storage-probe");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Findings last;

	/** Each probe's name and what it found: "UP", or why not. */
	private record Findings(Map<String, String> byProbe, boolean up, long atNanos) {
	}

	StorageHealth(ObjectProvider<StorageProbe> probes) {
		super("Storage health check failed");
		this.probes = probes.orderedStream().toList();
		this.last = probe();
		prober.scheduleWithFixedDelay(() -> last = probe(), EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
	}

	private Findings probe() {
		Map<String, String> found = new LinkedHashMap<>();
		boolean up = true;
		for (StorageProbe probe : probes) {
			try {
				probe.probe();
				found.put(probe.name(), "UP");
			}
			catch (Exception e) {
				up = false;
				found.put(probe.name(), String.valueOf(e));
			}
		}
		return new Findings(found, up, System.nanoTime());
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		Findings findings = last;
		Duration age = Duration.ofNanos(System.nanoTime() - findings.atNanos());
		if (age.compareTo(EVERY.multipliedBy(3)) > 0) {
			health.down().withDetail("probes", "no answer for " + age.toSeconds() + " s");
			return;
		}
		(findings.up() ? health.up() : health.down()).withDetails(findings.byProbe());
	}

	@PreDestroy
	void stop() {
		prober.shutdownNow();
	}

}
