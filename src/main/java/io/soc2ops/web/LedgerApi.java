package io.soc2ops.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.evidence.EvidenceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Evidence ledger", description = "The append-only, hash-chained record of every operation")
class LedgerApi {

	private final EvidenceLedger ledger;

	LedgerApi(EvidenceLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/entries")
	@Operation(summary = "Entries newest first; pass the last sequence as 'before' for the next page")
	List<ApiViews.EntryView> entries(@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before,
			@RequestParam(defaultValue = "100") int size) {
		return ledger.page(before, size).stream().map(ApiViews.EntryView::of).toList();
	}

	@GetMapping("/entries/{sequence}")
	ApiViews.EntryView entry(@PathVariable long sequence) {
		return ledger.entry(sequence)
			.map(ApiViews.EntryView::of)
			.orElseThrow(() -> NotFound.of("no entry #" + sequence));
	}

	@GetMapping("/verification")
	@Operation(summary = "Recompute the hash chain and name the first broken entry, if any")
	ApiViews.VerificationView verification() {
		return ApiViews.VerificationView.of(ledger.verify());
	}

}
