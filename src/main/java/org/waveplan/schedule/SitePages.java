package org.waveplan.schedule;


import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waveplan.schedule.SiteService.AntennaRequest;
import org.waveplan.schedule.SiteService.SiteRequest;
import org.waveplan.schedule.SiteService.TransmitterRequest;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * Sites and their equipment, added through the {@link SiteService} the API uses. A site's page holds places
 * for what other modules keep per site (delivery profile, tokens, the agent's last poll), which htmx loads
 * from their own pages.
 */
@Controller
class SitePages {

	private static final String LIST = "schedule/sites";

	private static final String SITE = "schedule/site";

	private final SiteService sites;

	SitePages(SiteService sites) {
		this.sites = sites;
	}

	@GetMapping("/sites")
	String all(Model model) {
		model.addAttribute("sites", sites.all());
		return LIST;
	}

	@PostMapping("/sites")
	String create(@ModelAttribute SiteRequest request, BindingResult binding, Model model,
			HttpServletResponse response) {
		try {
			return "redirect:/sites/" + sites.create(readable(request, binding)).code();
		}
		catch (ProblemException e) {
			all(model);
			return FormProblem.show(e, model, response, LIST);
		}
	}

	@GetMapping("/sites/{code}")
	String site(@PathVariable String code, Model model) {
		model.addAttribute("site", sites.get(code));
		return SITE;
	}

	@PostMapping("/sites/{code}/transmitters")
	String addTransmitter(@PathVariable String code, @ModelAttribute TransmitterRequest request,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("added", sites.addTransmitter(code, readable(request, binding)).name());
			return "redirect:/sites/" + code;
		}
		catch (ProblemException e) {
			return refused("transmitter", code, e, model, response);
		}
	}

	@PostMapping("/sites/{code}/antennas")
	String addAntenna(@PathVariable String code, @ModelAttribute AntennaRequest request, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("added", sites.addAntenna(code, readable(request, binding)).name());
			return "redirect:/sites/" + code;
		}
		catch (ProblemException e) {
			return refused("antenna", code, e, model, response);
		}
	}

	// the site page again, the problem shown in the form that was refused
	private String refused(String form, String code, ProblemException e, Model model, HttpServletResponse response) {
		site(code, model);
		model.addAttribute("refused", form);
		return FormProblem.show(e, model, response, SITE);
	}

	/**
	 * The request, unless a value could not be read as its type (a number that is not one): then the refusal the
	 * API gives for such a value. The service applies every other rule.
	 */
	private static <T> T readable(T request, BindingResult binding) {
		if (!binding.hasErrors()) {
			return request;
		}
		throw FormProblem.of(binding);
	}

}
