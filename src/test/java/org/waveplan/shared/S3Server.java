package org.waveplan.shared;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 endpoint in the test JVM (s3proxy, objects in memory), started once. The application finds its
 * credentials by the AWS default chain, as in production: here the {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties.
 */
public final class S3Server {

	private static final String ACCESS_KEY = "waveplan-test";

	private static final String SECRET_KEY = "waveplan-test-secret";

	private static URI endpoint;

	private S3Server() {
	}

	public static synchronized URI endpoint() {
		if (endpoint == null) {
			try {
				S3Proxy proxy = S3Proxy.builder()
					.blobStore(new TransientNio2BlobStore())
					.endpoint(URI.create("http://127.0.0.1:0"))
					.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
					.build();
				proxy.start();
				while (!proxy.getState().equals("STARTED")) {
					Thread.sleep(10);
				}
				endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot start s3proxy", ex);
			}
			System.setProperty("aws.accessKeyId", ACCESS_KEY);
			System.setProperty("aws.secretAccessKey", SECRET_KEY);
		}
		return endpoint;
	}

	/** A client of this endpoint, for tests to look at the bucket by themselves. */
	public static S3Client client() {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	/** A new empty bucket. */
	public static String bucket() {
		String name = "waveplan-" + UUID.randomUUID().toString().substring(0, 8);
		try (S3Client s3 = client()) {
			s3.createBucket(r -> r.bucket(name));
		}
		return name;
	}

	/** The application's settings for a bucket on this endpoint. */
	public static Map<String, String> settings(String bucket) {
		return Map.of("waveplan.storage.type", "s3", "waveplan.storage.bucket", bucket, "waveplan.storage.prefix",
				"waveplan/", "waveplan.storage.endpoint", endpoint().toString(), "waveplan.storage.path-style", "true",
				"waveplan.storage.part-size", "5MB");
	}

}
