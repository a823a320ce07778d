package org.waveplan.schedule;

/**
 * One entry read from a schedule file (HFCC, EiBi or Waveplan's own), before it becomes one of
 * our slots or an external entry.
 *
 * @param line 1-based line number in the file
 * @param targets CIRAF zones, or {@code null} when the file gives none (EiBi): then every zone
 * @param siteCode transmitter site (HFCC three-letter code, EiBi site remark); may be null
 * @param powerKw may be null; likewise every field below
 * @param azimuth main beam azimuth in degrees (HFCC also allows {@code ND}: null)
 * @param antenna ITU-R BS.705 antenna code (HFCC), e.g. {@code 206}
 * @param language language code or name as the file gives it
 * @param administration ITU administration code (HFCC), e.g. {@code KOR}
 * @param broadcaster broadcaster code (HFCC) or station name (EiBi)
 * @param modulation {@code D} AM DSB, {@code N} DRM, {@code T} SSB (HFCC)
 */
record ScheduleEntry(int line, double frequencyKhz, BroadcastTime time, CirafZones targets, String siteCode,
		Integer powerKw, Integer azimuth, String antenna, String language, String administration, String broadcaster,
		String modulation) {
}
