package org.waveplan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;
import org.waveplan.security.Role;

/**
 * The demo profile's program: the producer's Korean service with the demo episodes of
 * {@code audio-samples/} in its queue, made before the demo schedule binds slots to it.
 */
@Component
@Profile("demo")
@Order(5)
class DemoCatalog implements ApplicationRunner {

	static final String PROGRAM = "korea-today";

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final ProgramService programs;

	private final EpisodeIngest ingest;

	private final QueueService queue;

	private final Path samples;

	DemoCatalog(ProgramService programs, EpisodeIngest ingest, QueueService queue,
			@Value("${waveplan.catalog.demo-episodes:audio-samples}") Path samples) {
		this.programs = programs;
		this.ingest = ingest;
		this.queue = queue;
		this.samples = samples;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (programs.exists(PROGRAM) || !Files.isDirectory(samples)) {
			return;
		}
		Authentication producer = new UsernamePasswordAuthenticationToken("producer", null,
				AuthorityUtils.createAuthorityList(Role.PRODUCER.authority()));
		programs.create(new ProgramService.ProgramRequest(PROGRAM, "Korea Today", "kor", 60), producer);
		List<Path> files;
		try (Stream<Path> list = Files.list(samples)) {
			files = list.filter(f -> f.getFileName().toString().matches(".*\\.(mp3|wav|flac)")).sorted().toList();
		}
		for (Path file : files) {
			try (InputStream content = Files.newInputStream(file)) {
				EpisodeIngest.EpisodeView episode = ingest.upload(PROGRAM, title(file), file.getFileName().toString(),
						content, producer);
				queue.add(PROGRAM, new QueueService.NewEntry(episode.id(), null, null), producer);
			}
		}
		log.info("Demo program {} with {} episodes in its queue", PROGRAM, files.size());
	}

	private static String title(Path file) {
		String name = file.getFileName().toString().replaceAll("\\.[a-z0-9]+$", "").replace('-', ' ');
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
