package io.soc2ops.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.soc2ops.catalog.TestOutcome;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Tests control FND-01 — Security Hub with the FSBP and CIS standards enabled in every
 * account and Region in scope — from {@code GetEnabledStandards} in each.
 */
@Component
class StandardsCheck {

	static final String CONTROL = "FND-01";

	/** Longest note the catalog takes with a control test. */
	static final int MAX_NOTE = 2000;

	static final String FSBP = "aws-foundational-security-best-practices/";

	static final String CIS = "cis-aws-foundations-benchmark/";

	private final SecurityHubReads reads;

	StandardsCheck(SecurityHubReads reads) {
		this.reads = reads;
	}

	State check(AccountRegion target) {
		try {
			var subscriptions = reads.enabledStandards(target);
			return new State(target, true, enabled(subscriptions, FSBP), enabled(subscriptions, CIS), null);
		}
		catch (SdkException ex) {
			var failure = AwsFailure.of("securityhub:GetEnabledStandards", ex);
			return new State(target, false, false, false, failure);
		}
	}

	private static boolean enabled(List<SecurityHubReads.Subscription> subscriptions, String standard) {
		return subscriptions.stream().anyMatch(s -> s.standardsArn().contains(standard) && s.enabled());
	}

	/** The test result for all account-Regions in scope, with a note naming every gap. */
	static Verdict verdict(List<State> states) {
		var gaps = new ArrayList<String>();
		for (var state : states) {
			state.gap().ifPresent(gaps::add);
		}
		if (states.isEmpty()) {
			return new Verdict(TestOutcome.FAILED, "No account and Region in scope to check.");
		}
		if (gaps.isEmpty()) {
			return new Verdict(TestOutcome.PASSED,
					shorten("Security Hub with FSBP and CIS is enabled in all " + states.size()
							+ " account-Regions in scope: "
							+ String.join(", ", states.stream().map(s -> s.target().toString()).toList()) + "."));
		}
		return new Verdict(TestOutcome.FAILED, shorten(gaps.size() + " of " + states.size()
				+ " account-Regions in scope fall short: " + String.join("; ", gaps) + "."));
	}

	private static String shorten(String note) {
		return note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
	}

	/**
	 * What {@code GetEnabledStandards} said about one account and Region.
	 *
	 * @param hubEnabled whether Security Hub answered at all
	 * @param failure why it did not
	 */
	record State(AccountRegion target, boolean hubEnabled, boolean fsbp, boolean cis, @Nullable AwsFailure failure) {

		Optional<String> gap() {
			if (failure != null) {
				return Optional
					.of(failure.status() == ConnectionStatus.NOT_ENABLED ? "Security Hub is not enabled in " + target
							: "could not check " + target + " (" + failure.message() + ")");
			}
			if (fsbp && cis) {
				return Optional.empty();
			}
			String missing = !fsbp && !cis ? "FSBP and CIS are" : !fsbp ? "FSBP is" : "CIS is";
			return Optional.of(missing + " not enabled in " + target);
		}

	}

	record Verdict(TestOutcome outcome, String note) {

	}

}
