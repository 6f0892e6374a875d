package io.soc2ops.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.evidence.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Users, roles and API tokens")
class IdentityApi {

	private final Users users;

	private final ApiTokens tokens;

	IdentityApi(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/me")
	@Operation(summary = "Who the token belongs to")
	ApiViews.UserView me(Authentication authentication) {
		return users.find(Username.of(authentication.getName()))
			.map(ApiViews.UserView::of)
			.orElseThrow(() -> NotFound.of("no user " + authentication.getName()));
	}

	@GetMapping("/users")
	List<ApiViews.UserView> users() {
		return users.all().stream().map(ApiViews.UserView::of).toList();
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a user (ADMIN)")
	ApiViews.UserView create(@Valid @RequestBody NewUser request, Authentication authentication) {
		var user = users.create(Username.of(request.username()), request.displayName(),
				UsersController.parseRoles(request.roles()), request.password(), Actor.user(authentication.getName()));
		return ApiViews.UserView.of(user);
	}

	@PutMapping("/users/{username}/roles")
	@Operation(summary = "Replace a user's roles (ADMIN)")
	ApiViews.UserView changeRoles(@PathVariable String username, @RequestBody List<@NotBlank String> roles,
			Authentication authentication) {
		return ApiViews.UserView.of(users.changeRoles(Username.of(username), UsersController.parseRoles(roles),
				Actor.user(authentication.getName())));
	}

	@GetMapping("/tokens")
	@Operation(summary = "Your API tokens (never their secrets)")
	List<ApiViews.TokenView> tokens(Authentication authentication) {
		return tokens.ownedBy(Username.of(authentication.getName())).stream().map(ApiViews.TokenView::of).toList();
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue an API token for yourself; the secret is in this response only")
	IssuedTokenView issue(@Valid @RequestBody NewToken request, Authentication authentication) {
		var issued = tokens.issue(Username.of(authentication.getName()), request.name(),
				Actor.user(authentication.getName()));
		return new IssuedTokenView(ApiViews.TokenView.of(issued.token()), issued.secret());
	}

	@DeleteMapping("/tokens/{id}")
	@Operation(summary = "Revoke one of your tokens (an ADMIN may revoke anyone's)")
	ApiViews.TokenView revoke(@PathVariable String id, Authentication authentication) {
		return ApiViews.TokenView.of(tokens.revoke(id, Actor.user(authentication.getName()),
				Capability.ADMINISTER_USERS.allows(authentication)));
	}

	record NewUser(@NotBlank String username, @NotBlank String displayName, @NotNull String password,
			@NotEmpty List<String> roles) {
	}

	record NewToken(@NotBlank String name) {
	}

	record IssuedTokenView(ApiViews.TokenView token, String secret) {
	}

}
