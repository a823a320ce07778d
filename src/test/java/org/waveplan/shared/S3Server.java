package org.waveplan.shared;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 endpoint in the test JVM (s3proxy, objects in memory), started once. s3proxy and Jackson's XML format,
 * which it needs, are loaded apart from the test class path (see the pom's {@code s3proxy.classpath}): on it,
 * every RestTemplate would ask for and send XML. The application finds its
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
				endpoint = URI.create("http://127.0.0.1:" + start());
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot start s3proxy", ex);
			}
			System.setProperty("aws.accessKeyId", ACCESS_KEY);
			System.setProperty("aws.secretAccessKey", SECRET_KEY);
		}
		return endpoint;
	}

	// S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(...).awsAuthentication(...).build().start()
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int start() throws Exception {
		URL[] jars = Arrays.stream(System.getProperty("s3proxy.classpath").split(","))
			.map(jar -> {
				try {
					return Path.of(jar).toUri().toURL();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			})
			.toArray(URL[]::new);
		ClassLoader loader = new URLClassLoader(jars, S3Server.class.getClassLoader());
		Class<?> proxyClass = loader.loadClass("org.gaul.s3proxy.S3Proxy");
		Class<?> builderClass = loader.loadClass("org.gaul.s3proxy.S3Proxy$Builder");
		Class<?> storeClass = loader.loadClass("org.gaul.s3proxy.blobstore.BlobStore");
		Class<Enum> authClass = (Class<Enum>) loader.loadClass("org.gaul.s3proxy.auth.AuthenticationType");
		Object builder = proxyClass.getMethod("builder").invoke(null);
		builderClass.getMethod("blobStore", storeClass)
			.invoke(builder, loader.loadClass("org.gaul.s3proxy.nio2blob.TransientNio2BlobStore").getConstructor().newInstance());
		builderClass.getMethod("endpoint", URI.class).invoke(builder, URI.create("http://127.0.0.1:0"));
		builderClass.getMethod("awsAuthentication", authClass, String.class, String.class)
			.invoke(builder, Enum.valueOf(authClass, "AWS_V2_OR_V4"), ACCESS_KEY, SECRET_KEY);
		Object proxy = builderClass.getMethod("build").invoke(builder);
		proxyClass.getMethod("start").invoke(proxy);
		while (!proxyClass.getMethod("getState").invoke(proxy).equals("STARTED")) {
			Thread.sleep(10);
		}
		return (int) proxyClass.getMethod("getPort").invoke(proxy);
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
