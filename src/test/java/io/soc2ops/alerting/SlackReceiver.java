package io.soc2ops.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Slack's incoming webhooks on {@code 127.0.0.1} and a free port: it
 * records every request, and answers as it is told: 200 {@code ok} by default, any status
 * with Slack's body for it (and a {@code Retry-After} if wanted), a failing fraction of
 * requests, or slowly. It can be stopped (the port then refuses connections) and
 * restarted on the same port; what it recorded survives a restart.
 *
 * <pre>
 * try (var slack = SlackReceiver.start()) {
 *     routes.create("security", slack.webhookUrl(), true, by);
 *     ...
 *     assertThat(slack.delivered()).hasSize(1);
 * }
 * </pre>
 *
 * Webhook URLs on 127.0.0.1 are accepted only with
 * {@code soc2ops.alerting.local-webhooks-allowed=true}, which the test configuration
 * sets.
 */
public final class SlackReceiver implements AutoCloseable {

	/** One request as received, and the status it was answered with. */
	public record Request(String path, String body, int status) {
	}

	private final List<Request> requests = new ArrayList<>();

	private final AtomicLong count = new AtomicLong();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final int port;

	private final String webhookPath;

	private volatile Answer answer = new Answer(200, null, 1.0, Duration.ZERO);

	private @Nullable HttpServer server;

	private record Answer(int failStatus, @Nullable String retryAfter, double fraction, Duration delay) {
	}

	private SlackReceiver() {
		this.server = bind(0);
		this.port = server.getAddress().getPort();
		var secret = new byte[12];
		new SecureRandom().nextBytes(secret);
		this.webhookPath = "/services/T0LOCAL00/B0LOCAL00/" + HexFormat.of().formatHex(secret);
	}

	/** A receiver listening on {@code 127.0.0.1} and a free port, answering 200. */
	public static SlackReceiver start() {
		return new SlackReceiver();
	}

	public int port() {
		return port;
	}

	/**
	 * A webhook URL of this receiver shaped like Slack's
	 * ({@code /services/T…/B…/<24 hex digits>}); the same for the receiver's life.
	 */
	public String webhookUrl() {
		return url(webhookPath);
	}

	/** The path of {@link #webhookUrl()}: the part a log or error must never show. */
	public String webhookPath() {
		return webhookPath;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Answer every request from now on with this status (and Slack's body for it). */
	public SlackReceiver answer(int status) {
		answer = new Answer(status, null, 1.0, Duration.ZERO);
		return this;
	}

	/** Answer every request with this status and {@code Retry-After} header. */
	public SlackReceiver answer(int status, String retryAfter) {
		answer = new Answer(status, retryAfter, 1.0, Duration.ZERO);
		return this;
	}

	/**
	 * Answer this fraction of the requests from now on with {@code status}, spread evenly
	 * (0.3: three in every ten), and the others with 200.
	 */
	public SlackReceiver fail(double fraction, int status) {
		answer = new Answer(status, null, fraction, Duration.ZERO);
		return this;
	}

	/** Answer 200, but only after {@code delay} (to run into a client's read timeout). */
	public SlackReceiver answerAfter(Duration delay) {
		answer = new Answer(200, null, 0.0, delay);
		return this;
	}

	/** Every request received so far, in the order they arrived. */
	public List<Request> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	/** The bodies of the requests answered with 2xx: what Slack would have shown. */
	public List<String> delivered() {
		return requests().stream().filter(r -> r.status() / 100 == 2).map(Request::body).toList();
	}

	/** Closes the port: connections are refused until {@link #restart()}. */
	public synchronized void stop() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	/** Listens again on the same port. */
	public synchronized void restart() {
		if (server == null) {
			server = bind(port);
		}
	}

	@Override
	public void close() {
		stop();
		executor.close();
	}

	private HttpServer bind(int onPort) {
		for (int attempt = 0;; attempt++) {
			try {
				var bound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 256);
				bound.createContext("/", this::handle);
				bound.setExecutor(executor);
				bound.start();
				return bound;
			}
			catch (BindException ex) {
				if (attempt == 50) {
					throw new UncheckedIOException("port " + onPort + " stays in use", ex);
				}
				pause(Duration.ofMillis(100));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var now = answer;
			pause(now.delay());
			long n = count.getAndIncrement();
			boolean fails = Math.floor((n + 1) * now.fraction()) > Math.floor(n * now.fraction());
			int status = fails ? now.failStatus() : 200;
			synchronized (requests) {
				requests.add(new Request(exchange.getRequestURI().getRawPath(), body, status));
			}
			if (fails && now.retryAfter() != null) {
				exchange.getResponseHeaders().set("Retry-After", now.retryAfter());
			}
			byte[] answerBody = slackBody(status).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.sendResponseHeaders(status, answerBody.length);
			exchange.getResponseBody().write(answerBody);
		}
	}

	/** What Slack's incoming webhooks answer with each status. */
	private static String slackBody(int status) {
		return switch (status) {
			case 200 -> "ok";
			case 400 -> "invalid_payload";
			case 403 -> "action_prohibited";
			case 404 -> "no_service";
			case 410 -> "channel_is_archived";
			case 429 -> "rate_limited";
			default -> status >= 500 ? "rollup_error" : "error";
		};
	}

	private static void pause(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
