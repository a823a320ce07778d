package org.waveplan.delivery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.shared.ProblemException;

/** A site's agent as its polls show it: when it last took its manifest, which version, and whether it is silent. */
@RestController
class AgentController {

	private final AgentPolls polls;

	AgentController(AgentPolls polls) {
		this.polls = polls;
	}

	@GetMapping("/api/sites/{code}/agent")
	AgentPoll agent(@PathVariable String code) {
		return polls.of(code).orElseThrow(() -> ProblemException.notFound("no site '" + code + "'"));
	}

}
