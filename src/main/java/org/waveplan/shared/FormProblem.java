package org.waveplan.shared;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * A page's form refused with the API's own problem: the page is drawn again with what was entered and the problem
 * detail (template fragments {@code fragments :: problem} and {@code fragments :: fieldError(field)}), under the
 * problem's status.
 */
public final class FormProblem {

	public static final String ATTRIBUTE = "problem";

	private FormProblem() {
	}

	/**
	 * The view of a page that is also a part of others: the template's fragment {@code part} when htmx asks (its
	 * {@code HX-Request} header, given as {@code htmx}), the whole page otherwise.
	 */
	public static String view(String page, String part, String htmx) {
		return htmx == null ? page : page + " :: " + part;
	}

	/** Puts the problem in the model and its status on the response; returns the view to draw the form again. */
	public static String show(ProblemException problem, Model model, HttpServletResponse response, String view) {
		model.addAttribute(ATTRIBUTE, problem.toProblemDetail());
		response.setStatus(problem.status().value());
		return view;
	}

	/**
	 * The problem the API answers for the same field errors of a bound request; a value that could not be read as its
	 * type is named as the API names one, not by the converter's Java.
	 */
	public static ProblemException of(BindingResult binding) {
		List<Map<String, Object>> errors = binding.getFieldErrors()
			.stream()
			.map(f -> Map.<String, Object>of("field", f.getField(), "reason", f.isBindingFailure()
					? ProblemException.unreadable(f.getRejectedValue()) : String.valueOf(f.getDefaultMessage())))
			.toList();
		return ProblemException.invalid(errors);
	}

}
