package org.waveplan.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.waveplan.WaveplanApplication;
import org.waveplan.pipeline.Deliverables;
import org.waveplan.security.Role;

import org.waveplan.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The real site agent against the real embedded server, and a man in the middle where the test needs one. */
class SiteAgentTest extends AgentTestSupport {

	private static final String MANIFEST = "/api/sites/{code}/manifest";

	@Autowired
	Deliverables deliverables;

	@Test
	void pullsVerifiesResumesAndRejectsWhatWasTamperedWith() throws Exception {
		Setup setup = renderedForTac();
		Path dir = Files.createDirectories(temp.resolve("site"));

		// a full pull: the file, verified, confirmed
		SiteAgent agent = agent(setup, rest.getRootUri(), "TAC", dir);
		agent.round();
		Path file = dir.resolve(setup.name());
		assertThat(sha256(file)).isEqualTo(setup.sha256());
		assertThat(get(engineer(), "/api/deliveries?site=TAC").getBody().get(0).get("state").asText())
			.isEqualTo("CONFIRMED");

		// polled again, an unchanged manifest comes back without a body, and the round goes on with the one taken
		double unchanged = served(MANIFEST, "304");
		agent.round();
		await().untilAsserted(() -> assertThat(served(MANIFEST, "304")).isEqualTo(unchanged + 1));
		assertThat(sha256(file)).isEqualTo(setup.sha256());

		// a download cut in the middle resumes where it stopped: no byte is fetched twice
		byte[] bytes = Files.readAllBytes(file);
		Files.delete(file);
		Path partial = dir.resolve(".agent/partial/" + setup.name() + ".part");
		Files.write(partial, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		SiteAgent resuming = agent(setup, rest.getRootUri(), "TAC", dir);
		resuming.round();
		assertThat(resuming.bytesDownloaded()).isEqualTo(bytes.length - bytes.length / 2);
		assertThat(Files.readAllBytes(file)).isEqualTo(bytes);

		// a file changed on the server's side (or on the way) is not kept
		Path served = deliverables.named("TAC", setup.name()).orElseThrow().content().localPath().orElseThrow();
		byte[] tampered = bytes.clone();
		tampered[tampered.length / 3] ^= 1;
		Files.write(served, tampered);
		Files.delete(file);
		assertThatThrownBy(() -> agent(setup, rest.getRootUri(), "TAC", dir).round())
			.isInstanceOf(SiteAgent.Rejected.class)
			.hasMessageContaining("tampered");
		assertThat(file).doesNotExist();
		assertThat(partial).doesNotExist();
		Files.write(served, bytes);

		try (MeddlingProxy proxy = new MeddlingProxy(rest.getRootUri())) {
			// a manifest changed on the way
			proxy.manifests = m -> {
				byte[] body = new String(m.body()).replace("\"frequencyKhz\":7345", "\"frequencyKhz\":7355").getBytes();
				return new MeddlingProxy.Manifest(body, m.signature());
			};
			assertThatThrownBy(() -> agent(setup, proxy.url(), "TAC", dir).round())
				.isInstanceOf(SiteAgent.Rejected.class)
				.hasMessageContaining("signature");

			// a manifest replayed after a newer one was taken: its version goes backwards
			List<MeddlingProxy.Manifest> seen = new ArrayList<>();
			proxy.manifests = m -> {
				seen.add(m);
				return m;
			};
			agent(setup, proxy.url(), "TAC", dir).round();
			bindSlot("TAC", 7345, "22:00", "22:01");
			agent(setup, proxy.url(), "TAC", dir).round();
			MeddlingProxy.Manifest old = seen.get(0);
			proxy.manifests = m -> old;
			assertThatThrownBy(() -> agent(setup, proxy.url(), "TAC", dir).round())
				.isInstanceOf(SiteAgent.Rejected.class)
				.hasMessageContaining("older");
			proxy.manifests = UnaryOperator.identity();

			// a file sent longer than its manifest says: no more than its size reaches the disk, and it is not kept
			Files.delete(file);
			proxy.extraBytes = 1 << 20;
			assertThatThrownBy(() -> agent(setup, proxy.url(), "TAC", dir).round())
				.isInstanceOf(SiteAgent.Rejected.class)
				.hasMessageContaining("more than the " + bytes.length + " bytes");
			assertThat(file).doesNotExist();
			assertThat(partial).doesNotExist();
			proxy.extraBytes = 0;

			// a file the service cannot give this round: the round goes on to its clean-up, and fails at its end
			Path over = Files.writeString(dir.resolve("a".repeat(64) + ".mp3"), "an airing of yesterday");
			proxy.filesUnavailable = true;
			assertThatThrownBy(() -> agent(setup, proxy.url(), "TAC", dir).round()).isInstanceOf(IOException.class)
				.hasMessageContaining("HTTP 503");
			assertThat(over).doesNotExist();
			proxy.filesUnavailable = false;
			agent(setup, proxy.url(), "TAC", dir).round();
			assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
		}

		// another site's data with this token, and a revoked token, are refused
		assertThatThrownBy(() -> agent(setup, rest.getRootUri(), "KRJ", Files.createDirectories(temp.resolve("krj")))
			.round()).hasMessageContaining("403");
		as(Role.ADMIN).exchange("/api/sites/TAC/tokens/" + setup.tokenId(), HttpMethod.DELETE, null, JsonNode.class);
		assertThatThrownBy(() -> agent(setup, rest.getRootUri(), "TAC", dir).round()).hasMessageContaining("401");
	}

	@Test
	void decidesByTheClockItIsGivenAndDeletesTheFilesAndReceiptsOfAiringsThatAreOver() throws Exception {
		Setup setup = renderedForTac();
		Path dir = Files.createDirectories(temp.resolve("site"));

		// expiry by the UTC clock the agent is given, whatever the zone of the machine
		JsonNode manifest = get(as(Role.ADMIN), MANIFEST.replace("{code}", "TAC")).getBody();
		Instant expires = Instant.parse(manifest.get("expiresAt").asText());
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		assertThatThrownBy(() -> agent(setup, rest.getRootUri(), "TAC", dir, Clock.fixed(expires.plusSeconds(1), seoul))
			.round()).isInstanceOf(SiteAgent.Rejected.class).hasMessageContaining("expired");
		assertThat(dir.resolve(setup.name())).doesNotExist();
		agent(setup, rest.getRootUri(), "TAC", dir, Clock.fixed(expires.minusSeconds(1), seoul)).round();
		assertThat(sha256(dir.resolve(setup.name()))).isEqualTo(setup.sha256());

		Path over = Files.writeString(dir.resolve("a".repeat(64) + ".mp3"), "an airing of yesterday");
		Path mine = Files.writeString(dir.resolve("notes.txt"), "the site's own file");
		Path receipts = Files.createDirectories(dir.resolve(".agent/receipts"));
		Path overReceipt = Files.writeString(receipts.resolve("1-" + "a".repeat(64)), "");
		agent(setup, rest.getRootUri(), "TAC", dir).round();
		assertThat(over).doesNotExist();
		assertThat(overReceipt).doesNotExist();
		assertThat(mine).exists();
		assertThat(dir.resolve(setup.name())).exists();
		Path receipt = receipts.resolve(setup.airingId() + "-" + setup.sha256());
		try (Stream<Path> kept = Files.list(receipts)) {
			assertThat(kept).containsExactly(receipt);
		}

		// the airing over, its manifest lists it no more (once the cached one is stale): its file and receipt go
		clock.set(Instant.parse(manifest.get("airings").get(0).get("stopsAt").asText()).plusSeconds(60));
		await().ignoreExceptions().untilAsserted(() -> {
			agent(setup, rest.getRootUri(), "TAC", dir).round();
			assertThat(receipt).doesNotExist();
		});
		assertThat(dir.resolve(setup.name())).doesNotExist();
	}

	@Test
	void anAgentKilledMidDownloadFinishesWithAVerifiedFileWhenStartedAgain() throws Exception {
		Setup setup = renderedForTac();
		Path dir = Files.createDirectories(temp.resolve("site"));
		Path partial = dir.resolve(".agent/partial/" + setup.name() + ".part");
		try (MeddlingProxy proxy = new MeddlingProxy(rest.getRootUri())) {
			proxy.bytesPerSecond = 64 * 1024;
			Process agent = new ProcessBuilder(ChildJvm.command(List.of("-Duser.timezone=Asia/Seoul"),
					WaveplanApplication.class, "site-agent",
					"--server", proxy.url(), "--site", "TAC", "--token-file", setup.tokenFile().toString(),
					"--signing-key", setup.keyFile().toString(), "--dir", dir.toString(), "--once"))
				.redirectErrorStream(true)
				.redirectOutput(temp.resolve("agent.log").toFile())
				.start();
			try {
				await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(partial) && Files.size(partial) > 100_000);
			}
			finally {
				agent.destroyForcibly().waitFor();
			}
		}
		assertThat(dir.resolve(setup.name())).doesNotExist();
		long had = Files.size(partial);
		assertThat(had).isLessThan(setup.size());
		SiteAgent again = agent(setup, rest.getRootUri(), "TAC", dir);
		again.round();
		assertThat(sha256(dir.resolve(setup.name()))).isEqualTo(setup.sha256());
		assertThat(again.bytesDownloaded()).isEqualTo(setup.size() - had);
		try (Stream<Path> left = Files.list(dir.resolve(".agent/partial"))) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void declaresItsIntervalWithEveryPoll() throws Exception {
		fixtures().site("AGI", 3, "TX1");
		JsonNode issued = post(as(Role.ADMIN), "/api/sites/AGI/tokens", Map.of("label", "agent")).getBody();
		Path tokenFile = Files.writeString(temp.resolve("token"), issued.get("token").asText());
		new SiteAgent(SiteAgent.Options.parse(List.of("--server", rest.getRootUri(), "--site", "AGI", "--token-file",
				tokenFile.toString(), "--signing-key", pinnedKey().toString(), "--dir",
				Files.createDirectories(temp.resolve("site")).toString(), "--once", "--interval", "45s")), clock)
			.round();
		JsonNode agent = get(engineer(), "/api/sites/AGI/agent").getBody();
		assertThat(agent.get("intervalSeconds").asInt()).isEqualTo(45);
		assertThat(agent.get("tokenId").asLong()).isEqualTo(issued.get("record").get("id").asLong());
		assertThat(agent.get("lastPollAt").asText()).isEqualTo(clock.instant().toString());
	}

}
