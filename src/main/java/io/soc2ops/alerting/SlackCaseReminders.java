package io.soc2ops.alerting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts each reminder to the Slack routes of the alert's rule as the rule is now (a rule
 * changed since the alert reminds its current routes; a rule with no routes, or gone,
 * none). A route that fails for now (429, 5xx, no connection) leaves the reminder due:
 * this throws after trying every route, and the next sweep posts it again to all of them,
 * so a route that took it already may get it twice. A route that fails for good (a
 * revoked webhook, which the route's health then shows; a disabled or missing route) does
 * not hold the reminder back, since posting again every minute would not help: it is
 * logged once, naming the route only.
 * <p>
 * Told before the ledger ({@link Order}): the ledger locks its head until the sweep's
 * transaction commits, and a post may take the webhook timeouts. The post itself runs
 * outside that transaction, so the route's health is kept even when the reminder stays
 * due, and the only lock held meanwhile is the reminder's own claim.
 */
@Component
@Order(0)
class SlackCaseReminders implements CaseReminders {

	private static final Logger log = LoggerFactory.getLogger(SlackCaseReminders.class);

	private final RuleStore rules;

	private final CaseStore cases;

	private final RouteDirectory routes;

	private final ReminderMessage messages;

	private final TransactionTemplate outsideTransaction;

	private final Clock clock;

	SlackCaseReminders(RuleStore rules, CaseStore cases, RouteDirectory routes, ReminderMessage messages,
			PlatformTransactionManager transactions, Clock clock) {
		this.rules = rules;
		this.cases = cases;
		this.routes = routes;
		this.messages = messages;
		this.outsideTransaction = new TransactionTemplate(transactions);
		this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.clock = clock;
	}

	@Override
	public void remind(Alert alert, CaseReminder reminder) {
		var routeNames = rules.find(alert.ruleName()).map(AlertRule::routes).orElse(List.of());
		if (routeNames.isEmpty()) {
			return;
		}
		var alertCase = cases.find(alert.id()).orElseThrow();
		String message = messages.json(alert, alertCase, reminder, clock.instant());
		var toRetry = new ArrayList<String>();
		for (String route : routeNames) {
			switch (post(route, message)) {
				case PostOutcome.Posted posted -> {
				}
				case PostOutcome.Retry retry -> toRetry.add(route);
				case PostOutcome.Permanent permanent ->
					log.warn("Reminder {} of alert {} not posted to route {}: the route fails permanently",
							reminder.step(), alert.id(), route);
			}
		}
		if (!toRetry.isEmpty()) {
			throw new IllegalStateException(
					"Slack route(s) " + toRetry + " did not take it for now; their health says why");
		}
	}

	private PostOutcome post(String route, String message) {
		try {
			return Objects.requireNonNull(outsideTransaction.execute(status -> routes.post(route, message)));
		}
		catch (RuntimeException ex) {
			// its message might carry the webhook URL: the class is enough to go on
			log.warn("Posting a reminder to route {} failed: {}", route, ex.getClass().getName());
			return new PostOutcome.Retry("posting failed: " + ex.getClass().getSimpleName(), Optional.empty());
		}
	}

}
