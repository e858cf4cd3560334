let audio: AudioContext | undefined;

/** A short two-note chime for a new reply while the chat is closed or hidden (best effort: browsers may block sound). */
export function playChime() {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    [660, 880].forEach((frequency, index) => {
      const oscillator = audio!.createOscillator();
      const gain = audio!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, start + index * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.001, start + index * 0.12 + 0.25);
      oscillator.connect(gain).connect(audio!.destination);
      oscillator.start(start + index * 0.12);
      oscillator.stop(start + index * 0.12 + 0.25);
    });
  } catch {
    // no audio in this browser or context
  }
}
