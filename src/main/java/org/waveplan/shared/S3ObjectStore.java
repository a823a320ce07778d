package org.waveplan.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in an S3 bucket under a prefix. A small object is one PutObject, a big one a multipart upload of parts
 * read one at a time from the stream; both are atomic in S3 (an object appears only when PutObject or
 * CompleteMultipartUpload succeeds), and a multipart upload that fails midway is aborted, so its parts go too.
 */
final class S3ObjectStore implements ObjectStore {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final long partSize;

	private final S3Presigner presigner;

	S3ObjectStore(S3Client s3, S3Presigner presigner, String bucket, String prefix, long partSize) {
		this.s3 = s3;
		this.presigner = presigner;
		this.bucket = bucket;
		this.prefix = prefix;
		this.partSize = partSize;
	}

	/** The bytes from an offset: a part of a multipart upload, or the whole object. */
	@FunctionalInterface
	private interface Parts {

		RequestBody from(long offset, long length) throws IOException;

	}

	/** Whether what was read is the whole content, asked before a multipart upload is completed. */
	@FunctionalInterface
	private interface Whole {

		void check() throws IOException;

	}

	@Override
	public void put(String key, InputStream content, long size) throws IOException {
		InputStream in = unclosed(content);
		// a stream is read once: the SDK cannot retry it (publish can)
		// the whole stream as it came for a single upload: one that can mark and reset (bytes in memory) is retried
		store(key, size, (offset, length) -> RequestBody
			.fromInputStream(length == size ? in : new BoundedInputStream(in, length), length),
				() -> {
					if (in.read() >= 0) {
						throw new IOException(
								"the content of " + describe(key) + " is longer than the " + size + " bytes announced");
					}
				});
	}

	/**
	 * Stores a finished file. Each attempt at the object or one of its parts reads the file afresh, so the SDK
	 * retries what S3 refused for a moment (503 SlowDown, a reset connection) rather than failing the render or
	 * upload that made it.
	 */
	@Override
	public void publish(String key, Path file) throws IOException {
		store(key, Files.size(file), (offset, length) -> RequestBody.fromContentProvider(() -> {
			try {
				FileChannel channel = FileChannel.open(file);
				channel.position(offset);
				return new BoundedInputStream(Channels.newInputStream(channel), length);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, length, "application/octet-stream"), () -> {
		});
		Files.delete(file);
	}

	private void store(String key, long size, Parts content, Whole whole) throws IOException {
		try {
			if (size <= partSize) {
				s3.putObject(r -> r.bucket(bucket).key(prefix + key).contentLength(size), content.from(0, size));
			}
			else {
				multipart(prefix + key, size, content, whole);
			}
		}
		// the SDK's own, and its refusal to retry a stream that broke
		catch (RuntimeException ex) {
			throw new StoreUnavailableException("cannot store " + describe(key) + ": " + ex.getMessage(), ex);
		}
	}

	private void multipart(String name, long size, Parts content, Whole whole) throws IOException {
		String upload = s3.createMultipartUpload(r -> r.bucket(bucket).key(name)).uploadId();
		try {
			List<CompletedPart> parts = new ArrayList<>();
			long offset = 0;
			for (int number = 1; offset < size; number++) {
				long length = Math.min(partSize, size - offset);
				int part = number;
				String etag = s3
					.uploadPart(r -> r.bucket(bucket).key(name).uploadId(upload).partNumber(part).contentLength(length),
							content.from(offset, length))
					.eTag();
				parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
				offset += length;
			}
			whole.check();
			s3.completeMultipartUpload(r -> r.bucket(bucket).key(name).uploadId(upload)
				.multipartUpload(m -> m.parts(parts)));
		}
		catch (IOException | RuntimeException ex) {
			try {
				s3.abortMultipartUpload(r -> r.bucket(bucket).key(name).uploadId(upload));
			}
			catch (SdkException abort) {
				ex.addSuppressed(abort);
			}
			throw ex;
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			s3.deleteObject(r -> r.bucket(bucket).key(prefix + key));
		}
		catch (SdkException ex) {
			throw new StoreUnavailableException("cannot delete " + describe(key) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public OptionalLong size(String key) throws IOException {
		try {
			return OptionalLong.of(s3.headObject(r -> r.bucket(bucket).key(prefix + key)).contentLength());
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return OptionalLong.empty();
			}
			throw new StoreUnavailableException("cannot reach " + describe(key) + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new StoreUnavailableException("cannot reach " + describe(key) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public InputStream read(String key, long first, long last) throws IOException {
		try {
			return s3.getObject(r -> r.bucket(bucket).key(prefix + key).range("bytes=" + first + "-" + last));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				throw new NoSuchFileException(describe(key));
			}
			throw new StoreUnavailableException("cannot read " + describe(key) + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new StoreUnavailableException("cannot read " + describe(key) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Optional<Path> localPath(String key) {
		return Optional.empty();
	}

	/**
	 * A SigV4 query-string URL, signed here without a call to the store. It is signed at the real time, not the
	 * service's clock: the store checks it against its own. Temporary credentials (an instance role) end it sooner
	 * if they expire first.
	 */
	@Override
	public Optional<URI> presigned(String key, Access access, Duration lifetime) {
		String name = prefix + key;
		PresignedRequest signed = switch (access) {
			case GET -> presigner.presignGetObject(r -> r.signatureDuration(lifetime)
				.getObjectRequest(get -> get.bucket(bucket).key(name)));
			case HEAD -> presigner.presignHeadObject(r -> r.signatureDuration(lifetime)
				.headObjectRequest(head -> head.bucket(bucket).key(name)));
		};
		try {
			return Optional.of(signed.url().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("the SDK signed a URL that is not one: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String describe(String key) {
		return "s3://" + bucket + "/" + prefix + key;
	}

	// the SDK closes a request's stream; the parts of one upload share it
	private static InputStream unclosed(InputStream in) {
		return new FilterInputStream(in) {
			@Override
			public void close() {
			}
		};
	}

}
