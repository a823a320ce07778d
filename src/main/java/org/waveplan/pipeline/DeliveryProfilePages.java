package org.waveplan.pipeline;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.waveplan.audio.Codec;
import org.waveplan.audio.Preset;
import org.waveplan.pipeline.DeliveryProfileController.ProfileRequest;
import org.waveplan.pipeline.DeliveryProfileController.ProfileView;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * A site's delivery profile and station ident, as a part of the site's page (which loads it with htmx), or a page of
 * its own when opened alone. Engineers change them, through the services the API uses; others see them.
 */
@Controller
@RequestMapping("/sites/{code}")
class DeliveryProfilePages {

	private static final String PAGE = "pipeline/profile";

	private final DeliveryProfiles profiles;

	private final SiteIdents idents;

	DeliveryProfilePages(DeliveryProfiles profiles, SiteIdents idents) {
		this.profiles = profiles;
		this.idents = idents;
	}

	@GetMapping("/profile")
	String profile(@PathVariable String code, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		show(code, null, model);
		return FormProblem.view(PAGE, "profile", htmx);
	}

	@PostMapping("/profile")
	String put(@PathVariable String code, @Valid @ModelAttribute("form") ProfileRequest form, BindingResult binding,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		show(code, form, model);
		try {
			if (binding.hasErrors()) {
				throw FormProblem.of(binding);
			}
			profiles.put(code, form);
		}
		catch (ProblemException e) {
			return FormProblem.show(e, model, response, FormProblem.view(PAGE, "profile", htmx));
		}
		show(code, null, model);
		model.addAttribute("saved", true);
		return FormProblem.view(PAGE, "profile", htmx);
	}

	@PostMapping("/ident")
	String ident(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) throws IOException {
		show(code, null, model);
		try {
			if (file == null || file.isEmpty()) {
				throw ProblemException.invalid("file", "choose an audio file");
			}
			try (var in = file.getInputStream()) {
				model.addAttribute("identSet", idents.put(code, in));
			}
		}
		catch (ProblemException e) {
			return FormProblem.show(e, model, response, FormProblem.view(PAGE, "profile", htmx));
		}
		show(code, null, model);
		return FormProblem.view(PAGE, "profile", htmx);
	}

	@PostMapping("/ident/remove")
	String removeIdent(@PathVariable String code, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, HttpServletResponse response) {
		show(code, null, model);
		try {
			idents.remove(code);
		}
		catch (ProblemException e) {
			return FormProblem.show(e, model, response, FormProblem.view(PAGE, "profile", htmx));
		}
		show(code, null, model);
		return FormProblem.view(PAGE, "profile", htmx);
	}

	/** The site's profile in the form, or what was entered; a site that does not exist is a 404. */
	private void show(String code, ProfileRequest entered, Model model) {
		ProfileView profile = profiles.of(code).map(ProfileView::of).orElse(null);
		model.addAttribute("code", code);
		model.addAttribute("hasProfile", profile != null);
		model.addAttribute("identSha256", profile == null ? null : profile.identSha256());
		model.addAttribute("form", entered != null ? entered : profile == null ? blank() : profile.request());
		model.addAttribute("codecs", Arrays.stream(Codec.values()).map(Enum::name).toList());
		model.addAttribute("presets", Arrays.stream(Preset.values()).map(DeliveryProfileSpec::name).toList());
	}

	// a new profile starts from the defaults the API gives what it is not told
	private static ProfileRequest blank() {
		return new ProfileRequest(null, null, null, null, DeliveryProfileSpec.DEFAULT_TARGET_LUFS,
				DeliveryProfileSpec.DEFAULT_CEILING_DBTP, DeliveryProfileSpec.DEFAULT_LEAD_TIME, null);
	}


}
