/**
 * The goals of issue 16, and the figures of this run against them: every part of the bench records
 * what it measured, and the bench ends with one table (goal, figure, met or not), so that a before
 * and after comparison is two runs' tables side by side.
 */

interface Figure {
  what: string;
  value: number;
  unit: string;
  /** The figure meets the goal when it is at most (`max`) or at least (`min`) the limit. */
  goal: { max: number } | { min: number };
}

const figures: Figure[] = [];

export function recordAtMost(what: string, value: number, unit: string, max: number): void {
  figures.push({ what, value, unit, goal: { max } });
}

export function recordAtLeast(what: string, value: number, unit: string, min: number): void {
  figures.push({ what, value, unit, goal: { min } });
}

const met = (f: Figure) => ('max' in f.goal ? f.value <= f.goal.max : f.value >= f.goal.min);
const shown = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

export function printGoals(): void {
  if (figures.length === 0) return;
  const width = Math.max(...figures.map((f) => f.what.length)) + 2;
  console.log(`\ngoals (issue 16): ${figures.filter(met).length} of ${figures.length} met`);
  for (const f of figures) {
    const goal = 'max' in f.goal ? `≤ ${shown(f.goal.max)}` : `≥ ${shown(f.goal.min)}`;
    console.log(`  ${f.what.padEnd(width)}${`${shown(f.value)} ${f.unit}`.padEnd(14)}goal ${`${goal} ${f.unit}`.padEnd(16)}${met(f) ? 'met' : 'NOT MET'}`);
  }
}
