package io.soc2ops.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.MeterRegistry;
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
@RequestMapping("/api/v1/events")
@EnableConfigurationProperties(EventsApi.EventSettings.class)
@Tag(name = "Events", description = "EventBridge API destination for Security Hub findings")
class EventsApi {

	private final PushedEvents events;

	private final EventSettings settings;

	private final MeterRegistry metrics;

	EventsApi(PushedEvents events, EventSettings settings, MeterRegistry metrics) {
		this.events = events;
		this.settings = settings;
		this.metrics = metrics;
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
			IntakeResult result = events.accept(body.readAllBytes(), IntakeChannel.WEBHOOK, "eventbridge",
					Actor.user(authentication.getName()));
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
