package io.soc2ops.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.soc2ops.catalog.Catalog;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingQuery;
import io.soc2ops.findings.FindingRejected;
import io.soc2ops.findings.Findings;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.ImportProgress;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;
import io.soc2ops.identity.Capability;

/**
 * The findings list with its filters, one finding with its history and the finding as
 * received, and importing a file of findings.
 */
@Controller
class FindingsController {

	private final Findings findings;

	private final FindingsIntake intake;

	private final Catalog catalog;

	private final DataSize maxUpload;

	FindingsController(Findings findings, FindingsIntake intake, Catalog catalog,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload) {
		this.findings = findings;
		this.intake = intake;
		this.catalog = catalog;
		this.maxUpload = maxUpload;
	}

	@GetMapping("/findings")
	String list(Filters filters, @RequestParam(defaultValue = "1") int page, Authentication authentication, Model model,
			HttpServletResponse response) {
		model.addAttribute("filters", filters);
		model.addAttribute("facets", findings.facets());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("statuses", FindingQuery.Status.values());
		model.addAttribute("mayImport", Capability.IMPORT_FINDINGS.allows(authentication));
		try {
			model.addAttribute("page", findings.page(filters.query(page)));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		return "findings";
	}

	@GetMapping("/findings/{id}")
	String finding(@PathVariable String id, Model model) {
		var finding = findings.find(id).orElseThrow(() -> NotFound.of("no finding " + id));
		model.addAttribute("finding", finding);
		String control = finding.summary().securityControlId();
		model.addAttribute("control", control == null ? null : catalog.securityHubControl(control).orElse(null));
		return "finding";
	}

	@GetMapping("/findings/import")
	String importPage(Authentication authentication, Model model) {
		model.addAttribute("mayImport", Capability.IMPORT_FINDINGS.allows(authentication));
		model.addAttribute("maxBytes", maxUpload.toBytes());
		model.addAttribute("maxMegabytes", Math.max(1, maxUpload.toMegabytes()));
		return "findings-import";
	}

	@PostMapping("/findings/import")
	String importFile(@RequestParam(required = false) @Nullable MultipartFile file, Authentication authentication,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problem", "no file was chosen, or the file is empty");
			return "redirect:/findings/import";
		}
		String name = origin(file.getOriginalFilename());
		redirect.addFlashAttribute("fileName", name);
		try (InputStream input = file.getInputStream()) {
			var result = intake.accept(input, IntakeChannel.FILE, name, Actor.user(authentication.getName()),
					ImportProgress.NONE);
			redirect.addFlashAttribute("result", result);
		}
		catch (FindingRejected ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/findings/import";
	}

	/** The file's name as the browser sent it, without any folder, for the ledger. */
	private static String origin(@Nullable String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		name = name.replaceAll("\\p{Cntrl}", "");
		if (name.isEmpty()) {
			return "upload";
		}
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/**
	 * The filters as typed (request parameters of the same names), kept for the form and
	 * the links to other pages.
	 */
	record Filters(@Nullable String account, @Nullable String region, @Nullable String severity,
			@Nullable String product, @Nullable String control, @Nullable String criterion, @Nullable String status,
			@Nullable String q) {

		FindingQuery query(int page) {
			return FindingQuery.parse(account, region, severity, product, control, criterion, status, q, page,
					FindingQuery.DEFAULT_SIZE);
		}

		/**
		 * This list on another page. Values go in as URI variables, so that a search for
		 * {@code a&b} or {@code 1+1} comes back as typed.
		 */
		public String link(int page) {
			var uri = UriComponentsBuilder.fromPath("/findings");
			var values = new java.util.LinkedHashMap<String, Object>();
			add(uri, values, "account", account);
			add(uri, values, "region", region);
			add(uri, values, "severity", severity);
			add(uri, values, "product", product);
			add(uri, values, "control", control);
			add(uri, values, "criterion", criterion);
			add(uri, values, "status", status);
			add(uri, values, "q", q);
			if (page > 1) {
				add(uri, values, "page", String.valueOf(page));
			}
			return uri.encode().buildAndExpand(values).toUriString();
		}

		public boolean any() {
			return link(1).contains("?");
		}

		private static void add(UriComponentsBuilder uri, java.util.Map<String, Object> values, String name,
				@Nullable String value) {
			if (value != null && !value.isBlank()) {
				uri.queryParam(name, "{" + name + "}");
				values.put(name, value.strip());
			}
		}

	}

}
