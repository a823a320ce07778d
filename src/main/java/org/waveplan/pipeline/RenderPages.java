package org.waveplan.pipeline;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.waveplan.pipeline.RenderController.RenderView;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * The renders page: today's and the coming renders with their progress, refreshed every 2 s while one is queued or
 * running (htmx asks for the list alone), and "render now" (roles ENGINEER and PRODUCER, as the API).
 */
@Controller
class RenderPages {

	private static final String PAGE = "pipeline/renders";

	private final RenderList list;

	private final RenderPlanner planner;

	RenderPages(RenderList list, RenderPlanner planner) {
		this.list = list;
		this.planner = planner;
	}

	/** The page; the list alone when htmx asks for it. */
	@GetMapping("/renders")
	String renders(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		show(model);
		return FormProblem.view(PAGE, "list", htmx);
	}

	@PostMapping("/renders/{airingId}/render")
	String renderNow(@PathVariable long airingId, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, HttpServletResponse response) {
		try {
			planner.renderNow(airingId);
		}
		catch (ProblemException e) {
			show(model);
			return FormProblem.show(e, model, response, FormProblem.view(PAGE, "list", htmx));
		}
		if (htmx == null) {
			return "redirect:/renders";
		}
		show(model);
		return FormProblem.view(PAGE, "list", htmx);
	}

	private void show(Model model) {
		List<RenderView> renders = list.find(null, null, null, null);
		model.addAttribute("renders", renders);
		model.addAttribute("busy",
				renders.stream().anyMatch(r -> r.state().equals("queued") || r.state().equals("running")));
	}

}
