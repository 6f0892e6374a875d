package io.soc2ops.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.soc2ops.evidence.EvidenceLedger;

/**
 * The evidence ledger, newest first, and its verification.
 */
@Controller
class LedgerController {

	static final int PAGE_SIZE = 50;

	private final EvidenceLedger ledger;

	LedgerController(EvidenceLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/ledger")
	String ledger(@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before, Model model) {
		var entries = ledger.page(before, PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("size", ledger.size());
		model.addAttribute("next", entries.size() == PAGE_SIZE ? entries.getLast().sequence() : 0);
		return "ledger";
	}

	@GetMapping("/ledger/verification")
	String verification(@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
		model.addAttribute("verification", ApiViews.VerificationView.of(ledger.verify()));
		return htmx ? "ledger :: verification" : "ledger-verification";
	}

}
