package org.waveplan.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators create the accounts of engineers and producers, and change their roles or disable them. */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final UserAccounts accounts;

	UserController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	record NewUser(@NotNull @Pattern(regexp = "[a-z][a-z0-9._-]{1,39}", message = "2-40 lower-case letters, digits, '.', '_' or '-'") String username,
			@NotNull @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
			@NotNull Role role) {
	}

	/** A change of a user's account: {@code null} leaves that part as it is. */
	record UserChange(Role role, Boolean enabled) {
	}

	@GetMapping
	List<UserAccounts.Account> all() {
		return accounts.all();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserAccounts.Account create(@Valid @RequestBody NewUser user) {
		return accounts.add(user.username(), user.password(), user.role());
	}

	/** Another user's role, or whether they may log in. */
	@PatchMapping("/{username}")
	UserAccounts.Account change(@PathVariable String username, @RequestBody UserChange change, Authentication admin) {
		return accounts.change(username, change.role(), change.enabled(), admin.getName());
	}

}
