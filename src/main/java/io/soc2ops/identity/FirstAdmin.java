package io.soc2ops.identity;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;

/**
 * On the first start there is nobody to sign in as: creates {@code admin} with the
 * password from {@code SOC2OPS_ADMIN_PASSWORD}, or a random one printed once to the
 * console (never to the log). Then says where soc2ops is and how to sign in.
 */
@Component
@ConditionalOnWebApplication
class FirstAdmin {

	static final Username ADMIN = Username.of("admin");

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final Users users;

	private final IdentitySettings settings;

	private final Environment environment;

	private final PrintStream console;

	FirstAdmin(Users users, IdentitySettings settings, Environment environment) {
		this.users = users;
		this.settings = settings;
		this.environment = environment;
		this.console = System.out;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	void onReady() {
		String url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		// no admin rather than no users: the demo adds its responders before this runs
		if (users.all().stream().anyMatch(user -> user.has(Role.ADMIN))) {
			console.printf("%nsoc2ops is ready at %s - sign in with your account.%n%n", url);
			return;
		}
		String configured = settings.adminPassword();
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? generate() : configured;
		users.create(ADMIN, "Administrator", Set.of(Role.ADMIN), password, Actor.system("first-run"));
		console.printf("%nsoc2ops is ready at %s%n", url);
		if (generated) {
			console.printf(
					"  First run: sign in as 'admin' with this password (shown only now):%n%n      %s%n%n"
							+ "  Change it under Account, or set SOC2OPS_ADMIN_PASSWORD before the first start.%n%n",
					password);
		}
		else {
			console.printf("  First run: sign in as 'admin' with the password in SOC2OPS_ADMIN_PASSWORD.%n%n");
		}
	}

	private static String generate() {
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
