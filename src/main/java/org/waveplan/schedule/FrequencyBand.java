package org.waveplan.schedule;

/**
 * A broadcasting band allocated by the ITU Radio Regulations, with the carrier raster that
 * applies in it. Tropical bands (120, 90, 60 m) are only for use inside the tropical zone.
 */
record FrequencyBand(String name, Kind kind, int lowKhz, int highKhz, int rasterKhz, boolean tropical) {

	enum Kind { MW, SW }

	boolean contains(double khz) {
		return khz >= lowKhz && khz <= highKhz;
	}

	boolean onRaster(int khz) {
		return contains(khz) && khz % rasterKhz == 0;
	}

	/**
	 * Every carrier frequency of the band, lowest first. Carriers sit on whole multiples of the
	 * raster: 531, 540 ... kHz on the 9 kHz MW raster, 530, 540 ... on 10 kHz, 5 kHz steps on SW.
	 */
	int[] channels() {
		int first = lowKhz + Math.floorMod(-lowKhz, rasterKhz);
		int count = first > highKhz ? 0 : (highKhz - first) / rasterKhz + 1;
		int[] channels = new int[count];
		for (int i = 0; i < count; i++) {
			channels[i] = first + i * rasterKhz;
		}
		return channels;
	}

}
