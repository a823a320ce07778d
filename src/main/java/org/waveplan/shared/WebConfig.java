package org.waveplan.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters name enum values as people type them: {@code format=hfcc}, {@code scope=own}. */
@Configuration
class WebConfig implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new LenientEnums());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final class LenientEnums implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
			return source -> source.isBlank() ? null
					: (T) Enum.valueOf(type, source.trim().toUpperCase().replace('-', '_'));
		}

	}

}
