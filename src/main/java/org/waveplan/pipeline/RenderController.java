package org.waveplan.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where each airing's render stands, and rendering one now (roles ENGINEER and PRODUCER). */
@RestController
class RenderController {

	private final RenderList list;

	private final RenderPlanner planner;

	RenderController(RenderList list, RenderPlanner planner) {
		this.list = list;
		this.planner = planner;
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
	List<RenderView> list(@RequestParam(required = false) Long airing, @RequestParam(required = false) RenderState state,
			@RequestParam(required = false) String site,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
		return list.find(airing, state, site, from);
	}

	/** Renders the airing now rather than at its due time: 202 while it is queued, 200 if it is done. */
	@PostMapping("/api/airings/{id}/render")
	ResponseEntity<RenderView> renderNow(@PathVariable long id) {
		Render render = planner.renderNow(id);
		return ResponseEntity.status(render.getState() == RenderState.DONE ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.body(list.view(render));
	}

}
