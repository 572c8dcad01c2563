import type { Tone } from './answer.js';

let audio: AudioContext | undefined;

/** Beeps and vibrates for an answer: one high beep in, two low ones refused. No sound files. */
export function signal(tone: Tone): void {
  navigator.vibrate?.(tone === 'green' ? 80 : tone === 'amber' ? [120, 80, 120] : [300, 100, 300]);
  try {
    audio ??= new AudioContext();
    const beeps =
      tone === 'green'
        ? [[1320, 0]]
        : tone === 'amber'
          ? [
              [660, 0],
              [660, 0.18],
            ]
          : [
              [220, 0],
              [220, 0.25],
            ];
    for (const [frequency, delay] of beeps) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency!;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(audio.destination);
      const start = audio.currentTime + delay!;
      oscillator.start(start);
      oscillator.stop(start + (tone === 'green' ? 0.12 : 0.16));
    }
  } catch {
    // No audio output (or not allowed yet): the card and the vibration remain.
  }
}
