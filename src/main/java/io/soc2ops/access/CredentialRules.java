package io.soc2ops.access;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The credential checks: what one user line of a report shows, as of the moment the
 * report was generated. Pure: the same line and limits always give the same findings.
 */
record CredentialRules(CredentialSettings settings) {

	List<CredentialFinding> check(String accountId, CredentialUser user, Instant generatedAt) {
		var found = new ArrayList<CredentialFinding>();
		Instant oldKey = generatedAt.minus(Duration.ofDays(settings.keyMaxAgeDays()));
		Instant unused = generatedAt.minus(Duration.ofDays(settings.unusedDays()));
		Instant rootUse = generatedAt.minus(Duration.ofDays(settings.rootUseDays()));
		var add = new Object() {
			void finding(CredentialFindingKind kind, String detail) {
				found.add(new CredentialFinding(accountId, user.user(), kind, detail, generatedAt));
			}
		};
		boolean password = user.passwordEnabled().orElse(false);
		if (!user.mfaActive() && (user.root() || password)) {
			add.finding(CredentialFindingKind.NO_MFA,
					user.root() ? "the root user has no MFA device" : "console password without an MFA device");
		}
		if (user.root()) {
			user.passwordLastUsed()
				.filter(used -> !used.isBefore(rootUse))
				.ifPresent(used -> add.finding(CredentialFindingKind.ROOT_USED, "the root user signed in on "
						+ day(used) + ", within the last " + settings.rootUseDays() + " days"));
		}
		else if (password) {
			var lastUsed = user.passwordLastUsed();
			if (lastUsed.isPresent() && lastUsed.get().isBefore(unused)) {
				add.finding(CredentialFindingKind.UNUSED_PASSWORD, "console password last used on "
						+ day(lastUsed.get()) + ", " + days(lastUsed.get(), generatedAt) + " days before the report");
			}
			else if (lastUsed.isEmpty() && user.createdAt().isBefore(unused)) {
				add.finding(CredentialFindingKind.UNUSED_PASSWORD, "console password never used; the user was created"
						+ " on " + day(user.createdAt()) + ", " + days(user.createdAt(), generatedAt) + " days before");
			}
		}
		for (var key : user.keys()) {
			if (!key.active()) {
				continue;
			}
			String name = "access key " + key.number();
			if (user.root()) {
				add.finding(CredentialFindingKind.ROOT_ACCESS_KEY, "the root user has an active " + name);
				key.lastUsed()
					.filter(used -> !used.isBefore(rootUse))
					.ifPresent(used -> add.finding(CredentialFindingKind.ROOT_USED, "the root user's " + name
							+ " was used on " + day(used) + ", within the last " + settings.rootUseDays() + " days"));
				continue;
			}
			key.lastRotated()
				.filter(rotated -> rotated.isBefore(oldKey))
				.ifPresent(rotated -> add.finding(CredentialFindingKind.OLD_ACCESS_KEY,
						name + " last rotated on " + day(rotated) + ", " + days(rotated, generatedAt)
								+ " days before the report (limit " + settings.keyMaxAgeDays() + ")"));
			if (key.lastUsed().isPresent() && key.lastUsed().get().isBefore(unused)) {
				add.finding(CredentialFindingKind.UNUSED_ACCESS_KEY, name + " last used on " + day(key.lastUsed().get())
						+ ", " + days(key.lastUsed().get(), generatedAt) + " days before the report");
			}
			else if (key.lastUsed().isEmpty()) {
				Instant since = key.lastRotated().orElse(user.createdAt());
				if (since.isBefore(unused)) {
					add.finding(CredentialFindingKind.UNUSED_ACCESS_KEY, name + " never used since " + day(since) + ", "
							+ days(since, generatedAt) + " days before the report");
				}
			}
		}
		return found;
	}

	private static String day(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
	}

	private static long days(Instant from, Instant to) {
		return Duration.between(from, to).toDays();
	}

}
