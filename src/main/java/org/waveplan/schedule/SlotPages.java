package org.waveplan.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

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
 * dry run of its check while the engineer types and the clear-channel finder's best channels.
 */
@Controller
class SlotPages {

	static final int SUGGESTIONS = 10;

	// the form's fields whose reasons the live check puts beside them
	private static final List<String> FIELDS = List.of("site", "transmitter", "antenna", "frequencyKhz", "start", "stop",
			"days", "validFrom", "validTo", "targets", "azimuth", "powerKw", "language", "program");

	private static final String FORM = "schedule/slot";

	private final SlotService slots;

	private final SiteService sites;

	private final ClearChannelFinder finder;

	private final SpringValidatorAdapter validator;

	private final Clock clock;

	SlotPages(SlotService slots, SiteService sites, ClearChannelFinder finder, Validator validator, Clock clock) {
		this.slots = slots;
		this.sites = sites;
		this.finder = finder;
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
		return form(id, SlotForm.of(slots.get(id)), model);
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
		model.addAttribute("view", slots.get(id));
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
			model.addAttribute("view", slots.check(id == null ? 0 : id, request(form)));
		}
		catch (ProblemException e) {
			ProblemDetail problem = e.toProblemDetail();
			model.addAttribute(FormProblem.ATTRIBUTE, problem);
			model.addAttribute("reasons", reasons(problem));
		}
		model.addAttribute("fields", FIELDS);
		return "schedule/slot-check :: check";
	}

	/** The clear-channel finder's best channels for the form's transmitter, time, targets and band. */
	@PostMapping("/slots/suggest")
	String suggest(@ModelAttribute("slot") SlotForm form, Model model) {
		try {
			SlotRequest request = form.request();
			ClearChannelFinder.Answer answer = finder.find(ClearChannelFinder.Query.parse(form.site(),
					form.transmitter(), form.start(), form.stop(), form.daySet(), form.targets(),
					form.bandOrNull() == null ? null : List.of(form.bandOrNull()),
					Period.of(request.validFrom(), request.validTo(), clock)));
			model.addAttribute("channels", answer.clear().stream().limit(SUGGESTIONS).toList());
		}
		catch (ProblemException e) {
			model.addAttribute(FormProblem.ATTRIBUTE, e.toProblemDetail());
		}
		return "schedule/slot-suggestions :: suggestions";
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
