/** Every string of the accessibility settings (UK English). */
export const A11Y_STRINGS = {
  open: 'Accessibility',
  openLabel: 'Accessibility settings',
  heading: 'Accessibility settings',
  intro: 'These settings are saved in this browser on this device. Nothing is sent anywhere.',
  display: 'Display',
  textSize: 'Text size',
  textSizeOption: (size: number) => (size === 100 ? 'Normal (100%)' : `${size}%`),
  highContrast: 'High contrast colours',
  highContrastHint: 'Black text on white with stronger borders.',
  reduceMotion: 'Reduce motion',
  reduceMotionHint:
    'No typing effect, sliding or bouncing. Motion is also reduced when your device asks for it.',
  showCallTimer: 'Show the call clock on phone calls',
  showCallTimerHint: 'The clock only counts up: there is never a time limit.',
  voice: "Customer's voice",
  voiceEnabled: "Read the customer's lines aloud",
  voiceEnabledHint: 'Captions always stay on screen. Off unless you turn it on.',
  rate: 'Speaking speed',
  rateOption: (rate: number) =>
    rate === 1 ? 'Normal' : rate < 1 ? `Slower (${rate}×)` : `Faster (${rate}×)`,
  voiceChoice: 'Voice',
  voiceAuto: 'Automatic (UK English if available)',
  noVoices:
    'This browser has no speech voices, so the customer stays silent. Everything they say is still shown on screen.',
  test: 'Test the voice',
  testLine: 'Hello. This is how the customer will sound.',
  close: 'Close',
  keysHeading: 'Keyboard',
  keys: 'Tab and Shift+Tab move between controls. In a role-play, 1 to 9 choose a reply, Enter or Space skip the typing, Escape pauses.',
} as const;
