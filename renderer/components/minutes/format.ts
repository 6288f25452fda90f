/** Small formatters for the export results. */

/** 1234567 → "1.2 MB (1,234,567 bytes)". */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-GB')} bytes`;
  if (bytes < 1024) return exact;
  const [size, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kB'] : [bytes / (1024 * 1024), 'MB'];
  return `${size.toFixed(1)} ${unit} (${exact})`;
}

/** 3 → "0:03", 75 → "1:15". */
export function formatElapsed(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
