package io.soc2ops.alerting;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Slack incoming webhook URL, checked before it is sealed. It is a secret: refusals
 * never repeat it, and {@link #toString()} gives only its {@link #hint()}.
 */
final class WebhookUrl {

	static final int MAX_LENGTH = 500;

	private static final Set<String> SLACK_HOSTS = Set.of("hooks.slack.com", "hooks.slack-gov.com");

	private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

	private final String value;

	private final String hint;

	private WebhookUrl(URI uri) {
		this.value = uri.toString();
		this.hint = hintOf(uri);
	}

	/**
	 * @param localAllowed whether {@code http://127.0.0.1} and {@code localhost} are
	 * accepted too
	 * @throws AlertingException naming the field {@code webhookUrl}, never the URL
	 */
	static WebhookUrl parse(String text, boolean localAllowed) {
		if (text.isBlank()) {
			throw refused("is required");
		}
		if (text.length() > MAX_LENGTH) {
			throw refused("must be at most " + MAX_LENGTH + " characters but has " + text.length());
		}
		if (text.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
			throw refused("must be printable ASCII, without spaces or control characters");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw refused("is not a URL");
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw refused("must not carry a user name, query or fragment (a Slack webhook URL has none)");
		}
		if (!(slack(uri) || localAllowed && local(uri))) {
			throw refused("must be a Slack incoming webhook URL (https://hooks.slack.com/services/... or "
					+ "https://hooks.slack-gov.com/services/...)"
					+ (localAllowed ? ", or an http URL on 127.0.0.1 or localhost" : ""));
		}
		return new WebhookUrl(uri);
	}

	String value() {
		return value;
	}

	/**
	 * Enough to recognise the URL, not to use it: scheme, host, {@code services}, the
	 * first letter of the team and the last four characters of the secret.
	 */
	String hint() {
		return hint;
	}

	@Override
	public String toString() {
		return hint;
	}

	private static boolean slack(URI uri) {
		return "https".equals(uri.getScheme()) && uri.getHost() != null
				&& SLACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))
				&& (uri.getPort() == -1 || uri.getPort() == 443) && uri.getRawPath().startsWith("/services/")
				&& uri.getRawPath().length() > "/services/".length();
	}

	private static boolean local(URI uri) {
		return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
				&& LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
	}

	private static String hintOf(URI uri) {
		List<String> segments = Arrays.stream(uri.getRawPath().split("/")).filter(s -> !s.isEmpty()).toList();
		String path = IntStream.range(0, segments.size())
			.mapToObj(i -> abbreviated(segments.get(i), i, segments.size()))
			.collect(Collectors.joining("/"));
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/" + path;
	}

	private static String abbreviated(String segment, int index, int count) {
		if (index == 0 && segment.equals("services")) {
			return segment;
		}
		if (index == count - 1) {
			return segment.length() >= 12 ? "…" + segment.substring(segment.length() - 4) : "…";
		}
		return index == 1 && segment.length() >= 4 ? segment.charAt(0) + "…" : "…";
	}

	private static AlertingException refused(String problem) {
		return AlertingException.refused("webhookUrl: " + problem);
	}

}
