package io.soc2ops.aws;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;
import io.soc2ops.evidence.Actor;

/**
 * The collector's fan-out, measured (run by {@code bench/collector-fanout}): an
 * Organization of N accounts in R Regions on the local AWS endpoint with a fixed latency
 * per call, one full Security Hub collection through the real application context (H2 in
 * a temporary directory), and the lower bound that the settings of that context allow. It
 * lives with the tests because the local endpoint does, and in this package because the
 * bound is computed from the same {@link AwsSettings} and {@link ApiLimits} the run used.
 */
final class CollectorFanoutBenchmark {

	static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
			"eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-northeast-2",
			"ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-south-1", "sa-east-1");

	private CollectorFanoutBenchmark() {
	}

	/**
	 * @param args accounts, Regions (at most 17), latency per call in ms, findings per
	 * account and Region, findings per GetFindings page, then any
	 * {@code --soc2ops.aws.*=...} settings
	 */
	public static void main(String[] args) throws Exception {
		int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100;
		int regions = args.length > 1 ? Integer.parseInt(args[1]) : 17;
		Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 50);
		int findings = args.length > 3 ? Integer.parseInt(args[3]) : 3;
		int pageSize = args.length > 4 ? Integer.parseInt(args[4]) : 2;
		var extra = args.length > 5 ? List.of(args).subList(5, args.length) : List.<String>of();

		var ids = new ArrayList<String>();
		for (int i = 0; i < accounts; i++) {
			ids.add("%012d".formatted(100000000000L + i));
		}
		var inScope = REGIONS.subList(0, regions);
		var aws = LocalAws.start();
		aws.organization(ids.getFirst(), ids.subList(1, ids.size()).toArray(String[]::new));
		Instant updated = Instant.now().minus(Duration.ofHours(1));
		for (String account : ids) {
			for (String region : inScope) {
				aws.findings(account, region, SampleFindings.s3Buckets(account, region, findings, updated));
			}
		}
		// the installation's own credentials come from the SDK's default chain, as in
		// production
		System.setProperty("aws.accessKeyId", LocalAws.accessKeyId(ids.getFirst()));
		System.setProperty("aws.secretAccessKey", LocalAws.SECRET);

		var data = Files.createTempDirectory("soc2ops-fanout");
		var properties = new ArrayList<>(List.of("--soc2ops.data-dir=" + data, "--soc2ops.aws.enabled=true",
				"--soc2ops.aws.mode=ORGANIZATION", "--soc2ops.aws.regions=" + String.join(",", inScope),
				"--soc2ops.aws.endpoint=" + aws.endpoint(), "--soc2ops.aws.page-size=" + pageSize,
				"--soc2ops.identity.admin-password=bench-password-123", "--logging.level.root=WARN",
				"--logging.level.io.soc2ops=WARN"));
		properties.addAll(extra);
		try (var context = new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run(properties.toArray(String[]::new))) {
			var settings = context.getBean(AwsSettings.class);
			var collector = context.getBean(SecurityHubCollector.class);
			System.out.printf(
					"%d accounts x %d Regions = %d account-Regions, %d ms per call, %d findings per"
							+ " account-Region in pages of %d; %s%n",
					accounts, regions, accounts * regions, latency.toMillis(), findings, pageSize, limits(settings));
			aws.latency(latency);

			for (String run : List.of("first (cold: AssumeRole, clients, first sync)",
					"second (warm: roles cached, nothing new)")) {
				int callsBefore = aws.calls().size();
				var sampler = new Sampler();
				sampler.start();
				long start = System.nanoTime();
				var summary = collector.collect(Actor.system("bench"));
				long wall = System.nanoTime() - start;
				sampler.stop();
				var calls = aws.calls().subList(callsBefore, aws.calls().size());
				var bound = Bound.of(calls, settings, latency);
				System.out.printf("%s collection: %.2f s wall, lower bound %.2f s (%s) -> %.2fx the bound%n", run,
						wall / 1e9, bound.seconds(), bound.why(), wall / 1e9 / bound.seconds());
				System.out.printf("  %d calls %s; %d findings received, %d failed account-Regions%n", calls.size(),
						perOperation(calls), summary.received(), summary.failures().size());
				System.out.printf(
						"  peak: %d requests in flight at the endpoint, %d platform threads, %d MiB heap"
								+ " used (sampled every 10 ms; the endpoint runs in the same JVM)%n",
						aws.peakInFlight(), sampler.threads(), sampler.heap() >> 20);
			}
		}
		finally {
			aws.close();
		}
	}

	static String limits(AwsSettings settings) {
		var limits = settings.rateLimits();
		return "rate limits: GetFindings %s/s, Security Hub %s/s per account-Region; Organizations %s/s; STS %s/s;"
			.formatted(limits.getFindings(), limits.securityHub(), limits.organizations(), limits.sts())
				+ " max-concurrency " + limits.maxConcurrency();
	}

	static Map<String, Long> perOperation(List<LocalAws.Call> calls) {
		var counts = new TreeMap<String, Long>();
		calls.forEach(call -> counts.merge(call.operation(), 1L, Long::sum));
		return counts;
	}

	/**
	 * The least time the collection could take with these calls under these settings:
	 * listing the accounts comes first (its pages one after the other, at the
	 * Organizations rate); then the longest of: the busiest rate bucket (a bucket lets a
	 * burst of one second's worth through, then its rate), the longest chain of calls in
	 * one account-Region (AssumeRole, GetEnabledStandards, then the GetFindings pages,
	 * one after the other), and all the account-Regions' calls spread over
	 * {@code max-concurrency} at a time.
	 */
	record Bound(double seconds, String why) {

		static Bound of(List<LocalAws.Call> calls, AwsSettings settings, Duration latency) {
			double l = latency.toNanos() / 1e9;
			var limits = new ApiLimits(settings.rateLimits());
			var buckets = new HashMap<String, Long>();
			var chains = new HashMap<String, Long>();
			var assumed = new HashMap<String, Long>();
			long pages = 0;
			long work = 0;
			for (var call : calls) {
				String operation = call.operation();
				String scope = switch (operation) {
					case "ListAccounts" -> "organization";
					case "AssumeRole" -> "caller";
					default -> call.account() + "/" + call.region();
				};
				buckets.merge(sdkName(call.service()) + ":" + operation + "@" + scope, 1L, Long::sum);
				if (operation.equals("ListAccounts")) {
					pages++;
					continue;
				}
				work++;
				if (operation.equals("AssumeRole")) {
					assumed.merge(roleAccount(call.body()), 1L, Long::sum);
				}
				else {
					chains.merge(call.account() + "/" + call.region(), 1L, Long::sum);
				}
			}
			double listing = Math.max(pages * l, bucket(pages, limits.perSecond("Organizations", "ListAccounts")) + l);
			double busiest = 0;
			String busiestName = "";
			for (var bucket : buckets.entrySet()) {
				if (bucket.getKey().contains("ListAccounts")) {
					continue;
				}
				String[] parts = bucket.getKey().split("[:@]");
				double time = bucket(bucket.getValue(), limits.perSecond(parts[0], parts[1])) + l;
				if (time > busiest) {
					busiest = time;
					busiestName = bucket.getKey() + " x" + bucket.getValue();
				}
			}
			long longestChain = 0;
			for (var chain : chains.entrySet()) {
				String account = chain.getKey().substring(0, 12);
				longestChain = Math.max(longestChain, chain.getValue() + assumed.getOrDefault(account, 0L));
			}
			double spread = work * l / settings.rateLimits().maxConcurrency();
			double after = Math.max(busiest, Math.max(longestChain * l, spread));
			return new Bound(listing + after,
					"listing accounts %.2f s + max(busiest bucket %s %.2f s, longest chain %d calls %.2f s, %d calls x %d ms / %d at a time %.2f s)"
						.formatted(listing, busiestName, busiest, longestChain, longestChain * l, work,
								latency.toMillis(), settings.rateLimits().maxConcurrency(), spread));
		}

		/**
		 * Seconds until the last of {@code n} calls may start in a bucket at this rate.
		 */
		static double bucket(long n, double perSecond) {
			double burst = Math.max(1, Math.floor(perSecond));
			return Math.max(0, (n - burst) / perSecond);
		}

		static String sdkName(String signingName) {
			return switch (signingName) {
				case "securityhub" -> "SecurityHub";
				case "organizations" -> "Organizations";
				case "sts" -> "Sts";
				case "inspector2" -> "Inspector2";
				default -> signingName;
			};
		}

		static String roleAccount(String body) {
			int at = body.indexOf("RoleArn=arn%3Aaws%3Aiam%3A%3A");
			return at < 0 ? "" : body.substring(at + "RoleArn=arn%3Aaws%3Aiam%3A%3A".length()).substring(0, 12);
		}

	}

	/** Samples the peak platform threads and heap in use while a collection runs. */
	static final class Sampler {

		private final AtomicLong heap = new AtomicLong();

		private final AtomicLong threads = new AtomicLong();

		private volatile boolean running = true;

		private final Thread thread = Thread.ofPlatform().daemon().unstarted(this::sample);

		void start() {
			thread.start();
		}

		void stop() throws InterruptedException {
			running = false;
			thread.join();
		}

		long heap() {
			return heap.get();
		}

		long threads() {
			return threads.get();
		}

		private void sample() {
			var memory = ManagementFactory.getMemoryMXBean();
			var threadBean = ManagementFactory.getThreadMXBean();
			while (running) {
				heap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				threads.accumulateAndGet(threadBean.getThreadCount(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
