package org.waveplan.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.waveplan.delivery.DeliveryStatus.Status;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * The deliveries page (the states {@code GET /api/deliveries} gives, as a grid of air times by sites) and the part of
 * a site's page that shows its agent's last poll.
 */
@Controller
class DeliveryPages {

	private final DeliveryStatus status;

	private final AgentPolls agents;

	DeliveryPages(DeliveryStatus status, AgentPolls agents) {
		this.status = status;
		this.agents = agents;
	}

	/** A row of the grid: the airings that start at one time, one cell per site (most often one airing or none). */
	record Row(Instant startsAt, List<List<Status>> cells) {
	}

	record Grid(List<String> sites, List<Row> rows) {

		static Grid of(List<Status> all) {
			List<String> sites = List.copyOf(new TreeSet<>(all.stream().map(Status::site).toList()));
			Map<Instant, Map<String, List<Status>>> byTime = new TreeMap<>();
			for (Status s : all) {
				byTime.computeIfAbsent(s.startsAt(), t -> new TreeMap<>())
					.computeIfAbsent(s.site(), site -> new ArrayList<>())
					.add(s);
			}
			List<Row> rows = byTime.entrySet()
				.stream()
				.map(e -> new Row(e.getKey(), sites.stream().map(site -> e.getValue().getOrDefault(site, List.of())).toList()))
				.toList();
			return new Grid(sites, rows);
		}

	}

	@GetMapping("/deliveries")
	String deliveries(Model model) {
		model.addAttribute("grid", Grid.of(status.all()));
		return "delivery/deliveries";
	}

	@GetMapping("/sites/{code}/agent")
	String agent(@PathVariable String code, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("code", code);
		model.addAttribute("defaultIntervalSeconds", AgentPolls.DEFAULT_INTERVAL.toSeconds());
		model.addAttribute("agent",
				agents.of(code).orElseThrow(() -> ProblemException.notFound("no site '" + code + "'")));
		return FormProblem.view("delivery/agent", "agent", htmx);
	}

}
