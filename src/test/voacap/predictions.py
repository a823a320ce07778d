#!/usr/bin/env python3
"""Runs voacapl (method 30, the deck of ../shared/data/voacap/README.md) on circuits the shared reference lacks and
writes its figures in the reference's columns: src/test/resources/propagation/voacap-circuits.csv.

Usage: predictions.py VOACAPL ITSHFBC   (a voacapl built from the source, and its itshfbc directory: see
src/test/fortran/README.md, "The whole program")."""
import subprocess
import sys

VOACAPL = sys.argv[1]
# voacapl joins its root and 'database/north_pole.txt' without a separator: without the slash it falls back to the
# pole at 78.5N silently
ITSHFBC = sys.argv[2].rstrip('/') + '/'
FREQUENCIES = [5.9, 6.0, 7.3, 9.5, 11.7, 13.7, 15.3, 17.7, 21.6]
SITES = {'Tashkent': (41.32, 69.25), 'Nauen': (52.65, 12.91), 'Hwaseong': (37.21, 126.78)}
# three control points, five, the 7,000-10,000 km blend and the long-path model beyond 10,000 km
CIRCUITS = [('Tashkent', 'Beijing', (39.90, 116.40)), ('Nauen', 'Tehran', (35.69, 51.39)),
            ('Tashkent', 'Nairobi', (-1.29, 36.82)), ('Nauen', 'Singapore', (1.35, 103.82)),
            ('Nauen', 'Sydney', (-33.87, 151.21)), ('Hwaseong', 'Lima', (-12.05, -77.04))]
MONTHS = [1, 7]
SSNS = [10, 140]


def card(latitude, longitude, width):
    return '%*.2f%s%9.2f%s' % (width, abs(latitude), 'N' if latitude >= 0 else 'S', abs(longitude),
                               'E' if longitude >= 0 else 'W')


def deck(site, receiver, month, ssn):
    return '\n'.join([
        'LINEMAX      55       number of lines-per-page',
        'COEFFS    CCIR',
        'TIME          1   24    1    1',
        'MONTH      2024%5.2f' % month,
        'SUNSPOT   %4d.' % ssn,
        'LABEL     SITE                RECEIVER',
        'CIRCUIT   %s%s  S     0' % (card(*site, 5), card(*receiver, 9)),
        'SYSTEM       1. 150. 3.00  90. 73.0 3.00 0.10',
        'FPROB      1.00 1.00 1.00 0.00',
        'ANTENNA       1    1    2   30     0.000[default/isotrope     ]  0.0  250.0000',
        'ANTENNA       2    2    2   30     0.000[default/isotrope     ]  0.0    0.0000',
        'FREQUENCY  ' + ''.join('%5.2f' % f for f in FREQUENCIES) + ' 0.00 0.00',
        'METHOD       30    0',
        'EXECUTE',
        'QUIT', ''])


def field(line, i):
    return line[1 + 5 * i:6 + 5 * i].strip()


def run(site, receiver, month, ssn):
    with open(ITSHFBC + 'run/voacapx.dat', 'w') as f:
        f.write(deck(site, receiver, month, ssn))
    subprocess.run([VOACAPL, ITSHFBC], check=True, capture_output=True)
    lines = open(ITSHFBC + 'run/voacapx.out').read().splitlines()
    distance = next(float(l.split()[-1]) for l in lines if 'AZIMUTHS' in l and 'KM' in l
                    for l in [lines[lines.index(l) + 1]])
    hours = {}
    for i, line in enumerate(lines):
        if line.rstrip().endswith('FREQ'):
            block = {l[-8:].strip(): l for l in lines[i + 1:i + 24]}
            hour = int(float(field(line, 0))) % 24
            hours[hour] = (field(line, 1), block)
    return distance, hours


print('site,site_lat,site_lon,rx,rx_lat,rx_lon,month,ssn,utc_hour,distance_km,muf_mhz,freq_mhz,mode,rel,snr_db,sdbw')
for name, receiver, point in CIRCUITS:
    for month in MONTHS:
        for ssn in SSNS:
            distance, hours = run(SITES[name], point, month, ssn)
            for hour in range(24):
                muf, block = hours[hour]
                for i, frequency in enumerate(FREQUENCIES):
                    column = i + 2
                    print(','.join(str(v) for v in [name, *SITES[name], receiver, *point, month, ssn, hour, distance,
                                                     muf, frequency, field(block['MODE'], column).replace(' ', ''),
                                                     field(block['REL'], column), field(block['SNR'], column),
                                                     field(block['S DBW'], column)]))
