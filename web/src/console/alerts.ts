/**
 * Tells the agent a conversation was assigned to them: a desktop notification when the browser
 * allows it, otherwise a short tone (and the tab title either way).
 */
export function askForNotifications(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => undefined);
  }
}

export function announceAssignment(customer: string): void {
  const text = `New conversation assigned: ${customer}`;
  if (!document.hasFocus()) {
    document.title = `● ${text}`;
  }
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification('Parley', { body: text });
    return;
  }
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch {
    // No audio (a headless browser, a blocked autoplay): the title still says it.
  }
}

window.addEventListener('focus', () => { document.title = 'Parley console'; });
