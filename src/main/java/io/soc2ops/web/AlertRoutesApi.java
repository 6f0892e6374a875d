package io.soc2ops.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.alerting.AlertRoute;
import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.AlertingException;
import io.soc2ops.alerting.TestMessageOutcome;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Routes for programs. The webhook URL goes in (create, replace) and never comes out:
 * reads carry only its hint.
 */
@RestController
@Tag(name = "Alerting", description = "EventBridge-pattern alert rules and the alerts they raise")
class AlertRoutesApi {

	private final AlertRoutes routes;

	AlertRoutesApi(AlertRoutes routes) {
		this.routes = routes;
	}

	@GetMapping("/api/v1/alert-routes")
	@Operation(summary = "Every route, with its health and a hint of its webhook URL")
	List<AlertRoute> list() {
		return routes.list();
	}

	@GetMapping("/api/v1/alert-routes/{name}")
	@Operation(summary = "One route")
	AlertRoute route(@PathVariable String name) {
		return routes.find(name).orElseThrow(() -> NotFound.of("no alert route " + name));
	}

	@PostMapping("/api/v1/alert-routes")
	@Operation(summary = "Create a route to a Slack incoming webhook; the URL is stored sealed and never shown again")
	ResponseEntity<AlertRoute> create(@RequestBody CreateRequest request, Authentication authentication) {
		if (request.name() == null) {
			throw new IllegalArgumentException("name: is required");
		}
		if (request.webhookUrl() == null) {
			throw new IllegalArgumentException("webhookUrl: is required (a Slack incoming webhook URL)");
		}
		var route = routes.create(request.name(), request.webhookUrl(), request.enabled() == null || request.enabled(),
				Actor.user(authentication.getName()));
		return ResponseEntity.created(URI.create("/api/v1/alert-routes/" + route.name())).body(route);
	}

	@PutMapping("/api/v1/alert-routes/{name}")
	@Operation(summary = "Switch a route on or off, and replace its webhook URL when one is given")
	AlertRoute change(@PathVariable String name, @RequestBody ChangeRequest request, Authentication authentication) {
		var current = routes.find(name).orElseThrow(() -> NotFound.of("no alert route " + name));
		boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
		return routes.change(name, enabled, request.webhookUrl(), Actor.user(authentication.getName()));
	}

	@PostMapping("/api/v1/alert-routes/{name}/test")
	@Operation(summary = "Post a short test message to the route (enabled or not) and say what became of it")
	TestMessageOutcome test(@PathVariable String name, Authentication authentication) {
		return routes.sendTestMessage(name, Actor.user(authentication.getName()));
	}

	@ExceptionHandler(AlertingException.class)
	ProblemDetail refused(AlertingException ex) {
		return ApiProblems.alerting(ex, HttpStatus.BAD_REQUEST);
	}

	/** A new route; {@code enabled} defaults to true. */
	record CreateRequest(@Nullable String name, @Nullable String webhookUrl, @Nullable Boolean enabled) {
	}

	/**
	 * A change: {@code enabled} left out keeps the route as it is; a URL replaces the old
	 * one.
	 */
	record ChangeRequest(@Nullable Boolean enabled, @Nullable String webhookUrl) {
	}

}
