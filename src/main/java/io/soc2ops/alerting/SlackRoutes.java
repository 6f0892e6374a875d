package io.soc2ops.alerting;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.soc2ops.identity.SecretUnreadable;
import io.soc2ops.identity.Secrets;

/**
 * The routes alerts go to, posting through {@link SlackWebhooks}: looks the route up,
 * opens its webhook URL and records how the post went on the route's health. Only the
 * route's name and the scrubbed error are ever logged.
 */
@Component
class SlackRoutes implements RouteDirectory {

	private static final Logger log = LoggerFactory.getLogger(SlackRoutes.class);

	private final RouteStore store;

	private final Secrets secrets;

	private final SlackWebhooks webhooks;

	private final Clock clock;

	SlackRoutes(RouteStore store, Secrets secrets, SlackWebhooks webhooks, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	@Override
	public PostOutcome post(String routeName, String payloadJson) {
		var route = store.find(routeName);
		if (route.isEmpty()) {
			return new PostOutcome.Permanent("there is no route named " + routeName);
		}
		if (!route.get().route().enabled()) {
			return new PostOutcome.Permanent("route " + routeName + " is disabled");
		}
		return deliver(route.get(), payloadJson);
	}

	/**
	 * Posts to the route whether it is enabled or not (to try it before switching it on).
	 */
	PostOutcome postEvenIfDisabled(String routeName, String payloadJson) {
		return deliver(store.find(routeName).orElseThrow(() -> AlertingException.notFound("no route " + routeName)),
				payloadJson);
	}

	private PostOutcome deliver(StoredRoute route, String payloadJson) {
		String url;
		try {
			url = secrets.open(route.sealedUrl());
		}
		catch (SecretUnreadable ex) {
			return recorded(route, new PostOutcome.Permanent("route " + route.name() + ": its webhook URL "
					+ ex.getMessage() + "; replace the route's webhook URL"));
		}
		return recorded(route, webhooks.post(url, payloadJson));
	}

	private PostOutcome recorded(StoredRoute route, PostOutcome outcome) {
		var now = clock.instant();
		switch (outcome) {
			case PostOutcome.Posted posted -> store.posted(route.name(), route.sealedUrl(), now);
			case PostOutcome.Retry retry -> {
				log.debug("Posting to route {} failed, to be retried: {}", route.name(), retry.error());
				store.failed(route.name(), route.sealedUrl(), retry.error(), false, now);
			}
			case PostOutcome.Permanent permanent -> {
				log.warn("Route {} fails permanently: {}", route.name(), permanent.error());
				store.failed(route.name(), route.sealedUrl(), permanent.error(), true, now);
			}
		}
		return outcome;
	}

}
