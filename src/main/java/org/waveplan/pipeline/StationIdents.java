package org.waveplan.pipeline;

import org.springframework.stereotype.Component;
import org.waveplan.shared.ContentStore;
import org.waveplan.shared.Storage;

/**
 * Station idents, by SHA-256 under {@code idents/} of the data folder (not the renders folder sites pull from), or the
 * bucket's {@code idents/}.
 */
@Component
class StationIdents extends ContentStore {

	StationIdents(PipelineProperties settings, Storage storage) {
		super(storage.area("idents", settings.identsDir()), settings.identsDir());
	}

}
