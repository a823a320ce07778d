package org.waveplan.propagation;

/**
 * One month's coefficients as read: the file {@code coeffMM.asc} (every map but foF2, the noise and F2 MUF
 * tables) and that month's CCIR foF2 coefficients.
 *
 * @param fof2 XF2COF(13,76,2): the foF2 map at sunspot numbers 0 and 100
 */
record MonthCoefficients(int month, CoefficientFile file, double[] fof2) {
}
