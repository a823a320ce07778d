package org.waveplan.security;

import java.util.Arrays;
import java.util.function.Supplier;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waveplan.security.UserController.NewUser;
import org.waveplan.shared.Choices;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/** The users page (role ADMIN, as the API): the accounts, a new account, another's role, disabling one. */
@Controller
class UserPages {

	private static final String PAGE = "security/users";

	private final UserAccounts accounts;

	UserPages(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/users")
	String users(Model model) {
		show(new NewUser(null, null, null), model);
		return PAGE;
	}

	@PostMapping("/users")
	String create(@Valid @ModelAttribute("form") NewUser user, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (binding.hasErrors()) {
				throw FormProblem.of(binding);
			}
			accounts.add(user.username(), user.password(), user.role());
		}
		catch (ProblemException e) {
			show(user, model);
			return FormProblem.show(e, model, response, PAGE);
		}
		redirect.addFlashAttribute("created", user.username());
		return "redirect:/users";
	}

	@PostMapping("/users/{username}/role")
	String role(@PathVariable String username, @RequestParam(defaultValue = "") String role, Authentication admin,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return change(username, () -> accounts.change(username, role(role), null, admin.getName()), model, response,
				redirect);
	}

	@PostMapping("/users/{username}/enabled")
	String enabled(@PathVariable String username, @RequestParam boolean enabled, Authentication admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(username, () -> accounts.change(username, null, enabled, admin.getName()), model, response,
				redirect);
	}

	private String change(String username, Supplier<UserAccounts.Account> change, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			change.get();
		}
		catch (ProblemException e) {
			show(new NewUser(null, null, null), model);
			// the reason goes beside this account's forms, not the new account's
			model.addAttribute("changing", username);
			return FormProblem.show(e, model, response, PAGE);
		}
		redirect.addFlashAttribute("changed", username);
		return "redirect:/users";
	}

	// the select offers the roles; anything else is refused as the API refuses a role it does not know
	private static Role role(String name) {
		return Choices.required(Role.class, "role", name);
	}

	private void show(NewUser form, Model model) {
		model.addAttribute("accounts", accounts.all());
		model.addAttribute("form", form);
		model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.SITE).toList());
	}

}
