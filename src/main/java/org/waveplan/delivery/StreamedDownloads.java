package org.waveplan.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.waveplan.pipeline.DeliverableFile;
import org.waveplan.shared.ProblemException;

/**
 * The downloads this instance streams from an object store at once ({@link DeliveryProperties#streamsAtOnce()}):
 * each holds one of Tomcat's few request threads for as long as its site takes, and sites on slow links would
 * otherwise hold them all, the manifest polls of every other site waiting behind them. A file on the file system
 * goes by sendfile and takes no place.
 */
@Component
class StreamedDownloads {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private final Semaphore places;

	StreamedDownloads(DeliveryProperties settings) {
		this.places = new Semaphore(settings.streamsAtOnce());
	}

	/** A place while the file is sent, to be closed after; none free is a 503, with nothing of the file's headers. */
	Place take(DeliverableFile file, HttpServletResponse response) {
		if (file.content().localPath().isPresent()) {
			return () -> {
			};
		}
		if (!places.tryAcquire()) {
			response.reset();
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "too-many-downloads", "Too many downloads at once",
					"this instance is sending as many files as it sends at once; ask again in " + RETRY_AFTER.toSeconds()
							+ " s")
				.retryAfter(RETRY_AFTER);
		}
		return places::release;
	}

	interface Place extends AutoCloseable {

		@Override
		void close();

	}

}
