package org.waveplan.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security takes its POST (see {@code SecurityConfig}). */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
