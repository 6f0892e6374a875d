package io.soc2ops.web;

import java.util.List;

import org.springframework.security.core.Authentication;

import io.soc2ops.identity.Capability;

/**
 * The signed-in person as the templates see them: name, roles, and what they may change.
 */
record Viewer(String username, List<String> roles, boolean mayRecordTests, boolean mayAdministerUsers,
		boolean mayReadUsers, boolean mayReadAws, boolean mayReadSchedules, boolean mayReadPeople) {

	static Viewer of(Authentication authentication) {
		var roles = authentication.getAuthorities()
			.stream()
			.map(a -> a.getAuthority())
			.filter(a -> a != null && a.startsWith("ROLE_"))
			.map(a -> a.substring("ROLE_".length()))
			.sorted()
			.toList();
		return new Viewer(authentication.getName(), roles, Capability.RECORD_CONTROL_TESTS.allows(authentication),
				Capability.ADMINISTER_USERS.allows(authentication), Capability.READ_USERS.allows(authentication),
				Capability.READ_AWS.allows(authentication), Capability.READ_SCHEDULES.allows(authentication),
				Capability.READ_PEOPLE.allows(authentication));
	}

}
