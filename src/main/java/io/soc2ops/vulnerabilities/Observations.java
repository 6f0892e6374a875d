package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.soc2ops.policies.SlaPolicy;

/**
 * Brings observations of vulnerabilities into the items, whichever source they came from:
 * one item per finding and resource, created at first sight with its clock and deadline,
 * revised by each newer version (an older one only says the item is still there). Runs in
 * the caller's transaction.
 */
@Component
class Observations {

	private final VulnerabilityStore store;

	private final SlaPolicies policies;

	private final Clock clock;

	Observations(VulnerabilityStore store, SlaPolicies policies, Clock clock) {
		this.store = store;
		this.policies = policies;
		this.clock = clock;
	}

	/**
	 * @throws IllegalArgumentException naming the observation and field; then nothing of
	 * them is stored
	 */
	Outcome apply(List<ObservedVulnerability> observed, VulnerabilitySource source) {
		var latest = new LinkedHashMap<String, ItemValues>();
		for (int i = 0; i < observed.size(); i++) {
			var values = ItemValues.of(observed.get(i), i);
			latest.merge(values.key(), values, (a, b) -> b.updatedAt().isBefore(a.updatedAt()) ? a : b);
		}
		if (latest.isEmpty()) {
			return new Outcome(0, 0, 0, 0);
		}
		Instant now = clock.instant();
		SlaPolicy policy = policies.inForceOn(LocalDate.ofInstant(now, ZoneOffset.UTC)).orElse(null);
		var stored = store.byKeys(latest.keySet());
		var fresh = new ArrayList<VulnerabilityStore.NewItem>();
		var revisions = new ArrayList<ItemRevision>();
		var seen = new LinkedHashMap<StoredItem, VulnerabilitySource>();
		for (var values : latest.values()) {
			var item = stored.get(values.key());
			if (item == null) {
				fresh.add(newItem(values, source, now, policy));
			}
			else if (values.updatedAt().isBefore(item.sourceUpdatedAt())) {
				seen.put(item, source);
			}
			else {
				revisions.add(ItemRevision.of(item, values, policy));
			}
		}
		store.insert(fresh, now);
		store.revise(revisions, source, now);
		store.seen(seen, now);
		return new Outcome(latest.size(), fresh.size(),
				(int) revisions.stream().filter(r -> !r.changes().isEmpty()).count(),
				(int) (fresh.stream().filter(f -> f.fixedAt() != null).count() + revisions.stream()
					.filter(r -> r.changes().stream().anyMatch(c -> c.kind() == VulnerabilityChange.Kind.FIXED))
					.count()));
	}

	private static VulnerabilityStore.NewItem newItem(ItemValues values, VulnerabilitySource source, Instant now,
			SlaPolicy policy) {
		Instant start = values.firstObservedAt() != null ? values.firstObservedAt() : now;
		var deadline = DeadlineRow
			.of(Deadline.of(policy, values.accountId(), values.resourceType(), values.severity(), start));
		Instant fixedAt = values.closed() ? ItemRevision.latest(start, values.updatedAt()) : null;
		return new VulnerabilityStore.NewItem(values, source, start, fixedAt, deadline);
	}

	/**
	 * @param items distinct items observed
	 * @param created of them, first seen now
	 * @param changed of the others, those whose severity, clock or state changed
	 * @param fixed of them all, those now fixed
	 */
	record Outcome(int items, int created, int changed, int fixed) {

		Map<String, Object> payload() {
			return Map.of("vulnerabilities", items, "created", created, "changed", changed, "fixed", fixed);
		}

	}

}
