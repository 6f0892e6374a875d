package io.soc2ops.alerting;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Error texts fit to store, show and log: whatever a library or a receiver said, with the
 * webhook URL, any URL at all, the URL's path and each longer segment of it taken out,
 * control characters flattened and the length bounded.
 */
final class ErrorText {

	static final int MAX_LENGTH = 500;

	private static final Pattern ANY_URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"'<>)]*");

	private ErrorText() {
	}

	static String scrubbed(String text, String url) {
		String out = text.replace(url, "<webhook URL>");
		out = ANY_URL.matcher(out).replaceAll("<URL>");
		String path = pathOf(url);
		if (path.length() > 1) {
			out = out.replace(path, "/…");
			for (String segment : path.split("/")) {
				if (segment.length() >= 6 && !segment.equals("services")) {
					out = out.replace(segment, "…");
				}
			}
		}
		out = out.replaceAll("\\p{Cntrl}+", " ").strip();
		return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "…" : out;
	}

	private static String pathOf(String url) {
		try {
			var path = URI.create(url).getRawPath();
			return path == null ? "" : path;
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
