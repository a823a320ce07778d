package org.waveplan.pipeline;

import org.springframework.stereotype.Component;
import org.waveplan.shared.ContentStore;

/** Station idents, by SHA-256 under {@code idents/} of the data folder (not the renders folder sites pull from). */
@Component
class StationIdents extends ContentStore {

	StationIdents(PipelineProperties settings) {
		super(settings.identsDir());
	}

}
