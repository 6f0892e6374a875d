package io.soc2ops.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the credential checks find in the newest credential report of each account: IAM
 * users with a console password and no MFA, old or unused access keys, unused passwords,
 * the root user's use and access keys. Limits: {@code soc2ops.access.credentials.*}.
 */
@Service
@EnableConfigurationProperties(CredentialSettings.class)
public class CredentialFindings {

	private final CredentialReportStore store;

	private final CredentialRules rules;

	CredentialFindings(CredentialReportStore store, CredentialSettings settings) {
		this.store = store;
		this.rules = new CredentialRules(settings);
	}

	/** The findings of every account's newest report, by account and report line. */
	@Transactional(readOnly = true)
	public List<CredentialFinding> current() {
		var found = new ArrayList<CredentialFinding>();
		for (var report : store.newestOfEach()) {
			found.addAll(check(report.accountId(), store.users(report), report.generatedAt()));
		}
		return found;
	}

	/** The findings of one account's newest report; none when it has no report. */
	@Transactional(readOnly = true)
	public List<CredentialFinding> of(String accountId) {
		return store.newest(accountId)
			.map(report -> check(accountId, store.users(report), report.generatedAt()))
			.orElse(List.of());
	}

	/** When the newest report of an account was generated. */
	@Transactional(readOnly = true)
	public java.util.Optional<Instant> newestReport(String accountId) {
		return store.newest(accountId).map(CredentialReportStore.StoredReport::generatedAt);
	}

	List<CredentialFinding> check(String accountId, List<CredentialUser> users, Instant generatedAt) {
		return users.stream().flatMap(user -> rules.check(accountId, user, generatedAt).stream()).toList();
	}

}
