package org.waveplan.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private final Dashboard dashboard;

	DashboardController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("board", dashboard.now());
		return "dashboard";
	}

}
