#!/usr/bin/env bash
# Regenerates the demo episodes in this folder: synthetic speech (espeak-ng), tones and noise,
# encoded with the FFmpeg that Waveplan itself runs. See README.md.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v espeak-ng >/dev/null 2>&1; then
	apt-get update -q && apt-get install -y -q espeak-ng
fi

# FFMPEG=/path/to/ffmpeg skips Maven; by default the binary bundled with Jave, unpacked by Jave itself.
if [[ -z "${FFMPEG:-}" ]]; then
	FFMPEG=$(cd .. && ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.audio.FfmpegPath | tail -n 1)
	# Jave sets the execute bit asynchronously after unpacking it
	chmod +x "$FFMPEG"
fi
echo "FFmpeg: $FFMPEG"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# -bitexact keeps version strings out of the files, so a rerun changes nothing
ff() {
	"$FFMPEG" -hide_banner -nostdin -loglevel error -y "$@" -bitexact
}

speak() { # voice speed text output
	espeak-ng -v "$1" -s "$2" -w "$work/$4" "$3"
}

speak en-gb 160 "Good evening. This is Waveplan, with the news at nineteen hundred hours universal time.
	Engineers at three transmitter sites completed the switch to the summer schedule overnight.
	All frequencies in the forty one and thirty one metre bands are on the air as planned.
	Listeners in the target area report clear reception in the early evening.
	Our next bulletin follows at twenty hundred hours. Stay tuned." news.wav

speak en-us+f3 150 "Welcome to Knowledge Hour. Today we ask why shortwave signals travel so far.
	The ionosphere reflects radio waves back to the earth, and a signal may hop several times
	before it reaches a listener thousands of kilometres away.
	By day the lower layers absorb the shorter bands, so broadcasters move to higher frequencies.
	At night the absorbing layer fades, and the lower bands open up across whole continents.
	That is why a schedule changes with the hour, the season and the sunspot cycle." feature.wav

speak en-gb-x-rp 130 "It is past midnight. This is the quiet hour on Waveplan.
	We keep our voices low, and the music soft, while the night goes by.
	Outside, the rain has stopped, and the city lights are going out one by one.
	In a moment, a reading from a book about the sea, and the ships that crossed it long ago.
	Thank you for listening, wherever you are." quiet.wav

# News bulletin, mono MP3, loud: five time pips and a long one, then the bulletin, compressed and limited.
ff -f lavfi -i "aevalsrc='0.5*sin(2*PI*1000*t)*(lt(mod(t,1),0.1)*lt(t,5)+between(t,5,5.5))':s=44100:d=6.5" \
	-i "$work/news.wav" \
	-filter_complex "[1:a]aresample=44100[speech];[0:a][speech]concat=n=2:v=0:a=1,acompressor=threshold=0.05:ratio=4:attack=5:release=100:makeup=6,alimiter=limit=0.9:level=disabled" \
	-ac 1 -c:a libmp3lame -b:a 64k news-bulletin-mono.mp3

# Feature, stereo FLAC: the voice in the middle over a soft chord, a different note on each side.
ff -i "$work/feature.wav" \
	-f lavfi -i "aevalsrc='0.04*sin(2*PI*220*t)|0.04*sin(2*PI*330*t)':s=44100:d=60" \
	-filter_complex "[0:a]aresample=44100,pan=stereo|c0=c0|c1=c0[voice];[voice][1:a]amix=inputs=2:duration=first:normalize=0" \
	-c:a flac -sample_fmt s16 feature-stereo.flac

# The quiet hour, mono 16-bit WAV at 22.05 kHz: a low voice over faint pink noise.
ff -i "$work/quiet.wav" \
	-f lavfi -i "anoisesrc=c=pink:a=0.004:seed=7:r=22050:d=60" \
	-filter_complex "[0:a][1:a]amix=inputs=2:duration=first:normalize=0,volume=-14dB" \
	-c:a pcm_s16le quiet-hour-mono.wav

# Line-up tones, stereo MP3: 1 kHz at -9 dBFS, a 100 Hz to 8 kHz sweep,
# uncorrelated pink noise on each side, then 440 Hz left and 880 Hz right to tell the sides apart.
ff -f lavfi -i "aevalsrc='0.35*sin(2*PI*1000*t)':s=44100:c=stereo:d=8" \
	-f lavfi -i "aevalsrc='0.3*sin(2*PI*100*8/log(80)*(exp(t*log(80)/8)-1))':s=44100:c=stereo:d=8" \
	-f lavfi -i "anoisesrc=c=pink:a=0.2:seed=1:r=44100:d=8" \
	-f lavfi -i "anoisesrc=c=pink:a=0.2:seed=2:r=44100:d=8" \
	-f lavfi -i "aevalsrc='0.3*sin(2*PI*440*t)|0.3*sin(2*PI*880*t)':s=44100:d=6" \
	-filter_complex "[2:a][3:a]amerge=inputs=2[noise];[0:a][1:a][noise][4:a]concat=n=4:v=0:a=1" \
	-c:a libmp3lame -b:a 128k line-up-tones-stereo.mp3

ls -l ./*.mp3 ./*.flac ./*.wav
