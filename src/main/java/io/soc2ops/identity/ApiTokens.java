package io.soc2ops.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * API tokens for the REST API and the CLI: shown once, stored as a SHA-256 hash (the
 * secret has 256 random bits, so a slow hash adds nothing), revocable.
 */
@Service
public class ApiTokens {

	static final String SECRET_PREFIX = "s2o_";

	/** How precisely a token's "last used" is kept. */
	static final Duration USE_PRECISION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	/** How long a token found is trusted before it is read again. */
	static final Duration RECHECK = Duration.ofSeconds(5);

	private final Map<String, Instant> lastMarked = new ConcurrentHashMap<>();

	/** Tokens found lately, by secret hash: only those that exist, so it stays small. */
	private final Map<String, Checked> recent = new ConcurrentHashMap<>();

	private final TokenRepository tokens;

	private final UserRepository users;

	private final EvidenceLedger ledger;

	private final Clock clock;

	ApiTokens(TokenRepository tokens, UserRepository users, EvidenceLedger ledger, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issue(Username owner, String name, Actor by) {
		if (!users.exists(owner)) {
			throw IdentityException.notFound("no user '" + owner + "'");
		}
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw IdentityException.refused("token name must be 1-100 characters");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		// milliseconds: what both databases store exactly, so the token returned is the
		// token stored
		var token = new ApiToken(UUID.randomUUID().toString(), owner, trimmed, secret.substring(0, 10),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), null, null);
		tokens.insert(token, hash(secret));
		record("token.issued", token, by);
		return new IssuedToken(token, secret);
	}

	@Transactional
	public ApiToken revoke(String id, Actor by, boolean asAdmin) {
		var token = tokens.byId(id).orElseThrow(() -> IdentityException.notFound("no API token " + id));
		boolean own = by.kind() == Actor.Kind.USER && by.name().equals(token.owner().value());
		if (!own && !asAdmin) {
			throw IdentityException.notFound("no API token " + id);
		}
		if (token.active()) {
			tokens.revoke(id, clock.instant());
			recent.values().removeIf(checked -> checked.tokenId().equals(id));
			record("token.revoked", token, by);
		}
		return tokens.byId(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<ApiToken> ownedBy(Username owner) {
		return tokens.ownedBy(owner);
	}

	/**
	 * The enabled user behind an active token, if the secret is one. A token found is
	 * trusted for {@link #RECHECK} before it is read again: an EventBridge API
	 * destination sends thousands of requests a second with one token. Revoking it, or
	 * disabling or changing its owner, takes effect at once on this instance and within
	 * that time on the others.
	 */
	public Optional<User> authenticate(String secret) {
		if (!secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(secret);
		Instant now = clock.instant();
		var known = recent.get(hash);
		if (known != null && known.checkedAt().isAfter(now.minus(RECHECK))) {
			markUsed(known.tokenId());
			return Optional.of(known.user());
		}
		var found = tokens.bySecretHash(hash)
			.filter(ApiToken::active)
			.flatMap(token -> users.find(token.owner())
				.filter(User::enabled)
				.map(user -> new Checked(token.id(), user, now)));
		found.ifPresentOrElse(checked -> recent.put(hash, checked), () -> recent.remove(hash));
		found.ifPresent(checked -> markUsed(checked.tokenId()));
		return found.map(Checked::user);
	}

	/** Reads this user's tokens from the database again at their next use. */
	void forget(Username owner) {
		recent.values().removeIf(checked -> checked.user().username().equals(owner));
	}

	/**
	 * Notes the use at most once a minute per token: an EventBridge API destination uses
	 * one token for thousands of requests a second, and writing the same row for each
	 * would make them wait for one another.
	 */
	private void markUsed(String tokenId) {
		Instant now = clock.instant();
		Instant marked = lastMarked.get(tokenId);
		if (marked != null && marked.isAfter(now.minus(USE_PRECISION))) {
			return;
		}
		if (marked == null ? lastMarked.putIfAbsent(tokenId, now) == null : lastMarked.replace(tokenId, marked, now)) {
			tokens.markUsed(tokenId, now);
		}
	}

	private void record(String action, ApiToken token, Actor by) {
		ledger.record(new EvidenceRecord(action, by, "identity", "user:" + token.owner(),
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
				Map.of("tokenId", token.id(), "name", token.name(), "prefix", token.prefix())));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

	private record Checked(String tokenId, User user, Instant checkedAt) {
	}

}
