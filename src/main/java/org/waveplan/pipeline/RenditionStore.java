package org.waveplan.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;
import org.waveplan.audio.Codec;
import org.waveplan.audio.RenderException;
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

	/**
	 * Makes sure that a rendition can be published, before a render spends its time on it: its directory exists
	 * and takes a file.
	 * @throws RenderException if not (a failure that may pass), naming the directory
	 */
	void checkWritable(String key, Codec codec) {
		Path dir = pathOf(key, codec).getParent();
		try {
			Files.createDirectories(dir);
			Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
		}
		catch (IOException ex) {
			throw RenderException.cannotWrite(dir, ex);
		}
	}

	/**
	 * Moves a verified file from the work directory to its place, synced first: whole or not at all.
	 * @throws RenderException if it cannot (a failure that may pass), naming the directory
	 */
	Path publish(Path file, String key, Codec codec) {
		Path target = pathOf(key, codec);
		try {
			Files.createDirectories(target.getParent());
			AtomicFiles.publish(file, target);
			return target;
		}
		catch (IOException ex) {
			throw RenderException.cannotWrite(target.getParent(), ex);
		}
	}

	@PreDestroy
	void close() throws IOException {
		work.close();
	}

}
