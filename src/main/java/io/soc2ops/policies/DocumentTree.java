package io.soc2ops.policies;

import java.util.Map;

/**
 * A policy document read into plain values: {@code Map<String, Object>} for mappings (in
 * their order), {@code List<Object>} for sequences and {@link Scalar} for the rest, with
 * the line each field was on when the format has lines.
 *
 * @param lines the 1-based line of each field, by its path ({@code sla.HIGH},
 * {@code scope.accounts[0]})
 */
record DocumentTree(Object root, Map<String, Integer> lines) {

	/** The refusal with the line of its field in front, when that line is known. */
	PolicyRefused located(PolicyRefused refusal) {
		Integer line = lines.get(refusal.field());
		return line == null ? refusal : refusal.at("line " + line);
	}

}
