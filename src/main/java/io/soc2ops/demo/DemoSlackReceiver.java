package io.soc2ops.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Slack's incoming webhooks that the demo starts on the loopback
 * interface, answering as Slack does ({@code ok}, {@code invalid_payload},
 * {@code no_service}), so that the demo's alerts travel the same way as real ones: from
 * the outbox, through the Slack SDK, over HTTP. What it takes goes to the
 * {@link SlackInbox}.
 */
@Component
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
class DemoSlackReceiver implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DemoSlackReceiver.class);

	private static final int MAX_BODY = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SlackInbox inbox;

	private final DemoSettings settings;

	/**
	 * The secret part of the webhook URL, new on every start as a revoked one would be.
	 */
	private final String path = "/services/TDEMO0001/BDEMO0001/" + secret();

	private volatile @Nullable HttpServer server;

	DemoSlackReceiver(SlackInbox inbox, DemoSettings settings) {
		this.inbox = inbox;
		this.settings = settings;
	}

	/** The webhook URL a route needs to send here; valid while the demo runs. */
	String webhookUrl() {
		var listening = server;
		if (listening == null) {
			throw new IllegalStateException("the demo's Slack receiver is not running");
		}
		return "http://127.0.0.1:" + listening.getAddress().getPort() + path;
	}

	@Override
	public void start() {
		HttpServer listening;
		try {
			listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.slackPort()),
					0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the demo's Slack receiver could not listen on port " + settings.slackPort(),
					ex);
		}
		listening.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		listening.createContext("/", this::receive);
		listening.start();
		server = listening;
		log.info("Demo Slack receiver listening on 127.0.0.1:{}", listening.getAddress().getPort());
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getPath())) {
				answer(exchange, 404, "no_service");
				return;
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readNBytes(MAX_BODY + 1);
			}
			String payload = new String(body, StandardCharsets.UTF_8);
			if (body.length > MAX_BODY || !isMessage(payload)) {
				answer(exchange, 400, "invalid_payload");
				return;
			}
			inbox.received(payload);
			answer(exchange, 200, "ok");
		}
	}

	/** As Slack: JSON with text or blocks. */
	private static boolean isMessage(String payload) {
		try {
			var message = JSON.readTree(payload);
			return message.isObject() && (message.hasNonNull("text") || message.path("blocks").isArray());
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static void answer(HttpExchange exchange, int status, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	private static String secret() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public void stop() {
		var listening = server;
		if (listening != null) {
			listening.stop(1);
			server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

}
