package org.waveplan.delivery;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.waveplan.delivery.SiteTokenController.IssuedView;
import org.waveplan.delivery.SiteTokenController.TokenRequest;
import org.waveplan.delivery.SiteTokenController.TokenView;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * A site's tokens, as a part of the site's page (htmx) or a page of its own (role ADMIN, as the API). A new token is
 * in the answer to its issue only, never stored: a reload shows it no more (and Spring Security's no-store keeps it
 * out of caches).
 */
@Controller
@RequestMapping("/sites/{code}/tokens")
class SiteTokenPages {

	private static final String PAGE = "delivery/tokens";

	private final SiteTokens tokens;

	private final SiteTokenRepository repository;

	private final SiteDirectory sites;

	SiteTokenPages(SiteTokens tokens, SiteTokenRepository repository, SiteDirectory sites) {
		this.tokens = tokens;
		this.repository = repository;
		this.sites = sites;
	}

	@GetMapping
	String tokens(@PathVariable String code, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		show(code, new TokenRequest(""), model);
		return view(htmx);
	}

	@PostMapping
	String issue(@PathVariable String code, @Valid @ModelAttribute("form") TokenRequest form, BindingResult binding,
			Authentication admin, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		try {
			if (binding.hasErrors()) {
				throw FormProblem.of(binding);
			}
			SiteTokens.Issued issued = tokens.issue(code, form.label(), admin.getName());
			model.addAttribute("issued", new IssuedView(issued.token(), TokenView.of(issued.record())));
		}
		catch (ProblemException e) {
			show(code, form, model);
			return FormProblem.show(e, model, response, view(htmx));
		}
		show(code, new TokenRequest(""), model);
		return view(htmx);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable String code, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		try {
			tokens.revoke(code, id);
		}
		catch (ProblemException e) {
			show(code, new TokenRequest(""), model);
			return FormProblem.show(e, model, response, view(htmx));
		}
		show(code, new TokenRequest(""), model);
		return view(htmx);
	}

	private void show(String code, TokenRequest form, Model model) {
		if (!sites.exists(code)) {
			throw ProblemException.notFound("no site '" + code + "'");
		}
		model.addAttribute("code", code);
		model.addAttribute("form", form);
		model.addAttribute("tokens", repository.findBySiteOrderById(code).stream().map(TokenView::of).toList());
	}

	private static String view(String htmx) {
		return htmx == null ? PAGE : PAGE + " :: tokens";
	}

}
