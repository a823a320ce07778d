package org.waveplan.shared;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The object store chosen by {@code waveplan.storage.type}: each kind of object (originals, renditions, idents) is
 * an area, a folder of its own on the file system or a prefix of its own in the bucket. FFmpeg reads local files:
 * {@link #local} gives one, the stored file itself on the file system, a checked copy in the {@link SourceCache}
 * otherwise.
 */
@Component
public class Storage implements StorageProbe {

	private final StorageProperties settings;

	private final S3Client s3;

	private final S3Presigner presigner;

	private final SourceCache cache;

	// each area's folder, asked for by its module: what a move into the bucket takes from
	private final Map<String, Path> roots = new ConcurrentSkipListMap<>();

	public Storage(StorageProperties settings, WaveplanProperties waveplan) {
		this.settings = settings;
		if (settings.type() == StorageProperties.Type.S3) {
			if (settings.bucket() == null || settings.bucket().isBlank()) {
				throw new IllegalStateException("waveplan.storage.type=s3 needs waveplan.storage.bucket");
			}
			if (settings.partSize().toBytes() < DataSize.ofMegabytes(5).toBytes()) {
				throw new IllegalStateException("waveplan.storage.part-size is " + settings.partSize()
						+ ": S3 takes parts of 5MB at least");
			}
			AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
			this.s3 = client(settings, credentials);
			this.presigner = presigner(settings, credentials);
			Path cacheDir = settings.cacheDir() != null ? settings.cacheDir() : waveplan.dataDir().resolve("cache");
			this.cache = new SourceCache(cacheDir, settings.cacheSize().toBytes());
		}
		else {
			this.s3 = null;
			this.presigner = null;
			this.cache = null;
		}
	}

	/** The objects of one kind: under {@code root} on the file system, under {@code <prefix><name>/} in S3. */
	public ObjectStore area(String name, Path root) {
		roots.put(name, root);
		return s3 == null ? new FileObjectStore(root)
				: new S3ObjectStore(s3, presigner, settings.bucket(), settings.prefix() + name + "/", settings.partSize().toBytes());
	}

	/** Whether the stores give pre-signed URLs ({@link ObjectStore#presigned}): those in S3 do. */
	public boolean presigns() {
		return presigner != null;
	}

	/** Moves the file system's folders of every area into the bucket, each object checked by its hash. */
	public BucketMove.Report moveIntoBucket() throws IOException {
		if (s3 == null) {
			throw new IllegalStateException("the move into a bucket needs waveplan.storage.type=s3 and its bucket");
		}
		List<BucketMove.Area> areas = new ArrayList<>();
		roots.forEach((name, root) -> areas.add(new BucketMove.Area(name, root, area(name, root))));
		return BucketMove.run(areas);
	}

	/** A local file of a stored source while the lease is open. */
	public SourceCache.Lease local(StoredObject object) throws IOException {
		Optional<Path> path = object.localPath();
		if (path.isPresent()) {
			if (object.size().isEmpty()) {
				throw new NoSuchFileException(object + " is missing");
			}
			Path file = path.get();
			return new SourceCache.Lease() {

				@Override
				public Path path() {
					return file;
				}

				@Override
				public void close() {
				}

			};
		}
		return cache.get(object);
	}

	@Override
	public String name() {
		return s3 == null ? "object store: the file system" : "object store: bucket " + settings.bucket();
	}

	/** The bucket answers, within 3 s (the file system's folders are the data directory's probe). */
	@Override
	public void probe() {
		if (s3 != null) {
			s3.headBucket(HeadBucketRequest.builder()
				.bucket(settings.bucket())
				.overrideConfiguration(call -> call.apiCallTimeout(Duration.ofSeconds(3)))
				.build());
		}
	}

	private static S3Client client(StorageProperties settings, AwsCredentialsProvider credentials) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(credentials)
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.forcePathStyle(settings.pathStyle())
			// MinIO, Ceph and older S3 clones refuse the trailing checksums the SDK would add by default
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return builder.build();
	}

	/** The client's region, endpoint, path style and credentials: a URL names the very object the client reads. */
	private static S3Presigner presigner(StorageProperties settings, AwsCredentialsProvider credentials) {
		S3Presigner.Builder builder = S3Presigner.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(credentials)
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return builder.build();
	}

	@PreDestroy
	void close() throws IOException {
		if (s3 != null) {
			presigner.close();
			s3.close();
			cache.close();
		}
	}

}
