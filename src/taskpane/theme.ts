/**
 * Office themes expose the pane's background colour; a dark background means a dark Office theme.
 * Relative luminance below one half counts as dark.
 */
export function isDarkColor(color: string | undefined): boolean {
  if (!color) return false;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return luminance < 0.5;
}
