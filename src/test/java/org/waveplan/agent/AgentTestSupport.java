package org.waveplan.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.waveplan.pipeline.RenderTestSupport;
import org.waveplan.security.Role;

/** What the site agent's tests share: a site with its file rendered, its token and the key it pins. */
abstract class AgentTestSupport extends RenderTestSupport {

	record Setup(Path tokenFile, long tokenId, Path keyFile, long airingId, String name, String sha256, long size) {
	}

	/** TAC's file rendered, a token for TAC in a file, the pinned signing key in another. */
	Setup renderedForTac() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		post(producer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);
		JsonNode tac = render(awaitAll("done", 3), "TAC");
		JsonNode issued = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody();
		Path tokenFile = Files.writeString(temp.resolve("token"), issued.get("token").asText());
		Path keyFile = pinnedKey();
		return new Setup(tokenFile, issued.get("record").get("id").asLong(), keyFile, tac.get("airingId").asLong(),
				tac.get("renditionKey").asText() + ".mp3", tac.get("file").get("sha256").asText(),
				tac.get("file").get("sizeBytes").asLong());
	}

	Path pinnedKey() throws java.io.IOException {
		return Files.writeString(temp.resolve("signing-key.pub"),
				get(engineer(), "/api/delivery/signing-key").getBody().get("current").get("publicKey").asText());
	}

	SiteAgent agent(Setup setup, String server, String site, Path dir) throws Exception {
		return agent(setup, server, site, dir, clock);
	}

	static SiteAgent agent(Setup setup, String server, String site, Path dir, Clock clock) throws Exception {
		return new SiteAgent(SiteAgent.Options.parse(List.of("--server", server, "--site", site, "--token-file",
				setup.tokenFile().toString(), "--signing-key", setup.keyFile().toString(), "--dir", dir.toString(),
				"--once")), clock);
	}

}
