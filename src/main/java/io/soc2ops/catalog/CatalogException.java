package io.soc2ops.catalog;

/**
 * A request about the catalog that cannot be carried out, with a message fit to show.
 */
public class CatalogException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final boolean notFound;

	CatalogException(String message, boolean notFound) {
		super(message);
		this.notFound = notFound;
	}

	public boolean isNotFound() {
		return notFound;
	}

}
