package io.soc2ops.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: who is signed in.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

	@ModelAttribute("viewer")
	@Nullable Viewer viewer(@Nullable Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return Viewer.of(authentication);
	}

}
