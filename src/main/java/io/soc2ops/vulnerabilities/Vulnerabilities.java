package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.policies.SlaPolicy;

/**
 * The vulnerabilities soc2ops tracks, one per Inspector finding and resource, each with
 * its deadline under the approved policy and its status now; and the policy versions it
 * was told of.
 */
@Service
public class Vulnerabilities {

	public static final int MAX_PAGE_SIZE = 500;

	private final VulnerabilityQueries queries;

	private final SlaPolicies policies;

	private final RiskAcceptances exceptions;

	private final Clock clock;

	Vulnerabilities(VulnerabilityQueries queries, SlaPolicies policies, RiskAcceptances exceptions, Clock clock) {
		this.queries = queries;
		this.policies = policies;
		this.exceptions = exceptions;
		this.clock = clock;
	}

	/**
	 * One page of those the filter selects, most urgent first.
	 * @param page from 1
	 */
	@Transactional(readOnly = true)
	public VulnerabilityPage list(VulnerabilityFilter filter, int page, int size) {
		if (page < 1) {
			throw new IllegalArgumentException("page: must be 1 or more but was " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("size: must be 1-" + MAX_PAGE_SIZE + " but was " + size);
		}
		Instant now = clock.instant();
		var rows = queries.page(filter, now, size, (long) (page - 1) * size);
		var windows = queries.exceptionWindows(rows.stream().map(ItemRow::id).toList());
		var known = policyLookup();
		var items = rows.stream()
			.map(row -> row.toVulnerability(now, windows.getOrDefault(row.id(), List.of()), known))
			.toList();
		return new VulnerabilityPage(items, page, size, queries.count(filter, now));
	}

	/** One vulnerability with its history and the exceptions asked for it. */
	@Transactional(readOnly = true)
	public Optional<VulnerabilityFile> find(long id) {
		Instant now = clock.instant();
		return queries.byId(id).map(row -> {
			var windows = queries.exceptionWindows(List.of(id)).getOrDefault(id, List.of());
			return new VulnerabilityFile(row.toVulnerability(now, windows, policyLookup()), queries.history(id),
					exceptions.covering(id));
		});
	}

	/** How many vulnerabilities stand at each status now. */
	@Transactional(readOnly = true)
	public Map<VulnerabilityStatus, Long> counts() {
		return queries.counts(clock.instant());
	}

	/** The policy version in force today, if any. */
	@Transactional(readOnly = true)
	public Optional<SlaPolicy> policyInForce() {
		return policies.inForceOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	/** Every policy version soc2ops was told of, and the one in force today. */
	@Transactional(readOnly = true)
	public PolicyVersions policies() {
		return new PolicyVersions(policyInForce().map(SlaPolicy::version).orElse(null), policies.all());
	}

	/**
	 * A vulnerability's deadline as the policy version that set it says: the due time, or
	 * why there is none (no policy in force, not covered, no time for its severity).
	 */
	@Transactional(readOnly = true)
	public Deadline deadline(Vulnerability vulnerability) {
		return Deadline.stored(vulnerability.dueAt(), vulnerability.slaDays(), vulnerability.policyVersion(),
				policyLookup(), vulnerability.accountId(), vulnerability.resourceType());
	}

	/**
	 * The policy versions in force on some day of a period (the rule of
	 * {@link #policyInForce}, day by day), in the order they came into force.
	 */
	@Transactional(readOnly = true)
	public List<SlaPolicy> policiesDuring(ReportPeriod period) {
		var days = new java.util.TreeSet<LocalDate>();
		days.add(period.from());
		for (var policy : policies.all()) {
			if (policy.effectiveFrom().isAfter(period.from()) && !policy.effectiveFrom().isAfter(period.to())) {
				days.add(policy.effectiveFrom());
			}
		}
		var inForce = new java.util.LinkedHashMap<Integer, SlaPolicy>();
		for (var day : days) {
			policies.inForceOn(day).ifPresent(policy -> inForce.putIfAbsent(policy.version(), policy));
		}
		return List.copyOf(inForce.values());
	}

	private IntFunction<Optional<SlaPolicy>> policyLookup() {
		Map<Integer, SlaPolicy> byVersion = policies.all()
			.stream()
			.collect(Collectors.toMap(SlaPolicy::version, Function.identity()));
		return version -> Optional.ofNullable(byVersion.get(version));
	}

}
