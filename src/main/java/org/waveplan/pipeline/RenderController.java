package org.waveplan.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where each airing's render stands, and rendering one now (roles ENGINEER and PRODUCER). */
@RestController
class RenderController {

	private final RenderRepository renders;

	private final RenditionRepository renditions;

	private final RenderPlanner planner;

	private final Clock clock;

	RenderController(RenderRepository renders, RenditionRepository renditions, RenderPlanner planner, Clock clock) {
		this.renders = renders;
		this.renditions = renditions;
		this.planner = planner;
		this.clock = clock;
	}

	/**
	 * @param state {@code queued}, {@code running}, {@code done} or {@code failed}
	 * @param progress share done, 0 to 1, while running
	 * @param file the rendition, once done
	 */
	record RenderView(long airingId, String site, String program, LocalDate broadcastDate, Instant startsAt,
			Instant dueAt, String state, double progress, int attempts, String reason, String renditionKey,
			FileView file, Instant updatedAt) {

		static RenderView of(Render r, Rendition file) {
			return new RenderView(r.getAiringId(), r.getSite(), r.getProgram(), r.getBroadcastDate(), r.getStartsAt(),
					r.getDueAt(), r.getState().name().toLowerCase(), r.getProgress(), r.getAttempts(), r.getReason(),
					r.getRenditionKey(), r.getState() == RenderState.DONE && file != null ? FileView.of(file) : null,
					r.getUpdatedAt());
		}

	}

	record FileView(String codec, long sizeBytes, String sha256, double durationSeconds, double integratedLufs,
			double truePeakDbtp, Instant createdAt) {

		static FileView of(Rendition f) {
			return new FileView(f.getCodec().name(), f.getSizeBytes(), f.getSha256(), f.duration().toMillis() / 1000.0,
					f.getIntegratedLufs(), f.getTruePeakDbtp(), f.getCreatedAt());
		}

	}

	/** Renders of airings from a day on (default today), by airing, state or site. */
	@GetMapping("/api/renders")
	@Transactional(readOnly = true)
	List<RenderView> list(@RequestParam(required = false) Long airing, @RequestParam(required = false) RenderState state,
			@RequestParam(required = false) String site,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
		LocalDate first = from != null ? from : LocalDate.now(clock);
		List<Render> found = renders.find(first.atStartOfDay(ZoneOffset.UTC).toInstant(), airing, state, site);
		Map<String, Rendition> files = renditions
			.findAllById(found.stream().map(Render::getRenditionKey).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Rendition::getKey, Function.identity()));
		return found.stream().map(r -> RenderView.of(r, files.get(r.getRenditionKey()))).toList();
	}

	/** Renders the airing now rather than at its due time: 202 while it is queued, 200 if it is done. */
	@PostMapping("/api/airings/{id}/render")
	ResponseEntity<RenderView> renderNow(@PathVariable long id) {
		Render render = planner.renderNow(id);
		Rendition file = renditions.findById(render.getRenditionKey()).orElse(null);
		return ResponseEntity.status(render.getState() == RenderState.DONE ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.body(RenderView.of(render, file));
	}

}
