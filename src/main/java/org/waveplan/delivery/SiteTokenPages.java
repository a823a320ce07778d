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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waveplan.delivery.SiteTokenController.IssuedView;
import org.waveplan.delivery.SiteTokenController.TokenRequest;
import org.waveplan.delivery.SiteTokenController.TokenView;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * A site's tokens, as a part of the site's page (htmx) or a page of its own (role ADMIN, as the API). A new token is
 * shown once only, never stored: in the answer to its issue (htmx) or on the page it redirects to (kept in the session
 * for that one request); a reload shows it no more (and Spring Security's no-store keeps it out of caches).
 */
@Controller
@RequestMapping("/sites/{code}/tokens")
class SiteTokenPages {

	private static final String PAGE = "delivery/tokens";

	private final SiteTokens tokens;

	SiteTokenPages(SiteTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String tokens(@PathVariable String code, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		show(code, new TokenRequest(""), model);
		return FormProblem.view(PAGE, "tokens", htmx);
	}

	/**
	 * htmx swaps the answer in, so a reload of the page cannot post again; a plain form is redirected (Post/Redirect/Get)
	 * and the new token rides along once as a flash attribute, so that a reload does not issue a second one.
	 */
	@PostMapping
	String issue(@PathVariable String code, @Valid @ModelAttribute("form") TokenRequest form, BindingResult binding,
			Authentication admin, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		IssuedView issued;
		try {
			if (binding.hasErrors()) {
				throw FormProblem.of(binding);
			}
			SiteTokens.Issued made = tokens.issue(code, form.label(), admin.getName());
			issued = new IssuedView(made.token(), TokenView.of(made.record()));
		}
		catch (ProblemException e) {
			show(code, form, model);
			return FormProblem.show(e, model, response, FormProblem.view(PAGE, "tokens", htmx));
		}
		if (htmx == null) {
			redirect.addFlashAttribute("issued", issued);
			return "redirect:/sites/{code}/tokens";
		}
		model.addAttribute("issued", issued);
		show(code, new TokenRequest(""), model);
		return FormProblem.view(PAGE, "tokens", htmx);
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
			return FormProblem.show(e, model, response, FormProblem.view(PAGE, "tokens", htmx));
		}
		show(code, new TokenRequest(""), model);
		return FormProblem.view(PAGE, "tokens", htmx);
	}

	private void show(String code, TokenRequest form, Model model) {
		model.addAttribute("tokens", tokens.list(code).stream().map(TokenView::of).toList());
		model.addAttribute("code", code);
		model.addAttribute("form", form);
	}


}
