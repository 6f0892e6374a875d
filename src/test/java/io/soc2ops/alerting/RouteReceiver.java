package io.soc2ops.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Slack's incoming webhooks: {@code POST /hooks/{route}} takes a
 * message and answers as told (200 {@code ok} unless a test queued other answers for the
 * route), and keeps every message it got, with the delivery IDs from its metadata.
 */
final class RouteReceiver implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Queue<Answer>> answers = new ConcurrentHashMap<>();

	private volatile Duration delay = Duration.ZERO;

	/** One message as it arrived and what it was answered. */
	record Received(Instant at, String route, JsonNode message, int status) {

		boolean accepted() {
			return status / 100 == 2;
		}

		List<String> deliveryIds() {
			String ids = message.path("metadata").path("event_payload").path("delivery_ids").asString("");
			return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
		}

		int count() {
			return message.path("metadata").path("event_payload").path("count").asInt();
		}

	}

	/** An answer to one message, given after {@code delay}. */
	record Answer(int status, String body, Map<String, String> headers, Duration delay) {

		static Answer of(int status, String body) {
			return new Answer(status, body, Map.of(), Duration.ZERO);
		}

		Answer after(Duration wait) {
			return new Answer(status, body, headers, wait);
		}

	}

	private RouteReceiver(HttpServer server) {
		this.server = server;
	}

	static RouteReceiver start() {
		try {
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
			var receiver = new RouteReceiver(server);
			server.createContext("/hooks/", receiver::handle);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url(String route) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + route;
	}

	/** The route's next messages get these answers, in order; later ones 200 again. */
	void answer(String route, Answer... next) {
		answers.computeIfAbsent(route, name -> new ConcurrentLinkedQueue<>()).addAll(List.of(next));
	}

	/** Every answer takes this long. */
	void delay(Duration delay) {
		this.delay = delay;
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	List<Received> received(String route) {
		return received.stream().filter(message -> message.route().equals(route)).toList();
	}

	/** The delivery IDs of the messages it accepted, each as often as it came. */
	List<String> deliveredIds() {
		return received.stream().filter(Received::accepted).flatMap(m -> m.deliveryIds().stream()).toList();
	}

	List<String> deliveredIds(String route) {
		return received(route).stream().filter(Received::accepted).flatMap(m -> m.deliveryIds().stream()).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String route = exchange.getRequestURI().getPath().substring("/hooks/".length());
			byte[] body = exchange.getRequestBody().readAllBytes();
			var queued = answers.get(route);
			var answer = queued == null || queued.isEmpty() ? Answer.of(200, "ok") : queued.poll();
			pause(delay.plus(answer.delay()));
			received.add(new Received(Instant.now(), route, JSON.readTree(new String(body, StandardCharsets.UTF_8)),
					answer.status()));
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), reply.length);
			exchange.getResponseBody().write(reply);
		}
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** A receiver of the context's own, closed with it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OfTheContext {

		@Bean(destroyMethod = "close")
		RouteReceiver slackReceiver() {
			return RouteReceiver.start();
		}

	}

}
