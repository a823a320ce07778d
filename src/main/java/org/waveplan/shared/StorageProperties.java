package org.waveplan.shared;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where originals, renditions and idents are kept.
 *
 * @param type {@code filesystem} (under the data dir, as configured per kind) or {@code s3}
 * @param bucket the S3 bucket (s3)
 * @param prefix put before every key in the bucket, e.g. {@code waveplan/}
 * @param region the bucket's region
 * @param endpoint another S3 endpoint than AWS's (MinIO, Ceph RGW, Garage)
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key} (MinIO, Ceph)
 * @param partSize objects bigger than this go up as a multipart upload of parts this big (S3's least: 5 MB)
 * @param cacheDir local copies of sources for FFmpeg (s3); {@code <data dir>/cache} by default
 * @param cacheSize most bytes the local copies take; the least recently used go first
 */
@ConfigurationProperties("waveplan.storage")
public record StorageProperties(@DefaultValue("filesystem") Type type, String bucket, @DefaultValue("") String prefix,
		@DefaultValue("us-east-1") String region, URI endpoint, @DefaultValue("false") boolean pathStyle,
		@DefaultValue("16MB") DataSize partSize, Path cacheDir, @DefaultValue("10GB") DataSize cacheSize) {

	public enum Type {

		FILESYSTEM, S3

	}

}
