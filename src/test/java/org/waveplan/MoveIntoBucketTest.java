package org.waveplan;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import org.waveplan.shared.S3Server;
import org.waveplan.shared.Sha256;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar waveplan.jar move-into-bucket}: the service's own stores, with its settings, moved into S3 (what a
 * damaged file does to the move is {@code BucketMoveTest}'s).
 */
class MoveIntoBucketTest {

	@TempDir
	Path data;

	@Test
	void theCommandMovesTheServicesFilesIntoTheBucket() throws Exception {
		byte[] episode = "an episode's bytes".getBytes(StandardCharsets.UTF_8);
		String sha = Sha256.hex(episode);
		Path original = data.resolve("originals").resolve(sha.substring(0, 2)).resolve(sha);
		Files.createDirectories(original.getParent());
		Files.write(original, episode);
		String bucket = S3Server.bucket();
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:move-into-bucket;DB_CLOSE_DELAY=-1",
				"--waveplan.data-dir=" + data, "--waveplan.catalog.storage-root=" + data,
				"--waveplan.pipeline.renders-dir=" + data.resolve("renders"),
				"--waveplan.pipeline.idents-dir=" + data.resolve("idents"),
				"--spring.quartz.scheduler-name=move-into-bucket"));
		S3Server.settings(bucket).forEach((name, value) -> args.add("--" + name + "=" + value));

		assertThat(WaveplanApplication.moveIntoBucket(args.toArray(String[]::new))).isZero();

		try (ResponseInputStream<GetObjectResponse> moved = S3Server.client()
			.getObject(get -> get.bucket(bucket).key("waveplan/originals/" + sha.substring(0, 2) + "/" + sha))) {
			assertThat(((InputStream) moved).readAllBytes()).isEqualTo(episode);
		}
	}

}
