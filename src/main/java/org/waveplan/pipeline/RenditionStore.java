package org.waveplan.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;
import org.waveplan.audio.Codec;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.InstanceDir;

/**
 * The renders folder: renditions under their content address ({@code ab/abcd....mp3}), and a work directory per
 * running instance for FFmpeg's temp files ({@link InstanceDir}: what a killed instance left is removed at the
 * next start; several instances may share the folder).
 */
@Component
class RenditionStore {

	private final Path root;

	private final InstanceDir work;

	RenditionStore(PipelineProperties settings) throws IOException {
		this.root = settings.rendersDir().toAbsolutePath();
		this.work = InstanceDir.open(root.resolve("work"));
	}

	/** Where this instance's renders write their temp files. */
	Path workDir() {
		return work.path();
	}

	/** The only way to a rendition's file: from its key, never from a name a client sent. */
	Path pathOf(String key, Codec codec) {
		if (!key.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a rendition key: " + key);
		}
		return root.resolve(key.substring(0, 2)).resolve(key + "." + codec.extension());
	}

	/** Moves a verified file from the work directory to its place, synced first: whole or not at all. */
	Path publish(Path file, String key, Codec codec) throws IOException {
		Path target = pathOf(key, codec);
		Files.createDirectories(target.getParent());
		AtomicFiles.publish(file, target);
		return target;
	}

	@PreDestroy
	void close() throws IOException {
		work.close();
	}

}
