package io.soc2ops.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.soc2ops.aws.AccountRegion;
import io.soc2ops.aws.CollectorSync;
import io.soc2ops.aws.ConnectionResult;
import io.soc2ops.aws.Region;

/**
 * Results per account and Region laid out as a table: one row per account, one column per
 * Region (those in scope first, then any other a result names).
 */
record AwsMatrix<C>(List<String> regions, List<Row<C>> rows) {

	record Row<C>(String account, List<@Nullable C> cells) {

	}

	/** A connection check's result with its cell state. */
	record CheckCell(String state, ConnectionResult result) {

	}

	/** A sync with its cell state. */
	record SyncCell(String state, CollectorSync sync) {

	}

	static AwsMatrix<CheckCell> checks(List<ConnectionResult> results, List<Region> inScope) {
		return of(results, ConnectionResult::target, inScope, result -> new CheckCell(state(result), result));
	}

	static AwsMatrix<SyncCell> syncs(List<CollectorSync> syncs, List<Region> inScope) {
		return of(syncs, CollectorSync::target, inScope, sync -> new SyncCell(state(sync), sync));
	}

	static <T, C> AwsMatrix<C> of(List<T> items, Function<T, AccountRegion> target, List<Region> inScope,
			Function<T, C> cell) {
		var regions = new LinkedHashSet<String>();
		inScope.forEach(region -> regions.add(region.code()));
		var others = new TreeSet<String>();
		var byAccount = new TreeMap<String, Map<String, C>>();
		for (T item : items) {
			var at = target.apply(item);
			others.add(at.region().code());
			byAccount.computeIfAbsent(at.account().value(), account -> new TreeMap<>())
				.put(at.region().code(), cell.apply(item));
		}
		regions.addAll(others);
		var rows = new ArrayList<Row<C>>();
		byAccount.forEach((account, cells) -> {
			var row = new ArrayList<@Nullable C>();
			regions.forEach(region -> row.add(cells.get(region)));
			rows.add(new Row<>(account, row));
		});
		return new AwsMatrix<>(List.copyOf(regions), rows);
	}

	/**
	 * A connection check's cell: {@code ok}; {@code partial} when some calls worked and
	 * others were refused, or Security Hub is off there; {@code denied} when nothing
	 * worked; {@code error} for anything else.
	 */
	static String state(ConnectionResult result) {
		return switch (result.status()) {
			case OK -> "ok";
			case ACCESS_DENIED -> result.workingCalls().isEmpty() ? "denied" : "partial";
			case NOT_ENABLED -> "partial";
			case ERROR -> "error";
		};
	}

	/** A sync's cell: {@code ok}, or {@code error} when its last attempt failed. */
	static String state(CollectorSync sync) {
		return sync.lastError() == null ? "ok" : "error";
	}

}
