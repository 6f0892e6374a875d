package io.soc2ops.alerting;

/**
 * Text for Slack messages made safe and short enough: finding titles, resource IDs and
 * rule names come from outside and may hold anything. In {@code mrkdwn}, {@code &},
 * {@code <} and {@code >} are escaped as Slack asks (so nothing becomes a link or an
 * {@code @channel}), and backticks become a look-alike so a value cannot leave its code
 * span; control characters become spaces. Text longer than a limit is cut, never inside
 * an escape or a surrogate pair, and ends with an ellipsis.
 */
public final class SlackText {

	/** Slack's limits (Block Kit reference): a header's text. */
	public static final int HEADER = 150;

	/** A section's text. */
	public static final int SECTION = 3000;

	/** One field of a section. */
	public static final int FIELD = 2000;

	/** Fields in one section. */
	public static final int FIELDS = 10;

	/** A button's text. */
	public static final int BUTTON = 75;

	/** A button's URL. */
	public static final int URL = 3000;

	/** Blocks in one message. */
	public static final int BLOCKS = 50;

	private static final String ELLIPSIS = "…";

	/** MODIFIER LETTER GRAVE ACCENT, which Slack does not read as a code span. */
	private static final char BACKTICK_LOOKALIKE = 'ˋ';

	private SlackText() {
	}

	/** Text for a {@code mrkdwn} object, at most {@code max} characters. */
	public static String mrkdwn(String raw, int max) {
		return fit(escaped(raw), max);
	}

	/** A value shown as code in {@code mrkdwn}, quotes included, at most {@code max}. */
	public static String code(String raw, int max) {
		return "`" + fit(escaped(raw), max - 2) + "`";
	}

	/** Text for a {@code plain_text} object (shown as it is), at most {@code max}. */
	public static String plain(String raw, int max) {
		return fit(cleaned(raw), max);
	}

	static String escaped(String raw) {
		var out = new StringBuilder(raw.length() + 16);
		for (char c : cleaned(raw).toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '`' -> out.append(BACKTICK_LOOKALIKE);
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String cleaned(String raw) {
		var out = new StringBuilder(raw.length());
		raw.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				out.append(' ');
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	/** Cuts escaped text to {@code max} characters with an ellipsis. */
	public static String fit(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int cut = Math.max(0, max - ELLIPSIS.length());
		if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
			cut--;
		}
		int amp = text.lastIndexOf('&', cut - 1);
		if (amp >= 0 && cut - amp < 5 && text.indexOf(';', amp) >= cut) {
			cut = amp;
		}
		return text.substring(0, cut) + ELLIPSIS;
	}

}
