package io.soc2ops.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;

/**
 * Reality against approvals [CC6.2, CC6.3]: every current holding (an Identity Center
 * assignment, an IAM user with console or key access) is matched to cover from an
 * approved, unexpired request for the same person, account, kind and entitlement;
 * anything without is an unapproved-access exception, announced through the alert route
 * {@code soc2ops.access.unapproved.route}, counted in posture as the ACC-03 control test
 * and shown until a request covers it or it is gone. Runs on the schedule
 * ({@code access.reconciliation}), soon after every inventory change and after cover
 * changes ({@link #coverChanged()}).
 */
@Service
@EnableConfigurationProperties(ReconciliationSettings.class)
public class AccessReconciliation {

	static final Actor ACTOR = Actor.system("access-reconciliation");

	/** The most lines one read returns. */
	public static final int MOST_LINES = 1000;

	private final ReconciliationRunner runner;

	private final ReconciliationTrigger trigger;

	private final ReconciliationStore store;

	private final AccessRemovals removals;

	private final ReconciliationSettings settings;

	private final Clock clock;

	AccessReconciliation(ReconciliationRunner runner, ReconciliationTrigger trigger, ReconciliationStore store,
			AccessRemovals removals, ReconciliationSettings settings, Clock clock) {
		this.runner = runner;
		this.trigger = trigger;
		this.store = store;
		this.removals = removals;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Reconciles now and posts the announcements due; outside a transaction (it waits for
	 * any other instance's run to end).
	 * @param trigger what asks for it: {@code schedule}, or who ({@code user:alice})
	 */
	public ReconciliationRun reconcile(String trigger) {
		if (trigger.isBlank() || trigger.length() > 120) {
			throw AccessRefused.invalid("reconciliation trigger: 1-120 characters");
		}
		return runner.run(trigger);
	}

	/**
	 * Tells reconciliation that approved cover was added, ended or revoked: it runs again
	 * soon on a thread of its own (coalesced with other changes). Call after the commit.
	 */
	public void coverChanged() {
		trigger.request("cover");
	}

	/** The latest finished run, if any. */
	public Optional<ReconciliationRun> latestRun() {
		return store.latestRun();
	}

	public Optional<UnapprovedAccess> exception(long id) {
		return store.find(id);
	}

	/** Open exceptions, the longest open first. */
	public List<UnapprovedAccess> openExceptions(int offset, int limit) {
		return store.open(Math.max(0, offset), Math.clamp(limit, 1, MOST_LINES));
	}

	public long openCount() {
		return store.openCount();
	}

	/** Every exception a holding had, newest first. */
	public List<UnapprovedAccess> exceptionsOf(long holdingId) {
		return store.ofHolding(holdingId);
	}

	/**
	 * Replays a past moment for an auditor: the holdings held then without cover valid
	 * then, by ID after {@code afterId}; reads only.
	 */
	@Transactional(readOnly = true)
	public UncoveredAt asOf(Instant moment, long afterId, int limit) {
		return new UncoveredAt(moment, store.uncoveredCountAt(moment),
				store.uncoveredAt(moment, afterId, Math.clamp(limit, 1, MOST_LINES)));
	}

	/**
	 * Opens the removal of an open exception's holding (cause {@code exception:<id>}),
	 * due {@code soc2ops.access.unapproved.removal-within} from now; when it has one
	 * already, that one.
	 * @throws AccessRefused when there is no such exception, or it is resolved
	 */
	@Transactional
	public Removal openRemoval(long exceptionId, Actor by) {
		var exception = store.find(exceptionId)
			.orElseThrow(
					() -> AccessRefused.notFound("unapproved-access exception " + exceptionId + " does not exist"));
		if (!exception.open()) {
			throw AccessRefused.conflict("unapproved-access exception " + exceptionId + " is resolved ("
					+ exception.resolution().map(Enum::name).orElse("") + ")");
		}
		var removal = removals.open(RemovalReason.UNAPPROVED, exception.cause(), exception.holding(),
				clock.instant().plus(settings.removalWithin()), by);
		store.removalOpened(exceptionId, removal.id());
		return removal;
	}

	/**
	 * What a past moment looked like.
	 *
	 * @param count how many holdings had no cover then
	 * @param holdings the first of them after the ID asked for
	 */
	public record UncoveredAt(Instant moment, long count, List<Holding> holdings) {
	}

}
