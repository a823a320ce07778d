package org.waveplan.propagation;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * VOACAP's CCIR coefficients, packaged in the jar (see {@code propagation/README.md}): each month's file read once,
 * when first asked for, and kept.
 */
final class CoefficientMaps {

	private final AtomicReferenceArray<MonthCoefficients> months = new AtomicReferenceArray<>(12);

	private volatile CoefficientFile fof2;

	/** The ionospheric maps of a month (1-12) at a sunspot number. */
	IonosphericMaps maps(int month, double ssn) {
		return new IonosphericMaps(month(month), ssn);
	}

	MonthCoefficients month(int month) {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("month " + month + " is not 1-12");
		}
		MonthCoefficients read = months.get(month - 1);
		if (read == null) {
			read = new MonthCoefficients(month, CoefficientFile.resource("coeff%02d.asc".formatted(month)),
					fof2().block("month=" + month));
			months.compareAndSet(month - 1, null, read);
		}
		return months.get(month - 1);
	}

	private CoefficientFile fof2() {
		CoefficientFile file = fof2;
		if (file == null) {
			file = CoefficientFile.resource("fof2CCIR.asc");
			fof2 = file;
		}
		return file;
	}

}
