package org.waveplan.delivery;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Site tokens (role ADMIN): issued once, listed without secrets, revoked. */
@RestController
@RequestMapping("/api/sites/{code}/tokens")
class SiteTokenController {

	private final SiteTokens tokens;

	SiteTokenController(SiteTokens tokens) {
		this.tokens = tokens;
	}

	record TokenRequest(@NotBlank @Size(max = 100) String label) {
	}

	/** A token as listed: never its secret. */
	record TokenView(long id, String site, String label, Instant createdAt, String createdBy, Instant lastUsedAt,
			Instant revokedAt) {

		static TokenView of(SiteToken t) {
			return new TokenView(t.getId(), t.getSite(), t.getLabel(), t.getCreatedAt(), t.getCreatedBy(),
					t.getLastUsedAt(), t.getRevokedAt());
		}

	}

	/** The new token, in {@code token}: shown this once, kept only as a hash. */
	record IssuedView(String token, TokenView record) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IssuedView issue(@PathVariable String code, @Valid @RequestBody TokenRequest request, Authentication admin) {
		SiteTokens.Issued issued = tokens.issue(code, request.label(), admin.getName());
		return new IssuedView(issued.token(), TokenView.of(issued.record()));
	}

	@GetMapping
	List<TokenView> list(@PathVariable String code) {
		return tokens.list(code).stream().map(TokenView::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable String code, @PathVariable long id) {
		tokens.revoke(code, id);
	}

}
