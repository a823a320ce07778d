package org.waveplan.catalog;

import org.springframework.stereotype.Component;
import org.waveplan.shared.ContentStore;
import org.waveplan.shared.Storage;

/** Episode originals, by SHA-256: under {@code originals/} of the storage root, or the bucket's {@code originals/}. */
@Component
class OriginalStore extends ContentStore {

	OriginalStore(CatalogProperties settings, Storage storage) {
		super(storage.area("originals", settings.storageRoot().resolve("originals")),
				settings.storageRoot().resolve("originals"));
	}

}
