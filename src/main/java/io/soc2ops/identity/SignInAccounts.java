package io.soc2ops.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a person for form sign-in.
 */
@Component
class SignInAccounts implements UserDetailsService {

	private final UserRepository users;

	private final SignInThrottle throttle;

	SignInAccounts(UserRepository users, SignInThrottle throttle) {
		this.users = users;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var user = parse(username).flatMap(users::find)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		String hash = users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
		return org.springframework.security.core.userdetails.User.withUsername(username)
			.password(hash)
			.disabled(!user.enabled())
			.accountLocked(throttle.locked(username))
			.authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.build();
	}

	private static java.util.Optional<Username> parse(String username) {
		try {
			return java.util.Optional.of(Username.of(username));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

}
