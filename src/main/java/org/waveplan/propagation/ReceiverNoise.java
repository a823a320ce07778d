package org.waveplan.propagation;

/**
 * The noise at a receiver (VOACAP's GENOIS, Spaulding's combination with Caruana's limit as in ITU-R P.372-8):
 * atmospheric, galactic (only above the F2 critical frequency, which it cannot otherwise penetrate) and man-made
 * noise, each log-normal on either side of its median, summed as powers into one distribution whose mean and
 * variance on each side are the sources' sums. The receiving antenna is isotropic, with no efficiency loss.
 */
final class ReceiverNoise {

	private static final double KTB = 204.;

	/** 4.34294 * 1.282: a decile, dB, of a log-normal of unit sigma (nepers). */
	private static final double DECILE_DB = 5.56765;

	/** Above this decile, dB, of the atmospheric noise Spaulding's sum can fail and Caruana's limit applies. */
	private static final double CARUANA_DECILE = 12.;

	private final AtmosphericNoise atmospheric;

	private final double longitude;

	private final double manMadeAt3MHz;

	/**
	 * @param latitude the receiver's, radians
	 * @param longitude the receiver's, radians, east positive
	 * @param manMadeAt3MHz the man-made noise at 3 MHz, dBW/Hz (-150 a residential area)
	 */
	ReceiverNoise(MonthCoefficients month, double latitude, double longitude, double manMadeAt3MHz) {
		this.atmospheric = new AtmosphericNoise(month, latitude, longitude);
		this.longitude = longitude;
		this.manMadeAt3MHz = manMadeAt3MHz;
	}

	/**
	 * The noise at a UTC hour (0-23; the receiver's local mean time picks the atmospheric noise's time blocks), a
	 * frequency, MHz, and the F2 critical frequency over the receiver's end of the path (VOACAP's last sample area).
	 */
	Noise at(int utcHour, double frequency, double f2Critical) {
		double localTime = LocalMeanTime.atSite(LocalMeanTime.voacapHour(utcHour), Math.toDegrees(longitude));
		NoiseSource atmos = atmospheric.at(localTime, frequency);
		NoiseSource galactic = frequency > f2Critical ? NoiseSource.galactic(frequency) : null;
		NoiseSource manMade = NoiseSource.manMade(manMadeAt3MHz, frequency);
		NoiseSource[] sources = galactic == null ? new NoiseSource[] { atmos, manMade }
				: new NoiseSource[] { atmos, galactic, manMade };
		double upperMean = 0;
		double lowerMean = 0;
		double upperVariance = 0;
		double lowerVariance = 0;
		double powerSum = 0;
		for (NoiseSource source : sources) {
			upperMean += source.upperMean();
			lowerMean += source.lowerMean();
			upperVariance += source.upperVariance();
			lowerVariance += source.lowerVariance();
			powerSum += Math.pow(10., source.median() / 10.);
		}
		double upperSigma2 = Math.log(1. + upperVariance / (upperMean * upperMean));
		double lowerSigma2 = Math.log(1. + lowerVariance / (lowerMean * lowerMean));
		if (atmos.upperDecile() > CARUANA_DECILE || atmos.lowerDecile() > CARUANA_DECILE) {
			// the combined log-normal's median must not fall below the plain power sum
			double sum = NoiseSource.DB_PER_NEPER * Math.log(powerSum);
			double upperLimit = 2. * (Math.log(upperMean) - sum / NoiseSource.DB_PER_NEPER);
			double lowerLimit = 2. * (Math.log(lowerMean) - sum / NoiseSource.DB_PER_NEPER);
			if (upperSigma2 > upperLimit && upperLimit > 0) {
				upperSigma2 = upperLimit;
			}
			if (lowerSigma2 > lowerLimit && lowerLimit > 0) {
				lowerSigma2 = lowerLimit;
			}
		}
		double median = NoiseSource.DB_PER_NEPER * (Math.log(upperMean) - upperSigma2 / 2.);
		double upperDecile = DECILE_DB * Math.sqrt(upperSigma2);
		double lowerDecile = DECILE_DB * Math.sqrt(lowerSigma2);
		double medianError2 = 0;
		double upperError2 = 0;
		double lowerError2 = 0;
		for (NoiseSource source : sources) {
			double share = Math.pow(10., (source.median() - median) * .1);
			medianError2 += square(share * source.medianError());
			upperError2 += deciles(share, source.upperDecile() - upperDecile, source.upperError(),
					source.medianError());
			lowerError2 += deciles(share, source.lowerDecile() - lowerDecile, source.lowerError(),
					source.medianError());
		}
		return new Noise(median - KTB, upperDecile, lowerDecile, Math.sqrt(medianError2), Math.sqrt(upperError2),
				Math.sqrt(lowerError2), atmos.median() - KTB,
				galactic == null ? Double.NEGATIVE_INFINITY : galactic.median() - KTB, manMade.median() - KTB);
	}

	/** A source's part in the error of a decile of the sum: its share there, from its share at the median. */
	private static double deciles(double share, double decileExcess, double decileError, double medianError) {
		double atDecile = share * Math.exp(decileExcess / NoiseSource.DB_PER_NEPER);
		return square(atDecile * decileError) + square((atDecile - share) * medianError);
	}

	private static double square(double x) {
		return x * x;
	}

	/**
	 * The noise at the receiver, dBW in 1 Hz.
	 *
	 * @param median the median of the sum (VOACAP's RCNSE)
	 * @param upperDecile dB above the median (DU)
	 * @param lowerDecile dB below it (DL)
	 * @param medianError the median's prediction error, dB (SIGM)
	 * @param upperError the upper decile's (SYGU)
	 * @param lowerError the lower decile's (SYGL)
	 * @param atmospheric the atmospheric noise's median
	 * @param galactic the galactic noise's, minus infinity at or below the F2 critical frequency
	 * @param manMade the man-made noise's
	 */
	record Noise(double median, double upperDecile, double lowerDecile, double medianError, double upperError,
			double lowerError, double atmospheric, double galactic, double manMade) {
	}

}
