package org.waveplan.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.waveplan.audio.Codec;
import org.waveplan.audio.OutputSpec;
import org.waveplan.audio.ProcessingProperties;
import org.waveplan.audio.RenderedFile;
import org.waveplan.shared.StoredObject;

/**
 * The renditions by content address, for modules that render episodes outside an airing (offline bundles): a file
 * of the same source, length and sound is made once and found again, in the same store and table as the renders'.
 */
@Component
public class RenditionShelf {

	private final RenditionRepository renditions;

	private final RenditionStore store;

	private final ProcessingProperties processing;

	private final Clock clock;

	RenditionShelf(RenditionRepository renditions, RenditionStore store, ProcessingProperties processing,
			Clock clock) {
		this.renditions = renditions;
		this.store = store;
		this.processing = processing;
		this.clock = clock;
	}

	/** A stored rendition. */
	public record Shelved(String key, Codec codec, long sizeBytes, String sha256, Duration duration,
			StoredObject content) {
	}

	/** The content address of the source rendered whole to the spec. */
	public String key(String sourceSha256, Duration length, OutputSpec spec) {
		return RenditionKey.of(sourceSha256, null, length, spec, processing.processingVersion());
	}

	/** The rendition under the key, if it is recorded and stored whole. */
	public Optional<Shelved> find(String key) {
		return renditions.findById(key).map(this::shelved).filter(RenditionShelf::storedWhole);
	}

	/** Where this instance's renders write their temp files. */
	public Path workDir() {
		return store.workDir();
	}

	/** Publishes a verified file of the work directory under the key, and records it (once, whoever was first). */
	public Shelved put(String key, RenderedFile file) {
		long size = store.publish(file.file(), key, file.spec().codec());
		Rendition rendition = new Rendition(key, file, size, clock.instant());
		try {
			if (!renditions.existsById(key)) {
				renditions.saveAndFlush(rendition);
			}
		}
		catch (DataIntegrityViolationException madeMeanwhile) {
			// another build recorded the same bytes under the same key
		}
		return shelved(rendition);
	}

	private Shelved shelved(Rendition r) {
		return new Shelved(r.getKey(), r.getCodec(), r.getSizeBytes(), r.getSha256(), r.duration(),
				store.object(r.getKey(), r.getCodec(), r.getSha256()));
	}

	private static boolean storedWhole(Shelved rendition) {
		try {
			OptionalLong size = rendition.content().size();
			return size.isPresent() && size.getAsLong() == rendition.sizeBytes();
		}
		catch (IOException ex) {
			return false;
		}
	}

}
