package org.waveplan.shared;

import java.io.IOException;

/** A stored object whose bytes are not those its SHA-256 names: damaged in the store, or cut short. */
public class CorruptObjectException extends IOException {

	public CorruptObjectException(StoredObject object, String actualSha256) {
		super(object + " is damaged: its SHA-256 is " + actualSha256 + ", not " + object.sha256());
	}

}
