package io.workflowpersistence.worker.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds {@link QueryParameters} records straight from the request through their
 * canonical constructor, which is looked up once per type. Spring's data binder would do
 * the same but read the annotations of every constructor parameter again on each request,
 * which costs more than the query behind it.
 */
class QueryParametersResolver implements HandlerMethodArgumentResolver {

	private final Map<Class<?>, Binding> bindings = new ConcurrentHashMap<>();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type.isRecord() && QueryParameters.class.isAssignableFrom(type)
				&& !parameter.hasParameterAnnotation(RequestBody.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		return this.bindings.computeIfAbsent(parameter.getParameterType(), Binding::of).create(request);
	}

	/**
	 * How to build one record type: its canonical constructor and, per component, the
	 * parameter name and whether it takes every value.
	 */
	private record Binding(Constructor<?> constructor, String[] names, boolean[] lists) {

		static Binding of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			boolean[] lists = new boolean[components.length];
			for (int i = 0; i < components.length; i++) {
				lists[i] = components[i].getType() == List.class;
				if (!lists[i] && components[i].getType() != String.class) {
					throw new IllegalStateException(type + "." + components[i].getName() + " is no String or List");
				}
			}
			try {
				Constructor<?> constructor = type.getDeclaredConstructor(
						Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
				constructor.setAccessible(true);
				return new Binding(constructor,
						Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new), lists);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("No canonical constructor in " + type, ex);
			}
		}

		Object create(NativeWebRequest request) {
			Object[] arguments = new Object[this.names.length];
			for (int i = 0; i < this.names.length; i++) {
				String[] values = request.getParameterValues(this.names[i]);
				if (values != null && this.lists[i]) {
					arguments[i] = List.of(values);
				}
				else if (values != null && values.length > 1) {
					throw new InvalidParameterException(this.names[i], "must be given once");
				}
				else if (values != null) {
					arguments[i] = values[0];
				}
			}
			try {
				return this.constructor.newInstance(arguments);
			}
			catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("Cannot build " + this.constructor.getDeclaringClass(), ex);
			}
		}

	}

}
