package org.waveplan.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;
import org.waveplan.audio.Codec;
import org.waveplan.audio.RenderException;
import org.waveplan.shared.InstanceDir;
import org.waveplan.shared.ObjectStore;
import org.waveplan.shared.Storage;
import org.waveplan.shared.StoredObject;

/**
 * Renditions under their content address ({@code ab/abcd....mp3}) in the renders folder or the bucket's
 * {@code renders/}, and a local work directory per running instance for FFmpeg's files ({@link InstanceDir}: what a
 * killed instance left is removed at the next start; several instances may share the folder). A render writes
 * locally, then publishes here.
 */
@Component
class RenditionStore {

	private final ObjectStore store;

	private final InstanceDir work;

	RenditionStore(PipelineProperties settings, Storage storage) throws IOException {
		Path root = settings.rendersDir().toAbsolutePath();
		this.store = storage.area("renders", root);
		this.work = InstanceDir.open(root.resolve("work"));
	}

	/** Where this instance's renders write their temp files. */
	Path workDir() {
		return work.path();
	}

	/** The only way to a rendition: from its key, never from a name a client sent. */
	StoredObject object(String key, Codec codec, String sha256) {
		return new StoredObject(store, keyOf(key, codec), sha256);
	}

	private static String keyOf(String key, Codec codec) {
		try {
			return ObjectStore.keyOf(key, codec.extension());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a rendition key: " + key, ex);
		}
	}

	/**
	 * Makes sure that a rendition can be published, before a render spends its time on it: on the file system, its
	 * directory exists and takes a file.
	 * @throws RenderException if not (a failure that may pass), naming the directory
	 */
	void checkWritable(String key, Codec codec) {
		Path dir = store.localPath(keyOf(key, codec)).map(Path::getParent).orElse(null);
		if (dir == null) {
			return;
		}
		try {
			Files.createDirectories(dir);
			Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
		}
		catch (IOException ex) {
			throw RenderException.cannotWrite(dir, ex);
		}
	}

	/**
	 * Stores a verified file from the work directory (synced and moved, or uploaded): whole or not at all.
	 * @return its length
	 * @throws RenderException if it cannot (a failure that may pass), naming the place
	 */
	long publish(Path file, String key, Codec codec) {
		String name = keyOf(key, codec);
		try {
			long size = Files.size(file);
			store.publish(name, file);
			return size;
		}
		catch (IOException ex) {
			throw store.localPath(name)
				.map(path -> RenderException.cannotWrite(path.getParent(), ex))
				.orElseGet(() -> RenderException.storage("cannot store " + store.describe(name), ex));
		}
	}

	@PreDestroy
	void close() throws IOException {
		work.close();
	}

}
