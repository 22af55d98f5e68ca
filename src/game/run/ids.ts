/** A random id; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext === true)
    return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const nowIso = (): string => new Date().toISOString();
