package org.waveplan.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.schedule.ProgramCheck;
import org.waveplan.schedule.ProgramSlot;
import org.waveplan.schedule.ProgramSlots;
import org.waveplan.security.Role;
import org.waveplan.shared.ProblemException;

/** Programs and who may change them: their owner, or an administrator. */
@Service
class ProgramService implements ProgramCheck {

	private final ProgramRepository programs;

	private final ProgramSlots slots;

	ProgramService(ProgramRepository programs, ProgramSlots slots) {
		this.programs = programs;
		this.slots = slots;
	}

	record ProgramRequest(
			@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "2-60 lower-case letters, digits and '-'") String slug,
			@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20) String language,
			@NotNull @Positive @Max(24 * 60) Integer targetDurationMinutes) {
	}

	/** A program; {@code slots} only when one program is asked for. */
	record ProgramView(String slug, String title, String language, String owner, int targetDurationMinutes,
			List<ProgramSlot> slots) {

		static ProgramView of(Program p) {
			return of(p, null);
		}

		static ProgramView of(Program p, List<ProgramSlot> slots) {
			return new ProgramView(p.getSlug(), p.getTitle(), p.getLanguage(), p.getOwner(),
					p.getTargetDurationSeconds() / 60, slots);
		}

	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String slug) {
		return programs.existsBySlug(slug);
	}

	@Transactional
	ProgramView create(ProgramRequest request, Authentication user) {
		if (programs.existsBySlug(request.slug())) {
			throw new ProblemException(HttpStatus.CONFLICT, "duplicate", "Conflicts with existing data",
					"program '" + request.slug() + "' exists already");
		}
		return ProgramView.of(programs.save(new Program(request.slug(), request.title(), request.language(),
				user.getName(), request.targetDurationMinutes() * 60)));
	}

	@Transactional
	ProgramView update(String slug, ProgramRequest request, Authentication user) {
		Program program = editable(slug, user);
		if (!slug.equals(request.slug())) {
			throw ProblemException.invalid("slug", "a program's slug cannot change");
		}
		program.update(request.title(), request.language(), request.targetDurationMinutes() * 60);
		return ProgramView.of(program);
	}

	@Transactional(readOnly = true)
	List<ProgramView> all() {
		return programs.findAllByOrderBySlug().stream().map(ProgramView::of).toList();
	}

	@Transactional(readOnly = true)
	ProgramView view(String slug) {
		return ProgramView.of(find(slug), slots.carrying(slug));
	}

	Program find(String slug) {
		return programs.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("no program '" + slug + "'"));
	}

	/** The program, if this user may change it; otherwise 403. */
	Program editable(String slug, Authentication user) {
		Program program = find(slug);
		boolean admin = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
		if (!admin && !program.getOwner().equals(user.getName())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
					"program '" + slug + "' belongs to " + program.getOwner() + "; only its owner may change it");
		}
		return program;
	}

}
