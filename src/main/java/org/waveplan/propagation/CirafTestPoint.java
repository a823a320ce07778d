package org.waveplan.propagation;

/**
 * One of the 911 CIRAF test points where a target zone is predicted: its zone (1-85), the quadrant it stands for
 * ({@code NE}, {@code NW}, {@code SE}, {@code SW}, the half {@code N} in zone 18, or empty where VOACAP does not divide
 * the zone), where it is (whole degrees) and its number in VOACAP's list (1-911).
 */
public record CirafTestPoint(int zone, String quadrant, GeoPoint position, int number) {
}
