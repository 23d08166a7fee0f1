/** `xl uptime` / `xm uptime`: `Name  ID  Uptime`, uptime as `[N day[s], ]H:MM:SS`. */
import { Parsed, parsed } from './result';

const ROW = /^(\S+)\s+(\d+)\s+(?:(\d+) days?,\s*)?(\d+):(\d\d):(\d\d)\s*$/;

/** Uptime in seconds by domain id. Lines that are not rows (the header) are skipped. */
export function parseXlUptime(text: string): Parsed<Map<number, number>> {
  const uptimes = new Map<number, number>();
  for (const line of text.split('\n')) {
    const match = ROW.exec(line.trim());
    if (!match) continue;
    const [days, hours, minutes, seconds] = [match[3] ?? '0', match[4], match[5], match[6]].map(Number);
    uptimes.set(Number(match[2]), ((days * 24 + hours) * 60 + minutes) * 60 + seconds);
  }
  return parsed(uptimes);
}
