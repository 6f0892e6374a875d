package io.soc2ops.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}, or the token
 * in {@code X-Api-Key} (how an EventBridge API destination's API_KEY connection sends
 * it). A wrong token is refused outright rather than treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	static final String API_KEY_HEADER = "X-Api-Key";

	private static @org.jspecify.annotations.Nullable String secret(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).strip();
		}
		String apiKey = request.getHeader(API_KEY_HEADER);
		return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = secret(request);
		if (secret == null) {
			chain.doFilter(request, response);
			return;
		}
		var user = tokens.authenticate(secret);
		if (user.isEmpty()) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
			return;
		}
		var authorities = user.get().roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user.get().username().value(), null,
				authorities);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
