package io.soc2ops.catalog;

/**
 * A catalog data file that cannot be used, with the file and line to fix. Thrown at
 * start, so soc2ops never runs on a half-valid catalog.
 */
public class CatalogFileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	CatalogFileException(String file, int line, String problem) {
		super(file + (line > 0 ? " line " + line : "") + ": " + problem);
	}

}
