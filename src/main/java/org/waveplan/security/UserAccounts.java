package org.waveplan.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.shared.ProblemException;

/** The people who use Waveplan, with BCrypt password hashes and one role each. */
@Service
public class UserAccounts implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SessionRegistry sessions;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, SessionRegistry sessions) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	record Account(String username, Role role, boolean enabled) {
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("select username, password_hash, role, enabled from app_user where username = ?")
			.param(username)
			.query((rs, i) -> User.withUsername(rs.getString(1))
				.password(rs.getString(2))
				.authorities(new SimpleGrantedAuthority(Role.valueOf(rs.getString(3)).authority()))
				.disabled(!rs.getBoolean(4))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	@Transactional
	public Account create(String username, String password, Role role) {
		jdbc.sql("insert into app_user (username, password_hash, role, enabled) values (?, ?, ?, true)")
			.params(username, passwords.encode(password), role.name())
			.update();
		return new Account(username, role, true);
	}

	/** A new account of a person, by the rules of {@code POST /api/users} and the users page. */
	@Transactional
	Account add(String username, String password, Role role) {
		if (exists(username)) {
			throw new ProblemException(HttpStatus.CONFLICT, "duplicate", "Conflicts with existing data",
					"user '" + username + "' exists already");
		}
		refuseSite(role);
		return create(username, password, role);
	}

	/**
	 * Changes a person's role, or whether they may log in ({@code null}: unchanged). Nobody changes their own account,
	 * so that an administrator cannot lock out the last one: another administrator does it. The person's sessions of
	 * the pages (on this instance) end: the next request logs in again, with the new role, or is refused. The API's
	 * Basic calls see the change at once.
	 */
	@Transactional
	Account change(String username, Role role, Boolean enabled, String by) {
		Account account = find(username).orElseThrow(() -> ProblemException.notFound("no user '" + username + "'"));
		refuseSite(role);
		if (username.equals(by)) {
			throw new ProblemException(HttpStatus.CONFLICT, "own-account", "Own account",
					"you cannot change your own role nor disable yourself: another administrator can");
		}
		Account changed = new Account(username, role == null ? account.role() : role,
				enabled == null ? account.enabled() : enabled);
		jdbc.sql("update app_user set role = ?, enabled = ? where username = ?")
			.params(changed.role().name(), changed.enabled(), username)
			.update();
		sessions.getAllPrincipals()
			.stream()
			.filter(p -> p instanceof UserDetails user && user.getUsername().equals(username))
			.flatMap(p -> sessions.getAllSessions(p, false).stream())
			.forEach(SessionInformation::expireNow);
		return changed;
	}

	private static void refuseSite(Role role) {
		if (role == Role.SITE) {
			throw ProblemException.invalid("role", "sites sign in with site tokens (POST /api/sites/{code}/tokens)");
		}
	}

	public boolean exists(String username) {
		return find(username).isPresent();
	}

	Optional<Account> find(String username) {
		return jdbc.sql("select username, role, enabled from app_user where username = ?")
			.param(username)
			.query((rs, i) -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3)))
			.optional();
	}

	List<Account> all() {
		return jdbc.sql("select username, role, enabled from app_user order by username")
			.query((rs, i) -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3)))
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

}
