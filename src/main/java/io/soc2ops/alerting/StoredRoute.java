package io.soc2ops.alerting;

/**
 * A route with its sealed webhook URL, as {@link RouteStore} keeps it. The sealed value
 * changes whenever the URL is replaced (a fresh nonce each time), so it also tells which
 * URL a post went to.
 */
record StoredRoute(AlertRoute route, String sealedUrl) {

	String name() {
		return route.name();
	}

	@Override
	public String toString() {
		return "StoredRoute[" + route + "]";
	}

}
