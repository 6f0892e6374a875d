package io.soc2ops.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * IAM credential reports, collected or imported from a file: each one is the account's
 * dated snapshot of its users' credentials.
 */
@Service
public class CredentialReports {

	/** The largest report accepted (32 MiB). */
	public static final int MAX_BYTES = CredentialReportCsv.MAX_BYTES;

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	/** How far a clock may be ahead of another's. */
	private static final Duration SKEW = Duration.ofMinutes(5);

	private final CredentialReportStore store;

	private final CredentialFindings findings;

	private final AccessPeople people;

	private final AccessRemovals removals;

	private final EvidenceLedger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CredentialReports(CredentialReportStore store, CredentialFindings findings, AccessPeople people,
			AccessRemovals removals, EvidenceLedger ledger, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.findings = findings;
		this.people = people;
		this.removals = removals;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks and stores a report as the account's snapshot at {@code generatedAt}; a
	 * report with a bad header or row is refused whole, naming the line and column. The
	 * same file stored again for the same moment is recognised and not stored twice.
	 * @param origin {@code collector}, or {@code file:<name>}
	 * @throws AccessRefused when the account, the time or the report does not hold
	 */
	@Transactional
	public CredentialReportImport store(String accountId, byte[] csv, Instant generatedAt, String origin, Actor by) {
		if (!ACCOUNT.matcher(accountId).matches()) {
			throw AccessRefused.invalid("account: '" + accountId + "' is not an AWS account ID (12 digits)");
		}
		if (generatedAt.isAfter(clock.instant().plus(SKEW))) {
			throw AccessRefused.invalid("generatedAt: " + generatedAt + " is in the future");
		}
		var users = CredentialReportCsv.parse(csv, accountId);
		for (var user : users) {
			user.timeAfter(generatedAt.plus(SKEW)).ifPresent(why -> {
				throw AccessRefused.invalid(why);
			});
		}
		String sha256 = sha256(csv);
		var same = store.at(accountId, generatedAt);
		if (same.isPresent()) {
			if (!same.get().sha256().equals(sha256)) {
				throw AccessRefused.conflict("account " + accountId + " has a different credential report generated at "
						+ generatedAt + " (sha256 " + same.get().sha256() + ")");
			}
			boolean newest = store.newest(accountId).orElseThrow().syncId() == same.get().syncId();
			return result(accountId, generatedAt, sha256, true, newest, users);
		}
		long syncId = store.insert(accountId, generatedAt, origin, sha256, users);
		boolean newest = store.newest(accountId).orElseThrow().syncId() == syncId;
		var changes = new CredentialReportStore.HoldingChanges(0, 0);
		if (newest) {
			users.stream()
				.filter(user -> !user.root())
				.forEach(user -> people.ensure(new PersonKey(user.user()), user.user(), generatedAt));
			changes = store.deriveHoldings(accountId, users, generatedAt);
		}
		var result = result(accountId, generatedAt, sha256, false, newest, users);
		record(result, syncId, origin, changes, by);
		events.publishEvent(new AccessInventoryChanged(CredentialReportStore.SOURCE, accountId, generatedAt));
		if (newest) {
			removals.verifyGone(generatedAt);
		}
		return result;
	}

	private CredentialReportImport result(String accountId, Instant generatedAt, String sha256, boolean already,
			boolean newest, List<CredentialUser> users) {
		return new CredentialReportImport(accountId, users.size(), generatedAt, sha256, already, newest,
				users.stream().map(CredentialUser::user).toList(), findings.check(accountId, users, generatedAt));
	}

	private void record(CredentialReportImport result, long syncId, String origin,
			CredentialReportStore.HoldingChanges changes, Actor by) {
		Map<String, Long> counts = new TreeMap<>();
		result.findings().forEach(finding -> counts.merge(finding.kind().name(), 1L, Long::sum));
		var payload = new LinkedHashMap<String, Object>();
		payload.put("account", result.accountId());
		payload.put("generatedAt", result.generatedAt().toString());
		payload.put("origin", origin);
		payload.put("sha256", result.sha256());
		payload.put("users", result.users());
		payload.put("newest", result.newest());
		payload.put("findings", counts);
		payload.put("holdingsAdded", changes.added());
		payload.put("holdingsGone", changes.gone());
		ledger.record(new EvidenceRecord("access.credential-report-stored", by, "access",
				"credential-report:" + result.accountId() + ":" + syncId,
				LocalDate.ofInstant(result.generatedAt(), ZoneOffset.UTC), payload));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
