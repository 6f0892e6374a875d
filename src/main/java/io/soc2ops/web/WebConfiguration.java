package io.soc2ops.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and Japanese: the browser's language first, {@code ?lang=ja} or
 * {@code ?lang=en} to switch, remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale JAPANESE = Locale.JAPANESE;

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("soc2ops-lang");
		resolver.setDefaultLocaleFunction(
				request -> "ja".equals(request.getLocale().getLanguage()) ? JAPANESE : Locale.ENGLISH);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(new PageModel());
	}

}
