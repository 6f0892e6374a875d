package io.soc2ops.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The inventory's syncs ({@code access_inventory_sync}) and the versions of the objects
 * they saw ({@code access_inventory_object}): an object whose document is unchanged is
 * left alone, a changed one gets a new version, and one a complete sync did not list is
 * closed. Writes go in JDBC batches; the caller holds the transaction.
 */
@Repository
class InventorySyncs {

	static final int BATCH = 1000;

	static final int MAX_DETAIL = 1000;

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	InventorySyncs(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** A new sync row, counted at the end; its ID keys the staging rows. */
	long open(String source, String scope, Instant takenAt, String origin, boolean complete, String detail) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO access_inventory_sync (source, scope, taken_at, origin, complete, objects, detail)"
				+ " VALUES (:source, :scope, :taken, :origin, :complete, 0, :detail)")
			.param("source", source)
			.param("scope", scope)
			.param("taken", time(takenAt))
			.param("origin", origin)
			.param("complete", complete)
			.param("detail", detail.isBlank() ? null : shorten(detail, MAX_DETAIL))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void count(long syncId, int objects) {
		jdbc.sql("UPDATE access_inventory_sync SET objects = :objects WHERE id = :id")
			.param("objects", objects)
			.param("id", syncId)
			.update();
	}

	/**
	 * Brings the scope's current objects in line with what the sync saw.
	 * @param seen the objects with the lower-case name each is looked up by, if any
	 */
	Changes store(String source, String scope, Instant takenAt, boolean complete, List<Named> seen) {
		var open = new HashMap<String, Current>();
		jdbc.sql("SELECT id, object_kind, object_key, digest FROM access_inventory_object"
				+ " WHERE source = :source AND scope = :scope AND gone_at IS NULL")
			.param("source", source)
			.param("scope", scope)
			.query(rs -> {
				open.put(id(rs.getString("object_kind"), rs.getString("object_key")),
						new Current(rs.getLong("id"), rs.getString("digest")));
			});
		var at = time(takenAt);
		var listed = new HashSet<String>();
		var close = new ArrayList<Object[]>();
		var insert = new ArrayList<Object[]>();
		for (var named : seen) {
			var object = named.object();
			String id = id(object.kind(), object.key());
			if (!listed.add(id)) {
				continue;
			}
			String digest = digest(object.document());
			var current = open.get(id);
			if (current != null && current.digest().equals(digest)) {
				continue;
			}
			if (current != null) {
				close.add(new Object[] { at, current.id() });
			}
			insert.add(new Object[] { source, scope, object.kind(), object.key(), object.document(), digest,
					named.nameKey(), at });
		}
		int vanished = 0;
		if (complete) {
			for (var entry : open.entrySet()) {
				if (!listed.contains(entry.getKey())) {
					close.add(new Object[] { at, entry.getValue().id() });
					vanished++;
				}
			}
		}
		batch("UPDATE access_inventory_object SET gone_at = ? WHERE id = ?", close);
		batch("INSERT INTO access_inventory_object (source, scope, object_kind, object_key, document, digest,"
				+ " name_key, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", insert);
		return new Changes(listed.size(), insert.size(), close.size(), vanished);
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			batches.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}

	private static String id(String kind, String key) {
		return kind + '\u0000' + key;
	}

	static String digest(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

	static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	static void requireAccount(String record, String accountId) {
		if (!ACCOUNT.matcher(accountId).matches()) {
			throw AccessRefused.invalid(record + ": account ID must be 12 digits but was '" + accountId + "'");
		}
	}

	/** An object and the lower-case name it is looked up by, if it has one. */
	record Named(InventoryObject object, @Nullable String nameKey) {

	}

	private record Current(long id, String digest) {

	}

	/**
	 * @param objects distinct objects the sync listed
	 * @param written new versions stored (new objects and changed ones)
	 * @param closed versions closed (changed ones and vanished ones)
	 * @param vanished objects no longer listed
	 */
	record Changes(int objects, int written, int closed, int vanished) {

		boolean any() {
			return written > 0 || closed > 0;
		}

		static Changes none() {
			return new Changes(0, 0, 0, 0);
		}

	}

	/** How many objects of each kind a sync listed, for the ledger. */
	static Map<String, Integer> kinds(List<Named> seen) {
		var kinds = new java.util.TreeMap<String, Integer>();
		seen.forEach(named -> kinds.merge(named.object().kind(), 1, Integer::sum));
		return kinds;
	}

}
