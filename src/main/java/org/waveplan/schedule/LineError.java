package org.waveplan.schedule;

/**
 * What is wrong with one line of a schedule file, and where: 1-based line and column, the field
 * as the format names it, and why.
 */
record LineError(int line, int column, String field, String reason) {
}
