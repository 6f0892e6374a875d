package io.soc2ops.access;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells approvers on the alert route {@code soc2ops.access.requests.route}: of each new
 * request (queued in the requesting transaction), and again when one waits longer than
 * {@code remind-after}, then every {@code remind-every}, at most {@code reminders} times.
 * Messages wait in the access outbox ({@link AccessMessages}) until the route takes them:
 * a Slack outage delays one, never loses it; a route that fails for good leaves it dead
 * (both in the ledger, about the request).
 */
@Component
class AccessRequestNotices {

	static final String TOPIC = "REQUEST_NOTICE";

	static final int BATCH = 200;

	private final AccessMessages outbox;

	private final AccessRequestStore requests;

	private final AccessRequestMessages messages;

	private final AccessRequestSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AccessRequestNotices(AccessMessages outbox, AccessRequestStore requests, AccessRequestMessages messages,
			AccessRequestSettings settings, TransactionTemplate transactions, Clock clock) {
		this.outbox = outbox;
		this.requests = requests;
		this.messages = messages;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The outbox topic of approvers' messages, with the requests' retry settings. */
	static AccessMessageTopic topic(AccessRequestSettings.Requests settings) {
		return new AccessMessageTopic(TOPIC, AccessRequestLedger.ACTOR, "access-request.notified",
				"access-request.notice-dead", settings.firstRetry(), settings.maxRetry());
	}

	/** What a message to approvers is about. */
	enum Kind {

		REQUESTED, REMINDER

	}

	/**
	 * Queues the message about a new request, when a route is set; in its transaction.
	 */
	void requested(AccessRequest request) {
		queue(request, Kind.REQUESTED, request.subject() + ":requested");
	}

	/** Queues the reminders due (the access outbox's task posts them). */
	void sweep() {
		remind();
	}

	/**
	 * @return how many reminders were queued
	 */
	int remind() {
		var s = settings.requests();
		if (s.route() == null || s.reminders() == 0) {
			return 0;
		}
		Instant now = clock.instant();
		int queued = 0;
		for (long id : requests.dueReminder(now.minus(s.remindAfter()), now.minus(s.remindEvery()), s.reminders(),
				BATCH)) {
			Boolean done = transactions.execute(status -> {
				int sent = requests.reminders(id);
				if (!requests.reminded(id, sent, clock.instant())) {
					return false;
				}
				var request = requests.find(id, account -> Optional.empty()).orElseThrow();
				queue(request, Kind.REMINDER, request.subject() + ":reminder-" + (sent + 1));
				return true;
			});
			queued += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return queued;
	}

	private void queue(AccessRequest request, Kind kind, String dedupeKey) {
		String route = settings.requests().route();
		if (route == null) {
			return;
		}
		var step = new LinkedHashMap<String, Object>();
		step.put("route", route);
		step.put("message", kind.name());
		outbox.queue(new AccessMessages.Draft(UUID.randomUUID().toString(), TOPIC, request.subject(), route,
				messages.message(request, kind, clock.instant()), AccessRequestLedger.payload(request, step),
				dedupeKey), clock.instant());
	}

}
