package org.waveplan.delivery;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.catalog.AiringBook;
import org.waveplan.pipeline.DeliverableFile;
import org.waveplan.pipeline.Deliverables;
import org.waveplan.shared.ProblemException;

/** Records what sites do with their files: fetched whole, confirmed by hash. */
@Service
class DeliveryLog {

	private final DeliveryRepository deliveries;

	private final Deliverables files;

	private final AiringBook airings;

	private final Clock clock;

	DeliveryLog(DeliveryRepository deliveries, Deliverables files, AiringBook airings, Clock clock) {
		this.deliveries = deliveries;
		this.files = files;
		this.airings = airings;
		this.clock = clock;
	}

	/** The site has read the file to its last byte. */
	@Transactional
	void fetched(String site, DeliverableFile file) {
		delivery(site, file).fetched(clock.instant());
	}

	/**
	 * The site holds the airing's file and has checked it.
	 * @throws ProblemException 404 if the airing is not the site's or has no file yet, 409 if the hash is not the
	 * file's
	 */
	@Transactional
	void confirmed(String site, long airingId, String sha256) {
		boolean ours = airings.find(airingId).filter(a -> a.site().equals(site)).isPresent();
		DeliverableFile file = ours ? files.ofAirings(java.util.List.of(airingId)).get(airingId) : null;
		if (file == null) {
			throw ProblemException.notFound("site " + site + " has no file for airing " + airingId);
		}
		if (!file.sha256().equalsIgnoreCase(sha256)) {
			throw new ProblemException(HttpStatus.CONFLICT, "wrong-hash", "Not the file",
					"the SHA-256 " + sha256 + " is not that of the file of airing " + airingId + ": fetch it again")
				.with("expected", file.sha256());
		}
		delivery(site, file).confirmed(clock.instant());
	}

	private Delivery delivery(String site, DeliverableFile file) {
		Delivery delivery = deliveries.findById(file.airingId())
			.orElseGet(() -> deliveries.save(new Delivery(file.airingId(), site, file.sha256())));
		delivery.file(file.sha256());
		return delivery;
	}

}
