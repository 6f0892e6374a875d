package io.soc2ops.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.alerting.AlertingException;
import io.soc2ops.alerting.Deliveries;
import io.soc2ops.alerting.Delivery;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The alert delivery outbox, for programs: what is pending, delivered or dead, and
 * retrying the dead.
 */
@RestController
@Tag(name = "Alerting", description = "EventBridge-pattern alert rules and the alerts they raise")
class AlertDeliveriesApi {

	private final Deliveries deliveries;

	AlertDeliveriesApi(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/api/v1/alert-deliveries")
	@Operation(
			summary = "Alert deliveries, newest first, 50 a page; state (PENDING, DELIVERED, DEAD) and route narrow them")
	Deliveries.DeliveryPage list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String route, @RequestParam(defaultValue = "1") int page) {
		return deliveries.page(state(state), route, page);
	}

	@GetMapping("/api/v1/alert-deliveries/routes")
	@Operation(summary = "Per route, how many deliveries are pending (and being posted), delivered and dead")
	List<Deliveries.RouteDeliveries> routes() {
		return deliveries.routes();
	}

	@GetMapping("/api/v1/alert-deliveries/{id}")
	@Operation(summary = "One alert delivery")
	Delivery delivery(@PathVariable String id) {
		return deliveries.find(id).orElseThrow(() -> NotFound.of("no alert delivery " + id));
	}

	@PostMapping("/api/v1/alert-deliveries/{id}/retry")
	@Operation(summary = "Retry a dead delivery: pending again now, with a fresh count of attempts")
	Delivery retry(@PathVariable String id, Authentication authentication) {
		return deliveries.retry(id, Actor.user(authentication.getName()));
	}

	@PostMapping("/api/v1/alert-deliveries/retry")
	@Operation(summary = "Retry every dead delivery of a route")
	Retried retryRoute(@RequestParam(required = false) @Nullable String route, Authentication authentication) {
		if (route == null || route.isBlank()) {
			throw new IllegalArgumentException("route: is required (the route whose dead deliveries to retry)");
		}
		return new Retried(route, deliveries.retryRoute(route, Actor.user(authentication.getName())));
	}

	@ExceptionHandler(AlertingException.class)
	ProblemDetail refused(AlertingException ex) {
		return ApiProblems.alerting(ex, HttpStatus.UNPROCESSABLE_CONTENT);
	}

	static Delivery.@Nullable State state(@Nullable String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return Delivery.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"state: must be one of " + Arrays.toString(Delivery.State.values()) + " but was '" + state + "'");
		}
	}

	/** How many dead deliveries of the route are pending again. */
	record Retried(String route, int retried) {
	}

}
