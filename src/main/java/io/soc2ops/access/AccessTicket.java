package io.soc2ops.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to the ticket an access request belongs to (https only), with a short label when
 * it is a Jira, Backlog or GitHub issue: "Jira OPS-12", "Backlog INFRA-7", "GitHub
 * acme/infra#42".
 */
public record AccessTicket(String url, String label) {

	public static final int MAX_LENGTH = 500;

	private static final Pattern JIRA = Pattern.compile("/browse/([A-Z][A-Z0-9_]*-[0-9]+)/?");

	private static final Pattern BACKLOG = Pattern.compile("/view/([A-Z][A-Z0-9_]*-[0-9]+)/?");

	private static final Pattern GITHUB = Pattern
		.compile("/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)/(?:issues|pull)/([0-9]+)/?");

	/**
	 * @throws AccessRefused naming the field {@code ticketUrl} when it is not an https
	 * address of at most {@value #MAX_LENGTH} characters
	 */
	public static AccessTicket of(String text) {
		String url = text.strip();
		if (url.length() > MAX_LENGTH) {
			throw AccessRefused.invalid("ticketUrl: is " + url.length() + " characters; at most " + MAX_LENGTH);
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw AccessRefused.invalid("ticketUrl: is not an address (" + ex.getReason() + ")");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw AccessRefused.invalid("ticketUrl: must be an https address of a ticket, like "
					+ "https://example.atlassian.net/browse/OPS-12");
		}
		return new AccessTicket(url, label(uri));
	}

	private static String label(URI uri) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		Matcher m;
		if (host.endsWith(".atlassian.net") && (m = JIRA.matcher(path)).matches()) {
			return "Jira " + m.group(1);
		}
		if ((host.endsWith(".backlog.com") || host.endsWith(".backlog.jp") || host.endsWith(".backlogtool.com"))
				&& (m = BACKLOG.matcher(path)).matches()) {
			return "Backlog " + m.group(1);
		}
		if (host.equals("github.com") && (m = GITHUB.matcher(path)).matches()) {
			return "GitHub " + m.group(1) + "/" + m.group(2) + "#" + m.group(3);
		}
		return host;
	}

}
