/** Formats a byte count for people: `512 bytes`, `1.5 KB`, `2.0 MB` (1 KB = 1024 bytes). */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} ${size === 1 ? 'byte' : 'bytes'}`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** The first file chosen in a native file input, or null. */
export function chosenFile(input: HTMLInputElement | null | undefined): File | null {
  return input?.files?.[0] ?? null;
}

/** Hexadecimal SHA-256 of bytes, in upper-case pairs separated by `:` (the usual fingerprint form). */
export async function sha256Fingerprint(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** Decodes standard base64 into bytes. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
