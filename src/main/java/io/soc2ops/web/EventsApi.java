package io.soc2ops.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationPredicate;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingRejected;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.IntakeResult;
import io.soc2ops.findings.PushedEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The EventBridge API destination target: EventBridge envelopes with detail-type
 * "Security Hub Findings - Imported" (ASFF) or "Findings Imported V2" (OCSF),
 * authenticated by an API token in {@code X-Api-Key} (or a bearer token). Oversized
 * bodies are refused from their declared length, before they are read.
 */
@RestController
@RequestMapping(EventsApi.PATH)
@EnableConfigurationProperties(EventsApi.EventSettings.class)
@Tag(name = "Events", description = "EventBridge API destination for Security Hub findings")
class EventsApi {

	static final String PATH = "/api/v1/events";

	private final PushedEvents events;

	private final EventSettings settings;

	private final MeterRegistry metrics;

	private final Timer storing;

	EventsApi(PushedEvents events, EventSettings settings, MeterRegistry metrics) {
		this.events = events;
		this.settings = settings;
		this.metrics = metrics;
		this.storing = Timer.builder("soc2ops.events.stored")
			.description("Time from an event's request read to its findings and alerts committed")
			.register(metrics);
	}

	/**
	 * Leaves this endpoint out of Spring's HTTP request observations: observing each of
	 * thousands of events a second cost more than storing them, and the endpoint times
	 * and counts itself ({@code soc2ops.events.*}).
	 */
	@Bean
	static ObservationPredicate eventsNotObserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& PATH.equals(request.getCarrier().getRequestURI()));
	}

	@PostMapping
	@Operation(
			summary = "Receive EventBridge events carrying Security Hub findings (one envelope, an array, or one per line)")
	ResponseEntity<?> receive(HttpServletRequest request, Authentication authentication) throws IOException {
		long limit = settings.maxBody().toBytes();
		if (request.getContentLengthLong() > limit) {
			return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", "the request body is "
					+ request.getContentLengthLong() + " bytes; at most " + limit + " are accepted");
		}
		try (InputStream body = new BoundedInput(request.getInputStream(), limit)) {
			byte[] event = body.readAllBytes();
			long start = System.nanoTime();
			IntakeResult result = events.accept(event, IntakeChannel.WEBHOOK, "eventbridge",
					Actor.user(authentication.getName()));
			storing.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			metrics.counter("soc2ops.events.accepted").increment();
			metrics.counter("soc2ops.events.findings").increment(result.received());
			return ResponseEntity.ok(result);
		}
		catch (FindingRejected ex) {
			return refused(HttpStatus.BAD_REQUEST, "invalid", ex.getMessage());
		}
		catch (BoundedInput.TooLarge ex) {
			return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", ex.getMessage());
		}
		catch (PushedEvents.NotStored ex) {
			metrics.counter("soc2ops.events.unavailable").increment();
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					ex.getMessage() + "; send it again");
			problem.setTitle("Event not stored");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
		}
	}

	private ResponseEntity<ProblemDetail> refused(HttpStatus status, String reason, String detail) {
		metrics.counter("soc2ops.events.rejected", "reason", reason).increment();
		var problem = ProblemDetail.forStatusAndDetail(status, detail + "; nothing was stored");
		problem.setTitle("Event refused");
		return ResponseEntity.status(status).body(problem);
	}

	/**
	 * @param maxBody the largest request accepted (an EventBridge event is at most 256
	 * KB; a batch of several is allowed up to this)
	 */
	@ConfigurationProperties("soc2ops.events")
	record EventSettings(@DefaultValue("1MB") DataSize maxBody) {
	}

}
