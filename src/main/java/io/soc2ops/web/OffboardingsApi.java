package io.soc2ops.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.access.Holding;
import io.soc2ops.access.Offboarding;
import io.soc2ops.access.Offboardings;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Offboardings: ADMIN, OPERATOR, APPROVER and AUDITOR read them; ADMIN and OPERATOR start
 * them, add holdings and confirm removals.
 */
@RestController
@RequestMapping("/api/v1/access/offboardings")
@Tag(name = "Access")
class OffboardingsApi {

	private final Offboardings offboardings;

	OffboardingsApi(Offboardings offboardings) {
		this.offboardings = offboardings;
	}

	@GetMapping
	@Operation(summary = "Offboardings, newest first, each with its removals and state")
	List<Offboarding> list(@RequestParam(defaultValue = "100") int limit) {
		return offboardings.list(limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One offboarding")
	Offboarding one(@PathVariable String id) {
		return offboardings.find(id(id)).orElseThrow(() -> NotFound.of("offboarding " + id + " does not exist"));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start the offboarding of a known person leaving on leftOn: opens a removal for each"
			+ " holding they have")
	Offboarding start(@RequestBody Start start, Authentication authentication) {
		if (start.person() == null || start.person().isBlank()) {
			throw new IllegalArgumentException("person: required");
		}
		if (start.leftOn() == null) {
			throw new IllegalArgumentException("leftOn: required, a date like 2026-10-02");
		}
		return offboardings.start(AccessPeopleApi.key(start.person()), start.leftOn(),
				Actor.user(authentication.getName()));
	}

	@GetMapping("/{id}/candidates")
	@Operation(summary = "Current holdings whose person key or principal contains q, to add to an offboarding")
	List<Holding> candidates(@PathVariable String id, @RequestParam(defaultValue = "") String q) {
		one(id);
		return offboardings.holdings(q, 50);
	}

	@PostMapping("/{id}/holdings")
	@Operation(summary = "Add a current holding of another person key (an IAM user named otherwise) to the offboarding")
	Offboarding add(@PathVariable String id, @RequestBody AddHolding add, Authentication authentication) {
		if (add.holding() == null) {
			throw new IllegalArgumentException("holding: required, a holding ID");
		}
		return offboardings.add(id(id), add.holding(), Actor.user(authentication.getName()));
	}

	@PostMapping("/{id}/removals/{removal}/confirm")
	@Operation(summary = "Confirm that one of the offboarding's removals was made")
	Offboarding confirm(@PathVariable String id, @PathVariable String removal,
			@RequestBody(required = false) @Nullable Confirmation confirmation, Authentication authentication) {
		String note = confirmation == null || confirmation.note() == null ? "" : confirmation.note();
		return offboardings.confirm(id(id), id(removal), note, Actor.user(authentication.getName()));
	}

	private static long id(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw NotFound.of("no " + text);
		}
	}

	record Start(@Nullable String person, @Nullable LocalDate leftOn) {
	}

	record AddHolding(@Nullable Long holding) {
	}

	record Confirmation(@Nullable String note) {
	}

}
