package org.waveplan.bundles;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;
import org.waveplan.shared.InstanceDir;
import org.waveplan.shared.ObjectStore;
import org.waveplan.shared.Storage;
import org.waveplan.shared.StoredObject;

/**
 * Finished bundles under their SHA-256 ({@code ab/abcd....zip}) in the bundles folder or the bucket's
 * {@code bundles/}: two bundles of the same bytes share one file. A build writes in its instance's work directory
 * ({@link InstanceDir}: what a killed instance left is removed at its next start), then publishes here.
 */
@Component
class BundleStore {

	private final ObjectStore store;

	private final InstanceDir work;

	BundleStore(BundleProperties settings, Storage storage) throws IOException {
		Path root = settings.bundlesDir().toAbsolutePath();
		this.store = storage.area("bundles", root);
		this.work = InstanceDir.open(root.resolve("work"));
	}

	Path workDir() {
		return work.path();
	}

	/** The only way to a bundle's file: from its SHA-256, never from a name a client sent. */
	StoredObject object(String sha256) {
		return new StoredObject(store, ObjectStore.keyOf(sha256, "zip"), sha256);
	}

	/** Stores a finished ZIP (synced and moved, or uploaded): whole or not at all. */
	void publish(Path file, String sha256) throws IOException {
		store.publish(ObjectStore.keyOf(sha256, "zip"), file);
	}

	void delete(String sha256) throws IOException {
		store.delete(ObjectStore.keyOf(sha256, "zip"));
	}

	@PreDestroy
	void close() throws IOException {
		work.close();
	}

}
