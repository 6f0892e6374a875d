package io.soc2ops.aws;

import java.util.regex.Pattern;

/**
 * An AWS region code such as {@code ap-northeast-1} (Tokyo) or {@code ap-northeast-3}
 * (Osaka).
 */
public record Region(String code) {

	private static final Pattern CODE = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]");

	public Region {
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("'" + code + "' is not an AWS region code (like ap-northeast-1)");
		}
	}

	@Override
	public String toString() {
		return code;
	}

}
