package io.soc2ops.alerting;

import org.jspecify.annotations.Nullable;

import io.soc2ops.identity.Username;

/**
 * One change a responder asks for. Validates itself, naming the field: a note is at most
 * {@value #MAX_NOTE} characters of text (line breaks and tabs, no other control
 * characters) and is required where the action needs one; an assignee goes with
 * {@link CaseAction#ASSIGN} only.
 *
 * @param note why, in the responder's words; empty for none
 * @param assignee with ASSIGN: the username to assign, or empty to unassign
 * @param version the case version the responder saw; when given, a case that has moved on
 * since is refused instead of changed
 */
public record CaseChange(CaseAction action, String note, @Nullable String assignee, @Nullable Integer version) {

	public static final int MAX_NOTE = 4000;

	public CaseChange {
		note = note.replace("\r\n", "\n").strip();
		if (note.length() > MAX_NOTE) {
			throw CaseRefused.invalid("note", "at most " + MAX_NOTE + " characters, but it has " + note.length());
		}
		if (note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			throw CaseRefused.invalid("note", "control characters other than line breaks and tabs are not accepted");
		}
		if (action.needsNote() && note.isEmpty()) {
			throw CaseRefused.invalid("note", action + " needs a note saying why");
		}
		if (action == CaseAction.ASSIGN) {
			assignee = username(assignee);
		}
		else if (assignee != null) {
			throw CaseRefused.invalid("assignee", "goes with action ASSIGN only, not " + action);
		}
	}

	public static CaseChange of(CaseAction action) {
		return new CaseChange(action, "", null, null);
	}

	public static CaseChange of(CaseAction action, String note) {
		return new CaseChange(action, note, null, null);
	}

	/** Assigns the case to {@code username}; empty unassigns it. */
	public static CaseChange assign(String username) {
		return new CaseChange(CaseAction.ASSIGN, "", username, null);
	}

	/** The same change, refused if the case is no longer at {@code seen}. */
	public CaseChange at(int seen) {
		return new CaseChange(action, note, assignee, seen);
	}

	private static String username(@Nullable String assignee) {
		if (assignee == null) {
			throw CaseRefused.invalid("assignee", "ASSIGN needs the username to assign (empty to unassign)");
		}
		String name = assignee.strip();
		if (name.isEmpty()) {
			return name;
		}
		try {
			return Username.of(name).value();
		}
		catch (IllegalArgumentException ex) {
			throw CaseRefused.invalid("assignee", ex.getMessage());
		}
	}

}
