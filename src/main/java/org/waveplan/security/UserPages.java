package org.waveplan.security;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waveplan.security.UserController.NewUser;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/** The users page (role ADMIN, as the API): the accounts and their roles, and a new account. */
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

	private void show(NewUser form, Model model) {
		model.addAttribute("accounts", accounts.all());
		model.addAttribute("form", form);
		model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.SITE).toList());
	}

}
