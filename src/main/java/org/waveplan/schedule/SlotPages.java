package org.waveplan.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * The slot form: create, change, delete through the {@link SlotService} the API uses, with a live
 * dry run of its check while the engineer types and the clear-channel finder's best channels, ranked by the targets'
 * predicted reliability; the slot's reach, and its targets' band x hour picture ({@link BandRanking#day}).
 */
@Controller
class SlotPages {

	private static final Logger log = LoggerFactory.getLogger(SlotPages.class);

	static final int SUGGESTIONS = 10;

	// the form's fields whose reasons the live check puts beside them
	private static final List<String> FIELDS = List.of("site", "transmitter", "antenna", "frequencyKhz", "start", "stop",
			"days", "validFrom", "validTo", "targets", "azimuth", "powerKw", "language", "program");

	private static final String FORM = "schedule/slot";

	private final SlotService slots;

	private final SiteService sites;

	private final ClearChannelFinder finder;

	private final BandRanking bands;

	private final SlotReach reach;

	private final SpringValidatorAdapter validator;

	private final Clock clock;

	SlotPages(SlotService slots, SiteService sites, ClearChannelFinder finder, BandRanking bands, SlotReach reach,
			Validator validator, Clock clock) {
		this.slots = slots;
		this.sites = sites;
		this.finder = finder;
		this.bands = bands;
		this.reach = reach;
		this.validator = new SpringValidatorAdapter(validator);
		this.clock = clock;
	}

	/** A new slot, at the site given ({@code ?site=TAC}) if any. */
	@GetMapping("/slots/new")
	String blank(@RequestParam(required = false) String site, Model model) {
		return form(null, SlotForm.blank(site), model);
	}

	@GetMapping("/slots/{id:\\d+}")
	String edit(@PathVariable long id, Model model) {
		SlotView view = slots.get(id);
		reach(view, model);
		return form(id, SlotForm.of(view), model);
	}

	@PostMapping("/slots")
	String create(@ModelAttribute("slot") SlotForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			SlotView created = slots.create(request(form));
			redirect.addFlashAttribute("saved", "created");
			return "redirect:/slots/" + created.id();
		}
		catch (ProblemException e) {
			form(null, form, model);
			return FormProblem.show(e, model, response, FORM);
		}
	}

	@PostMapping("/slots/{id:\\d+}")
	String update(@PathVariable long id, @ModelAttribute("slot") SlotForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			slots.update(id, request(form));
			redirect.addFlashAttribute("saved", "updated");
			return "redirect:/slots/" + id;
		}
		catch (ProblemException e) {
			form(id, form, model);
			return FormProblem.show(e, model, response, FORM);
		}
	}

	/** The confirm step: deleting takes a second, deliberate POST. */
	@GetMapping("/slots/{id:\\d+}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("view", slots.withoutReach(id));
		return "schedule/slot-delete";
	}

	@PostMapping("/slots/{id:\\d+}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		slots.delete(id);
		redirect.addFlashAttribute("deleted", id);
		return "redirect:/slots/new";
	}

	/**
	 * The dry run of {@link SlotService#check}: what saving would answer, drawn as a panel. A refusal is the
	 * answer here, not a failure of the request, so it comes with 200 for htmx to swap in.
	 */
	@PostMapping("/slots/check")
	String check(@RequestParam(required = false) Long id, @ModelAttribute("slot") SlotForm form, Model model) {
		try {
			SlotView view = slots.check(id == null ? 0 : id, request(form));
			model.addAttribute("view", view);
			reach(view, model);
		}
		catch (ProblemException e) {
			ProblemDetail problem = e.toProblemDetail();
			model.addAttribute(FormProblem.ATTRIBUTE, problem);
			model.addAttribute("reasons", reasons(problem));
		}
		model.addAttribute("fields", FIELDS);
		return "schedule/slot-check :: check";
	}

	/**
	 * The clear-channel finder's best channels for the form's transmitter, time, targets and band: ranked by the
	 * targets' predicted reliability as {@code rankBy=reliability} ranks them, or, when the period's middle month has
	 * no sunspot number, by collisions, saying so.
	 */
	@PostMapping("/slots/suggest")
	String suggest(@ModelAttribute("slot") SlotForm form, Model model) {
		try {
			SlotRequest request = form.request();
			Period period = Period.of(request.validFrom(), request.validTo(), clock);
			YearMonth month = SlotReach.middleMonth(period.from(), period.to());
			boolean predicted = hasSunspotNumber(month);
			ClearChannelFinder.Answer answer = finder.find(ClearChannelFinder.Query.parse(form.site(),
					form.transmitter(), form.start(), form.stop(), form.daySet(), form.targets(),
					form.bandOrNull() == null ? null : List.of(form.bandOrNull()), period,
					predicted ? "reliability" : "collisions", null));
			model.addAttribute("channels", answer.clear().stream().limit(SUGGESTIONS).toList());
			model.addAttribute("month", month.toString());
			model.addAttribute("predicted", predicted);
		}
		catch (ProblemException e) {
			model.addAttribute(FormProblem.ATTRIBUTE, e.toProblemDetail());
		}
		return "schedule/slot-suggestions :: suggestions";
	}

	/** The slot's reach at its targets, and their band x hour picture for the slot's middle month. */
	private void reach(SlotView view, Model model) {
		model.addAttribute("reach", view.reach());
		model.addAttribute("picture", picture(view));
	}

	private ReachPicture picture(SlotView view) {
		YearMonth month = SlotReach.middleMonth(view.validFrom(), view.validTo());
		if (!hasSunspotNumber(month)) {
			return ReachPicture.noSunspotNumber(month);
		}
		try {
			return ReachPicture.of(bands.day(BandRanking.Query.parse(view.site(), view.transmitter(), view.start(),
					view.stop(), view.targets(), month.toString(), null, clock)), view.band());
		}
		catch (ProblemException e) {
			return ReachPicture.refused(month, e.toProblemDetail().getDetail());
		}
		catch (RuntimeException e) {
			// advice, as the slot's reach is: an engine failure must not take the slot's page with it
			log.warn("No band picture for slot {}: {}", view.id(), e.toString());
			return ReachPicture.refused(month, "not predicted: the engine failed on this circuit (logged)");
		}
	}

	private boolean hasSunspotNumber(YearMonth month) {
		try {
			reach.ssn(month, null);
			return true;
		}
		catch (ProblemException e) {
			return false;
		}
	}

	// each field's reasons, which the live check puts beside the field
	private static Map<String, String> reasons(ProblemDetail problem) {
		Map<String, String> reasons = new HashMap<>();
		if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
			for (Object error : errors) {
				if (error instanceof Map<?, ?> field) {
					reasons.merge(String.valueOf(field.get("field")), String.valueOf(field.get("reason")),
							(one, other) -> one + "; " + other);
				}
			}
		}
		return reasons;
	}

	private String form(Long id, SlotForm form, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("slot", form);
		model.addAttribute("fields", FIELDS);
		model.addAttribute("sites", sites.all());
		model.addAttribute("weekdays", List.of(DayOfWeek.values()));
		model.addAttribute("bands", BandPlan.bands(1).stream().map(FrequencyBand::name).toList());
		return FORM;
	}

	/** The request as the API reads it, refused as the API refuses it (its bean validation, then the service's). */
	private SlotRequest request(SlotForm form) {
		SlotRequest request = form.request();
		BeanPropertyBindingResult binding = new BeanPropertyBindingResult(request, "slot");
		validator.validate(request, binding);
		if (binding.hasErrors()) {
			throw FormProblem.of(binding);
		}
		return request;
	}

}
