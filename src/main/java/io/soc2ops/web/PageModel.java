package io.soc2ops.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's layout needs: who is signed in. Added to pages once their handler has
 * run rather than by a model-attribute advice, which Spring MVC would also resolve for
 * each REST call (on the event intake's path, a tenth of its time).
 */
class PageModel implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
			return;
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& !page.getModel().containsKey("viewer")) {
			page.addObject("viewer", Viewer.of(authentication));
		}
	}

}
