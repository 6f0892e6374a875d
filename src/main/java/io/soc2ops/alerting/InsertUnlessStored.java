package io.soc2ops.alerting;

import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * An INSERT the database itself skips when a row with the same key is stored already:
 * PostgreSQL's {@code ON CONFLICT DO NOTHING}, H2's {@code MERGE}. It updates one row
 * when it inserts, none when it skips. H2's MERGE checks, then inserts, so two at once
 * can still meet a duplicate key there.
 */
final class InsertUnlessStored {

	private InsertUnlessStored() {
	}

	/**
	 * A key column and the named parameter that carries its value, with the SQL type H2's
	 * MERGE needs to compare them.
	 */
	record Key(String column, String parameter, String type) {

		String cast() {
			return "CAST(:" + parameter + " AS " + type + ")";
		}

		String matched() {
			return "t." + column + " = k." + column;
		}

	}

	/**
	 * @param columns the columns inserted, comma-separated
	 * @param values their values in the same order, comma-separated
	 */
	static String sql(DataSource dataSource, String table, String columns, String values, Key... keys)
			throws MetaDataAccessException {
		String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		String row = "(" + columns + ") VALUES (" + values + ")";
		String keyColumns = joined(keys, Key::column, ", ");
		if ("PostgreSQL".equals(database)) {
			return "INSERT INTO " + table + " " + row + " ON CONFLICT (" + keyColumns + ") DO NOTHING";
		}
		return "MERGE INTO " + table + " t USING (VALUES (" + joined(keys, Key::cast, ", ") + ")) k(" + keyColumns
				+ ") ON " + joined(keys, Key::matched, " AND ") + " WHEN NOT MATCHED THEN INSERT " + row;
	}

	private static String joined(Key[] keys, Function<Key, String> part, String separator) {
		return Arrays.stream(keys).map(part).collect(Collectors.joining(separator));
	}

}
