/** Compares dotted version strings numerically: "4.10" > "4.9". */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map((n) => parseInt(n, 10) || 0);
  const right = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
