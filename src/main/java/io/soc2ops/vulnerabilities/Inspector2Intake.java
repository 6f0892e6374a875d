package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Vulnerabilities from Inspector2's API, page by page as the aws module's collector reads
 * them. Each page is one transaction with its ledger entry; a page whose new item another
 * intake (Security Hub) stored meanwhile is read again, and its item then updated.
 */
@Service
class Inspector2Intake implements VulnerabilityIntake {

	static final Actor ACTOR = Actor.system("inspector2");

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	private static final int ATTEMPTS = 3;

	private final Observations observations;

	private final VulnerabilityStore store;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Inspector2Intake(Observations observations, VulnerabilityStore store, EvidenceLedger ledger,
			PlatformTransactionManager transactions, Clock clock) {
		this.observations = observations;
		this.store = store;
		this.ledger = ledger;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @throws IllegalArgumentException naming the observation and field; then nothing of
	 * the page is stored
	 */
	@Override
	public void observed(List<ObservedVulnerability> vulnerabilities) {
		if (vulnerabilities.isEmpty()) {
			return;
		}
		for (int attempt = 1;; attempt++) {
			try {
				transactions.executeWithoutResult(status -> {
					var outcome = observations.apply(vulnerabilities, VulnerabilitySource.INSPECTOR2);
					ledger.record(new EvidenceRecord("vulnerabilities.observed", ACTOR, "vulnerabilities",
							"vulnerabilities:inspector2", today(), outcome.payload()));
				});
				return;
			}
			catch (DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	@Override
	public void syncCompleted(String accountId, String region, Instant startedAt) {
		if (!ACCOUNT.matcher(accountId).matches()) {
			throw new IllegalArgumentException("accountId: must be 12 digits but was '" + accountId + "'");
		}
		if (region.isBlank() || region.length() > 32) {
			throw new IllegalArgumentException("region: must be 1-32 characters");
		}
		transactions.executeWithoutResult(status -> {
			Instant now = clock.instant();
			int fixed = store.fixGone(accountId, region, startedAt, now);
			ledger.record(new EvidenceRecord("vulnerabilities.sync-completed", ACTOR, "vulnerabilities",
					"vulnerabilities:inspector2:" + accountId + ":" + region, today(), Map.of("accountId", accountId,
							"region", region, "startedAt", startedAt.toString(), "fixedAsGone", fixed)));
		});
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
