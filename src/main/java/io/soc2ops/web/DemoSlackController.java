package io.soc2ops.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.soc2ops.demo.SlackInbox;

/**
 * "What Slack would have received": the messages the demo's local Slack receiver took,
 * drawn as a channel would show them. Outside the demo there is no such receiver, and the
 * page says so.
 */
@Controller
class DemoSlackController {

	static final int SHOWN = 100;

	private final ObjectProvider<SlackInbox> inbox;

	DemoSlackController(ObjectProvider<SlackInbox> inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/demo/slack")
	String slack(Model model) {
		var available = inbox.getIfAvailable();
		model.addAttribute("demo", available != null);
		model.addAttribute("messages", available == null ? java.util.List.of() : available.newest(SHOWN));
		model.addAttribute("total", available == null ? 0 : available.count());
		return "demo-slack";
	}

}
