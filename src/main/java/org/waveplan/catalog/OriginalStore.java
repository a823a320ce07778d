package org.waveplan.catalog;

import org.springframework.stereotype.Component;
import org.waveplan.shared.ContentStore;

/** Episode originals, by SHA-256 under {@code originals/} of the storage root. */
@Component
class OriginalStore extends ContentStore {

	OriginalStore(CatalogProperties settings) {
		super(settings.storageRoot().resolve("originals"));
	}

}
