package org.waveplan.shared;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The object store contract on the file system. */
class FileObjectStoreTest extends ObjectStoreContract {

	@TempDir
	Path root;

	@Override
	ObjectStore store() {
		return new FileObjectStore(root);
	}

}
