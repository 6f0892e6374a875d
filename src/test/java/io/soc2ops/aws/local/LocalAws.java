package io.soc2ops.aws.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local AWS endpoint for tests and benchmarks: one HTTP server on 127.0.0.1 that speaks
 * the wire protocols of the calls soc2ops makes — Security Hub (restJson1:
 * {@code GetFindings}, {@code GetEnabledStandards}, {@code BatchUpdateFindings}), Amazon
 * Inspector (restJson1: {@code ListFindings}, {@code BatchGetAccountStatus}), STS
 * (awsQuery: {@code AssumeRole}, {@code GetCallerIdentity}) and Organizations
 * (awsJson1_1: {@code ListAccounts}) — with responses in AWS's documented shapes.
 * <p>
 * The caller's account is read from the access key ID of the SigV4 {@code Authorization}
 * header: {@link #accessKeyId(String)} gives the installation's own key, and
 * {@code AssumeRole} hands out {@code ASIA<account>ROLE}; the Region and service come
 * from the signature's credential scope. Per account and Region it can be scripted with
 * findings, enabled standards or Security Hub not enabled, Inspector findings, Inspector
 * not enabled or a page of them that fails; per operation with throttling for the first N
 * calls, a refusal, a fixed latency, a hang or a gate the test opens. Every request is
 * logged.
 */
public final class LocalAws implements AutoCloseable {

	/** The secret key of every access key this endpoint hands out or accepts. */
	public static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

	/** The FSBP standard as Security Hub names it in its ARNs. */
	public static final String FSBP = "aws-foundational-security-best-practices/v/1.0.0";

	/** CIS AWS Foundations Benchmark v3.0.0 as Security Hub names it in its ARNs. */
	public static final String CIS = "cis-aws-foundations-benchmark/v/3.0.0";

	private static final Pattern CREDENTIAL = Pattern
		.compile("Credential=([A-Z0-9]+)/[0-9]{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");

	private static final Pattern KEY_ACCOUNT = Pattern.compile("(?:AKIA|ASIA)([0-9]{12})[A-Z0-9]*");

	/** One request as it arrived, and the HTTP status it got. */
	public record Call(String service, String operation, @Nullable String account, String region, String accessKeyId,
			String body, int status) {

		/** The IAM action the call needs, e.g. {@code securityhub:GetFindings}. */
		public String action() {
			return Protocol.of(service).action(operation);
		}

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final CountDownLatch closing = new CountDownLatch(1);

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger peakInFlight = new AtomicInteger();

	final Script script = new Script();

	private LocalAws(HttpServer server) {
		this.server = server;
	}

	/** Starts an endpoint on a free port of 127.0.0.1. */
	public static LocalAws start() {
		try {
			var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			var aws = new LocalAws(server);
			server.setExecutor(aws.executor);
			server.createContext("/", aws::handle);
			server.start();
			return aws;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the local AWS endpoint", ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/** The long-term access key ID of an account's own principal. */
	public static String accessKeyId(String account) {
		return "AKIA" + account + "USER";
	}

	/** The installation's own credentials as an account's principal. */
	public static AwsCredentialsProvider credentials(String account) {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId(account), SECRET));
	}

	// ---- scripting

	/**
	 * The Organization {@code ListAccounts} answers with: the management account first,
	 * all ACTIVE.
	 */
	public LocalAws organization(String management, String... members) {
		script.management = management;
		script.accounts.clear();
		script.accounts.add(management);
		script.accounts.addAll(List.of(members));
		return this;
	}

	/** An account that {@code ListAccounts} lists as SUSPENDED. */
	public LocalAws suspended(String account) {
		script.accounts.add(account);
		script.suspended.add(account);
		return this;
	}

	/** Findings {@code GetFindings} serves in an account and Region, in this order. */
	public LocalAws findings(String account, String region, List<String> findings) {
		script.findings.computeIfAbsent(account + "/" + region, k -> new CopyOnWriteArrayList<>()).addAll(findings);
		return this;
	}

	/** The new Security Hub is enabled in an account and Region. */
	public LocalAws securityHubV2(String account, String region) {
		script.hubV2.add(account + "/" + region);
		return this;
	}

	/**
	 * OCSF findings {@code GetFindingsV2} serves in an account and Region, in this order;
	 * the new Security Hub is enabled there.
	 */
	public LocalAws findingsV2(String account, String region, List<String> findings) {
		securityHubV2(account, region);
		script.findingsV2.computeIfAbsent(account + "/" + region, k -> new CopyOnWriteArrayList<>()).addAll(findings);
		return this;
	}

	/** The standards enabled in an account and Region (by default FSBP and CIS). */
	public LocalAws standards(String account, String region, String... standards) {
		script.standards.put(account + "/" + region, List.of(standards));
		return this;
	}

	/**
	 * Security Hub is not enabled in an account and Region: its calls answer
	 * {@code InvalidAccessException}.
	 */
	public LocalAws securityHubNotEnabled(String account, String region) {
		script.hubDisabled.add(account + "/" + region);
		return this;
	}

	/**
	 * Findings Inspector's {@code ListFindings} serves in an account and Region, in this
	 * order (JSON in the shape of its {@code Finding}, as {@link SampleInspectorFindings}
	 * builds them).
	 */
	public LocalAws inspectorFindings(String account, String region, List<String> findings) {
		script.inspectorFindings.computeIfAbsent(account + "/" + region, k -> new CopyOnWriteArrayList<>())
			.addAll(findings);
		return this;
	}

	/**
	 * Amazon Inspector is not enabled in an account and Region:
	 * {@code BatchGetAccountStatus} says {@code DISABLED}, {@code ListFindings} answers
	 * {@code AccessDeniedException}.
	 */
	public LocalAws inspectorNotEnabled(String account, String region) {
		script.inspectorDisabled.add(account + "/" + region);
		return this;
	}

	/**
	 * Page {@code page} (1, 2, ...) of {@code ListFindings} in an account and Region
	 * always answers {@code InternalServerException}, retries included.
	 */
	public LocalAws failInspectorPage(String account, String region, int page) {
		script.failingInspectorPages.put(account + "/" + region, page);
		return this;
	}

	/**
	 * The next {@code times} {@code BatchUpdateFindings} calls naming this finding list
	 * it in {@code UnprocessedFindings} with this error code.
	 */
	public LocalAws unprocessed(String findingId, String errorCode, int times) {
		script.unprocessed.put(findingId, new Unprocessed(errorCode, new AtomicInteger(times)));
		return this;
	}

	/** A finding {@code BatchUpdateFindings} leaves unprocessed, and how often more. */
	record Unprocessed(String errorCode, AtomicInteger times) {

	}

	/**
	 * An account's IAM as {@code GetAccountAuthorizationDetails} and the credential
	 * report calls serve it; the returned script adds users, groups, roles and policies.
	 */
	public LocalIam.Account iam(String account) {
		return script.iam(account);
	}

	/** IAM users of an account, each in no group, with ReadOnlyAccess attached. */
	public LocalAws iamUsers(String account, String... userNames) {
		var iam = script.iam(account);
		for (String name : userNames) {
			iam.user(name, List.of(), List.of("ReadOnlyAccess"), Map.of());
		}
		return this;
	}

	/** The credential report {@code GetCredentialReport} sends for an account. */
	public LocalAws credentialReport(String account, String csv) {
		script.iam(account).credentialReport(csv);
		return this;
	}

	/**
	 * The Organization's IAM Identity Center instance, owned by {@code owner} (the
	 * account whose callers {@code ListInstances} lists it to); the returned script adds
	 * users, groups, memberships, permission sets and assignments.
	 */
	public LocalIdentityCenter identityCenter(String instanceArn, String identityStoreId, String owner) {
		var center = new LocalIdentityCenter(instanceArn, identityStoreId, owner);
		script.identityCenter = center;
		return center;
	}

	/**
	 * Page {@code page} (1, 2, ...) of a paginated list call in an account always fails
	 * with a server error (retries included). IAM and Identity Center lists.
	 */
	public LocalAws failPage(String operation, String account, int page) {
		script.failingPages.put(operation + "@" + account, page);
		return this;
	}

	/** {@code AssumeRole} into this account is refused. */
	public LocalAws denyAssumeRole(String account) {
		script.deniedRoles.add(account);
		return this;
	}

	/**
	 * An operation is refused ({@code AccessDeniedException}) for an account's callers.
	 */
	public LocalAws deny(String account, String operation) {
		script.denied.add(account + ":" + operation);
		return this;
	}

	/** The first {@code times} calls of an operation are throttled. */
	public LocalAws throttle(String operation, int times) {
		script.throttles.put(operation, new AtomicInteger(times));
		return this;
	}

	/** Every call waits this long before it is answered. */
	public LocalAws latency(Duration latency) {
		script.latency = latency;
		return this;
	}

	/**
	 * An operation in an account and Region never answers (until this endpoint closes).
	 */
	public LocalAws hang(String account, String region, String operation) {
		script.hangs.add(account + "/" + region + ":" + operation);
		return this;
	}

	/** {@code AssumeRole} requires this external ID. */
	public LocalAws requireExternalId(String externalId) {
		script.externalId = externalId;
		return this;
	}

	/**
	 * Calls of an operation wait at the returned gate until it is opened (or this
	 * endpoint closes): a test can act while a check or collection is under way.
	 */
	public Gate hold(String operation) {
		var gate = new Gate(closing);
		script.gates.put(operation, gate);
		return gate;
	}

	/** Where calls of an operation wait; see {@link #hold(String)}. */
	public static final class Gate {

		private final CountDownLatch arrived = new CountDownLatch(1);

		private final CountDownLatch open = new CountDownLatch(1);

		private final CountDownLatch closing;

		Gate(CountDownLatch closing) {
			this.closing = closing;
		}

		/** Waits until a call has reached the gate. */
		public void awaitArrival() throws InterruptedException {
			if (!arrived.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("no call reached the gate within 30 seconds");
			}
		}

		public void open() {
			open.countDown();
		}

		void pass() {
			arrived.countDown();
			try {
				while (!open.await(100, TimeUnit.MILLISECONDS) && closing.getCount() > 0) {
					// until opened, or the endpoint closes
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** Forgets the script and the request log. */
	public LocalAws reset() {
		script.clear();
		calls.clear();
		return this;
	}

	/** Every request so far, in the order they were answered. */
	public List<Call> calls() {
		return List.copyOf(calls);
	}

	public List<Call> calls(String operation) {
		return calls.stream().filter(call -> call.operation().equals(operation)).toList();
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
		executor.shutdownNow();
	}

	// ---- serving

	private void handle(HttpExchange exchange) throws IOException {
		peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
		try (exchange) {
			String body = read(exchange.getRequestBody());
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			Matcher credential = authorization == null ? null : CREDENTIAL.matcher(authorization);
			if (credential == null || !credential.find()) {
				respond(exchange, new Answer(403, "application/json",
						"{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}"),
						new Call("unknown", "unknown", null, "", "", body, 403));
				return;
			}
			String key = credential.group(1);
			String region = credential.group(2);
			String service = credential.group(3);
			Matcher keyAccount = KEY_ACCOUNT.matcher(key);
			String account = keyAccount.matches() ? keyAccount.group(1) : null;
			var request = new Request(service, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("X-Amz-Target"), body, account, region, key);
			var protocol = Protocol.of(service);
			String operation = protocol.operation(request);
			Answer answer = answer(protocol, operation, request);
			respond(exchange, answer, new Call(service, operation, account, region, key, body, answer.status()));
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	/** The most requests this endpoint has been answering at the same time. */
	public int peakInFlight() {
		return peakInFlight.get();
	}

	private Answer answer(Protocol protocol, String operation, Request request) {
		if (!script.latency.isZero()) {
			await(script.latency);
		}
		var gate = script.gates.get(operation);
		if (gate != null) {
			gate.pass();
		}
		if (script.hangs.contains(request.account() + "/" + request.region() + ":" + operation)) {
			await(Duration.ofMinutes(5));
			return protocol.error(500, "InternalFailure", "the endpoint closed while the call hung");
		}
		var throttle = script.throttles.get(operation);
		if (throttle != null && throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			return protocol.throttled();
		}
		if (script.denied.contains(request.account() + ":" + operation)) {
			return protocol.denied("User: arn:aws:sts::" + request.account()
					+ ":assumed-role/soc2ops-readonly/soc2ops is not authorized to perform: "
					+ protocol.action(operation));
		}
		return protocol.serve(operation, request, script);
	}

	private void await(Duration duration) {
		try {
			closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void respond(HttpExchange exchange, Answer answer, Call call) throws IOException {
		calls.add(call);
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		var headers = exchange.getResponseHeaders();
		headers.set("Content-Type", answer.contentType());
		headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
		answer.headers().forEach(headers::set);
		try {
			exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
		catch (IOException ex) {
			// the client gave up (a timeout): nobody is listening any more
		}
	}

	private static String read(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	/** A request as the protocol handlers see it. */
	record Request(String service, String method, String path, @Nullable String target, String body,
			@Nullable String account, String region, String accessKeyId) {

	}

	/** A response. */
	record Answer(int status, String contentType, String body, Map<String, String> headers) {

		Answer(int status, String contentType, String body) {
			this(status, contentType, body, Map.of());
		}

	}

	/** What the endpoint has been told to do. */
	static final class Script {

		volatile @Nullable String management;

		final List<String> accounts = new CopyOnWriteArrayList<>();

		final Set<String> suspended = ConcurrentHashMap.newKeySet();

		final Map<String, List<String>> findings = new ConcurrentHashMap<>();

		final Map<String, List<String>> standards = new ConcurrentHashMap<>();

		final Set<String> hubDisabled = ConcurrentHashMap.newKeySet();

		final Set<String> hubV2 = ConcurrentHashMap.newKeySet();

		final Map<String, List<String>> findingsV2 = new ConcurrentHashMap<>();

		final Map<String, List<String>> inspectorFindings = new ConcurrentHashMap<>();

		final Set<String> inspectorDisabled = ConcurrentHashMap.newKeySet();

		final Map<String, Integer> failingInspectorPages = new ConcurrentHashMap<>();

		final Map<String, LocalIam.Account> iam = new ConcurrentHashMap<>();

		volatile @Nullable LocalIdentityCenter identityCenter;

		final Map<String, Integer> failingPages = new ConcurrentHashMap<>();

		final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();

		final Set<String> denied = ConcurrentHashMap.newKeySet();

		final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();

		final Map<String, Unprocessed> unprocessed = new ConcurrentHashMap<>();

		final Set<String> hangs = ConcurrentHashMap.newKeySet();

		final Map<String, Gate> gates = new ConcurrentHashMap<>();

		volatile Duration latency = Duration.ZERO;

		volatile @Nullable String externalId;

		List<String> standards(String account, String region) {
			return standards.getOrDefault(account + "/" + region, List.of(FSBP, CIS));
		}

		List<String> findings(String account, String region) {
			return new ArrayList<>(findings.getOrDefault(account + "/" + region, List.of()));
		}

		boolean hubV2Enabled(@Nullable String account, String region) {
			return hubV2.contains(account + "/" + region);
		}

		List<String> findingsV2(String account, String region) {
			return new ArrayList<>(findingsV2.getOrDefault(account + "/" + region, List.of()));
		}

		List<String> inspectorFindings(@Nullable String account, String region) {
			return new ArrayList<>(inspectorFindings.getOrDefault(account + "/" + region, List.of()));
		}

		boolean inspectorEnabled(@Nullable String account, String region) {
			return !inspectorDisabled.contains(account + "/" + region);
		}

		/** The page of {@code ListFindings} that fails there, or 0. */
		int failingInspectorPage(@Nullable String account, String region) {
			return failingInspectorPages.getOrDefault(account + "/" + region, 0);
		}

		LocalIam.Account iam(String account) {
			return iam.computeIfAbsent(account, k -> new LocalIam.Account());
		}

		boolean failsPage(String operation, @Nullable String account, int page) {
			return failingPages.getOrDefault(operation + "@" + account, 0) == page;
		}

		void clear() {
			iam.clear();
			identityCenter = null;
			failingPages.clear();
			management = null;
			accounts.clear();
			suspended.clear();
			findings.clear();
			standards.clear();
			hubDisabled.clear();
			hubV2.clear();
			findingsV2.clear();
			inspectorFindings.clear();
			inspectorDisabled.clear();
			failingInspectorPages.clear();
			deniedRoles.clear();
			denied.clear();
			throttles.clear();
			unprocessed.clear();
			hangs.clear();
			gates.values().forEach(Gate::open);
			gates.clear();
			latency = Duration.ZERO;
			externalId = null;
		}

	}

}
