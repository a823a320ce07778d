package org.waveplan.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waveplan.ApiTest;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The users page, over real HTTP as a browser: administrators only, the API's rules for a new account. */
class UserPagesTest extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	private Browser loggedIn(Role role) throws Exception {
		String name = role.name().toLowerCase() + "1";
		return new Browser(port).loggedIn(name, name + PASSWORD_SUFFIX);
	}

	@Test
	void anAdminSeesTheAccountsAndCreatesOneThatCanLogIn() throws Exception {
		String name = "page.engineer";
		jdbc.update("delete from app_user where username = ?", name);
		Browser admin = loggedIn(Role.ADMIN);
		HttpResponse<String> page = admin.get("/users");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<td data-label=\"User name\">engineer1</td>", "<td data-label=\"Role\">engineer</td>",
				"<label for=\"user-name\"", "<label for=\"user-password\"", "<label for=\"user-role\"")
			.doesNotContain("<option value=\"SITE\"");
		HttpResponse<String> created = admin.post("/users", Map.of("username", name, "password", "a-long-passphrase",
				"role", "ENGINEER", "_csrf", Browser.csrf(page.body())));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/users"));
		assertThat(admin.get("/users").body()).contains("The account &quot;" + name + "&quot; is created.",
				"<td data-label=\"User name\">" + name + "</td>");
		// shown once: a reload no more
		assertThat(admin.get("/users").body()).doesNotContain("is created.");
		assertThat(accounts.find(name)).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ENGINEER));
		new Browser(port).loggedIn(name, "a-long-passphrase");
	}

	@Test
	void aRefusedAccountIsShownWithTheApisReasonsNextToItsFields() throws Exception {
		Browser admin = loggedIn(Role.ADMIN);
		String csrf = Browser.csrf(admin.get("/users").body());
		HttpResponse<String> refused = admin.post("/users",
				Map.of("username", "Bad Name", "password", "short", "role", "PRODUCER", "_csrf", csrf));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("role=\"alert\"", "id=\"username-error\"",
				"<p class=\"field-error\" id=\"password-error\">must be 10 to 200 characters</p>", "value=\"Bad Name\"",
				"<option value=\"PRODUCER\" selected=\"selected\">")
			.doesNotContain("id=\"role-error\"").doesNotContain("value=\"short\"");
		assertThat(accounts.exists("Bad Name")).isFalse();

		HttpResponse<String> duplicate = admin.post("/users",
				Map.of("username", "engineer1", "password", "a-long-passphrase", "role", "PRODUCER", "_csrf", csrf));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(duplicate.body()).contains("user &#39;engineer1&#39; exists already");

		HttpResponse<String> site = admin.post("/users",
				Map.of("username", "tac", "password", "a-long-passphrase", "role", "SITE", "_csrf", csrf));
		assertThat(site.statusCode()).isEqualTo(400);
		assertThat(site.body()).contains("id=\"role-error\"");
		assertThat(accounts.exists("tac")).isFalse();
	}

	@Test
	void onlyAnAdminSeesOrChangesTheUsers() throws Exception {
		for (Role role : new Role[] { Role.ENGINEER, Role.PRODUCER }) {
			Browser browser = loggedIn(role);
			assertThat(browser.get("/users", "Accept", "text/html").statusCode()).as(role.name()).isEqualTo(403);
			assertThat(browser.get("/").body()).as("no link to it").doesNotContain("href=\"/users\"");
			HttpResponse<String> post = browser.post("/users", Map.of("username", "sneaky", "password",
					"a-long-passphrase", "role", "ADMIN", "_csrf", Browser.csrf(browser.get("/").body())));
			assertThat(post.statusCode()).as(role.name()).isEqualTo(403);
		}
		assertThat(accounts.exists("sneaky")).isFalse();
	}

	@Test
	void anAdminChangesAnothersRoleAndDisablesThemOnThePageButNotThemself() throws Exception {
		jdbc.update("delete from app_user where username = 'page.changed'");
		accounts.create("page.changed", "a-long-passphrase", Role.PRODUCER);
		// the changed person is logged in meanwhile
		Browser changedOne = new Browser(port).loggedIn("page.changed", "a-long-passphrase");
		assertThat(changedOne.get("/").statusCode()).isEqualTo(200);
		Browser admin = loggedIn(Role.ADMIN);
		String page = admin.get("/users").body();
		assertThat(page).contains("action=\"/users/page.changed/role\"", "<label class=\"visually-hidden\" for=\"role-page-changed\"")
			.doesNotContain("action=\"/users/admin1/role\"");
		String csrf = Browser.csrf(page);

		HttpResponse<String> changed = admin.post("/users/page.changed/role", Map.of("role", "ENGINEER", "_csrf", csrf));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(admin.get("/users").body()).contains("The account &quot;page.changed&quot; is changed.");
		assertThat(accounts.find("page.changed")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ENGINEER));
		// their session ended: they log in again and get the new role
		HttpResponse<String> ended = changedOne.get("/");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
		changedOne.loggedIn("page.changed", "a-long-passphrase");
		assertThat(changedOne.get("/").body()).contains("href=\"/imports\"");
		// an admin's own session goes on
		assertThat(admin.get("/users").statusCode()).isEqualTo(200);

		admin.post("/users/page.changed/enabled", Map.of("enabled", "false", "_csrf", csrf));
		assertThat(accounts.find("page.changed")).hasValueSatisfying(a -> assertThat(a.enabled()).isFalse());
		assertThat(admin.get("/users").body()).contains("no (disabled)", ">Enable<");
		assertThat(changedOne.get("/").statusCode()).as("disabled: the session ended").isEqualTo(302);
		assertThat(new Browser(port).login("page.changed", "a-long-passphrase").headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));

		HttpResponse<String> own = admin.post("/users/admin1/enabled", Map.of("enabled", "false", "_csrf", csrf));
		assertThat(own.statusCode()).isEqualTo(409);
		assertThat(own.body()).contains("role=\"alert\"", "you cannot change your own role");
		HttpResponse<String> site = admin.post("/users/page.changed/role", Map.of("role", "SITE", "_csrf", csrf));
		assertThat(site.statusCode()).isEqualTo(400);
		// the reason stands beside that account's role, not the new account's
		assertThat(site.body().indexOf("id=\"role-error\"")).isPositive()
			.isLessThan(site.body().indexOf("class=\"stack users-new\""));
		assertThat(accounts.find("admin1")).hasValueSatisfying(a -> assertThat(a.enabled()).isTrue());

		Browser engineer = loggedIn(Role.ENGINEER);
		assertThat(engineer.post("/users/page.changed/role",
				Map.of("role", "ADMIN", "_csrf", Browser.csrf(engineer.get("/").body()))).statusCode()).isEqualTo(403);
		assertThat(accounts.find("page.changed")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ENGINEER));
	}

}
