package io.soc2ops.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.aws.AwsDisabledException;
import io.soc2ops.aws.ConnectionCheck;
import io.soc2ops.aws.EventQueue;
import io.soc2ops.aws.ReadOnlyPolicy;
import io.soc2ops.aws.SecurityHubCollector;
import io.soc2ops.aws.WriteBacks;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * The AWS connection: the settings as soc2ops sees them, the latest connection check per
 * account and Region, the collection syncs (Security Hub, Amazon Inspector), the Security
 * Hub write-back, and the buttons that run a check or a collection in the background (one
 * of each at a time) with their progress.
 */
@Controller
class AwsController {

	private final ConnectionCheck connections;

	private final SecurityHubCollector collector;

	private final ReadOnlyPolicy policy;

	private final EventQueue queue;

	private final WriteBacks writeBacks;

	AwsController(ConnectionCheck connections, SecurityHubCollector collector, ReadOnlyPolicy policy, EventQueue queue,
			WriteBacks writeBacks) {
		this.connections = connections;
		this.collector = collector;
		this.policy = policy;
		this.queue = queue;
		this.writeBacks = writeBacks;
	}

	@GetMapping("/aws")
	String page(Authentication authentication, Model model) {
		var setup = connections.setup();
		model.addAttribute("setup", setup);
		model.addAttribute("mayRun", Capability.RUN_AWS.allows(authentication));
		var report = connections.latestReport().orElse(null);
		model.addAttribute("report", report);
		model.addAttribute("checks", report == null || report.results().isEmpty() ? null
				: AwsMatrix.checks(report.results(), setup.regions()));
		var syncs = collector.syncs();
		model.addAttribute("syncs", syncs.isEmpty() ? null : AwsMatrix.syncs(syncs, setup.regions()));
		var inspectorSyncs = collector.inspectorSyncs();
		model.addAttribute("inspectorSyncs",
				inspectorSyncs.isEmpty() ? null : AwsMatrix.syncs(inspectorSyncs, setup.regions()));
		model.addAttribute("policy", policy.json());
		var queueStatus = queue.status();
		model.addAttribute("queue", queueStatus.configured() ? queueStatus : null);
		model.addAttribute("writeBack", writeBacks.status());
		model.addAttribute("writeBackPolicy", writeBacks.policy());
		model.addAttribute("writeBackPolicyFile", WriteBacks.POLICY_FILE);
		running(model);
		return "aws";
	}

	/**
	 * The progress of a running check or collection, polled by the page while one runs;
	 * once none runs, the page reloads to show the results.
	 */
	@GetMapping("/aws/activity")
	String activity(Model model, HttpServletResponse response) {
		if (!running(model)) {
			response.setHeader("HX-Refresh", "true");
		}
		return "aws :: activity";
	}

	@PostMapping("/aws/check")
	String check(Authentication authentication, RedirectAttributes redirect) {
		try {
			boolean started = connections.start(Actor.user(authentication.getName()));
			redirect.addFlashAttribute("notice", started ? "aws.check.started" : "aws.check.already");
		}
		catch (AwsDisabledException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/aws";
	}

	@PostMapping("/aws/collect")
	String collect(Authentication authentication, RedirectAttributes redirect) {
		try {
			boolean started = collector.start(Actor.user(authentication.getName()));
			redirect.addFlashAttribute("notice", started ? "aws.collect.started" : "aws.collect.already");
		}
		catch (AwsDisabledException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/aws";
	}

	@GetMapping("/aws/policy.json")
	ResponseEntity<byte[]> policy() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(ReadOnlyPolicy.FILE_NAME).build().toString())
			.body(policy.json().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return whether a check or a collection is running
	 */
	private boolean running(Model model) {
		var check = connections.run().orElse(null);
		var collection = collector.run().orElse(null);
		model.addAttribute("checkRun", check);
		model.addAttribute("collectionRun", collection);
		boolean running = (check != null && check.running()) || (collection != null && collection.running());
		model.addAttribute("running", running);
		return running;
	}

}
